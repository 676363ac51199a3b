"""A real ``record`` process for the crash and second-start tests: started, and awaited until it says
which file it writes."""

from __future__ import annotations

import signal
import subprocess
import time
from pathlib import Path

import soundfile as sf

from tests.support.wait import wait_until


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


def seconds_on_disk(wav: Path) -> float:
    """How much audio a WAV being recorded holds (the recorder keeps its header up to date)."""
    return sf.info(str(wav)).duration


def kill_when_recorded(proc: subprocess.Popen[str], wav: Path, seconds: float) -> float:
    """``kill -9`` the recording process once ``wav`` holds ``seconds`` of audio; returns when
    (``time.monotonic()``) it was killed."""
    wait_until(lambda: seconds_on_disk(wav) >= seconds, timeout=30, what=f"{seconds:g} s of audio on disk")
    killed = time.monotonic()
    proc.send_signal(signal.SIGKILL)
    proc.wait(10)
    return killed
