"""Files that survive a crash or a power cut: atomic writes, directory fsync, file SHA-256.

An atomic write goes to a temporary sibling, is fsynced, renamed onto the target (``os.replace``:
atomic on POSIX and Windows) and the folder is fsynced so the rename itself is on the disk.  A crash
at any moment leaves the old file or the new one, never half of either.  Standard library only: the
desk, the CLI and the server may all use it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

HASH_CHUNK = 1024 * 1024


def fsync_dir(directory: Path) -> None:
    """Make a rename or a new file in ``directory`` durable.  Not possible on Windows (a folder cannot
    be opened) and refused by some file systems: a rename is atomic there all the same, so both are
    ignored."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def sha256_file(path: Path, progress: Callable[[int, int], None] | None = None) -> str:
    """The file's SHA-256 (hex), read in 1 MiB blocks; ``progress(done, total)`` after each block."""
    h = hashlib.sha256()
    total = path.stat().st_size if progress else 0
    done = 0
    with open(path, "rb") as f:
        while chunk := f.read(HASH_CHUNK):
            h.update(chunk)
            if progress:
                done += len(chunk)
                progress(done, total)
    return h.hexdigest()


@contextlib.contextmanager
def atomic_write(
    path: Path,
    mode: str = "w",
    *,
    tmp: Path | None = None,
    encoding: str | None = "utf-8",
    newline: str | None = None,
    durable: bool = True,
) -> Iterator[IO[Any]]:
    """Open a temporary sibling of ``path`` for writing; on a clean exit it replaces ``path``.

    ``tmp``: the temporary file's name when others look for it (recovery, ownership locks); by default
    a unique hidden ``.<name>.XXXX.tmp``.  On an error the temporary file is removed and ``path`` is
    left as it was.  ``durable``: fsync the file and the folder (off for files that can be made again).
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    if tmp is None:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        tmp = Path(name)
        handle = os.fdopen(fd, mode, encoding=None if "b" in mode else encoding, newline=newline)
    else:
        handle = open(tmp, mode, encoding=None if "b" in mode else encoding, newline=newline)  # noqa: SIM115
    try:
        with handle as f:
            yield f
            if durable:
                f.flush()
                os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if durable:
        fsync_dir(path.parent)


def write_json_atomic(
    path: Path,
    data: Any,
    *,
    tmp: Path | None = None,
    indent: int | None = 1,
    default: Callable[[Any], Any] | None = None,
) -> None:
    """``data`` as UTF-8 JSON (non-ASCII kept as it is), written with :func:`atomic_write`."""
    text = json.dumps(data, ensure_ascii=False, indent=indent, default=default)
    with atomic_write(path, tmp=tmp) as f:
        f.write(text)
