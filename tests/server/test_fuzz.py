"""Property-based fuzzing of the whole API from its OpenAPI description (schemathesis): never a 500,
on SQLite and on PostgreSQL (which refuses more than SQLite, e.g. NUL characters).

Bounded: a few examples per operation, so each run stays well under a minute.  schemathesis needs the
app when the module is collected, so both apps are built here; the PostgreSQL database is created for
this module and dropped at exit.
"""

from __future__ import annotations

import atexit
import secrets
import tempfile
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from server_helpers import Env, make_case

from radio_desk.server.config import ServerSettings

_tmp = Path(tempfile.mkdtemp(prefix="rd-fuzz-"))


def _env(url: str, name: str) -> Env:
    s = ServerSettings.from_env(url)
    s.data_dir = _tmp / name
    s.rate_per_second = s.anon_rate_per_second = 100_000.0
    s.rate_burst = s.anon_rate_burst = 100_000
    env = Env(s)
    env.post_cases(env.key_a, [make_case() for _ in range(3)])
    return env


def _postgres_env() -> tuple[Env | None, str]:
    try:
        import psycopg

        admin = psycopg.connect(
            host="127.0.0.1", port=5432, dbname="test", user="postgres", autocommit=True, connect_timeout=3
        )
    except Exception as err:
        return None, f"PostgreSQL on 127.0.0.1:5432 not reachable: {err}"
    name = "rdfuzz_" + secrets.token_hex(4)
    admin.execute(f'CREATE DATABASE "{name}"')

    def drop() -> None:
        env.app.state.engine.dispose()
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()

    env = _env(f"postgresql://postgres@127.0.0.1:5432/{name}", "pg")
    atexit.register(drop)
    return env, ""


SQLITE = _env(f"sqlite:///{_tmp / 'fuzz.sqlite3'}", "sqlite")
POSTGRES, PG_MISSING = _postgres_env()
sqlite_schema = schemathesis.openapi.from_asgi("/openapi.json", SQLITE.app)
pg_schema = schemathesis.openapi.from_asgi("/openapi.json", (POSTGRES or SQLITE).app)
FUZZ = settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)


def _call(case, env: Env) -> None:  # type: ignore[no-untyped-def]
    # half the calls carry the admin's key so the authorised code paths are fuzzed too
    headers = {"X-API-Key": env.key_admin} if len(case.path) % 2 else {}
    response = case.call(headers=headers)
    case.validate_response(response, checks=[not_a_server_error])
    assert response.status_code < 500


@sqlite_schema.parametrize()
@FUZZ
def test_no_server_errors_sqlite(case) -> None:  # type: ignore[no-untyped-def]
    _call(case, SQLITE)


@pytest.mark.postgres
@pytest.mark.skipif(POSTGRES is None, reason=PG_MISSING)
@pg_schema.parametrize()
@FUZZ
def test_no_server_errors_postgres(case) -> None:  # type: ignore[no-untyped-def]
    assert POSTGRES is not None
    _call(case, POSTGRES)
