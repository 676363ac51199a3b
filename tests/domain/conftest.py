import pytest


@pytest.fixture(autouse=True)
def _home(tmp_path, monkeypatch):
    monkeypatch.setenv("RADIO_DESK_HOME", str(tmp_path / "home"))
