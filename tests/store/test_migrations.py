from __future__ import annotations

import sqlite3

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from radio_desk.errors import RadioDeskError
from radio_desk.store import migrate, open_store
from radio_desk.store.engine import make_engine
from radio_desk.store.models import Base
from tests.store.schema_steps import downgrade, store_at


def test_upgrade_from_0001_with_data(tmp_path):
    path = tmp_path / "old.sqlite3"
    store_at(
        path,
        "0001",
        "INSERT INTO cases (id, station, received_at, channel, caller_name, urgency, summary, notes, status,"
        " created_at, updated_at, place_text) VALUES ('6f1c2b8e-0000-4000-8000-000000000001', 'fm',"
        " '2026-01-02 03:04:05.000000', 'sms', 'Pak Harjo', 'tinggi', 'Banjir di desa', 'catatan lama',"
        " 'baru', '2026-01-02 03:04:05.000000', '2026-01-02 03:04:05.000000', 'Dander')",
        "INSERT INTO recordings (id, case_id, path, format, samplerate, channels, channel_map, state,"
        " started_at)"
        " VALUES ('6f1c2b8e-0000-4000-8000-0000000000aa', '6f1c2b8e-0000-4000-8000-000000000001', '/a.wav',"
        " 'wav', 48000, 1, 'mono', 'complete', '2026-01-02 03:04:05.000000')",
        "INSERT INTO transcript_segments (recording_id, start_s, end_s, text) VALUES"
        " ('6f1c2b8e-0000-4000-8000-0000000000aa', 0, 3, 'kali meluap sampai rumah')",
    )
    store = open_store(path)
    assert store.revision() == migrate.head_revision()
    case = store.cases.list()[0]
    assert (case.caller_name, case.summary, case.notes) == ("Pak Harjo", "Banjir di desa", "catatan lama")
    assert case.received_at.year == 2026 and case.received_at.tzinfo is not None
    assert [h.case.id for h in store.cases.search("meluap")] == [case.id]
    assert [h.case.id for h in store.cases.search("dander banjir")] == [case.id]
    (rec,) = store.recordings.for_case(case.id)
    assert rec.path == "/a.wav" and rec.samplerate == 48000
    assert [s.text for s in store.segments.list_for_case(case.id)] == ["kali meluap sampai rumah"]
    store.cases.update(case.id, {"notes": "catatan baru"})  # the upgraded database takes writes
    assert store.cases.get(case.id).notes == "catatan baru"
    store.close()
    assert migrate.upgrade(path) == (migrate.head_revision(), migrate.head_revision())  # idempotent


def test_newer_database_is_refused_untouched(tmp_path):
    path = tmp_path / "newer.sqlite3"
    migrate.upgrade(path)
    con = sqlite3.connect(path)
    con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
    con.commit()
    con.close()
    before = path.read_bytes()
    with pytest.raises(RadioDeskError, match="versi Radio Desk yang lebih baru"):
        open_store(path)
    assert path.read_bytes() == before


def test_migrations_match_models(tmp_path):
    path = tmp_path / "m.sqlite3"
    migrate.upgrade(path)
    engine = make_engine(path)
    with engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = [d for d in compare_metadata(ctx, Base.metadata) if "case_fts" not in str(d)]
    engine.dispose()
    assert diff == []


def test_open_not_a_database(tmp_path):
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"this is a text file, not sqlite" * 100)
    with pytest.raises(RadioDeskError) as err:
        open_store(bad)
    assert "bukan basis data" in str(err.value)
    assert bad.read_bytes().startswith(b"this is a text file")


def test_pragmas(store):
    with store.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 1


def test_upgrade_from_0004_keeps_cases_and_search_and_downgrades(tmp_path):
    """0005 adds the server's status note and the refusal of a station's status change to ``cases``
    without a table rebuild: the cases, their refusal (0004) and the full-text triggers stay."""
    path = tmp_path / "v4.sqlite3"
    store_at(
        path,
        "0004",
        "INSERT INTO cases (id, station, received_at, channel, caller_name, urgency, summary, notes, status,"
        " created_at, updated_at, place_text, sync_error) VALUES ('6f1c2b8e-0000-4000-8000-000000000005',"
        " 'fm', '2026-11-02 03:04:05.000000', 'on_air', 'Bu Tini', 'sedang', 'Lampu jalan mati', '',"
        " 'terverifikasi', '2026-11-02 03:04:05.000000', '2026-11-02 03:04:05.000000', 'Kalitidu',"
        " 'Ditolak server: kecamatan')",
    )
    store = open_store(path)
    assert store.revision() == migrate.head_revision() == "0007"
    (case,) = store.cases.list()
    info = store.cases.sync_info(case.id)
    assert (info.error, info.status_note, info.status_error) == ("Ditolak server: kecamatan", None, None)
    store.cases.update(case.id, {"summary": "Lampu jalan mati dua minggu"})  # the triggers still index
    assert [h.case.id for h in store.cases.search("lampu minggu")] == [case.id]
    store.close()
    downgrade(path, "0004")
    con = sqlite3.connect(path)
    columns = {row[1] for row in con.execute("PRAGMA table_info(cases)")}
    triggers = {row[0] for row in con.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'")}
    con.close()
    assert "status_note" not in columns and "sync_error" in columns and triggers
