"""Backups of the desk database by SQLite's online backup API, kept N days, and a real restore: checked
first (integrity, Radio Desk tables, schema revision), the current database kept as a safety copy."""

from __future__ import annotations

import sqlite3
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from radio_desk.domain import Case
from radio_desk.errors import StoreError
from radio_desk.store import open_store
from radio_desk.store.backup import (
    PENDING,
    apply_pending_restore,
    back_up,
    back_up_if_due,
    backups,
    inspect_backup,
    request_restore,
    restore,
)


def add_cases(store, n: int, summary: str = "Jalan berlubang") -> None:  # type: ignore[no-untyped-def]
    for i in range(n):
        store.cases.create(Case(station="test-fm", caller_name=f"Warga {i}", summary=summary))


def test_backup_while_writing_then_real_restore(tmp_path: Path) -> None:
    db = tmp_path / "radio-desk.sqlite3"
    store = open_store(db)
    add_cases(store, 3)
    folder = tmp_path / "backups"
    stop = threading.Event()

    def writer() -> None:  # the desk keeps saving while the backup runs
        while not stop.is_set():
            add_cases(store, 1, "Lampu jalan mati")

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        path = back_up(db, folder, datetime(2026, 12, 3, 1, 0, tzinfo=UTC))
    finally:
        stop.set()
        thread.join()
    assert path.name == "radio-desk-20261203-080000.sqlite3"  # named in station time (WIB)
    info = inspect_backup(path)
    assert info.cases >= 3 and info.revision == store.revision()
    at_backup = info.cases
    add_cases(store, 2, "Sesudah cadangan")
    after = store.cases.count()
    store.close()

    safety = restore(path, db, datetime(2026, 12, 3, 9, 0, tzinfo=UTC))
    assert safety is not None and safety.name == "radio-desk.before-restore-20261203-160000.sqlite3"
    restored = open_store(db)
    try:
        assert restored.cases.count() == at_backup < after
        assert restored.revision() is not None
    finally:
        restored.close()
    kept = open_store(safety)
    try:
        assert kept.cases.count() == after  # the state before the restore is not lost
    finally:
        kept.close()


def test_restore_refuses_bad_files_and_changes_nothing(tmp_path: Path) -> None:
    db = tmp_path / "radio-desk.sqlite3"
    store = open_store(db)
    add_cases(store, 2)
    store.close()
    before = db.read_bytes()
    text = tmp_path / "catatan.sqlite3"
    text.write_text("bukan basis data")
    with pytest.raises(StoreError, match="bukan berkas SQLite"):
        restore(text, db)
    other = tmp_path / "lain.sqlite3"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE foto (id INTEGER)")
    with pytest.raises(StoreError, match="bukan basis data Radio Desk"):
        restore(other, db)
    newer = back_up(db, tmp_path / "b", datetime(2026, 12, 1, tzinfo=UTC))
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999_masa_depan'")
    with pytest.raises(StoreError, match="versi Radio Desk yang lebih baru"):
        restore(newer, db)
    damaged = back_up(db, tmp_path / "c", datetime(2026, 12, 2, tzinfo=UTC))
    data = bytearray(damaged.read_bytes())
    page = 4096
    for p in range(1, len(data) // page):  # scribble over every page's b-tree header after the first
        data[p * page : p * page + 8] = b"\xff" * 8
    damaged.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="rusak"):
        restore(damaged, db)
    assert db.read_bytes() == before
    assert not list(tmp_path.glob("*before-restore*"))


def test_daily_backup_once_a_day_kept_n_days(tmp_path: Path) -> None:
    db = tmp_path / "radio-desk.sqlite3"
    open_store(db).close()
    folder = tmp_path / "backups"
    start = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
    for day in range(10):
        now = start + timedelta(days=day)
        assert back_up_if_due(db, folder, keep_days=7, now=now) is not None
        assert back_up_if_due(db, folder, keep_days=7, now=now + timedelta(hours=3)) is None  # one a day
    names = [p.name for _, p in backups(folder)]
    assert len(names) == 7 and names[0] == "radio-desk-20261210-090000.sqlite3"
    assert names[-1] == "radio-desk-20261204-090000.sqlite3"


def test_restore_requested_is_applied_at_next_start(tmp_path: Path) -> None:
    db = tmp_path / "radio-desk.sqlite3"
    store = open_store(db)
    add_cases(store, 1)
    path = back_up(db, tmp_path / "backups")
    add_cases(store, 4)
    store.close()
    assert apply_pending_restore(tmp_path, db) is None  # nothing asked
    request_restore(tmp_path, path)
    backup, safety = apply_pending_restore(tmp_path, db)  # type: ignore[misc]
    assert backup == path.resolve() and safety is not None and not (tmp_path / PENDING).exists()
    with open_store(db) as again:
        assert again.cases.count() == 1
