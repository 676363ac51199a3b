"""``radio-desk-server`` in a child process on a free 127.0.0.1 port, for the live-server tests and the
benches: its ``cli`` against the same database, ``start`` until ``/healthz`` answers, ``stop``/``kill``."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_healthy(url: str, seconds: float) -> None:
    """Return once the server at ``url`` answers ``/healthz``; RuntimeError after ``seconds``."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            time.sleep(0.1)
    raise RuntimeError("server did not start")


class ServerProcess:
    """``radio-desk-server`` in a child process; ``database=None`` is the zero-configuration start.
    ``rate``: every rate limit and burst (None: the server's defaults, whatever this environment says);
    ``console``: the server's warnings go to this console (the benches) instead of being discarded."""

    def __init__(
        self, database: str | None, home: Path, *, rate: str | None = "100000", console: bool = False
    ) -> None:
        self.database, self.port = database, free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.env = {**os.environ, "RADIO_DESK_HOME": str(home)}
        for name in ("RATE", "BURST", "ANON_RATE", "ANON_BURST"):
            if rate is None:
                self.env.pop(f"RADIO_DESK_SERVER_{name}", None)
            else:
                self.env[f"RADIO_DESK_SERVER_{name}"] = rate
        self.console = console
        self.proc: subprocess.Popen | None = None

    def cli(self, *args: str) -> str:
        out = subprocess.run(
            [sys.executable, "-m", "radio_desk.server.cli", *args, *self._db()],
            env=self.env,
            capture_output=True,
            text=True,
            timeout=60,
            check=True,
        )
        return out.stdout

    def _db(self) -> list[str]:
        return ["--database", self.database] if self.database else []

    def start(self, log: Path | None = None) -> None:
        """Start serving; with ``log`` the access log is on and all output goes to that file."""
        quiet = ["--no-access-log", "--log-level", "warning"]
        discard = None if self.console else subprocess.DEVNULL
        out = open(log, "wb") if log else discard  # noqa: SIM115 (the child keeps it)
        self.proc = subprocess.Popen(
            [
                sys.executable, "-m", "radio_desk.server.cli", "serve", "--host", "127.0.0.1",
                "--port", str(self.port), *self._db(), *([] if log else quiet),
            ],
            env=self.env,
            stdout=out,
            stderr=subprocess.STDOUT if log else discard,
        )  # fmt: skip
        if log:
            out.close()
        wait_healthy(self.url, 120)  # the imports alone took 18 s on a machine under load

    def kill(self) -> None:
        assert self.proc is not None
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()

    def __enter__(self) -> ServerProcess:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()
