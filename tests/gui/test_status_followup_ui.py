"""The OPD's follow-up text (tindak lanjut) with the status, and a refused status change, on screen
(issue 16), in Indonesian: in the On-Air "Panggilan hari ini" list (a second line on the status cell,
the whole text in its tooltip) and on the editor's case page.

The server's answers are recorded through the sync's own path (``SqlOutbox.apply_updates`` with a feed
row as the server sends it, ``StatusOutbox.refused`` / ``apply_server_state`` as ``run_cycle`` does;
the round trip with the real server is in tests/sync/test_status_sync.py).
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from PySide6.QtCore import Qt

from radio_desk.domain import Case
from radio_desk.store import Store
from radio_desk.sync.outbox import SqlOutbox
from tests.gui import editor_fixtures

editor_template = editor_fixtures.editor_template
editor_data = editor_fixtures.editor_data
workspace = editor_fixtures.workspace

FOLLOW_UP = (
    "Jalan sudah ditambal oleh tim UPT Bina Marga wilayah Kalitidu pada Kamis pagi; warga diminta "
    "melapor lagi bila retak kembali."
)


def server_says(store: Store, case_id: uuid.UUID, status: str, description: str, update_id: int = 1) -> None:
    """A row of the server's update feed, applied as the sync cycle applies it."""
    row = {
        "update_id": str(update_id), "service_request_id": str(900 + update_id), "case_uuid": str(case_id),
        "external_status_code": status, "description": description,
        "updated_datetime": datetime.now(UTC).isoformat(),
    }  # fmt: skip
    assert SqlOutbox(store).apply_updates([row]) == 1


def refused_by_server(store: Store, case_id: uuid.UUID, message: str) -> None:
    """The station's own change refused, and the server's status read back (as run_cycle does)."""
    store.cases.mark_synced(case_id, revision=1, remote_id="77")
    store.cases.change_status(case_id, "terverifikasi", by="editor")
    statuses = SqlOutbox(store).statuses
    [change] = [c for c in statuses.due() if c.case_id == case_id]
    statuses.refused(change, message)
    request = {"external_status_code": "ditolak", "status_notes": "Salah sambung", "updated_datetime": None}
    assert statuses.apply_server_state(case_id, request)


def test_follow_up_on_the_second_line_of_todays_list(indonesian, make_window, qtbot) -> None:
    w = make_window()
    store = w.services.store
    fixed = store.cases.create(Case(station="test-fm", caller_name="Pak Budi", summary="Jalan berlubang"))
    plain = store.cases.create(Case(station="test-fm", caller_name="Bu Sri", summary="Lampu jalan mati"))
    server_says(store, fixed.id, "selesai", "Selesai \u2014 " + FOLLOW_UP)
    w.desk.refresh()
    qtbot.waitUntil(lambda: w.desk.today_list.model.rowCount() == 2, timeout=5000)
    model = w.desk.today_list.model
    row = {model.case_at(r).id: r for r in range(2)}
    status = model.index(row[fixed.id], 5)
    first, second = status.data().split("\n")
    assert first == "Selesai"
    assert second.startswith("Tindak lanjut: Jalan sudah ditambal") and second.endswith("…")
    assert len(second) <= len("Tindak lanjut: ") + 80
    assert status.data(Qt.ItemDataRole.ToolTipRole) == "Tindak lanjut: " + FOLLOW_UP  # all of it
    other = model.index(row[plain.id], 5)
    assert other.data() == "Baru" and other.data(Qt.ItemDataRole.ToolTipRole) == "Lampu jalan mati"
    # the row is tall enough for both lines
    table = w.desk.ui.todayTable
    table.resizeRowsToContents()
    assert table.rowHeight(row[fixed.id]) > table.rowHeight(row[plain.id])


def test_refused_status_change_in_todays_list(indonesian, make_window, qtbot) -> None:
    w = make_window()
    store = w.services.store
    case = store.cases.create(Case(station="test-fm", caller_name="Pak Budi", summary="Jalan berlubang"))
    refused_by_server(
        store, case.id, "Status tidak bisa diubah dari \u201cDitolak\u201d ke \u201cTerverifikasi\u201d."
    )
    w.desk.refresh()
    qtbot.waitUntil(lambda: w.desk.today_list.model.rowCount() == 1, timeout=5000)
    status = w.desk.today_list.model.index(0, 5)
    assert status.data() == "Ditolak\nTindak lanjut: Salah sambung"
    tip = status.data(Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith(
        "Tindak lanjut: Salah sambung\n\nPerubahan status ke \u201cTerverifikasi\u201d ditolak server"
    )


def test_case_page_shows_follow_up_and_refusal(indonesian, workspace, editor_data) -> None:
    store = editor_data.store
    cid, other = editor_data.named.case.id, editor_data.anonim.case.id
    server_says(store, cid, "diproses", "Diproses \u2014 " + FOLLOW_UP)
    workspace.open_case(cid)
    workspace.runner.wait()
    page = workspace.case_page
    note, error = page.ui.followUpLabel, page.ui.statusErrorLabel
    assert not note.isHidden() and error.isHidden()
    assert note.text().startswith("Tindak lanjut (") and note.text().endswith("): " + FOLLOW_UP)
    assert page.ui.statusLabel.text() == "Status sekarang: Diproses"
    workspace.open_case(other)  # another case: nothing to say
    workspace.runner.wait()
    assert note.isHidden() and error.isHidden()
    refused_by_server(store, other, "Stasiun tidak boleh mengubah status ini.")
    workspace.open_case(other)
    workspace.runner.wait()
    assert error.text() == (
        "Perubahan status ke \u201cTerverifikasi\u201d ditolak server: Stasiun tidak boleh mengubah status "
        "ini. Status dari server dipakai."
    )
    assert not error.isHidden() and note.text().endswith(": Salah sambung")
    assert page.ui.statusLabel.text() == "Status sekarang: Ditolak (status akhir)"  # a final status says so
