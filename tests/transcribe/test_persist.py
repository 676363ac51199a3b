"""Saving a transcript with its recording in the real SQLite store."""

from __future__ import annotations

from pathlib import Path

import pytest

from radio_desk.domain import Recording
from radio_desk.errors import ValidationError
from radio_desk.store.store import open_store
from radio_desk.transcribe import Segment, TranscriptResult
from radio_desk.transcribe.persist import save_transcript


def test_save_replace_and_protect_edits(db_path: Path) -> None:
    with open_store(db_path) as store:
        rec = store.recordings.add(Recording(path="/tmp/call.wav", channel_map="split", channels=2))
        result = TranscriptResult(
            [
                Segment(3.2, 5.0, " Baik bapak. ", "Penyiar"),
                Segment(0.4, 3.0, "Jalan di desa kami rusak.", "Penelepon"),
                Segment(5.0, 5.1, "   "),  # nothing said: not stored
            ],
            "id",
            5.5,
            "faster-whisper",
            "whisper-base (bawaan)",
        )
        saved = save_transcript(store, rec.id, result)
        assert [(s.start, s.text, s.speaker) for s in saved] == [
            (0.4, "Jalan di desa kami rusak.", "Penelepon"),
            (3.2, "Baik bapak.", "Penyiar"),
        ]
        assert {s.engine for s in saved} == {"faster-whisper"} and saved[0].model == "whisper-base (bawaan)"
        assert store.segments.list_for_recording(rec.id) == saved

        # a re-run replaces the whole transcript
        again = save_transcript(
            store, rec.id, [Segment(0.5, 2.9, "Jalan desa rusak")], engine="openai-whisper"
        )
        assert [s.text for s in store.segments.list_for_recording(rec.id)] == ["Jalan desa rusak"]

        # ...but never silently over the editor's corrections
        store.segments.update_text(again[0].id, "Jalan di Desa Sukorejo rusak")
        with pytest.raises(ValidationError, match="dikoreksi"):
            save_transcript(store, rec.id, result)
        assert [s.text for s in store.segments.list_for_recording(rec.id)] == ["Jalan di Desa Sukorejo rusak"]
        save_transcript(store, rec.id, result, overwrite_edits=True)
        assert len(store.segments.list_for_recording(rec.id)) == 2


def test_domain_prompt_names_the_regency_topics_and_places() -> None:
    from radio_desk.transcribe.prompt import MAX_PROMPT_CHARS, domain_prompt

    text = domain_prompt()
    assert text.startswith("Aduan warga Kabupaten Bojonegoro")
    assert "Jalan dan Jembatan" in text and "PDAM" in text and "Kecamatan Ngraho" in text
    assert len(text) <= MAX_PROMPT_CHARS
