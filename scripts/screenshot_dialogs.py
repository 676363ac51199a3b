"""Screenshots of the desk's dialogs of issue 19 over the 1366x768 main window (demo data):

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshot_dialogs.py [OUT_DIR]

* ``settings-dialog.png``: Settings with the station time zone, the named operators, the connection
  test's answer (a real refused port) and the backup days;
* ``first-start-required.png``: the first-start assistant refusing to finish without a station name;
* ``discards-dialog.png``: File → Dibuang…, two discarded cases with who, when and why, "Pulihkan";
* ``restore-confirm.png``: the restore confirmation of a real backup of the demo database;
* ``onair-statusbar.png``: the window with "Sinkron sekarang" and the operator on duty in the status bar.

Each dialog is drawn centred on the window's own picture, as the operator sees it; the script prints
each dialog's size, which must fit in 1366x768.  Runs on a throw-away demo home.
"""

from __future__ import annotations

import os
import socket
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
SIZE = (1366, 768)


def main() -> int:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    os.environ["RADIO_DESK_DEMO_HOME"] = tempfile.mkdtemp(prefix="radio-desk-shot-")
    from PySide6.QtGui import QPainter
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QWidget

    from radio_desk.cli.demo import prepare_demo
    from radio_desk.gui.app import application, build_window, hard_exit
    from radio_desk.gui.discards_dialog import DiscardsDialog
    from radio_desk.gui.first_start import FirstStartDialog
    from radio_desk.gui.i18n import install_translators
    from radio_desk.gui.settings_dialog import SettingsDialog
    from radio_desk.paths import app_paths
    from radio_desk.services.discard import discard_case
    from radio_desk.store.backup import back_up, backup_folder, inspect_backup

    db = prepare_demo()
    app = application()
    install_translators(app, "id")
    window = build_window(db, demo=True, recorder_factory=None, start=False)
    window.resize(*SIZE)
    window.show()
    QTest.qWait(800)

    def shot(dialog: QWidget | None, name: str) -> None:
        picture = window.grab()
        if dialog is not None:
            dialog.show()
            QTest.qWait(400)
            size = dialog.size()
            print(f"{name}: dialog {size.width()}x{size.height()}")
            over = dialog.grab()
            painter = QPainter(picture)
            painter.drawPixmap((SIZE[0] - over.width()) // 2, max(0, (SIZE[1] - over.height()) // 2), over)
            painter.end()
            dialog.hide()
        picture.save(str(out / name))
        print(out / name)

    shot(None, "onair-statusbar.png")

    settings = window.services.settings
    dialog = SettingsDialog(settings, window)
    with socket.socket() as sock:  # a port where nothing listens: the test's real "refused" answer
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    dialog.ui.serverEdit.setText(f"http://127.0.0.1:{port}")
    dialog.ui.keyEdit.setText("rdk_contoh")
    dialog.ui.timezoneCombo.setCurrentIndex(dialog.ui.timezoneCombo.findData("Asia/Jakarta"))
    dialog.show()
    dialog.test_connection()
    for _ in range(1200):  # after the device list (the dialog's one worker thread)
        if dialog.ui.testConnectionButton.isEnabled():
            break
        QTest.qWait(50)
    shot(dialog, "settings-dialog.png")
    dialog.reject()

    first = FirstStartDialog(settings, window)
    first.ui.stationNameEdit.clear()
    first.show()
    first.accept()  # refused: the name is required
    shot(first, "first-start-required.png")
    first.reject()

    store = window.services.store
    for case, reason in zip(
        store.cases.list(limit=2), ("rekaman uji sebelum siaran", "salah tekan F9"), strict=True
    ):
        discard_case(store, case.id, by="Rina", reason=reason)
    listed = DiscardsDialog(window.services, window)
    listed.show()
    for _ in range(200):
        if listed.discards:
            break
        QTest.qWait(50)
    listed.table.selectRow(0)
    shot(listed, "discards-dialog.png")
    listed.reject()

    backup = back_up(Path(db), backup_folder(app_paths().data))
    box = window.backups.confirm_box(inspect_backup(backup))
    shot(box, "restore-confirm.png")
    box.reject()

    window.close()
    hard_exit(0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
