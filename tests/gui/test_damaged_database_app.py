"""The desktop app on a damaged desk database (issue 14, item 6), in Indonesian, with no caller's name
or phone in any message or log line.

* start-up (``radio_desk.gui.app.run``, the real entry point): the integrity check refuses the file and
  a message box says what to do; the app exits 2 and never opens the window on it;
* damage while running: saving the On-Air form says, in the form, that the database is damaged; the
  form keeps what the operator typed.
"""

from __future__ import annotations

import argparse
import logging
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from radio_desk import logs
from radio_desk.gui.i18n import install_translators
from radio_desk.settings import Settings
from tests.store.test_damaged_database import CALLER, PHONE, assert_private, overwrite_pages, populated


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[None]:
    install_translators(qapp, "id")
    yield
    install_translators(qapp, "en")


@pytest.fixture
def app_logging() -> Iterator[None]:
    """``run`` sets up the log file and crash hooks for the process: give them back afterwards."""
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    hooks = sys.excepthook, threading.excepthook
    logs.detach_logging()
    yield
    for h in root.handlers[:]:
        if h not in handlers:
            root.removeHandler(h)
            h.close()
    root.setLevel(level)
    sys.excepthook, threading.excepthook = hooks
    logs.detach_logging()


def test_app_start_on_a_damaged_database_says_what_to_do(
    qapp: QApplication, tmp_path: Path, app_logging: None, indonesian: None, monkeypatch
) -> None:
    from radio_desk.gui import app
    from radio_desk.gui.main_window import MainWindow

    # after its window closes, run() leaves with os._exit: keep the test process alive if it gets there
    monkeypatch.setattr(app, "hard_exit", lambda code: None)
    Settings().update({"first_run_done": True})  # no first-start assistant: straight to the database
    db = populated(tmp_path / "radio-desk.sqlite3")
    overwrite_pages(db)
    shown: list[tuple[str, str]] = []
    windows: list[str] = []

    def answer() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append((box.windowTitle(), box.text()))
            box.accept()
            return
        opened = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        if opened:  # the app started on the damaged file
            windows.append("opened")
            opened[0].close()
            return
        QTimer.singleShot(50, answer)

    QTimer.singleShot(50, answer)
    rc = app.run(argparse.Namespace(database=str(db), verbose=False))
    assert windows == [] and rc == 2
    ((title, text),) = shown
    assert title == "Radio Desk"
    assert text.startswith(f"Basis data {db} rusak (pemeriksaan integritas menemukan ")
    assert "tutup Radio Desk" in text and ".recover" in text
    for handler in logging.getLogger().handlers:
        handler.flush()
    log_text = logs.log_file().read_text(encoding="utf-8")
    assert "integrity check" in log_text  # the technician's detail is in the log file ...
    assert_private(text, log_text)  # ... and nobody's name or number anywhere


def test_save_on_a_database_damaged_while_running(indonesian, make_window, qtbot, caplog) -> None:
    w = make_window(start=False)
    store = w.services.store
    ui = w.desk.ui
    ui.callerEdit.setText(CALLER)
    ui.phoneEdit.setText(PHONE)
    ui.summaryEdit.setText("Air PDAM mati tiga hari")
    populated_path = store.path
    store.cases.count()  # healthy so far
    with caplog.at_level(logging.DEBUG):
        store.close()
        populated(populated_path, n=150)  # a day's cases, then the file is damaged under the app
        overwrite_pages(populated_path)
        w.desk.save()
        qtbot.waitUntil(lambda: "Belum tersimpan" in ui.formMessageLabel.text(), timeout=10_000)
    message = ui.formMessageLabel.text()
    assert message.startswith(f"Belum tersimpan: Basis data {populated_path} rusak (SQLite: ")
    assert "INSERT" not in message and "[SQL" not in message
    assert ui.callerEdit.text() == CALLER and ui.summaryEdit.text() == "Air PDAM mati tiga hari"  # kept
    assert_private(message, caplog.text)
