"""Small real file systems for full-disk tests: a tmpfs of a given size (needs root) and a helper that
fills it to the last byte, so writes fail with ENOSPC exactly as on a studio PC's full disk."""

from __future__ import annotations

import subprocess
from pathlib import Path


def mount_tmpfs(mnt: Path, size: str) -> str | None:
    """Mount a tmpfs of ``size`` ("600k", "2m") on ``mnt``; the reason when it cannot be done."""
    mnt.mkdir(parents=True, exist_ok=True)
    out = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mnt)], capture_output=True
    )
    return None if out.returncode == 0 else (out.stderr.decode().strip() or "mount failed")


def unmount(mnt: Path) -> None:
    subprocess.run(["umount", "-l", str(mnt)], check=False)


def fill_disk(folder: Path) -> Path:
    """Fill the file system of ``folder`` to the last byte with one file; returns that file."""
    filler = folder / "filler.bin"
    block = b"\0" * 4096
    with open(filler, "wb", buffering=0) as f:
        try:
            while True:
                if f.write(block) == 0:
                    break
        except OSError:
            pass
        try:
            while f.write(b"\0"):  # the last partial block
                pass
        except OSError:
            pass
    return filler
