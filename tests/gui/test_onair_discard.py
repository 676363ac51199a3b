"""A test or mistaken recording can be thrown away from the On-Air desk (issue 19): Ctrl+N only puts
it aside (it comes back), "Buang…" asks for a reason, keeps it in the audit trail and moves the
audio to the trash folder; the next waiting call takes the form.  Real recorder (demo input)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt


def _record(desk, qtbot) -> None:
    qtbot.keyClick(desk.ui.callerEdit, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: desk.recorder.recording, timeout=10000)
    # audio in the call's file (the writer's 200 ms passes; the 2 s pre-roll counts too)
    qtbot.waitUntil(lambda: desk.recorder.last_status.elapsed_s >= 0.3, timeout=10000)
    qtbot.keyClick(desk.ui.callerEdit, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not desk.recorder.recording and desk.live_call is None, timeout=10000)


def test_discard_a_mistaken_recording_with_a_reason(make_window, qtbot):
    window = make_window(settings={"operator_name": "Sari", "asr_live": False})
    desk, store = window.desk, window.services.store
    qtbot.waitUntil(lambda: desk.recorder.recorder is not None, timeout=15000)
    desk.discardButton.click()  # an empty form: nothing to throw away
    assert "Nothing to discard" in desk.ui.formMessageLabel.text() and desk.discarding.dialog is None

    _record(desk, qtbot)
    call = desk.form_call
    audio = Path(call.recording.path)
    qtbot.waitUntil(lambda: store.recordings.find(call.recording.id) is not None, timeout=5000)
    desk.discardButton.click()
    dialog = desk.discarding.dialog
    assert dialog is not None and dialog.isVisible() and not dialog.ok.isEnabled()  # reason required
    dialog.reasonEdit.setPlainText("salah tekan F9")
    dialog.ok.click()
    qtbot.waitUntil(lambda: desk.form_call is None, timeout=5000)
    (d,) = store.discards.list()
    assert (d.kind, d.by, d.reason) == ("recording", "Sari", "salah tekan F9")
    assert d.recording_ids == [call.recording.id]
    trashed = Path(d.files[0][1])
    assert not audio.exists() and trashed.exists()
    assert store.recordings.get(call.recording.id).path == str(trashed)
    assert desk.parked == [] and desk.drafts.draft() is None  # it does not come back after a restart
