"""The editor speaks Indonesian by default (editor_id.qm shipped and loaded)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from radio_desk.gui.i18n import install_translators
from tests.gui import editor_fixtures

editor_template = editor_fixtures.editor_template
editor_data = editor_fixtures.editor_data
workspace = editor_fixtures.workspace


def test_indonesian_labels(qtbot, editor_data, tmp_path):
    from radio_desk.gui.editor import EditorWorkspace
    from radio_desk.gui.tasks import TaskRunner
    from radio_desk.settings import Settings

    app = QApplication.instance()
    loaded = install_translators(app, "id")
    try:
        assert "editor_id.qm" in loaded
        ws = EditorWorkspace(editor_data.store, Settings(tmp_path / "s.json"), TaskRunner(synchronous=True))
        qtbot.addWidget(ws)
        tabs = [ws.tabs.tabText(i) for i in range(3)]
        assert tabs == ["Aduan", "Aduan dan transkrip", "Rundown Ayo Mas Bro"]
        assert ws.browser.model.headerData(0, Qt.Orientation.Horizontal) == "Diterima"
        assert ws.browser.ui.addToRundownButton.text() == "Tambah ke rundown"
        assert ws.browser.ui.countLabel.text() == "83 aduan"
        ws.shutdown()
    finally:
        install_translators(app, "en")
