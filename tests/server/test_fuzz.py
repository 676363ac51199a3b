"""Property-based fuzzing of the whole API from its OpenAPI description (schemathesis): never a 500.

Bounded: a few examples per operation, so the run stays well under a minute on SQLite.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from server_helpers import Env

from radio_desk.server.config import ServerSettings

_tmp = Path(tempfile.mkdtemp(prefix="rd-fuzz-"))
_settings = ServerSettings.from_env(f"sqlite:///{_tmp / 'fuzz.sqlite3'}")
_settings.data_dir = _tmp / "data"
_settings.rate_per_second = _settings.anon_rate_per_second = 100_000.0
_settings.rate_burst = _settings.anon_rate_burst = 100_000
ENV = Env(_settings)
ENV.post_cases(ENV.key_a, [__import__("server_helpers").make_case() for _ in range(3)])
schema = schemathesis.openapi.from_asgi("/openapi.json", ENV.app)


@schema.parametrize()
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck), derandomize=True)
def test_no_server_errors(case) -> None:  # type: ignore[no-untyped-def]
    # half the calls carry the admin's key so the authorised code paths are fuzzed too
    headers = {"X-API-Key": ENV.key_admin} if len(case.path) % 2 else {}
    response = case.call(headers=headers)
    case.validate_response(response, checks=[not_a_server_error])
    assert response.status_code < 500
