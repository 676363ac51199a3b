"""The call book without a window: which call the form shows, which is on air, which wait; what is
saved with the case; the draft that brings it all back after a crash; recovered recordings stored
the one way both the desk and ``radio-desk record`` store them.  Real store, real WAV files."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from radio_desk.audio.recovery import RecoveryReport
from radio_desk.domain import Case, Recording, RecordingState
from radio_desk.services.call_book import CallBook
from radio_desk.services.calls import (
    Call,
    load_draft_calls,
    save_call,
    store_recovered,
    store_stopped_recording,
)
from radio_desk.store import Store, open_store
from radio_desk.transcribe.engine import Segment

NOW = datetime(2026, 12, 3, 9, 30, tzinfo=UTC)


@pytest.fixture
def store(tmp_path: Path) -> Store:
    s = open_store(tmp_path / "desk.sqlite3")
    yield s
    s.close()


def _recording(tmp_path: Path, call: Call, seconds: float = 1.0) -> Recording:
    path = tmp_path / f"{call.case_id}.wav"
    sf.write(str(path), np.zeros(int(16_000 * seconds), np.int16), 16_000, subtype="PCM_16")
    return Recording(case_id=call.case_id, path=str(path), duration_s=seconds, samplerate=16_000)


def test_a_call_takes_an_empty_form_and_a_second_call_waits(tmp_path):
    book = CallBook()
    first = Call()
    book.start(first)
    assert book.form_call is first and book.live_call is first and book.parked == []
    book.stopped(_recording(tmp_path, first))
    assert book.live_call is None and first.recording is not None
    second = Call()
    book.start(second)  # the first call's form is still open
    assert book.form_call is first and book.parked == [second] and book.waiting == 1
    assert book.call_to_save() is first  # over: saved with its recording
    book.mark_saved(first)
    assert first.saved and book.next_form() is second  # the call on air takes the form
    assert book.form_call is second and book.parked == []
    saving = book.call_to_save()  # still on air: saved without its recording (attached at its stop)
    assert saving is not second and saving.case_id == second.case_id and saving.recording is None


def test_park_keeps_a_typed_form_and_the_call_on_air_keeps_an_empty_one(tmp_path):
    book = CallBook()
    call = Call()
    book.start(call)
    assert book.park(None) is False and book.form_call is call  # Ctrl+N on an empty form during the call
    assert book.park({"caller_name": "Bu Sri"}) is True
    assert book.form_call is None and book.parked == [call] and call.form == {"caller_name": "Bu Sri"}
    assert book.next_form() is call  # it comes back with what was typed


def test_opening_a_case_puts_the_form_call_aside_and_a_failed_start_leaves_no_call():
    book = CallBook()
    typed = Call()
    book.form_call = typed
    case = Case(station="lokal")
    book.open_case(case, {"summary": "jalan rusak"})
    assert book.editing is case and book.form_call is None and book.parked == [typed]
    never = Call()
    book.start(never)  # while editing: it waits
    assert book.parked == [typed, never]
    book.start_failed()
    assert book.live_call is None and book.parked == [typed]


def test_draft_round_trip_brings_back_form_call_and_waiting_calls(tmp_path, store):
    book = CallBook()
    first, second = Call(), Call()
    book.start(first)
    book.stopped(_recording(tmp_path, first))
    first.segments = [Segment(0.0, 1.0, "jalan rusak")]
    first.transcript_done = True
    book.start(second)
    book.stopped(_recording(tmp_path, second))
    draft = book.draft({"caller_name": "Pak Joko"}, form_empty=False, now=NOW)
    assert draft is not None and draft["form_call"] == str(first.case_id) and len(draft["calls"]) == 2

    again = CallBook()
    calls, editing = load_draft_calls(store, draft)
    untranscribed = again.restore(draft, calls, editing)
    assert again.form_call.case_id == first.case_id and again.form_call.text == "jalan rusak"
    assert [c.case_id for c in again.parked] == [second.case_id]
    assert [c.case_id for c in untranscribed] == [second.case_id]  # its transcript is still to be made
    assert CallBook().draft({}, form_empty=True, now=NOW) is None  # nothing to keep


def test_save_call_and_a_recording_that_ends_after_the_save(tmp_path, store):
    call = Call()
    call.recording = _recording(tmp_path, call, 2.0)
    store_stopped_recording(store, call)  # its row, not yet attached: no case yet
    case = Case(id=call.case_id, station="lokal", summary="Jalan rusak di Sukorejo")
    call.segments = [Segment(0.0, 1.5, " jalan rusak "), Segment(1.5, 2.0, "  ")]
    call.transcript_done = True
    saved = save_call(store, case, call, editing=False, by="Sari")
    assert store.recordings.for_case(saved.id)[0].id == call.recording.id
    assert [s.text for s in store.segments.list_for_case(saved.id)] == ["jalan rusak"]
    assert save_call(store, case, call, editing=False).id == saved.id  # a retry duplicates nothing
    assert len(store.cases.list()) == 1

    later = Call()
    later.recording = _recording(tmp_path, later)
    save_call(store, Case(id=later.case_id, station="lokal"), None, editing=False)  # saved on air
    later.saved = True
    store_stopped_recording(store, later)
    assert [r.id for r in store.recordings.for_case(later.case_id)] == [later.recording.id]


def test_recovered_recordings_are_stored_and_attached_only_to_a_case_that_exists(tmp_path, store):
    known = Case(station="lokal")
    store.cases.create(known, by="test")
    mine = Recording(case_id=known.id, path=str(tmp_path / "a.wav"), state=RecordingState.RECOVERED)
    orphan = Recording(case_id=uuid.uuid4(), path=str(tmp_path / "b.wav"), state=RecordingState.RECOVERED)
    problems = store_recovered(store, RecoveryReport(recovered=[mine, orphan], problems=[]))
    assert problems == []
    assert [r.id for r in store.recordings.for_case(known.id)] == [mine.id]
    row = store.recordings.get(orphan.id)  # kept, waiting for its case (the desk attaches it at save)
    assert row.case_id is None and row.state is RecordingState.RECOVERED
