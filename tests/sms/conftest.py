from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from radio_desk.store import Store, open_store
from tests.support.smsd import Smsd


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = open_store(tmp_path / "desk.sqlite3")
    yield s
    s.close()


@pytest.fixture
def smsd(tmp_path: Path) -> Iterator[Smsd]:
    daemon = Smsd(tmp_path / "smsd")
    yield daemon
    daemon.stop()
