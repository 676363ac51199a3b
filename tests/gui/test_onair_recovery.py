"""Faults the desk must survive: a kill mid-call, no audio input, a speech model that does not load."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest
import soundfile as sf
from PySide6.QtCore import Qt

from radio_desk.domain import RecordingState
from radio_desk.errors import AudioError

HERE = Path(__file__).resolve().parent


@pytest.mark.slow
def test_kill_during_call_restores_form_with_recording(make_window, qtbot, tmp_path):
    db = tmp_path / "radio-desk.sqlite3"
    child = subprocess.run(
        [sys.executable, str(HERE / "onair_crash_child.py"), str(db)],
        capture_output=True, text=True, timeout=120, env=dict(os.environ),
    )  # fmt: skip
    assert child.returncode == -signal.SIGKILL, child.stderr[-2000:]
    wav = Path(child.stdout.split("KILL ", 1)[1].strip())
    assert wav.exists()

    w = make_window()  # same home, same database: the next start
    desk, ui = w.desk, w.desk.ui
    qtbot.waitUntil(lambda: desk.form_call is not None, timeout=10000)
    assert ui.callerEdit.text() == "Pak Slamet"
    assert ui.summaryEdit.text() == "Lampu jalan mati"
    assert "restored" in ui.formMessageLabel.text().lower() or "dipulihkan" in ui.formMessageLabel.text()
    call = desk.form_call
    assert call.recording is not None and Path(call.recording.path) == wav
    assert call.recording.state is RecordingState.RECOVERED
    info = sf.info(str(wav))  # the header was repaired: readable, the audio captured before the kill
    assert info.frames / info.samplerate >= 2.0
    qtbot.waitUntil(lambda: call.transcript_done, timeout=60000)  # made after the crash from the file

    ui.summaryEdit.setFocus()
    qtbot.keyClick(ui.summaryEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: call.saved, timeout=10000)
    store = w.services.store
    case = store.cases.get(call.case_id)
    assert case.caller_name == "Pak Slamet" and case.summary == "Lampu jalan mati"
    recs = store.recordings.for_case(case.id)
    assert [r.path for r in recs] == [str(wav)] and recs[0].state is RecordingState.RECOVERED
    assert store.segments.list_for_case(case.id)
    qtbot.waitUntil(lambda: not w.services.drafts.path.exists(), timeout=5000)


def test_missing_audio_input_shows_reason_and_form_still_saves(make_window, qtbot):
    def no_device() -> None:
        raise AudioError("Tidak ada perangkat input audio.")

    w = make_window(recorder_factory=no_device)
    desk, ui = w.desk, w.desk.ui
    qtbot.waitUntil(lambda: "Tidak ada perangkat input audio" in ui.audioWarningLabel.text(), timeout=5000)
    assert "Audio" in w.status.audio.text()
    qtbot.keyClick(ui.callerEdit, Qt.Key.Key_F9)  # nothing to record from: a message, no crash
    assert not desk.recorder.recording and desk.live_call is None
    assert ui.audioWarningLabel.text()
    ui.callerEdit.setFocus()
    qtbot.keyClicks(ui.callerEdit, "Bu Sri")
    ui.summaryEdit.setText("Pengaduan lewat WhatsApp")
    qtbot.keyClick(ui.callerEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: desk.today_list.model.rowCount() == 1, timeout=5000)
    assert w.services.store.cases.list()[0].caller_name == "Bu Sri"


def test_unknown_device_name_falls_back_with_visible_warning(make_window, qtbot, call_device):
    w = make_window(recorder_factory=None, settings={"audio_device": "Mixer yang sudah dicabut"})
    ui = w.desk.ui
    qtbot.waitUntil(lambda: bool(ui.audioWarningLabel.text()), timeout=10000)
    assert "Mixer yang sudah dicabut" in ui.audioWarningLabel.text()


def test_model_that_fails_to_load(make_window, qtbot, tmp_path):
    bad = tmp_path / "not-a-model"
    bad.mkdir()
    (bad / "model.bin").write_bytes(b"rubbish")
    from radio_desk.gui.onair.transcription import default_loader
    from radio_desk.settings import Settings

    s = Settings()
    s["asr_model"] = str(bad)
    w = make_window(engine_loader=default_loader(s), settings={"asr_model": str(bad)})
    desk, ui = w.desk, w.desk.ui
    qtbot.waitUntil(lambda: w.engine.state == "failed", timeout=30000)
    assert w.status.model.toolTip()  # the reason
    assert "fail" in w.status.model.text().lower() or "gagal" in w.status.model.text().lower()
    qtbot.waitUntil(lambda: desk.recorder.recorder is not None, timeout=5000)
    qtbot.keyClick(ui.callerEdit, Qt.Key.Key_F9)  # recording still works
    qtbot.waitUntil(lambda: desk.recorder.recording, timeout=5000)
    qtbot.waitUntil(lambda: desk.recorder.last_status.elapsed_s >= 0.5, timeout=10000)  # audio on disk
    qtbot.keyClick(ui.callerEdit, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not desk.recorder.recording, timeout=5000)
    call = desk.form_call
    assert call.recording is not None and Path(call.recording.path).exists()
    qtbot.waitUntil(lambda: "model" in ui.transcriptStateLabel.text().lower(), timeout=5000)
    ui.summaryEdit.setText("Air PDAM mati")
    qtbot.keyClick(ui.summaryEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: call.saved, timeout=5000)
    assert w.services.store.recordings.for_case(call.case_id)
