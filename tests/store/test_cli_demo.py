from __future__ import annotations

import argparse

from radio_desk.cli import db, demo
from radio_desk.domain import Status
from radio_desk.store import CaseFilter, open_store


def test_demo_seed_and_db_check(tmp_path, capsys):
    path = tmp_path / "demo.sqlite3"
    assert demo._seed(argparse.Namespace(database=str(path), cases=30, seed=3)) == 0
    store = open_store(path)
    assert store.cases.count() == 30
    statuses = {c.status for c in store.cases.list(limit=None)}
    assert Status.BARU in statuses and len(statuses) >= 3  # spread along the lifecycle
    some = store.cases.list(CaseFilter(closed=True), limit=1)
    assert not some or len(store.cases.status_events(some[0].id)) >= 2
    assert all(store.segments.list_for_case(c.id) for c in store.cases.list(limit=5))
    store.close()
    assert db._check(argparse.Namespace(database=str(path))) == 0
    assert db._current(argparse.Namespace(database=str(path))) == 0
    assert "sehat" in capsys.readouterr().out
