"""The window fits a 1366×768 studio PC and comes back at the size and splitter positions left."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize

from radio_desk.gui.window_geometry import FRAME_ALLOWANCE, fit_size, fit_to_screen

STUDIO = QRect(0, 0, 1366, 768 - 40)  # 1366×768 with a 40 px task bar


def test_fit_size_never_exceeds_the_available_area():
    assert fit_size(QSize(1400, 900), STUDIO) == QSize(1366 - FRAME_ALLOWANCE.width(), 728 - 40)
    assert fit_size(QSize(1400, 900), QRect(0, 0, 1920, 1040)) == QSize(1400, 900)


def _inside(window, widget) -> bool:
    top_left = widget.mapTo(window, widget.rect().topLeft())
    bottom_right = widget.mapTo(window, widget.rect().bottomRight())
    return (
        widget.isVisible()
        and not widget.visibleRegion().isEmpty()
        and window.rect().contains(top_left)
        and window.rect().contains(bottom_right)
    )


def test_operator_controls_visible_at_1366x768(make_window, qtbot):
    window = make_window(start=False)
    fit_to_screen(window, STUDIO)
    qtbot.waitUntil(lambda: STUDIO.contains(window.frameGeometry()))
    assert window.minimumSizeHint().height() <= STUDIO.height() - FRAME_ALLOWANCE.height()
    ui = window.desk.ui
    for widget in (ui.urgency4, ui.saveButton, ui.todayTable, window.ui.statusbar):
        assert _inside(window, widget), widget.objectName()
    assert ui.todayTable.height() >= 40  # at least a row of today's calls


def test_window_and_splitter_geometry_remembered(make_window, qtbot):
    window = make_window(start=False)
    window.resize(780, 700)
    splitter = window.desk.ui.deskSplitter
    qtbot.waitUntil(lambda: window.height() == 700)
    total = sum(splitter.sizes())
    splitter.setSizes([total - 260, 260])
    sizes = splitter.sizes()
    window.close()

    again = make_window(start=False)
    # the offscreen screen is 800 px wide: the width is the window's minimum, the height is kept
    qtbot.waitUntil(lambda: again.height() == 700)
    assert again.width() <= max(800, again.minimumSizeHint().width())
    assert again.desk.ui.deskSplitter.sizes() == sizes


def test_long_status_texts_do_not_widen_the_window_past_1366(make_window, qtbot):
    """A recording, a loaded model, an offline sync with many waiting and a full disk line: the status
    bar's labels give up width (cut with "…", the whole text in the tooltip) instead of pushing the
    window wider than the screen."""
    window = make_window(start=False)
    status = window.status
    status.show_recording(259.0)
    status.set_audio("Audio: Demo: contoh panggilan yang sangat panjang (48000 Hz)")
    status.model.setText("Speech model: ready (whisper-base (bundled)) and a long detail")
    sync = "Sync: offline, 179 waiting, last never, next try in 25 s, 3 not accepted"
    status.sync.setText(sync)
    status.disk.setText("Disk: 79.1 GB free (~686 h of recording)")
    fit_to_screen(window, STUDIO)
    qtbot.waitUntil(lambda: STUDIO.contains(window.frameGeometry()))
    assert window.minimumSizeHint().width() <= STUDIO.width() - FRAME_ALLOWANCE.width()
    assert window.width() <= STUDIO.width()
    assert _inside(window, window.ui.statusbar) and _inside(window, window.desk.ui.saveButton)
    assert status.sync.toolTip() == sync and status.sync.text() == sync  # whole, though cut on screen
