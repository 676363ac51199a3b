"""F9 in the editor tab records: the recording is visible there (status bar and tab title), issue 19."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt


def test_f9_in_the_editor_shows_the_recording_on_every_tab(indonesian, make_window, qtbot):
    window = make_window()
    qtbot.waitUntil(lambda: window.desk.recorder.recorder is not None, timeout=15000)
    editor = window.ensure_editor()
    window.ui.tabs.setCurrentIndex(1)
    indicator = window.status.recording
    assert not indicator.isVisible()

    search = editor.browser.ui.searchEdit
    search.setFocus()
    qtbot.keyClick(search, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: window.desk.recorder.recording, timeout=10000)
    assert window.ui.tabs.currentIndex() == 1  # still in the editor
    qtbot.waitUntil(indicator.isVisible, timeout=5000)
    assert re.fullmatch(r"● Merekam 00:0\d", indicator.text()), indicator.text()  # pre-roll included
    assert window.ui.tabs.tabText(0).startswith("●")

    qtbot.keyClick(search, Qt.Key.Key_F9)
    qtbot.waitUntil(lambda: not window.desk.recorder.recording, timeout=10000)
    qtbot.waitUntil(lambda: not indicator.isVisible(), timeout=5000)
    assert not window.ui.tabs.tabText(0).startswith("●")
