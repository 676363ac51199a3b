"""Which recordings a live process is still writing: a lock file ``<name>.lock`` next to the audio.

The recorder holds it from the moment it creates a call's file until the call is stopped, the
archiver while it turns the WAV into FLAC, the importer while it copies a file in, the command line
for the whole of ``radio-desk record``.  Start-up recovery and archive clean-up touch only recordings
whose lock nobody holds, so a second copy of the app (or a second ``radio-desk record``) never marks a
call that is still being written as crashed, nor deletes its ``.flac.part``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from radio_desk.locks import HELD, holding, is_held


def lock_path(audio_path: Path) -> Path:
    """``x.wav``, ``x.flac``, ``x.json``, ``x.flac.part``, ``x.json.tmp`` → ``x.lock``."""
    p = Path(audio_path)
    if p.suffix in (".part", ".tmp"):
        p = p.with_suffix("")
    return p.with_suffix(".lock")


def claim(audio_path: Path, timeout: float = 5.0) -> bool:
    """Take the recording's lock (again, if this process has it); ``False`` if another process has it."""
    return HELD.acquire(lock_path(audio_path), timeout)


def release(audio_path: Path) -> None:
    HELD.release(lock_path(audio_path))


def is_live(audio_path: Path) -> bool:
    """Whether a live process still writes this recording."""
    return is_held(lock_path(audio_path))


@contextmanager
def unowned(audio_path: Path) -> Iterator[bool]:
    """For recovery: ``True`` and the recording's lock for the block when no live process (this one
    included) writes it; ``False`` and no lock otherwise."""
    if is_live(audio_path) or not claim(audio_path, timeout=0.0):
        yield False
        return
    try:
        yield True
    finally:
        release(audio_path)


@contextmanager
def owning(audio_path: Path) -> Iterator[None]:
    with holding(lock_path(audio_path), what=f"rekaman {Path(audio_path).name}"):
        yield
