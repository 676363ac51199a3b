"""Field limits at entry and refused cases on screen (issue 14, item 1), in Indonesian.

* a note over the shared limit is refused in the On-Air form and on the editor's case page, with a
  message saying how long it is and how long it may be; nothing is cut off, nothing half-saved;
* a case the server refused is named, with the reason, in the status bar, in today's list and on the
  case page.  The refusal is recorded through the sync's own path (``SqlOutbox.refuse``, as
  ``run_cycle`` does; the round trip with a real server is in tests/server/test_sync_refusals.py).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from radio_desk.domain import Case, limits
from radio_desk.gui.i18n import install_translators
from radio_desk.store import Store
from radio_desk.sync.outbox import SqlOutbox
from tests.gui import editor_fixtures

editor_template = editor_fixtures.editor_template
editor_data = editor_fixtures.editor_data
workspace = editor_fixtures.workspace

REASON = "Ditolak server: Isian catatan terlalu panjang (25000 > 20000 karakter)."


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[None]:
    install_translators(qapp, "id")
    yield
    install_translators(qapp, "en")


def refuse(store: Store, case_id) -> None:  # type: ignore[no-untyped-def]
    outbox = SqlOutbox(store)
    items = [i for i in outbox.take_batch(500) if i.case_id == case_id]
    assert items, "the case is queued for the server"
    outbox.refuse([(items[0], REASON)], retry_in=30.0)


def test_over_long_notes_refused_at_entry_on_air(indonesian, make_window, qtbot) -> None:
    w = make_window(start=False)
    desk, ui = w.desk, w.desk.ui
    ui.callerEdit.setText("Bu Sri")
    ui.summaryEdit.setText("Jalan berlubang")
    ui.notesEdit.setFocus()
    ui.notesEdit.insertPlainText("surat warga " * 2_500)  # 30,000 characters pasted
    message = ui.formMessageLabel.text()
    assert message == (
        "Catatan terlalu panjang: 30.000 karakter, paling banyak 20.000. Perpendek sebelum menyimpan."
    )
    qtbot.keyClick(ui.notesEdit, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)  # save
    w.services.runner.wait()
    assert w.services.store.cases.count() == 0  # refused, not cut off
    assert len(ui.notesEdit.toPlainText()) == 30_000 and "terlalu panjang" in ui.formMessageLabel.text()
    ui.notesEdit.setPlainText("surat warga " * 100)
    assert ui.formMessageLabel.text() == ""  # back within the limit: the warning goes
    desk.save()
    qtbot.waitUntil(lambda: w.services.store.cases.count() == 1, timeout=5000)


def test_over_long_notes_refused_on_the_case_page(indonesian, workspace, editor_data) -> None:
    cid = editor_data.named.case.id
    workspace.open_case(cid)
    workspace.runner.wait()
    page = workspace.case_page
    page.ui.notesEdit.setPlainText("x" * (limits.NOTES + 1))
    assert "Catatan terlalu panjang: 20.001 karakter" in page.ui.transcriptTitle.text()
    page.intake.save()
    assert editor_data.store.cases.get(cid).notes != "x" * (limits.NOTES + 1)
    assert "terlalu panjang" in page.ui.transcriptTitle.text()


def test_refused_case_named_in_status_bar_and_todays_list(indonesian, make_window, qtbot) -> None:
    w = make_window()
    store = w.services.store
    good = store.cases.create(Case(station="test-fm", caller_name="Pak Budi", summary="Lampu jalan mati"))
    bad = store.cases.create(Case(station="test-fm", caller_name="Bu Sri", summary="Jalan berlubang"))
    refuse(store, bad.id)
    w.status.poll()
    label = w.status.sync
    qtbot.waitUntil(lambda: "ditolak server" in label.text(), timeout=10_000)
    assert "1 ditolak server" in label.text()
    tip = label.toolTip()
    assert str(bad.id) in tip and REASON in tip and str(good.id) not in tip
    bar = w.ui.statusbar.currentMessage()
    assert bar.startswith("Tidak terkirim: aduan " + str(bad.id)) and REASON in bar
    w.desk.refresh()
    model = w.desk.today_list.model

    def sync_column() -> dict:
        return {model.case_at(r).id: model.index(r, 6).data() for r in range(model.rowCount())}

    # the list reloads in the background: an earlier load may still show both cases as waiting
    expected = {bad.id: "ditolak server", good.id: "menunggu"}
    qtbot.waitUntil(lambda: sync_column() == expected, timeout=5000)


def test_refused_case_page_says_why(indonesian, workspace, editor_data) -> None:
    cid = editor_data.named.case.id
    refuse(editor_data.store, cid)
    workspace.open_case(cid)
    workspace.runner.wait()
    label = workspace.case_page.ui.syncLabel
    assert not label.isHidden()
    assert label.text().startswith("Tidak terkirim ke server pusat (") and REASON in label.text()
    assert label.text().endswith("Perbaiki aduan ini lalu simpan: aduan dikirim lagi.")
    workspace.open_case(editor_data.anonim.case.id)  # another case: nothing to say
    workspace.runner.wait()
    assert label.isHidden()
