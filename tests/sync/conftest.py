"""Sync-area fixtures: the desk's real store (a migrated SQLite file) in the test's own home."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from radio_desk.store import Store, open_store


@pytest.fixture
def store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    """The desk's real store (migrated SQLite file), as the app and ``radio-desk sync`` open it."""
    monkeypatch.setenv("RADIO_DESK_HOME", str(tmp_path / "home"))
    s = open_store(tmp_path / "desk.sqlite3")
    yield s
    s.close()
