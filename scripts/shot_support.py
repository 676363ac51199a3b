"""Pieces the screenshot scripts share: a throw-away console server, a Qt wait loop, the demo window.

Imported by the scripts in this folder (``python scripts/<name>.py`` puts ``scripts/`` on ``sys.path``).
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import httpx

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_scratch(prefix: str) -> tuple[Path, str]:
    """A fresh folder and the SQLite URL of a server database in it; leaves with the reason when
    chromium (or its driver) is missing."""
    from support import browser

    reason = browser.missing()
    if reason:
        sys.exit(reason)
    tmp = Path(tempfile.mkdtemp(prefix=prefix))
    return tmp, f"sqlite:///{tmp / 'server.sqlite3'}"


def server_env(tmp: Path, **extra: str) -> dict[str, str]:
    """The environment of a console server whose home and data live in ``tmp``."""
    env = {**os.environ, "RADIO_DESK_HOME": str(tmp / "home"), "RADIO_DESK_SERVER_DATA": str(tmp / "data")}
    env.update(extra)
    env["PYTHONPATH"] = str(ROOT) + os.pathsep + env.get("PYTHONPATH", "")
    return env


def server_cli(env: dict[str, str], db: str) -> Callable[..., str]:
    """``cli("user", "add", ...)``: runs ``radio_desk.server.cli`` on ``db`` and returns its stdout."""

    def cli(*args: str, stdin: str | None = None) -> str:
        cmd = [sys.executable, "-m", "radio_desk.server.cli", *args, "--database", db]
        return subprocess.run(cmd, env=env, input=stdin, capture_output=True, text=True, check=True).stdout

    return cli


@contextmanager
def console_server(env: dict[str, str], db: str) -> Iterator[str]:
    """Serves the console on a free port until the block ends; yields its base URL once it answers."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [sys.executable, "-m", "radio_desk.server.cli", "serve", "--port", str(port), "--database", db,
         "--no-access-log", "--log-level", "warning"],
        env=env,
    )  # fmt: skip
    try:
        for _ in range(300):
            try:
                if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        yield base
    finally:
        server.terminate()
        server.wait(10)


def wait_until(cond: Callable[[], bool], timeout: float, step_ms: int = 50) -> None:
    """Spins the Qt event loop until ``cond()`` holds; TimeoutError after ``timeout`` seconds."""
    from PySide6.QtTest import QTest

    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            raise TimeoutError("screenshot: step timed out")
        QTest.qWait(step_ms)


def demo_window(db: Path, width: int, height: int, **kwargs: Any) -> Any:
    """The main window on ``db`` in demo mode, Indonesian, shown at ``width`` x ``height``."""
    from radio_desk.gui.app import application, build_window
    from radio_desk.gui.i18n import install_translators

    install_translators(application(), "id")
    window = build_window(db, demo=True, **kwargs)
    window.resize(width, height)
    window.show()
    return window


def finish(message: str) -> None:
    """Prints ``message`` and leaves at once, skipping the interpreter teardown of the Qt objects
    (PySide crashes there on some builds)."""
    from radio_desk.gui.app import hard_exit

    print(message)
    hard_exit(0)
