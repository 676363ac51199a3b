"""What a running Radio Desk holds for triage: suggestions with the station's model, background
retraining, repeat callers and possible duplicates.

The cases come from a :class:`CaseSource` (the local store in the app, a list in tests).  Nothing here
touches Qt: the GUI calls :meth:`TriageService.retrain_if_needed` from a worker thread and
:meth:`TriageService.suggest` from wherever it likes (both are thread-safe).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from radio_desk.domain.models import Case, utcnow
from radio_desk.errors import RadioDeskError
from radio_desk.triage.learning import Learner
from radio_desk.triage.model import CategoryModel
from radio_desk.triage.related import DUPLICATE_WINDOW, RelatedCase, possible_duplicates, repeat_caller
from radio_desk.triage.suggest import Suggester, Suggestion

log = logging.getLogger(__name__)


class CaseSource(Protocol):
    """The few questions triage asks of the station's cases."""

    def confirmed_pairs(self) -> Sequence[tuple[str, str]]:
        """``(text, category)`` of every case whose category an operator confirmed."""
        ...

    def cases_by_phone(self, phone: str) -> Sequence[Case]:
        """Every case from this phone number (E.164)."""
        ...

    def recent_cases(self, desa_code: str, category: str, since: datetime) -> Sequence[tuple[Case, str]]:
        """Cases of a desa and category received since ``since``, each with its text."""
        ...


@dataclass(frozen=True)
class Related:
    repeat_caller: tuple[Case, ...]
    duplicates: tuple[RelatedCase, ...]


class TriageService:
    def __init__(
        self,
        source: CaseSource | None = None,
        suggester: Suggester | None = None,
        learner: Learner | None = None,
        seed: Callable[[], CategoryModel] | None = None,
    ) -> None:
        """``seed`` loads (or trains) the seed model: :meth:`load_seed_in_background` calls it."""
        self.source = source
        self._seed_loader = seed
        self.learner = learner or Learner()
        self.suggester = suggester or Suggester(model=self.learner.model())
        if suggester is not None and suggester.model is None:
            suggester.set_model(self.learner.model())
        self._retraining = threading.Lock()

    def load_seed(self) -> bool:
        """Load or train the seed model and hand it to the suggester (blocking; seconds the first
        time).  Returns whether a seed is now in use; without one the suggestions go on as before."""
        if self._seed_loader is None:
            return False
        try:
            self.suggester.set_seed(self._seed_loader())
        except (RadioDeskError, OSError, ValueError) as err:
            log.warning("Model awal saran kategori tidak tersedia: %s", err)
            return False
        return True

    def load_seed_in_background(self) -> threading.Thread | None:
        """:meth:`load_seed` in a daemon thread: suggestions are hints (and the station's model) until
        it is there.  Returns the thread (tests join it), or ``None`` when there is no seed to load."""
        if self._seed_loader is None:
            return None
        worker = threading.Thread(target=self.load_seed, name="triage-seed", daemon=True)
        worker.start()
        return worker

    def suggest(self, text: str | None) -> Suggestion:
        return self.suggester.suggest(text)

    def retrain_if_needed(self) -> bool:
        """Retrain when enough new confirmations exist (blocking; run it in a worker).  Returns whether a
        new model is now in use.  A second call while one runs returns ``False`` at once."""
        if self.source is None or not self._retraining.acquire(blocking=False):
            return False
        try:
            pairs = list(self.source.confirmed_pairs())
            try:
                model = self.learner.retrain_if_needed(pairs)
            except (RadioDeskError, OSError) as err:  # keep the old model; say why in the log
                log.warning("Pelatihan ulang saran kategori gagal: %s", err)
                return False
            if model is None:
                return False
            self.suggester.set_model(model)
            return True
        finally:
            self._retraining.release()

    def retrain_in_background(self) -> threading.Thread | None:
        """Call after an operator confirms a case: checks (and retrains when enough new confirmations
        exist) in a daemon thread, so no caller ever waits; the new model is swapped in when ready.
        Returns the thread (tests join it), or ``None`` when a retrain is already running."""
        if self.source is None or self._retraining.locked():
            return None
        worker = threading.Thread(target=self.retrain_if_needed, name="triage-retrain", daemon=True)
        worker.start()
        return worker

    def related(
        self,
        text: str,
        *,
        phone: str | None,
        desa_code: str | None,
        category: str | None,
        exclude: object = None,
        now: datetime | None = None,
    ) -> Related:
        """Earlier cases of the same caller, and possible duplicates of this one."""
        if self.source is None:
            return Related((), ())
        now = now or utcnow()
        earlier = repeat_caller(phone, self.source.cases_by_phone(phone) if phone else (), exclude=exclude)
        dups: list[RelatedCase] = []
        if desa_code and category:
            recent = self.source.recent_cases(desa_code, category, now - DUPLICATE_WINDOW)
            dups = possible_duplicates(text, desa_code, category, recent, now=now, exclude=exclude)
        return Related(tuple(earlier), tuple(dups))
