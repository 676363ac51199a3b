from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime, timedelta

import pytest

from radio_desk.domain import Case, Recording, Status, TranscriptSegment, Urgency, limits
from radio_desk.errors import IllegalTransition, NotFoundError, ValidationError
from radio_desk.store import CaseFilter, OutboxKind
from radio_desk.store.search import spans, to_html


def make(places, **kw) -> Case:
    kec, desa, *_ = places
    base = dict(station="malowopati", caller_name="Pak Slamet", phone="0812-3456-7890",
                kecamatan_code=kec.code, desa_code=desa.code, category="jalan",
                summary="Jalan rusak berlubang dekat balai desa")  # fmt: skip
    base.update(kw)
    return Case(**base)


def test_create_get_normalises_and_queues(store, places):
    c = store.cases.create(make(places), by="op")
    got = store.cases.get(c.id)
    assert got == c
    assert got.phone == "+6281234567890"
    assert got.received_at.tzinfo is not None
    assert [e.to_status for e in store.cases.status_events(c.id)] == [Status.BARU]
    items = store.outbox.pending()
    assert [(i.case_id, i.kind) for i in items] == [(c.id, OutboxKind.CREATE)]


def test_desa_alone_fills_kecamatan(store, places):
    kec, desa, *_ = places
    c = store.cases.create(make(places, kecamatan_code=None, desa_code=desa.code))
    assert c.kecamatan_code == kec.code


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"category": "tidak_ada"}, "category"),
        ({"phone": "12345"}, "phone"),
        ({"phone": "0812-abc"}, "phone"),
        ({"urgency": "sangat"}, "urgency"),
        ({"opd": "dinas_hantu"}, "opd"),
        ({"kecamatan_code": "99.99.99"}, "kecamatan"),
        ({"received_at": datetime(2026, 1, 1)}, "received_at"),
    ],
)
def test_bad_input_is_refused_with_field(store, places, changes, field):
    with pytest.raises(ValidationError) as err:
        store.cases.create(make(places, **changes))
    assert err.value.field == field
    assert str(err.value)  # an Indonesian sentence
    assert store.cases.count() == 0
    assert store.outbox.pending() == []


def test_desa_not_in_kecamatan(store, places):
    kec, _desa, _other_kec, other_desa = places
    with pytest.raises(ValidationError) as err:
        store.cases.create(make(places, kecamatan_code=kec.code, desa_code=other_desa.code))
    assert err.value.field == "desa"
    assert "tidak berada di Kecamatan" in str(err.value)


def test_update_writes_history_and_outbox(store, places):
    c = store.cases.create(make(places))
    before = store.cases.sync_info(c.id).revision
    out = store.cases.update(c.id, {"urgency": Urgency.TINGGI, "summary": "Jalan ambles"}, by="editor")
    assert out.urgency == Urgency.TINGGI and out.summary == "Jalan ambles"
    hist = {h.field: h for h in store.cases.history(c.id)}
    assert hist["urgency"].old == "sedang" and hist["urgency"].new == "tinggi"
    assert hist["summary"].by == "editor"
    assert store.cases.sync_info(c.id).revision == before + 1
    assert store.outbox.pending()[-1].payload["fields"] == ["summary", "urgency"]
    # no real change: nothing written
    store.cases.update(c.id, {"summary": "Jalan ambles"})
    assert len(store.cases.history(c.id)) == 2
    with pytest.raises(ValidationError):
        store.cases.update(c.id, {"status": Status.SELESAI})
    with pytest.raises(ValidationError):
        store.cases.update(c.id, {"phone": "99"})
    assert store.cases.get(c.id).phone == "+6281234567890"


def test_status_lifecycle(store, places):
    c = store.cases.create(make(places))
    with pytest.raises(IllegalTransition):
        store.cases.change_status(c.id, Status.SELESAI)
    store.cases.change_status(c.id, Status.TERVERIFIKASI, by="ed", note="cek lapangan")
    store.cases.change_status(c.id, Status.DITERUSKAN, by="ed", opd="dpubmpr")
    assert store.cases.get(c.id).opd == "dpubmpr"
    assert [e.to_status for e in store.cases.status_events(c.id)] == [
        Status.BARU, Status.TERVERIFIKASI, Status.DITERUSKAN
    ]  # fmt: skip
    ev = store.cases.apply_remote_status(c.id, Status.SELESAI, at=datetime.now(UTC), by="server")
    assert ev is not None and store.cases.get(c.id).status == Status.SELESAI
    assert all(i.kind != OutboxKind.STATUS or i.payload["to"] != "selesai" for i in store.outbox.pending())


def test_not_found(store):
    with pytest.raises(NotFoundError):
        store.cases.get(uuid.uuid4())
    with pytest.raises(NotFoundError):
        store.cases.get("bukan-uuid")


def test_list_filters_and_count(store, places):
    kec, _desa, other_kec, other_desa = places
    now = datetime.now(UTC)
    for i in range(6):
        store.cases.create(make(places, received_at=now - timedelta(days=i),
                                category="jalan" if i % 2 else "air_bersih"))  # fmt: skip
    store.cases.create(make(places, kecamatan_code=other_kec.code, desa_code=other_desa.code, anonim=True))
    assert store.cases.count() == 7
    assert store.cases.count(CaseFilter(category="jalan")) == 4  # 3 + the other kecamatan's
    assert store.cases.count(CaseFilter(category=["jalan", "air_bersih"], kecamatan_code=kec.code)) == 6
    assert store.cases.count(CaseFilter(anonim=True)) == 1
    assert store.cases.count(CaseFilter(received_from=now - timedelta(days=2, hours=1))) == 4
    newest = store.cases.list(CaseFilter(kecamatan_code=kec.code), limit=3)
    assert [c.received_at for c in newest] == sorted((c.received_at for c in newest), reverse=True)
    assert store.cases.count(CaseFilter(phone="+62 812 3456 7890")) == 7
    assert len(store.cases.by_phone("081234567890")) == 7
    assert store.cases.count(CaseFilter(closed=False)) == 7


def test_recordings_segments_and_search(store, places):
    c = store.cases.create(make(places, summary="Air mati"))
    rec = store.recordings.add(Recording(case_id=c.id, path="/x.wav"))
    segs = store.segments.replace_for_recording(
        rec.id,
        [TranscriptSegment(rec.id, 2, 4, "dalane bolong gedhe"), TranscriptSegment(rec.id, 0, 2, "halo mas")],
    )
    assert [s.text for s in store.segments.list_for_case(c.id)] == ["halo mas", "dalane bolong gedhe"]
    hits = store.cases.search("bolong")
    assert [h.case.id for h in hits] == [c.id]
    plain, marks = spans(hits[0].snippet)
    assert [plain[a:b] for a, b in marks] == ["bolong"]
    assert "<b>bolong</b>" in to_html(hits[0].snippet)
    # editor correction keeps timestamps, index follows
    fixed = store.segments.update_text(segs[1].id, "dalane ambles")
    assert fixed.edited and (fixed.start, fixed.end) == (2, 4)
    assert store.cases.search("bolong") == [] and len(store.cases.search("ambles")) == 1
    # detaching the recording removes its words from the case's document
    store.recordings.attach(rec.id, None)
    assert store.cases.search("ambles") == []
    store.recordings.attach(rec.id, c.id)
    store.recordings.delete(rec.id)
    assert store.cases.search("ambles") == []


@pytest.mark.parametrize(
    "query",
    ['"', "'", "*", "-", "NEAR(jalan rusak)", "jalan OR", "(", ")", "AND", "a:b", "^x", "😀", "", "   ",
     "'; DROP TABLE cases; --", '"jalan', "jalan\x00rusak", "caller_name:slamet", "{summary}: x"],
)  # fmt: skip
def test_search_never_errors(store, places, query):
    store.cases.create(make(places))
    hits = store.cases.search(query)
    assert isinstance(hits, list)
    assert store.cases.count(CaseFilter(text=query)) >= 0


def test_search_metacharacters_find_words(store, places):
    c = store.cases.create(make(places, summary='Jalan (rusak) *parah* — NEAR pasar "lama" 😀'))
    for q in ["(rusak)", "*parah*", '"lama"', "NEAR", "pasar -lama", "jal", "RUSAK 😀", "jalán"]:
        assert [h.case.id for h in store.cases.search(q)] == [c.id], q
    assert store.cases.search("xyz") == []


def test_notes_at_the_limit_with_emoji_stored_and_found(store, places):
    tail = "kata_unik_di_ujung zzkunci 🚧"
    notes = ("Warga mengeluh jalan licin 🚧. " * 700)[: limits.NOTES - len(tail)] + tail
    assert len(notes) == limits.NOTES and len(notes.encode()) > 20_000
    c = store.cases.create(make(places, notes=notes, caller_name="Bu Sri 🌸"))
    assert store.cases.get(c.id).notes == notes
    assert store.cases.get(c.id).caller_name == "Bu Sri 🌸"
    assert [h.case.id for h in store.cases.search("zzkunci")] == [c.id]


def test_text_over_the_shared_limit_is_refused_naming_the_field(store, places):
    """The server's limits (radio_desk/domain/limits.py): a case the desk keeps can always be sent."""
    with pytest.raises(ValidationError) as err:
        store.cases.create(make(places, notes="x" * (limits.NOTES + 1)))
    assert err.value.field == "notes"
    assert str(err.value) == "Catatan terlalu panjang (20.001 karakter, paling banyak 20.000)."
    with pytest.raises(ValidationError) as err:
        store.cases.create(make(places, caller_name="N" * (limits.CALLER_NAME + 1)))
    assert err.value.field == "caller_name"
    assert store.cases.count() == 0


def test_anonim_caller_not_searchable(store, places):
    store.cases.create(make(places, caller_name="Sukirman", anonim=True))
    b = store.cases.create(make(places, caller_name="Sukirman"))
    assert [h.case.id for h in store.cases.search("Sukirman")] == [b.id]


def test_outbox_contract(store, places):
    c = store.cases.create(make(places))
    item = store.outbox.pending()[0]
    nxt = store.outbox.mark_failed(item.id, "koneksi putus")
    assert nxt > datetime.now(UTC)
    assert store.outbox.pending() == []
    assert store.outbox.pending(now=nxt + timedelta(seconds=1))[0].attempts == 1
    assert store.outbox.mark_sent([item.id]) == 1
    assert store.outbox.stats().pending == 0
    store.cases.mark_synced(c.id, revision=1, remote_id="BJN-1")
    assert not store.cases.sync_info(c.id).dirty
    assert store.cases.by_remote_id("BJN-1").id == c.id


def test_failed_write_leaves_no_outbox(store, places):
    c = store.cases.create(make(places))
    n = len(store.outbox.pending())
    with pytest.raises(ValidationError):
        store.cases.update(c.id, {"duplicate_of": uuid.uuid4()})
    assert len(store.outbox.pending()) == n


def test_threads_write_concurrently(store, places):
    errors: list[BaseException] = []

    def work() -> None:
        try:
            for _ in range(10):
                c = store.cases.create(make(places))
                store.cases.update(c.id, {"summary": "ubah"})
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert store.cases.count() == 40


def test_highlight_whole_text(store, places):
    c = store.cases.create(make(places, summary="Air mati"))
    rec = store.recordings.add(Recording(case_id=c.id, path="/x.wav"))
    store.segments.replace_for_recording(rec.id, [TranscriptSegment(rec.id, 0, 2, "dalane bolong gedhe")])
    plain, marks = spans(store.cases.highlight(c.id, "bolong"))
    assert plain == "dalane bolong gedhe"
    assert [plain[a:b] for a, b in marks] == ["bolong"]
    assert store.cases.highlight(c.id, "tidakada") == "dalane bolong gedhe"


def test_forwarding_needs_an_opd(store, places):
    c = store.cases.create(make(places, category=None))
    store.cases.change_status(c.id, Status.TERVERIFIKASI)
    with pytest.raises(ValidationError) as err:
        store.cases.change_status(c.id, Status.DITERUSKAN)  # no OPD, no category to suggest one
    assert err.value.field == "opd" and store.cases.get(c.id).status == Status.TERVERIFIKASI
    store.cases.update(c.id, {"category": "air_bersih"})
    store.cases.change_status(c.id, Status.DITERUSKAN, by="ed")  # the category's default OPD
    got = store.cases.get(c.id)
    assert got.status == Status.DITERUSKAN and got.opd == store.taxonomy.default_opd("air_bersih")
    assert any(h.field == "opd" for h in store.cases.history(c.id))


def test_characters_the_server_refuses_are_dropped_at_entry(store, places):
    # U+FFFE, a C0 control and a lone surrogate: the server refuses them (its XML cannot carry them), so a
    # desk that kept them would hold a case that can never be sent
    from radio_desk.domain.textchars import forbidden_char

    c = store.cases.create(
        make(places, summary="Jalan\ufffe rusak\x07 parah\ud800", caller_name="Bu\uffff Siti")
    )
    got = store.cases.get(c.id)
    assert got.summary == "Jalan rusak parah"
    assert got.caller_name == "Bu Siti"
    assert forbidden_char(got.summary + got.caller_name) is None
    store.cases.update(c.id, {"notes": "catatan\x1b[31m merah"}, by="op")
    assert store.cases.get(c.id).notes == "catatan[31m merah"
