"""The rundown builder: cases added with the button and by drag and drop, grouped by OPD, clip points,
explicit inclusion of a rahasia case, and an export that respects anonim/rahasia."""

from __future__ import annotations

import subprocess
from datetime import date

import soundfile as sf
from PySide6.QtCore import QMimeData, QPoint, Qt
from PySide6.QtGui import QDropEvent

from radio_desk.gui.editor.case_table import MIME_CASES
from tests.gui import editor_fixtures

# the fixtures these tests use (importing them by name would shadow them)
editor_template = editor_fixtures.editor_template
editor_data = editor_fixtures.editor_data
workspace = editor_fixtures.workspace


def _drop(tree, ids) -> None:
    mime = QMimeData()
    mime.setData(MIME_CASES, "\n".join(map(str, ids)).encode())
    event = QDropEvent(QPoint(5, 5), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)  # fmt: skip
    tree.dropEvent(event)


def test_build_and_export_rundown(workspace, editor_data, tmp_path):
    page = workspace.rundown
    page.ui.showDate.setDate(date(2026, 12, 4))
    # keyboard/button way: select in the browser, "Add to rundown"
    b = workspace.browser
    b.ui.searchEdit.setText("jembatan gantung")
    b.ui.table.selectRow(0)
    b.ui.addToRundownButton.click()
    assert workspace.tabs.currentWidget() is page
    # drag and drop way
    _drop(page.ui.itemTree, [editor_data.anonim.case.id, editor_data.rahasia.case.id])
    rd = page.rundown
    assert [e.case_id for e in rd.entries] == [editor_data.named.case.id, editor_data.anonim.case.id,
                                             editor_data.rahasia.case.id]  # fmt: skip
    tree = page.ui.itemTree
    groups = [tree.topLevelItem(i).text(0) for i in range(tree.topLevelItemCount())]
    assert len(groups) == 3 and "RAHASIA" in tree.topLevelItem(2).child(0).text(0)
    # per item: read-out summary and clip chosen on the waveform
    page.items.select_case(editor_data.named.case.id)
    assert page.ui.clipWaveform.has_peaks
    page.ui.summaryEdit.setPlainText("Jembatan gantung di Luwihaji putus, warga memutar jauh")
    page.ui.clipWaveform.selectionChanged.emit(2.0, 6.5)
    page.items.select_case(editor_data.anonim.case.id)
    page.ui.clipInSpin.setValue(1.0)
    page.ui.clipOutSpin.setValue(4.0)
    page.save()
    saved = editor_data.store.rundowns.get(rd.id)
    assert saved.show_date == date(2026, 12, 4)
    assert saved.entry_for(editor_data.named.case.id).summary.endswith("memutar jauh")
    assert (
        saved.entry_for(editor_data.anonim.case.id).clip_in,
        saved.entry_for(editor_data.anonim.case.id).clip_out,
    ) == (1.0, 4.0)

    out = tmp_path / "export"
    results = []
    page.exported.connect(results.append)
    page.exporter.export(out)
    result = results[-1]
    assert result.left_out == [editor_data.rahasia.case.id]
    assert [round(sf.info(str(p)).duration, 2) for p in result.clips] == [4.5, 3.0]
    pdf = subprocess.run(
        ["pdftotext", str(result.pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    playlist = result.playlist.read_text(encoding="utf-8")
    names = " ".join(p.name for p in out.iterdir())
    assert "warga memutar jauh" in pdf and "Anonim" in pdf
    for text in (pdf, playlist, names):
        assert "Sumiati" not in text and "Pungutan" not in text and "Wahyu" not in text
    assert "1 confidential" in page.ui.messageLabel.text() or "rahasia" in page.ui.messageLabel.text()

    # explicit inclusion of the rahasia case is recorded with who and when, and then it is exported
    page.items.select_case(editor_data.rahasia.case.id)
    assert page.ui.includeRahasiaCheck.isEnabled()
    page.ui.includeRahasiaCheck.setChecked(True)
    entry = editor_data.store.rundowns.get(rd.id).entry_for(editor_data.rahasia.case.id)
    assert entry.rahasia_included_by == "Rina" and entry.rahasia_included_at is not None
    page.exporter.export(out)
    assert results[-1].left_out == [] and len(results[-1].clips) == 3
    pdf = subprocess.run(
        ["pdftotext", str(results[-1].pdf), "-"], capture_output=True, text=True, check=True
    ).stdout
    assert "Pungutan liar" in pdf and "Rina" in pdf


def test_reorder_and_remove_keep_opd_groups(workspace, editor_data):
    page = workspace.rundown
    page.add_cases([editor_data.named.case.id, editor_data.anonim.case.id])
    page.items.select_case(editor_data.anonim.case.id)
    page.items.move_current(-1)  # first of its group: the whole group moves up
    assert [e.case_id for e in page.rundown.entries] == [
        editor_data.anonim.case.id,
        editor_data.named.case.id,
    ]
    page.items.remove_current()
    assert [e.case_id for e in editor_data.store.rundowns.get(page.rundown.id).entries] == [
        editor_data.named.case.id
    ]
    page.add_cases([editor_data.named.case.id])
    assert "Already" in page.ui.messageLabel.text() or "Sudah" in page.ui.messageLabel.text()


def test_delete_rundown_keeps_cases(workspace, editor_data):
    page = workspace.rundown
    page.add_cases([editor_data.named.case.id])
    rid = page.rundown.id
    page.delete_rundown(confirmed=True)
    assert page.rundown is None and editor_data.store.rundowns.list() == []
    assert editor_data.store.cases.get(editor_data.named.case.id).summary
    assert rid not in [page.ui.rundownCombo.itemData(i) for i in range(page.ui.rundownCombo.count())]
