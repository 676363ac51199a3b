"""Screenshot of the "SMS masuk" tab with messages from a real Gammu SMS daemon.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot_sms.py [OUT.png] [WIDTHxHEIGHT]

Runs ``gammu-smsd`` (files backend) on Gammu's dummy phone driver in a throw-away folder, lets a few
messages arrive (one of them in three parts), and opens the demo desk on them.  Needs the Debian
packages ``gammu-smsd`` and ``gammu``.  The window is WIDTHxHEIGHT (default 1366x768).  A second
shot, OUT-form.png, shows one of the messages opened in the On-Air form.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MESSAGES = [
    ("081234500111", "Jalan di Desa Sukorejo Kecamatan Bojonegoro rusak parah, banyak lubang, mohon "
     "diperbaiki."),
    ("+6285733002211", "Tolong segera, banjir sudah masuk rumah warga di Desa Ledok Kulon, air setinggi "
     "lutut dan terus naik. Ada lansia yang belum bisa keluar rumah."),
    ("081398765001", "Selamat siang Radio, saya mau lapor lampu penerangan jalan umum di jalan raya "
     "Kalitidu depan SD Negeri 1 sudah mati dua minggu. Kalau malam gelap sekali dan kemarin ada pengendara "
     "motor jatuh karena tidak melihat lubang. Anak-anak yang les sore pulang lewat situ. Mohon "
     "disampaikan ke dinas terkait, terima kasih banyak."),
    ("TELKOMSEL", "Sisa kuota internet Anda 500MB. Perpanjang paket sekarang di *363#."),
    (None, "Air PDAM di Kelurahan Kadipaten tidak mengalir lagi sejak Senin."),  # a demo caller, again
]  # fmt: skip


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots" / "sms-masuk.png"
    width, height = (int(v) for v in (sys.argv[2] if len(sys.argv) > 2 else "1366x768").split("x"))
    work = Path(tempfile.mkdtemp(prefix="radio-desk-sms-shot-"))
    os.environ["RADIO_DESK_DEMO_HOME"] = str(work / "home")
    from PySide6.QtTest import QTest
    from shot_support import demo_window, wait_until

    from radio_desk.cli.demo import prepare_demo
    from radio_desk.domain.phone import local_format
    from radio_desk.gui.app import hard_exit
    from radio_desk.settings import Settings
    from radio_desk.store import open_store
    from tests.support.smsd import Smsd

    db = prepare_demo()
    with open_store(db) as store:  # a caller of the demo data writes in: the repeat-reporter hint
        again = next(c.phone for c in store.cases.list() if c.phone)
    smsd = Smsd(work / "smsd")
    parts = sum(smsd.receive(sender or local_format(again), text) for sender, text in MESSAGES)
    smsd.start()
    smsd.wait_received(parts)
    smsd.stop()

    db = prepare_demo()
    settings = Settings()
    settings.update(
        {"sms_inbox_dir": str(smsd.inbox), "sms_outbox_dir": str(smsd.outbox), "sms_replies": True}
    )
    window = demo_window(db, width, height, settings=settings)
    panel = window.sms.panel

    wait_until(lambda: window.desk.triage is not None, 60)
    rows = panel.model
    wait_until(lambda: rows.rowCount() == len(MESSAGES) and all(m.triage for m in rows.rows), 60)
    window.ui.tabs.setCurrentIndex(window.ui.tabs.indexOf(panel))
    panel.table.selectRow(0)
    panel.table.setFocus()
    QTest.qWait(700)
    window.grab().save(str(out))
    print(out)
    panel.open_row(0)  # the flood report into the On-Air form: a second shot, OUT-form.png
    desk = window.desk
    wait_until(lambda: desk.form.suggestion is not None, 30)
    QTest.qWait(700)
    form_shot = out.with_name(out.stem + "-form" + out.suffix)
    window.grab().save(str(form_shot))
    print(form_shot)
    window.close()
    hard_exit(0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
