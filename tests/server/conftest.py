"""Server fixtures: the app on a fresh SQLite file and on a fresh PostgreSQL database (per session).

PostgreSQL is the one on 127.0.0.1:5432 (trust auth, CI starts it); each test session creates its own
database ``rdtest_<random>`` and drops it at the end, so parallel runs never collide.  The PostgreSQL
variants are skipped, with the reason, only when that server cannot be reached.
"""

from __future__ import annotations

import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest
from server_helpers import Env, truncate_pg

from radio_desk.server.config import ServerSettings

PG_HOST = "127.0.0.1"


def _pg_admin():  # type: ignore[no-untyped-def]
    import psycopg

    last: Exception | None = None
    for user in ("postgres", "root"):
        try:
            return psycopg.connect(
                host=PG_HOST, port=5432, dbname="test", user=user, autocommit=True, connect_timeout=3
            ), user
        except Exception as err:
            last = err
    raise RuntimeError(str(last))


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    try:
        conn, user = _pg_admin()
    except Exception as err:
        pytest.skip(f"PostgreSQL on 127.0.0.1:5432 not reachable: {err}")
    name = "rdtest_" + secrets.token_hex(4)
    conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield f"postgresql://{user}@{PG_HOST}:5432/{name}"
    finally:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def env(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Env]:
    if request.param == "sqlite":
        url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    else:
        url = request.getfixturevalue("pg_url")
    settings = ServerSettings.from_env(url)
    settings.data_dir = tmp_path / "server-data"
    settings.rate_per_second, settings.rate_burst = 10_000.0, 10_000
    settings.anon_rate_per_second, settings.anon_rate_burst = 10_000.0, 10_000
    e = Env(settings)
    try:
        yield e
    finally:
        e.client.close()
        e.app.state.engine.dispose()
        if request.param == "postgres":
            truncate_pg(url)
