"""``radio-desk`` (no subcommand): the desktop app.

Start-up does only what the first frame needs on the GUI thread — settings, translators, the database
(migrated), the window — and shows it; the speech model, the audio input, recovery of a crashed call,
triage and sync then start in the background (see :meth:`MainWindow.start`).
"""

from __future__ import annotations

import argparse
import logging
import os
import signal
import sys
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QThread, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from radio_desk.errors import RadioDeskError
from radio_desk.gui.i18n import install_translators
from radio_desk.gui.qt_log import install_qt_message_handler
from radio_desk.gui.services import Services
from radio_desk.gui.single_instance import SingleInstance, bring_forward, second_start
from radio_desk.gui.tasks import TaskRunner
from radio_desk.logs import install_crash_handler, setup_logging, shutdown_logging
from radio_desk.paths import app_paths
from radio_desk.settings import Settings

log = logging.getLogger(__name__)


def _crash_dialog(path: Path, exc: BaseException) -> None:
    app = QApplication.instance()
    if app is None or QThread.currentThread() is not app.thread():
        return  # a worker thread: the report is written; the GUI keeps running
    QMessageBox.critical(
        None,
        QApplication.translate("App", "Unexpected error"),
        QApplication.translate(
            "App",
            "Radio Desk hit an unexpected error: %s\n\nRecordings and the form are kept. "
            "A crash report was written to %s (nothing is sent anywhere).",
        )
        % (exc, path),
    )


def application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance()
    if app is None:
        app = QApplication(argv if argv is not None else [sys.argv[0]])
    app.setApplicationName("Radio Desk")
    app.setOrganizationName("RadioDesk")
    return app  # type: ignore[return-value]


def build_window(
    database: str | Path | None = None, *, demo: bool = False, recorder_factory: Any = None,
    settings: Settings | None = None, start: bool = True,
) -> Any:  # fmt: skip
    """Open the store and build the main window (the app's and the benchmark's common path)."""
    from radio_desk.gui.main_window import MainWindow
    from radio_desk.store import open_store

    paths = app_paths().ensure()
    settings = settings or Settings()
    store = open_store(Path(database) if database else paths.database)
    services = Services(
        store, settings, TaskRunner(max_threads=2), recorder_factory=recorder_factory, demo=demo
    )
    window = MainWindow(services)
    if start:
        QTimer.singleShot(0, window.start)
    return window


def run(args: argparse.Namespace | None = None, *, demo: bool = False, recorder_factory: Any = None) -> int:
    setup_logging("gui")
    install_qt_message_handler()
    verbose = bool(getattr(args, "verbose", False))
    for handler in logging.getLogger().handlers:  # the CLI's stderr handler: warnings only, unless -v
        if type(handler) is logging.StreamHandler:
            handler.setLevel(logging.DEBUG if verbose else logging.WARNING)
    install_crash_handler(_crash_dialog)
    app = application()
    settings = Settings()
    install_translators(app, settings["ui_language"])
    instance = SingleInstance(app_paths().ensure().data, app)
    if not instance.claim():  # before the database, recovery or the draft are touched
        code = second_start(instance)
        hard_exit(code)
        return code  # not reached
    if not demo and not settings["first_run_done"]:
        from radio_desk.gui.first_start import FirstStartDialog

        FirstStartDialog(settings).exec()
        install_translators(app, settings["ui_language"])
    if not demo:
        restore_if_requested(Path(getattr(args, "database", None) or app_paths().database))
    try:
        window = build_window(
            getattr(args, "database", None), demo=demo, recorder_factory=recorder_factory, settings=settings
        )
    except RadioDeskError as err:
        QMessageBox.critical(None, "Radio Desk", str(err))
        return 2
    window.show()
    instance.show_requested.connect(lambda: bring_forward(window))
    log.info("window shown")
    # Ctrl+C in the terminal or a service manager's SIGTERM: close like the window's close button
    # (a running call is finished and kept); the timer lets Python see the signal during the Qt loop.
    signal.signal(signal.SIGINT, lambda *_: window.close())
    signal.signal(signal.SIGTERM, lambda *_: window.close())
    wake = QTimer(interval=250)
    wake.timeout.connect(lambda: None)
    wake.start()
    code = app.exec()
    window.services.store.close()
    instance.release()
    log.info("closed (exit code %s)", code)
    if window.restart_requested:  # a restore (it runs before the store opens) or a new language
        restart()
    hard_exit(int(code))
    return int(code)  # not reached


def restore_if_requested(database: Path) -> None:
    """Apply a restore asked for in the last session (the database is not open yet) and say so."""
    from radio_desk.store.backup import apply_pending_restore

    try:
        done = apply_pending_restore(app_paths().data, database)
    except RadioDeskError as err:
        QMessageBox.critical(None, "Radio Desk", str(err))
        return
    if done:
        backup, safety = done
        text = QCoreApplication.translate("App", "The database was restored from %1.").replace(
            "%1", backup.name
        )
        if safety:
            text += " " + QCoreApplication.translate("App", "The previous one is kept as %1.").replace(
                "%1", str(safety)
            )
        QMessageBox.information(None, "Radio Desk", text)


def restart() -> None:
    """Replace this process by a new start of the app (same arguments); no interpreter teardown."""
    shutdown_logging()
    argv = [sys.executable, *sys.argv[1:]] if getattr(sys, "frozen", False) else list(sys.orig_argv)
    os.execv(sys.executable, argv)


def hard_exit(code: int) -> None:
    """Leave without running C++ static destructors: CTranslate2 and ONNX Runtime abort when their
    thread pools are torn down at interpreter exit while a daemon thread still holds them.  Everything
    worth keeping (recordings, draft, database) is closed and synced by then."""
    shutdown_logging()
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)
