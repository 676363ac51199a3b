"""A real central server (uvicorn, SQLite) in a thread on a free loopback port, for the sync tests;
imported by name (test folders are not packages)."""

from __future__ import annotations

import json
import socket
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import uvicorn

from radio_desk.server.accounts import add_account
from radio_desk.server.app import create_app
from radio_desk.server.auth import Role
from radio_desk.server.config import ServerSettings
from tests.support.wait import wait_until


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def threaded_server(tmp_path: Path, port: int = 0) -> Iterator[tuple[str, dict[str, str]]]:
    """The server's URL and the keys of a station ("station") and an admin ("admin"); on ``port`` when
    given (a server that comes back where the desk expects it), else on a free one.  Started again on
    the same ``tmp_path`` it is the same server: same database, same keys."""
    s = ServerSettings.from_env(f"sqlite:///{tmp_path / 'server.sqlite3'}")
    s.data_dir = tmp_path / "srv"
    s.rate_per_second, s.rate_burst = 10_000.0, 10_000
    app = create_app(s)
    saved = tmp_path / "server-keys.json"  # a server started again on the same folder keeps its keys
    if saved.exists():
        keys = json.loads(saved.read_text())
    else:
        with app.state.sessionmaker() as session:
            keys = {
                "station": add_account(session, "stasiun-a", Role.STATION),
                "admin": add_account(session, "admin", Role.ADMIN),
            }
        saved.write_text(json.dumps(keys))
    port = port or free_port()
    srv = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    )
    thread = threading.Thread(target=srv.run, daemon=True)
    thread.start()
    wait_until(lambda: srv.started, 30, 0.01, what="the threaded server to start")
    try:
        yield f"http://127.0.0.1:{port}", keys
    finally:
        srv.should_exit = True
        thread.join(10)
