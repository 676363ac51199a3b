"""Who is on duty: chosen in the status bar among the named operators (a list in Settings, not a
login); the desk's saves and the status events carry the name, and the CLI's weekly report says
"oleh <name>" instead of the system user."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QComboBox

from radio_desk.domain.station_time import today_local
from radio_desk.gui.i18n import install_translators
from radio_desk.settings import Settings
from tests.gui import editor_fixtures

editor_template = editor_fixtures.editor_template
editor_data = editor_fixtures.editor_data
workspace = editor_fixtures.workspace


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[None]:
    install_translators(qapp, "id")
    yield
    install_translators(qapp, "en")


def test_operator_switch_attributes_saves_and_the_report(
    indonesian, make_window, qtbot, tmp_path: Path
) -> None:
    w = make_window(start=False, settings={"operators": ["Sri Wahyuni", " Budi  Santoso ", "sri wahyuni"]})
    combo = w.findChild(QComboBox, "operatorSwitch")
    items = [combo.itemText(i) for i in range(combo.count())]
    assert items == ["(pilih)", "Sri Wahyuni", "Budi Santoso"]  # trimmed, repeats dropped
    assert combo.styleSheet()  # nobody on duty yet: marked
    i = combo.findData("Budi Santoso")
    combo.setCurrentIndex(i)
    combo.activated.emit(i)
    assert w.ui.statusbar.currentMessage() == "Bertugas: Budi Santoso"
    qtbot.waitUntil(lambda: Settings()["operator_name"] == "Budi Santoso", timeout=5000)  # saved to the file

    ui = w.desk.ui
    ui.callerEdit.setText("Bu Sri")
    ui.summaryEdit.setText("Jalan berlubang di Desa Sukorejo")
    w.desk.save()
    store = w.services.store
    qtbot.waitUntil(lambda: store.cases.count() == 1, timeout=10_000)
    [case] = store.cases.list()
    events = store.cases.status_events_of([case.id])
    assert events and {e.by for e in events} == {"Budi Santoso"}

    out = tmp_path / "laporan.pdf"
    today = today_local()
    store_path = str(store.path)
    subprocess.run(
        [sys.executable, "-m", "radio_desk", "report", "weekly", "--database", store_path,
         "--from", str(today - timedelta(days=6)), "--to", str(today), "--out", str(out)],
        env=dict(os.environ), check=True, capture_output=True, timeout=180,
    )  # fmt: skip
    text = subprocess.run(["pdftotext", str(out), "-"], capture_output=True, text=True, check=True).stdout
    assert "oleh Budi Santoso" in text and "oleh root" not in text


def test_transcript_corrections_are_attributed(workspace, editor_data) -> None:
    from radio_desk.gui.editor.transcript import TEXT_COLUMN

    workspace.settings.update({"operators": ["Sri Wahyuni"], "operator_name": "Sri Wahyuni"})
    cid = editor_data.named.case.id
    workspace.open_case(cid)
    workspace.runner.wait()
    page = workspace.case_page
    page.transcript.segments.setData(
        page.transcript.segments.index(1, TEXT_COLUMN), "jembatan gantung putus total"
    )
    workspace.runner.wait()
    [change] = [c for c in editor_data.store.cases.history(cid) if c.field == "transcript_text"]
    assert change.by == "Sri Wahyuni" and change.new.endswith("jembatan gantung putus total")
