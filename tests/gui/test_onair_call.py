"""A whole call through the real parts: virtual ALSA input → Recorder → Whisper → intake → SQLite."""

from __future__ import annotations

from pathlib import Path

import pytest
import soundfile as sf
from PySide6.QtCore import Qt
from support.speech import sentence_words_in

from radio_desk.domain import Channel, RecordingState, Urgency
from radio_desk.gui.onair.transcription import live_available

pytestmark = pytest.mark.slow


def test_whole_call_f9_transcript_keys_ctrl_enter(make_window, qtbot, call_device, speech_48k):
    w = make_window(
        recorder_factory=None,
        settings={"audio_device": call_device, "audio_samplerate": 48000, "preroll_seconds": 10.0},
    )
    desk, ui = w.desk, w.desk.ui
    qtbot.waitUntil(lambda: desk.recorder.recorder is not None, timeout=10000)
    qtbot.waitUntil(lambda: w.engine.state == "ready", timeout=60000)  # live text needs the model
    assert call_device in ui.deviceLabel.text()

    qtbot.keyClick(ui.callerEdit, Qt.Key.Key_F9)  # F9 works wherever the focus is
    qtbot.waitUntil(lambda: desk.recorder.recording, timeout=5000)
    call = desk.live_call
    assert desk.form_call is call
    # the caller speaks (~8 s, already begun when the input opened: the pre-roll keeps the start)
    speech_s = len(speech_48k) / 48000
    qtbot.waitUntil(lambda: desk.recorder.last_status.elapsed_s >= speech_s + 1.0, timeout=30000)
    if live_available():  # words appear while the call is still on air
        # (generous: on a busy 2-core machine the live worker may lag well behind the audio)
        qtbot.waitUntil(lambda: ui.transcriptView.toPlainText().strip() != "", timeout=120_000)
        assert desk.recorder.recording
    qtbot.keyClick(ui.notesEdit, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not desk.recorder.recording, timeout=5000)
    qtbot.waitUntil(lambda: call.transcript_done, timeout=180_000)
    shown = ui.transcriptView.toPlainText().lower()
    assert len(sentence_words_in(shown)) >= 3, shown  # the caller's words

    # keys: phone, kecamatan and desa with typos (Tab moves on), accept the suggestions (F8), Ctrl+Enter
    ui.phoneEdit.setFocus()
    qtbot.keyClicks(ui.phoneEdit, "0812-3456-7890")
    qtbot.keyClick(ui.phoneEdit, Qt.Key.Key_Tab)
    assert ui.kecamatanEdit.hasFocus()
    qtbot.keyClicks(ui.kecamatanEdit, "bojonegro")
    qtbot.keyClick(ui.kecamatanEdit, Qt.Key.Key_Tab)
    qtbot.keyClicks(ui.desaEdit, "sukorjo")
    qtbot.keyClick(ui.desaEdit, Qt.Key.Key_Tab)
    assert (ui.kecamatanEdit.text(), ui.desaEdit.text()) == ("Bojonegoro", "Sukorejo")
    qtbot.waitUntil(lambda: desk.form.suggestion is not None, timeout=10000)
    qtbot.keyClick(ui.summaryEdit, Qt.Key.Key_F8)
    suggestion = desk.form.suggestion
    assert desk.form.category == suggestion.category  # F8 took the suggestion
    assert "jalan" in [c.code for c in suggestion.categories], (call.text, suggestion)
    qtbot.keyClick(ui.summaryEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: call.saved, timeout=10000)

    store = w.services.store
    case = store.cases.get(call.case_id)
    assert case.category == suggestion.category
    assert case.phone == "+6281234567890"
    assert case.channel is Channel.ON_AIR
    assert case.anonim and case.display_caller == "Anonim"  # no name typed
    assert (
        case.kecamatan_code == "35.22.15" and case.desa_code == "35.22.15.2003"
    )  # Sukorejo, Kec. Bojonegoro
    assert case.urgency in (Urgency.SEDANG, Urgency.TINGGI)
    assert case.summary
    recs = store.recordings.for_case(case.id)
    assert len(recs) == 1 and recs[0].state is RecordingState.COMPLETE
    audio, rate = sf.read(recs[0].path, dtype="int16")
    assert rate == 48000 and len(audio) / rate >= speech_s
    segs = store.segments.list_for_case(case.id)
    assert segs and len(sentence_words_in(" ".join(s.text for s in segs))) >= 3
    assert segs[0].engine == "faster-whisper"
    # the form is reset and ready for the next call; the case is in today's list
    assert desk.form.is_empty() and desk.form_call is None
    qtbot.waitUntil(lambda: desk.today_list.model.rowCount() == 1, timeout=5000)
    qtbot.waitUntil(lambda: not Path(w.services.drafts.path).exists(), timeout=5000)  # draft cleared
