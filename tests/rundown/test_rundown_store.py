"""Rundowns in the store (migration 0003), ordering by OPD, transcript split/merge."""

from __future__ import annotations

from datetime import date

import pytest

from radio_desk.domain.rundown import RundownEntry
from radio_desk.errors import ValidationError
from radio_desk.rundown import Rundown, group_by_opd, move_entry, new_entry
from radio_desk.store import open_store
from radio_desk.store.segment_edits import merge_segments, split_segment, split_text
from tests.rundown.audio_cases import add_audio_case


@pytest.fixture
def store(db_path):
    s = open_store(db_path)
    yield s
    s.close()


def _entries(*opds):
    import uuid

    return [RundownEntry(case_id=uuid.uuid4(), opd=o, summary=f"{i}") for i, o in enumerate(opds)]


def test_group_by_opd_keeps_first_appearance_order():
    grouped = group_by_opd(_entries("dpubmpr", "dinkes", "dpubmpr", None, "dinkes"))
    assert [e.opd for e in grouped] == ["dpubmpr", "dpubmpr", "dinkes", "dinkes", None]
    assert [e.summary for e in grouped] == ["0", "2", "1", "4", "3"]
    assert [e.position for e in grouped] == [0, 1, 2, 3, 4]


def test_move_inside_group_then_whole_group():
    items = group_by_opd(_entries("a", "a", "b"))
    moved = move_entry(items, 1, -1)
    assert [e.summary for e in moved] == ["1", "0", "2"]
    # the first of group "b" moving up swaps the groups
    moved = move_entry(moved, 2, -1)
    assert [e.opd for e in moved] == ["b", "a", "a"]
    assert move_entry(moved, 0, -1) == moved  # nothing above the top


def test_rundown_round_trip_and_refusals(store, tmp_path):
    a = add_audio_case(store, tmp_path, ["satu", "dua"], opd="dpubmpr")
    b = add_audio_case(store, tmp_path, ["tiga"], category="kesehatan", opd="dinkes", summary="Obat habis")
    rd = Rundown(show_date=date(2026, 12, 4), station="demo-fm")
    rd.entries = [
        new_entry(a.case, a.segments, recording_id=a.recording.id, duration=8.0),
        new_entry(b.case, b.segments, recording_id=b.recording.id, duration=4.0),
    ]
    store.rundowns.save(rd)
    again = open_store(store.path).rundowns.get(rd.id)
    assert again.show_date == date(2026, 12, 4)
    assert [e.case_id for e in again.entries] == [a.case.id, b.case.id]
    assert again.entries[0].excerpt == "satu dua" and again.entries[0].clip_out == 8.0
    assert again.entries[1].summary == "Obat habis"
    assert [i.items for i in store.rundowns.list()] == [2]
    rd.entries[0].clip_out = 0.0
    with pytest.raises(ValidationError, match="setelah titik awal"):
        store.rundowns.save(rd)
    rd.entries[0].clip_out = 5.0
    rd.entries.append(new_entry(a.case))
    with pytest.raises(ValidationError, match="sudah ada"):
        store.rundowns.save(rd)
    # deleting the case removes its item
    store.cases.delete(b.case.id)
    assert [e.case_id for e in store.rundowns.get(rd.id).entries] == [a.case.id]


def test_split_text_at_word_boundary():
    assert split_text("jalan rusak parah", 8) == ("jalan", "rusak parah")
    assert split_text("jalan rusak", 0) == ("", "jalan rusak")


def test_split_and_merge_keep_timestamps_and_mark_edited(store, tmp_path):
    ac = add_audio_case(store, tmp_path, ["jalan di desa rusak parah sekali", "mohon diperbaiki"])
    first, second = split_segment(store, ac.segments[0].id, 2.0)
    assert (first.start, first.end, second.start, second.end) == (0.0, 2.0, 2.0, 3.8)
    assert first.edited and second.edited
    assert f"{first.text} {second.text}" == "jalan di desa rusak parah sekali"
    with pytest.raises(ValidationError, match="di dalam segmen"):
        split_segment(store, first.id, 3.0)
    merged = merge_segments(store, second.id, ac.segments[1].id)
    assert (merged.start, merged.end) == (2.0, 7.8)
    assert merged.text.endswith("mohon diperbaiki")
    segs = store.segments.list_for_case(ac.case.id)
    assert [(s.start, s.end) for s in segs] == [(0.0, 2.0), (2.0, 7.8)]
    # the full-text index follows the edits
    assert [h.case.id for h in store.cases.search("diperbaiki")] == [ac.case.id]
