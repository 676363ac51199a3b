"""Keeping the garbage collector's full passes off the operator's clock.

A full (generation-2) collection walks every tracked Python object with the GIL held.  With Qt,
SQLAlchemy, numpy and the speech engine loaded that is some 150,000 objects and about 50 ms, during
which neither the GUI thread nor any other Python thread runs: the On-Air window freezes for that long
(bench/bench_gui.py, ``gc_full_max_ms``).  What is alive once the window is up and the model is loaded
lives as long as the app, so it goes to the permanent generation (:func:`gc.freeze`), which collections
no longer walk; a full pass then walks only what came after (measured: 54 ms per full pass before,
none at all during a 3-minute recorded and transcribed call after; bench/bench_gui.py).  Objects that
die later are still freed as usual (reference counting); only garbage cycles that already exist at
the moment of freezing stay in memory, a one-off few hundred kilobytes.
"""

from __future__ import annotations

import gc
import logging

log = logging.getLogger(__name__)


def freeze_long_lived(reason: str) -> int:
    """Move every object alive now out of the collector's reach; the number of frozen objects."""
    gc.freeze()
    count = gc.get_freeze_count()
    log.debug("gc: %d long-lived objects frozen (%s)", count, reason)
    return count
