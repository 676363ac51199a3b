"""Screenshots of the OPD's follow-up text with the status (issue 16): today's calls in the On-Air desk
(second line of the status) and the editor's case page.

    xvfb-run -a -s "-screen 0 1600x1000x24" .venv/bin/python scripts/screenshot_followup.py [OUT_DIR]

Runs on a throw-away demo home, so no station data is touched.  The server's answers are applied as the
sync applies them (``SqlOutbox.apply_updates`` with feed rows; ``StatusOutbox.refused`` for a refusal).
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

FOLLOW_UPS = [
    ("selesai", "Selesai \u2014 Jalan sudah ditambal tim UPT Bina Marga Kamis pagi; warga diminta melapor "
     "lagi bila retak kembali."),
    ("diproses", "Diproses \u2014 Petugas PDAM menuju lokasi, perbaikan pipa diperkirakan dua hari."),
]  # fmt: skip


def main() -> int:
    out_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    os.environ["RADIO_DESK_DEMO_HOME"] = tempfile.mkdtemp(prefix="radio-desk-shot-")
    from PySide6.QtTest import QTest
    from shot_support import demo_window, wait_until

    from radio_desk.cli.demo import prepare_demo
    from radio_desk.domain import Case
    from radio_desk.gui.app import hard_exit
    from radio_desk.store import open_store
    from radio_desk.sync.outbox import SqlOutbox

    db = prepare_demo()
    store = open_store(db)
    ids = [
        store.cases.create(
            Case(station="demo-fm", caller_name=name, summary=text, category=cat, kecamatan_code="35.22.15")
        ).id
        for name, text, cat in [
            ("Pak Darto", "Jalan berlubang di depan pasar Kalitidu", "jalan"),
            ("Bu Siti", "Air PDAM tidak mengalir tiga hari", "air_bersih"),
            ("Mas Yoga", "Lampu jalan mati di Desa Ngujo", "pju"),
        ]
    ]
    now = datetime.now(UTC).isoformat()
    rows = [
        {"update_id": str(n + 1), "service_request_id": str(500 + n), "case_uuid": str(cid),
         "external_status_code": status, "description": text, "updated_datetime": now}
        for n, (cid, (status, text)) in enumerate(zip(ids, FOLLOW_UPS, strict=False))
    ]  # fmt: skip
    for n, cid in enumerate(ids):  # the cases reached the server (as a sync cycle would record it)
        store.cases.mark_synced(cid, revision=1, remote_id=str(500 + n))
        store.outbox.mark_sent([i.id for i in store.outbox.for_case(cid, include_done=False)])
    outbox = SqlOutbox(store)
    outbox.apply_updates(rows)
    # the station tried to reject the third itself: the regency's policy keeps that for Diskominfo
    store.cases.change_status(ids[2], "ditolak", by="Operator Demo")
    [change] = [c for c in outbox.statuses.due() if c.case_id == ids[2]]
    outbox.statuses.refused(change, "Stasiun hanya boleh memverifikasi atau meneruskan aduannya sendiri.")
    outbox.statuses.apply_server_state(ids[2], {"external_status_code": "baru", "status_notes": None})
    store.close()

    window = demo_window(db, 1500, 940)
    desk = window.desk

    desk.refresh()
    wait_until(lambda: desk.today_list.model.rowCount() >= 3, 20)
    QTest.qWait(500)
    desk.ui.todayTable.resizeRowsToContents()
    desk.ui.todayTable.grab().save(str(out_dir / "onair-followup.png"))
    window.open_case_in_editor(ids[0])
    page = window.editor.case_page  # type: ignore[union-attr]
    wait_until(lambda: page.bundle is not None and page.bundle.case.id == ids[0], 20)
    QTest.qWait(700)
    page.ui.statusBox.grab().save(str(out_dir / "editor-followup.png"))
    print(out_dir / "onair-followup.png", out_dir / "editor-followup.png")
    window.close()
    hard_exit(0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
