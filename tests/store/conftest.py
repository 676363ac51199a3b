"""Store fixtures: a fresh migrated SQLite file per test, and a kecamatan/desa pair of Bojonegoro."""

from __future__ import annotations

import pytest

from radio_desk.domain.gazetteer import get_gazetteer
from radio_desk.store import Store, open_store


@pytest.fixture(autouse=True)
def _home(tmp_path, monkeypatch):
    monkeypatch.setenv("RADIO_DESK_HOME", str(tmp_path / "home"))


@pytest.fixture
def store(tmp_path) -> Store:
    s = open_store(tmp_path / "cases.sqlite3")
    yield s
    s.close()


@pytest.fixture(scope="session")
def places():
    g = get_gazetteer()
    kec = next(k for k in g.kecamatan_of("35.22") if k.name == "Dander")
    desa = g.desa_of(kec.code)[0]
    other_kec = next(k for k in g.kecamatan_of("35.22") if k.code != kec.code)
    other_desa = g.desa_of(other_kec.code)[0]
    return kec, desa, other_kec, other_desa
