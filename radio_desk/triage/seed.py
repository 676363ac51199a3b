"""The seed model: category words learned from the developers' own call sets, for a fresh install.

A new station has no confirmed cases, so the learned part of category suggestions would be silent for
its first weeks.  The seed is a :class:`~radio_desk.triage.model.CategoryModel` trained on the shipped
tuning call sets (``calls_dev`` .. ``calls_dev4``: our own text, never the held-out sets).  No model
file is shipped: the seed is trained at first use, off the GUI thread, and kept in the user's cache
folder under a name that hashes what it was trained from (the call sets, the code version), so a new
release or new call sets train a new one.  Training is deterministic: the same sets give the same
weights (the zip file around them carries its own time stamps).
A damaged cache file is ignored and trained again.

The seed reads what the suggester's models read (the complaint's own words,
:meth:`~radio_desk.triage.suggest.Suggester.model_text`), with the names of the call sets' places
left out: a desa named in a road complaint says nothing of roads elsewhere.
"""

from __future__ import annotations

import hashlib
import logging
import threading
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from radio_desk import __version__
from radio_desk.errors import ModelError
from radio_desk.paths import app_paths
from radio_desk.triage.callset import CALL_REGENCY, call_set_path, load_calls
from radio_desk.triage.model import FORMAT_VERSION, CategoryModel, train

if TYPE_CHECKING:
    from radio_desk.triage.suggest import Suggester

log = logging.getLogger(__name__)

SEED_SETS = ("dev", "dev2", "dev3", "dev4", "dev5")  # the tuning sets; the held-out sets never teach
SEED_VERSION = 1  # bump when what the seed reads changes without a new release


def seed_digest(sets: Iterable[str] = SEED_SETS) -> str:
    """What the seed is trained from: the call sets' bytes, the model format and the code version."""
    h = hashlib.sha256(f"{SEED_VERSION}/{FORMAT_VERSION}/{__version__}".encode())
    for name in sets:
        h.update(name.encode() + b"\0" + call_set_path(name).read_bytes() + b"\0")
    return h.hexdigest()[:16]


def seed_path(sets: Iterable[str] = SEED_SETS) -> Path:
    return app_paths().cache / "triage" / f"seed-model-{seed_digest(sets)}.npz"


def seed_pairs(sets: Iterable[str] = SEED_SETS, suggester: Suggester | None = None) -> list[tuple[str, str]]:
    """``(what the model reads, category)`` of every call of ``sets``, its place names left out."""
    from radio_desk.triage.suggest import Suggester

    reader = suggester or Suggester(regency_code=CALL_REGENCY)
    pairs = []
    for name in sets:
        for call in load_calls(call_set_path(name)):
            pairs.append((reader.model_text(call.text, places=False), call.category))
    return pairs


def train_seed(sets: Iterable[str] = SEED_SETS, categories: Iterable[str] | None = None) -> CategoryModel:
    from radio_desk.domain.taxonomy import CATEGORY_CODES

    cats = list(categories) if categories is not None else list(CATEGORY_CODES)
    return train(seed_pairs(tuple(sets)), cats, trained_at=0.0)


_lock = threading.Lock()


def load_or_train(sets: Iterable[str] = SEED_SETS, path: Path | None = None) -> CategoryModel:
    """The seed from the cache, or trained now (seconds: run it off the GUI thread) and cached."""
    sets = tuple(sets)
    path = path or seed_path(sets)
    with _lock:  # two tabs asking at once train it once
        if path.exists():
            try:
                return CategoryModel.load(path)
            except ModelError as err:
                log.warning("Model awal kategori rusak, dilatih ulang: %s", err)
        model = train_seed(sets)
        try:
            model.save(path)
            for old in path.parent.glob("seed-model-*.npz"):  # seeds of earlier releases
                if old != path:
                    old.unlink(missing_ok=True)
        except OSError as err:  # a read-only cache: use it in memory, train again next start
            log.warning("Model awal kategori tidak bisa disimpan: %s", err)
        return model
