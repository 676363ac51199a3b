"""ServerSettings: every field settable from the environment, the older variable names, empty values,
and a bad value refused with an Indonesian message naming the variable."""

from __future__ import annotations

from pathlib import Path

import pytest

from radio_desk.domain.enums import Status
from radio_desk.errors import ValidationError
from radio_desk.server.config import ENV, ServerSettings

# a value for every variable, different from the default, and what the field then holds
SAMPLES = {
    "RADIO_DESK_SERVER_DATABASE": ("postgres://rd@db.internal/rd", "postgresql+psycopg://rd@db.internal/rd"),
    "RADIO_DESK_SERVER_DATA": ("/srv/radio-desk", Path("/srv/radio-desk")),
    "RADIO_DESK_SERVER_MAX_BODY": ("2048", 2048),
    "RADIO_DESK_SERVER_MAX_CHUNK": ("4096", 4096),
    "RADIO_DESK_SERVER_MAX_UPLOAD": ("8192", 8192),
    "RADIO_DESK_SERVER_MAX_BATCH": ("7", 7),
    "RADIO_DESK_SERVER_MAX_PAGE": ("9", 9),
    "RADIO_DESK_SERVER_RATE": ("2.5", 2.5),
    "RADIO_DESK_SERVER_BURST": ("11", 11),
    "RADIO_DESK_SERVER_ANON_RATE": ("0.5", 0.5),
    "RADIO_DESK_SERVER_ANON_BURST": ("3", 3),
    "RADIO_DESK_SERVER_TIMEZONE": ("Asia/Makassar", "Asia/Makassar"),
    "RADIO_DESK_SERVER_PUBLIC_URL": ("https://lapor.example.go.id", "https://lapor.example.go.id"),
    "RADIO_DESK_STATION_TRANSITIONS": ("terverifikasi", frozenset({Status.TERVERIFIKASI})),
    "RADIO_DESK_SERVER_IDLE_MINUTES": ("5", 5),
    "RADIO_DESK_SERVER_LOGIN_DELAY": ("1.5", 1.5),
    "RADIO_DESK_SERVER_BEHIND_TLS": ("ya", True),
    "RADIO_DESK_SERVER_SMTP_HOST": ("mail.example.go.id", "mail.example.go.id"),
    "RADIO_DESK_SERVER_SMTP_PORT": ("2525", 2525),
    "RADIO_DESK_SERVER_SMTP_FROM": ("lapor@example.go.id", "lapor@example.go.id"),
    "RADIO_DESK_SERVER_NOTIFY_MINUTES": ("60", 60),
    "RADIO_DESK_SERVER_OPEN311_CONTACT": ("Diskominfo, 0353-123", "Diskominfo, 0353-123"),
    "RADIO_DESK_SERVER_OPEN311_KEY_SERVICE": ("Minta ke admin", "Minta ke admin"),
    "RADIO_DESK_SERVER_OPEN311_TYPE": ("test", "test"),
}


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    for name in ENV.values():
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("RADIO_DESK_HOME", str(tmp_path / "home"))


def _reads_its_own_variables(annotation: object) -> bool:
    """A block of settings with its own variables (a class with ``from_env``), e.g. a channel's."""
    return callable(getattr(annotation, "from_env", None))


def test_every_field_has_a_variable() -> None:
    plain = {
        name
        for name, field in ServerSettings.model_fields.items()
        if not _reads_its_own_variables(field.annotation)
    }
    assert set(ENV) == plain
    assert set(SAMPLES) == set(ENV.values())


@pytest.mark.parametrize("field", sorted(ENV))
def test_each_variable_sets_its_field(field: str, monkeypatch: pytest.MonkeyPatch) -> None:
    name = ENV[field]
    raw, expected = SAMPLES[name]
    default = getattr(ServerSettings.from_env(), field)
    assert default != expected
    monkeypatch.setenv(name, raw)
    assert getattr(ServerSettings.from_env(), field) == expected


def test_empty_variables_count_as_unset_but_empty_policy_means_none(monkeypatch: pytest.MonkeyPatch) -> None:
    defaults = ServerSettings.from_env()
    for name in ENV.values():
        monkeypatch.setenv(name, "")
    s = ServerSettings.from_env()
    assert s.rate_per_second == defaults.rate_per_second and s.smtp_host is None
    assert s.database_url == defaults.database_url and s.data_dir == defaults.data_dir
    assert s.station_transitions == frozenset()  # the regency policy "stations change no status"


def test_database_option_wins_over_the_variable(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("RADIO_DESK_SERVER_DATABASE", "postgresql://rd@db/rd")
    s = ServerSettings.from_env(str(tmp_path / "x.sqlite3"))
    assert s.database_url == f"sqlite:///{tmp_path / 'x.sqlite3'}"


@pytest.mark.parametrize(
    ("name", "value", "words"),
    [
        ("RADIO_DESK_SERVER_RATE", "cepat", "harus angka"),
        ("RADIO_DESK_SERVER_BURST", "2.5", "harus bilangan bulat"),
        ("RADIO_DESK_SERVER_BURST", "0", "harus > 0"),
        ("RADIO_DESK_SERVER_BEHIND_TLS", "mungkin", "harus ya atau tidak"),
        ("RADIO_DESK_SERVER_OPEN311_TYPE", "dev", "harus salah satu dari 'production' atau 'test'"),
        ("RADIO_DESK_STATION_TRANSITIONS", "baru", "bukan perubahan status"),
        ("RADIO_DESK_SERVER_DATABASE", "mysql://x", "tidak didukung"),
    ],
)
def test_bad_values_are_refused_in_indonesian(
    name: str, value: str, words: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(ValidationError) as err:
        ServerSettings.from_env()
    assert words in err.value.message
    if name != "RADIO_DESK_SERVER_DATABASE":
        assert name in err.value.message


def test_fields_can_be_changed_after_construction() -> None:
    s = ServerSettings.from_env()
    s.rate_per_second, s.behind_tls = 1.0, True
    assert (s.rate_per_second, s.behind_tls) == (1.0, True)
