"""Learning from confirmed cases: when to retrain, where the model lives, and the retrain itself.

The GUI runs :meth:`Learner.retrain` in a worker thread (it is a plain blocking function: about a
second for 5,000 cases) and hands the new model to its :class:`~radio_desk.triage.suggest.Suggester`
with ``set_model``.  The model file sits in the user's data folder (``triage/category-model.npz``);
a damaged or outdated file is ignored (hints-only suggestions) and replaced at the next retrain.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from pathlib import Path

from radio_desk.domain.taxonomy import CATEGORY_CODES
from radio_desk.errors import ModelError
from radio_desk.paths import app_paths
from radio_desk.triage.model import CategoryModel, train

log = logging.getLogger(__name__)

MIN_CASES = 20  # fewer confirmed cases than this teach the model more noise than sense
MIN_NEW = 10  # retrain after at least this many new confirmations ...
MIN_NEW_FRACTION = 0.1  # ... and at least this share of what the model already learned from


def model_path() -> Path:
    return app_paths().data / "triage" / "category-model.npz"


class Learner:
    """Owns the station's category model file; thread-safe."""

    def __init__(self, path: Path | None = None, categories: Iterable[str] = CATEGORY_CODES) -> None:
        self.path = path or model_path()
        self.categories = list(categories)
        self._lock = threading.Lock()
        self._model: CategoryModel | None = None
        self._loaded = False

    def model(self) -> CategoryModel | None:
        """The saved model, or ``None`` when there is none yet (or it cannot be read)."""
        with self._lock:
            if not self._loaded:
                self._loaded = True
                if self.path.exists():
                    try:
                        self._model = CategoryModel.load(self.path)
                    except ModelError as err:
                        log.warning("%s", err)
            return self._model

    def n_trained(self) -> int:
        m = self.model()
        return m.n_trained if m else 0

    def needs_retrain(self, n_confirmed: int) -> bool:
        """Whether ``n_confirmed`` confirmed cases justify a new model."""
        if n_confirmed < MIN_CASES:
            return False
        done = self.n_trained()
        new = n_confirmed - done
        return done == 0 or (new >= MIN_NEW and new >= MIN_NEW_FRACTION * done) or new < 0

    def retrain(self, pairs: Iterable[tuple[str, str]]) -> CategoryModel:
        """Train on ``(text, category)`` pairs, save, and return the new model (blocking)."""
        model = train(pairs, self.categories)
        model.save(self.path)
        with self._lock:
            self._model, self._loaded = model, True
        return model

    def retrain_if_needed(self, pairs: list[tuple[str, str]]) -> CategoryModel | None:
        """Retrain when enough new confirmations exist; ``None`` when nothing changed."""
        if not self.needs_retrain(len(pairs)):
            return None
        return self.retrain(pairs)

    def forget(self) -> None:
        """Delete the learned model (e.g. after the regency changes its categories)."""
        with self._lock:
            self._model, self._loaded = None, True
            self.path.unlink(missing_ok=True)
