"""After Save the form starts clean: the clock at zero, no "Transkrip selesai (N segmen)" (issue 19)."""

from __future__ import annotations


def test_save_resets_the_clock_and_the_transcript_state(indonesian, make_window, qtbot):
    window = make_window()
    desk, ui = window.desk, window.desk.ui
    qtbot.waitUntil(lambda: desk.recorder.recorder is not None, timeout=15000)
    qtbot.waitUntil(lambda: window.engine.state == "ready", timeout=60000)
    desk.toggle_record()
    qtbot.waitUntil(lambda: desk.recorder.recording, timeout=10000)
    call = desk.live_call
    qtbot.waitUntil(lambda: desk.recorder.last_status.elapsed_s > 4, timeout=15000)
    desk.toggle_record()
    qtbot.waitUntil(lambda: not desk.recorder.recording, timeout=10000)
    qtbot.waitUntil(lambda: call.transcript_done, timeout=180_000)
    assert ui.transcriptStateLabel.text().startswith("Transkrip selesai (")
    assert ui.elapsedLabel.text() != "00:00:00"

    ui.summaryEdit.setText("Jalan rusak di Sukorejo")
    desk.save()
    qtbot.waitUntil(lambda: call.saved, timeout=10000)
    qtbot.waitUntil(lambda: desk.form_call is None, timeout=5000)
    assert ui.summaryEdit.text() == ""  # the empty form...
    assert ui.transcriptStateLabel.text() == ""  # ...without the saved call's transcript state
    assert ui.elapsedLabel.text() == "00:00:00"
    assert ui.transcriptView.toPlainText().strip() == ""
