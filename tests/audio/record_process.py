"""A real ``record`` process for the crash and second-start tests: started, and awaited until it says
which file it writes."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path


def spawn_recording(
    cmd: list[str], env: dict[str, str], cwd: Path | None = None, timeout: float = 30.0
) -> tuple[subprocess.Popen[str], Path, str]:
    """Start ``cmd`` (a ``record`` command) and return once it prints ``Merekam: <file>`` and the
    recording's ID: (process, file, recording id).  Fails with the process's error output otherwise."""
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=cwd)
    assert proc.stdout is not None and proc.stderr is not None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = proc.stdout.readline()
        if line.startswith("Merekam:"):
            path = Path(line.split(":", 1)[1].strip())
            rec_id = proc.stdout.readline().split(":", 1)[1].strip()
            return proc, path, rec_id
        if not line and proc.poll() is not None:
            break
    proc.kill()
    raise AssertionError(f"recording did not start: {proc.stderr.read()}")
