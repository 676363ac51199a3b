"""Indonesian by default, English available; every command in a menu with its shortcut; About."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from radio_desk.gui.about import about_html
from radio_desk.gui.i18n import install_translators


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[list[str]]:
    loaded = install_translators(qapp, "id")
    yield loaded
    install_translators(qapp, "en")


def test_indonesian_interface(indonesian, make_window):
    assert "onair_id.qm" in indonesian
    w = make_window(start=False)
    ui = w.desk.ui
    assert ui.recordButton.text() == "Rekam (F9)"
    assert ui.intakeBox.title() == "Pencatatan"
    assert w.ui.menuCall.title() == "&Panggilan"
    assert w.ui.tabs.tabText(1) == "Redaksi"
    assert w.action_report.text() == "&Laporan mingguan…"
    assert w.status.model.text().startswith("Model suara")
    assert w.desk.today_list.model.headerData(1, Qt.Orientation.Horizontal) == "Penelepon"
    assert "lisensi MIT" in about_html()


def test_english_and_menus_show_shortcuts(make_window):
    w = make_window(start=False)
    assert w.desk.ui.recordButton.text() == "Record (F9)"
    shortcuts = {a.objectName(): a.shortcut() for m in w.ui.menubar.actions() for a in m.menu().actions()}
    assert shortcuts["actionRecord"] == QKeySequence("F9")
    assert shortcuts["actionAccept"] == QKeySequence("F8")
    assert shortcuts["actionSave"] == QKeySequence("Ctrl+Return")
    assert shortcuts["actionOnAir"] == QKeySequence("Ctrl+1") and shortcuts["actionEditor"] == QKeySequence(
        "Ctrl+2"
    )
    for rank in range(1, 5):
        assert shortcuts[f"actionUrgency{rank}"] == QKeySequence(f"Alt+{rank}")
    assert w.action_report in w.ui.menuFile.actions()
    assert w.action_report.shortcut() == QKeySequence("Ctrl+Shift+R")
    about = about_html()
    for needle in ("MIT", "cahyadsn/wilayah", "DejaVu", "LGPL", "whisper-base"):
        assert needle in about


def test_tab_order_follows_the_form(make_window):
    w = make_window(start=False)
    ui = w.desk.ui
    order = [ui.callerEdit]
    for _ in range(7):
        order.append(order[-1].nextInFocusChain())
        while not order[-1].focusPolicy() & order[-1].focusPolicy().TabFocus or not order[-1].isVisible():
            order[-1] = order[-1].nextInFocusChain()
    names = [x.objectName() for x in order]
    assert names[:5] == ["callerEdit", "phoneEdit", "kecamatanEdit", "desaEdit", "channelCombo"]


def test_weekly_report_opens_from_the_menu(make_window, qtbot):
    from PySide6.QtCore import QTimer

    from radio_desk.gui.report_dialog import ReportDialog

    w = make_window(start=False)
    seen: list[str] = []

    def close_it() -> None:
        dialog = QApplication.activeModalWidget()
        seen.append(type(dialog).__name__)
        dialog.reject()

    QTimer.singleShot(200, close_it)
    w.action_report.trigger()  # modal: returns once close_it has rejected it
    assert seen == [ReportDialog.__name__]
