"""Transcribing a case again with the bundled model (real faster-whisper on espeak-ng speech)."""

from __future__ import annotations

import subprocess

import pytest
import soundfile as sf

from radio_desk.domain import Case, Recording, RecordingState, TranscriptSegment
from tests.gui import editor_fixtures

editor_template = editor_fixtures.editor_template
editor_data = editor_fixtures.editor_data
workspace = editor_fixtures.workspace


@pytest.mark.slow
def test_transcribe_again_replaces_the_transcript(workspace, editor_data, tmp_path):
    wav = tmp_path / "call.wav"
    text = "Jalan di desa Sukorejo rusak parah, mohon segera diperbaiki oleh dinas pekerjaan umum."
    subprocess.run(["espeak-ng", "-v", "id", "-s", "140", "-w", str(wav), text], check=True)
    store = editor_data.store
    case = store.cases.create(Case(station="demo-fm", summary="Jalan rusak", category="jalan"))
    info = sf.info(str(wav))
    rec = store.recordings.add(
        Recording(case_id=case.id, path=str(wav), samplerate=info.samplerate, duration_s=info.duration,
                  state=RecordingState.COMPLETE, started_at=case.received_at)
    )  # fmt: skip
    store.segments.replace_for_recording(
        rec.id, [TranscriptSegment(rec.id, 0.0, 1.0, "salah dengar", edited=True)]
    )
    page = workspace.case_page
    page.open_case(case.id)
    workspace.runner.wait()
    page.transcribe_again.run("faster-whisper", None)
    segs = store.segments.list_for_case(case.id)
    words = " ".join(s.text.lower() for s in segs)
    assert "salah dengar" not in words and "jalan" in words and "rusak" in words
    assert all(s.engine == "faster-whisper" and not s.edited for s in segs)
    assert all(0 <= s.start < s.end <= info.duration + 0.5 for s in segs)
    assert page.transcript.segments.rowCount() == len(segs)
    # a model that does not exist: a clear message, the transcript untouched
    page.transcribe_again.run("faster-whisper", str(tmp_path / "no-such-model"))
    assert "tidak ditemukan" in page.ui.transcriptTitle.text()
    assert store.segments.list_for_case(case.id) == segs
