"""One change signal: a status from the server refreshes "Panggilan hari ini" at once (issue 19)."""

from __future__ import annotations

import threading
import uuid
from datetime import UTC, datetime

from radio_desk.domain import Case
from radio_desk.gui.store_changes import NotifyingOutbox


def feed_row(case_id: uuid.UUID, status: str, update_id: int = 1) -> dict[str, str]:
    return {
        "update_id": str(update_id), "service_request_id": str(900 + update_id), "case_uuid": str(case_id),
        "external_status_code": status, "description": "Diteruskan ke OPD",
        "updated_datetime": datetime.now(UTC).isoformat(),
    }  # fmt: skip


def status_cell(window, case_id: uuid.UUID) -> str:
    model = window.desk.today_list.model
    for r in range(model.rowCount()):
        if model.case_at(r).id == case_id:
            return str(model.index(r, 5).data()).split("\n")[0]
    return ""


def test_server_status_refreshes_todays_calls_without_a_timer(make_window, qtbot):
    window = make_window()
    store = window.services.store
    case = store.cases.create(Case(station="test-fm", caller_name="Pak Budi", summary="Jalan berlubang"))
    window.desk.refresh()
    qtbot.waitUntil(lambda: status_cell(window, case.id) != "", timeout=5000)
    before = status_cell(window, case.id)
    assert "diproses" not in before.lower()

    # as the sync worker does: on its own thread, through the outbox the main window gives it
    outbox = NotifyingOutbox(store, window.services.changes)
    applied: list[int] = []
    worker = threading.Thread(
        target=lambda: applied.append(outbox.apply_updates([feed_row(case.id, "diproses")]))
    )
    worker.start()
    worker.join(10)
    assert applied == [1]
    # no timer refreshes the list (the status bar's poll is 5 s): this is the change signal
    qtbot.waitUntil(lambda: status_cell(window, case.id) != before, timeout=2000)
    assert status_cell(window, case.id) != before


def test_no_change_no_signal(make_window, qtbot):
    window = make_window(start=False)
    seen: list[str] = []
    window.services.changes.changed.connect(seen.append)
    outbox = NotifyingOutbox(window.services.store, window.services.changes)
    assert outbox.apply_updates([feed_row(uuid.uuid4(), "selesai")]) == 0  # not a case of this desk
    qtbot.wait(100)  # a fixed time on purpose: no queued signal may arrive meanwhile
    assert seen == []
