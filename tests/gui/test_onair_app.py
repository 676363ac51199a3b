"""``radio-desk`` with no subcommand opens the desk; ``radio-desk demo`` opens it on the demo home."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import pytest

from radio_desk.cli import main


@pytest.fixture
def launched(monkeypatch: pytest.MonkeyPatch) -> list[dict[str, Any]]:
    calls: list[dict[str, Any]] = []

    def fake_run(args: Any = None, **kw: Any) -> int:  # the event loop itself is not run here
        calls.append({"args": args, **kw, "home": os.environ.get("RADIO_DESK_HOME")})
        return 0

    monkeypatch.setattr("radio_desk.gui.app.run", fake_run)
    return calls


def test_no_subcommand_opens_the_app(launched):
    assert main([]) == 0
    assert len(launched) == 1 and not launched[0].get("demo")


def test_demo_opens_the_app_on_the_demo_home(launched, tmp_path, monkeypatch):
    monkeypatch.setenv("RADIO_DESK_DEMO_HOME", str(tmp_path / "demo"))
    assert main(["demo"]) == 0
    (call,) = launched
    assert call["demo"] is True and callable(call["recorder_factory"])
    assert Path(call["home"]) == tmp_path / "demo" and Path(call["args"].database).exists()


def test_demo_seed_still_works(tmp_path, capsys):
    db = tmp_path / "seed.sqlite3"
    assert main(["demo", "seed", "--cases", "3", "--database", str(db)]) == 0
    assert "3 aduan contoh" in capsys.readouterr().out
