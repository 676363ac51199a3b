"""Lock files that die with their process: one desktop app per data folder, one writer per recording.

The OS lock (``flock`` on Linux, ``LockFileEx`` on Windows, through the ``filelock`` package) is
released by the kernel when the process ends, however it ends — ``kill -9``, a power cut — so a lock
left by a crash never blocks the next start.  :class:`HeldLocks` is reentrant inside one process, so
the recorder, the archiver and the command line can each hold a recording's lock without waiting for
each other; another process (or another thread probing with :func:`is_held`) sees it as taken.

No Qt here: the GUI's single-instance handling builds on :class:`AppLock`.
"""

from __future__ import annotations

import logging
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

log = logging.getLogger(__name__)

_UNLINK_WHILE_HELD = os.name != "nt"  # Windows cannot unlink an open file; filelock does it after release


def _try_lock(path: Path, timeout: float = 0.0) -> FileLock | None:
    lock = FileLock(str(path), timeout=timeout, thread_local=False)  # the recorder's thread takes it
    try:
        lock.acquire()
    except Timeout:
        return None
    return lock


def _drop(lock: FileLock, path: Path) -> None:
    """Release and remove the lock file (removing it first where the OS allows, while still held)."""
    if _UNLINK_WHILE_HELD:
        path.unlink(missing_ok=True)
    lock.release()


class HeldLocks:
    """The lock files this process holds, counted, so a holder can take a lock it already has."""

    def __init__(self) -> None:
        self._guard = threading.Lock()
        self._held: dict[Path, tuple[FileLock, int]] = {}

    def acquire(self, path: Path, timeout: float = 5.0) -> bool:
        """Take (or take again) the lock at ``path``; ``False`` when another process holds it."""
        path = Path(path).absolute()
        with self._guard:
            if path in self._held:
                lock, count = self._held[path]
                self._held[path] = (lock, count + 1)
                return True
        path.parent.mkdir(parents=True, exist_ok=True)
        lock = _try_lock(path, timeout)  # a probe by another process holds it only for a moment
        if lock is None:
            return False
        with self._guard:
            self._held[path] = (lock, 1)
        return True

    def release(self, path: Path) -> None:
        path = Path(path).absolute()
        with self._guard:
            entry = self._held.get(path)
            if entry is None:
                return
            lock, count = entry
            if count > 1:
                self._held[path] = (lock, count - 1)
                return
            del self._held[path]
        _drop(lock, path)

    def holds(self, path: Path) -> bool:
        return Path(path).absolute() in self._held


HELD = HeldLocks()


def is_held(path: Path) -> bool:
    """Whether a live process (this one included) holds the lock at ``path``.

    A lock file nobody holds was left by a process that died: it is removed on the way."""
    path = Path(path)
    if HELD.holds(path):
        return True
    if not path.exists():
        return False
    lock = _try_lock(path)
    if lock is None:
        return True
    _drop(lock, path)
    return False


@contextmanager
def holding(path: Path, *, what: str = "") -> Iterator[None]:
    """Hold the lock at ``path`` for the block (reentrant); a lock another process holds is waited for
    up to 5 s, then the block runs anyway, logged — a lock must never cost a recording."""
    got = HELD.acquire(path)
    if not got:
        log.warning("lock %s (%s) is held by another process; going on without it", path, what or "?")
    try:
        yield
    finally:
        if got:
            HELD.release(path)


class AppLock:
    """The desktop app's lock in the data folder: at most one app per data folder at a time."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.held = False

    def acquire(self) -> bool:
        self.held = self.held or HELD.acquire(self.path, timeout=0.0)
        return self.held

    def release(self) -> None:
        if self.held:
            HELD.release(self.path)
            self.held = False
