"""Settings: typed options with defaults, stored per user, upgraded without loss; the server key in the
keyring or, without one (the test run forces keyring's "fail" backend), in a private file."""

from __future__ import annotations

import json
import os
import stat

import pytest

from radio_desk.errors import ValidationError
from radio_desk.paths import app_paths
from radio_desk.settings import OPTIONS, SETTINGS_VERSION, Settings


def test_defaults_live_in_the_user_folder(isolated_home):
    s = Settings()
    assert s.path == app_paths().settings_file and str(isolated_home) in str(s.path)
    assert s.as_dict() == {k: o.default for k, o in OPTIONS.items()}
    assert s["home_regency"] == "35.22" and s["channel_map"] == "mono" and s["preroll_seconds"] == 10.0
    assert not s.path.exists()  # nothing written until something is saved


def test_values_round_trip_typed(isolated_home):
    s = Settings()
    s.update({"audio_device": "Mixer USB", "audio_samplerate": "48000", "preroll_seconds": 5})
    s.update({"archive_flac": "tidak", "channel_map": "split", "station_name": "Radio Malowopati 🎙"})
    again = Settings()
    assert again["audio_device"] == "Mixer USB"
    assert again["audio_samplerate"] == 48000 and isinstance(again["audio_samplerate"], int)
    assert again["preroll_seconds"] == 5.0 and isinstance(again["preroll_seconds"], float)
    assert again["archive_flac"] is False  # "tidak" is no, not a truthy string
    assert again["channel_map"] == "split" and again["station_name"] == "Radio Malowopati 🎙"
    assert json.loads(s.path.read_text(encoding="utf-8"))["version"] == SETTINGS_VERSION


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("channel_map", "quad"),
        ("preroll_seconds", -3),
        ("preroll_seconds", "banyak"),
        ("preroll_seconds", float("nan")),
        ("audio_samplerate", 100),
        ("archive_flac", "mungkin"),
        ("home_regency", "35.99"),
        ("home_regency", "Atlantis"),
        ("channel_map", None),
    ],
)
def test_bad_values_are_refused_with_the_key(isolated_home, key, value):
    s = Settings()
    before = s[key]
    with pytest.raises(ValidationError) as err:
        s[key] = value
    assert err.value.field == key and str(err.value)
    assert s[key] == before


def test_home_regency_bojonegoro_default_probolinggo_by_code_or_name(isolated_home):
    s = Settings()
    assert s["home_regency"] == "35.22"
    s["home_regency"] = "35.13"
    assert s["home_regency"] == "35.13"
    s["home_regency"] = "Probolinggo"  # a name is stored as the code the rest of the app uses
    assert s["home_regency"] == "35.13"
    s["home_regency"] = "Kota Probolinggo"
    assert s["home_regency"] == "35.74"


def test_mutable_default_is_not_shared(isolated_home):
    s = Settings()
    filters = s["saved_filters"]
    filters["mine"] = {"status": "baru"}
    assert s["saved_filters"] == {} and OPTIONS["saved_filters"].default == {}
    s["saved_filters"] = filters
    assert s["saved_filters"] == {"mine": {"status": "baru"}}


def test_version_1_file_upgrades_without_loss(isolated_home):
    path = app_paths().settings_file
    path.parent.mkdir(parents=True)
    old = {"input_device": "Behringer UMC", "stereo_split": True, "station_name": "Radio Sa-Fm",
           "future_option": [1, 2], "preroll_seconds": -1}  # fmt: skip
    path.write_text(json.dumps(old), encoding="utf-8")
    s = Settings()
    assert s["audio_device"] == "Behringer UMC" and s["channel_map"] == "split"
    assert s["station_name"] == "Radio Sa-Fm" and s["preroll_seconds"] == 10.0  # bad value: default used
    s.save()
    saved = json.loads(path.read_text(encoding="utf-8"))
    assert saved["version"] == SETTINGS_VERSION and saved["audio_device"] == "Behringer UMC"
    assert saved["future_option"] == [1, 2]  # a newer version's key is kept
    assert saved["preroll_seconds"] == -1  # an unreadable value stays in the file, not silently dropped


def test_broken_file_is_kept_aside_and_defaults_used(isolated_home):
    path = app_paths().settings_file
    path.parent.mkdir(parents=True)
    path.write_text("{ini bukan json", encoding="utf-8")
    s = Settings()
    assert s["channel_map"] == "mono"
    backup = path.with_suffix(".broken.json")
    assert backup.read_text(encoding="utf-8") == "{ini bukan json"


def test_server_key_falls_back_to_a_private_file_without_keyring(isolated_home):
    s = Settings()
    assert s.server_key() is None and s.server_key_storage() is None
    assert s.set_server_key("rahasia-123") == "file"  # the test run has no keyring backend
    assert s.server_key_storage() == "file"
    secret = s.path.parent / "server-key.secret"
    assert stat.S_IMODE(os.stat(secret).st_mode) == 0o600
    assert Settings().server_key() == "rahasia-123"
    assert "rahasia-123" not in (s.path.read_text(encoding="utf-8") if s.path.exists() else "")


class _MemoryKeyring:  # an OS keyring for the one test that needs a working one (none on this machine)
    priority = 1

    def __init__(self) -> None:
        self.items: dict[tuple[str, str], str] = {}

    def set_password(self, service: str, user: str, password: str) -> None:
        self.items[service, user] = password

    def get_password(self, service: str, user: str) -> str | None:
        return self.items.get((service, user))


def test_server_key_moves_into_a_working_keyring(isolated_home, monkeypatch):
    import keyring

    s = Settings()
    s.set_server_key("lama")
    mem = _MemoryKeyring()
    monkeypatch.setattr(keyring, "set_password", mem.set_password)
    monkeypatch.setattr(keyring, "get_password", mem.get_password)
    assert s.set_server_key("baru") == "keyring"
    assert mem.items == {("radio-desk", "server_key"): "baru"}
    assert not (s.path.parent / "server-key.secret").exists()  # no stale copy left on disk
    assert s.server_key() == "baru" and s.server_key_storage() == "keyring"
