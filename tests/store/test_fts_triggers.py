"""The search index follows every searchable field through the triggers; foreign keys hold; hostile
search input finds words and never changes data."""

from __future__ import annotations

import sqlite3
import uuid

import pytest
from sqlalchemy import exc

from radio_desk.domain import Case, Recording, TranscriptSegment
from radio_desk.store import CaseFilter


def ids(store, query: str) -> list:
    return [h.case.id for h in store.cases.search(query)]


def fts_ok(store) -> None:
    with store.engine.connect() as conn:  # raises when the index disagrees with the cases
        conn.exec_driver_sql("INSERT INTO case_fts(case_fts, rank) VALUES ('integrity-check', 1)")
        n_fts = conn.exec_driver_sql("SELECT count(*) FROM case_fts").scalar()
        n_cases = conn.exec_driver_sql("SELECT count(*) FROM cases").scalar()
        conn.rollback()
    assert n_fts == n_cases


def test_index_follows_names_places_summary_notes(store, places):
    kec, desa, other_kec, other_desa = places
    place = {"kecamatan_code": kec.code, "desa_code": desa.code}
    c = store.cases.create(
        Case(station="fm", caller_name="Pak Wagiman", summary="lampu jalan padam", notes="cek besok", **place)
    )
    assert ids(store, "wagiman") == ids(store, desa.name) == ids(store, "Dander") == [c.id]
    assert ids(store, "padam") == ids(store, "besok") == [c.id]

    store.cases.update(c.id, {"caller_name": "Bu Kasminah", "summary": "sumur kering",
                              "notes": "sudah ditelepon", "kecamatan_code": other_kec.code,
                              "desa_code": other_desa.code})  # fmt: skip
    assert ids(store, "wagiman") == ids(store, "padam") == ids(store, "besok") == ids(store, "Dander") == []
    assert ids(store, "kasminah") == ids(store, "kering") == ids(store, "ditelepon") == [c.id]
    assert ids(store, other_desa.name) == ids(store, other_kec.name) == [c.id]

    store.cases.update(c.id, {"anonim": True})  # an anonymous caller's name leaves the index...
    assert ids(store, "kasminah") == []
    store.cases.update(c.id, {"anonim": False})  # ...and comes back when the flag is lifted
    assert ids(store, "kasminah") == [c.id]
    fts_ok(store)

    store.cases.delete(c.id)
    assert ids(store, "kering") == []
    fts_ok(store)


def test_index_follows_transcripts_of_every_recording(store, places):
    c = store.cases.create(Case(station="fm", summary="banjir"))
    r1 = store.recordings.add(Recording(case_id=c.id, path="/a.wav"))
    r2 = store.recordings.add(Recording(case_id=c.id, path="/b.wav"))
    store.segments.replace_for_recording(r1.id, [TranscriptSegment(r1.id, 0, 2, "kali meluap")])
    store.segments.replace_for_recording(r2.id, [TranscriptSegment(r2.id, 0, 2, "tanggul jebol")])
    assert ids(store, "meluap tanggul") == [c.id]  # one document: both recordings' words
    store.segments.replace_for_recording(r1.id, [TranscriptSegment(r1.id, 0, 2, "air surut")])
    assert ids(store, "meluap") == [] and ids(store, "surut jebol") == [c.id]
    fts_ok(store)


def test_foreign_keys_are_enforced_and_deleting_a_case_keeps_its_audio(store, places):
    c = store.cases.create(Case(station="fm", summary="x"))
    rec = store.recordings.add(Recording(case_id=c.id, path="/keep.wav"))
    with store.engine.connect() as conn, pytest.raises(exc.IntegrityError):
        conn.exec_driver_sql(
            "INSERT INTO transcript_segments (recording_id, start_s, end_s, text) "
            "VALUES ('00000000-0000-4000-8000-000000000000', 0, 1, 'yatim')"
        )
    store.cases.delete(c.id)
    kept = store.recordings.get(rec.id)
    assert kept.path == "/keep.wav" and kept.case_id is None  # ON DELETE SET NULL: the audio stays


def test_wal_is_on_in_the_file_itself(store):
    store.cases.create(Case(station="fm", summary="x"))
    con = sqlite3.connect(store.path)  # a plain connection sees the persistent journal mode
    try:
        assert con.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    finally:
        con.close()


@pytest.mark.parametrize(
    "query",
    ["'; DROP TABLE cases; --", '" OR 1=1 --', "Robert'); DELETE FROM cases;--", "%", "_", "\\", "*"],
)
def test_sql_metacharacters_leave_the_data_alone(store, places, query):
    c = store.cases.create(Case(station="fm", summary="Jalan rusak 100% parah_sekali", notes=query))
    store.cases.search(query)
    store.cases.list(CaseFilter(text=query))
    assert store.cases.count() == 1 and store.cases.get(c.id).notes == query
    fts_ok(store)


def test_recording_save_inserts_then_updates_and_keeps_the_link(store, places):
    from radio_desk.domain import RecordingState
    from radio_desk.errors import ValidationError

    c = store.cases.create(Case(station="fm", summary="x"))
    rec = Recording(case_id=c.id, path="/r/a.wav")
    store.recordings.save(rec)  # first save while recording
    rec.state, rec.duration_s, rec.path, rec.format = RecordingState.COMPLETE, 12.5, "/r/a.flac", "flac"
    store.recordings.save(rec)  # after the call and the FLAC archive
    store.recordings.save(Recording(id=rec.id, path="/r/a.flac", format="flac", duration_s=12.5,
                                    state=RecordingState.RECOVERED, started_at=rec.started_at))  # fmt: skip
    (got,) = store.recordings.for_case(c.id)  # case_id None on a later save keeps the link
    assert (got.state, got.duration_s, got.path, got.format) == (
        RecordingState.RECOVERED,
        12.5,
        "/r/a.flac",
        "flac",
    )
    with pytest.raises(ValidationError):
        store.recordings.save(Recording(case_id=uuid.uuid4(), path="/r/b.wav"))
    assert store.recordings.unattached() == []


def test_search_orders_relevance_and_newest(store, places):
    from datetime import UTC, datetime, timedelta

    from radio_desk.store.search import spans

    now = datetime.now(UTC)
    old_summary = store.cases.create(
        Case(station="fm", summary="banjir di pasar", received_at=now - timedelta(3))
    )
    in_notes = store.cases.create(Case(station="fm", summary="lain", notes="kata warga banjir lagi",
                                       received_at=now - timedelta(1)))  # fmt: skip
    tie_newer = store.cases.create(
        Case(station="fm", summary="banjir di pasar", received_at=now - timedelta(2))
    )
    other = store.cases.create(Case(station="fm", summary="jalan", category="jalan", received_at=now))

    rel = store.cases.search("banjir")
    assert [h.case.id for h in rel] == [tie_newer.id, old_summary.id, in_notes.id]  # summary > notes
    assert rel[0].rank <= rel[-1].rank
    newest = store.cases.search("banjir", order="newest")
    assert [h.case.id for h in newest] == [in_notes.id, tie_newer.id, old_summary.id]
    text, marks = spans(newest[0].snippet)
    assert [text[a:b] for a, b in marks] == ["banjir"]
    assert [h.case.id for h in store.cases.search("banj", order="newest", limit=1, offset=1)] == [
        tie_newer.id
    ]
    assert store.cases.search("banjir", CaseFilter(category="jalan")) == []
    assert [h.case.id for h in store.cases.search("jalan", CaseFilter(category="jalan"), order="newest")] == [
        other.id
    ]
