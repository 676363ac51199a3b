"""Backups in the window: the daily backup (checked at start and every hour, made on a worker thread),
"Cadangkan sekarang", and "Pulihkan dari cadangan…" (choose a file, checked on a worker, confirmed,
then applied at a restart before the database is opened).  The logic is :mod:`radio_desk.store.backup`."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from radio_desk.domain.station_time import stamp
from radio_desk.gui.alive import if_alive
from radio_desk.store.backup import (
    BackupInfo,
    back_up,
    back_up_if_due,
    backup_folder,
    inspect_backup,
    request_restore,
)

log = logging.getLogger(__name__)

CHECK_MS = 60 * 60 * 1000  # is today's backup made? (a desk runs for days)


class BackupActions(QObject):
    def __init__(self, window: Any, menu: Any, before: QAction, data_dir: Path) -> None:
        super().__init__(window)
        self.window, self.data_dir = window, data_dir
        self.folder = backup_folder(data_dir)
        self.back_up_action = QAction(self.tr("&Back up now"), window)
        self.back_up_action.setObjectName("actionBackUpNow")
        self.back_up_action.triggered.connect(self.back_up_now)
        self.restore_action = QAction(self.tr("&Restore from backup…"), window)
        self.restore_action.setObjectName("actionRestore")
        self.restore_action.triggered.connect(self.choose_restore)
        menu.insertAction(before, self.back_up_action)
        menu.insertAction(before, self.restore_action)
        menu.insertSeparator(before)
        self.timer = QTimer(self, interval=CHECK_MS)
        self.timer.timeout.connect(self.daily)
        self.restart_requested = False

    @property
    def _services(self) -> Any:
        return self.window.services

    def _message(self, text: str, ms: int = 10_000) -> None:
        self.window.statusBar().showMessage(text, ms)

    # -- daily and on demand -----------------------------------------------------------------------
    def start(self) -> None:
        self.timer.start()
        self.daily()

    def daily(self) -> None:
        s = self._services
        db, folder, days = Path(s.store.path), self.folder, int(s.settings["backup_days"])
        s.runner.submit(
            lambda: back_up_if_due(db, folder, days),
            if_alive(
                self, lambda made: made and self._message(self.tr("Daily backup saved: %s") % made.name)
            ),
            if_alive(self, self._failed),
        )

    def back_up_now(self) -> None:
        s = self._services
        db, folder = Path(s.store.path), self.folder
        self._message(self.tr("Backing up the database…"))
        s.runner.submit(
            lambda: back_up(db, folder), if_alive(self, self._backed_up), if_alive(self, self._failed)
        )

    def _backed_up(self, path: Path) -> None:
        self._message(self.tr("Backup saved: %s") % path, 15_000)

    def _failed(self, err: object) -> None:
        log.warning("backup failed: %s", err)
        self._message(self.tr("Backup failed: %s") % err, 20_000)

    # -- restore ---------------------------------------------------------------------------------
    def choose_restore(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            self.tr("Restore from backup"),
            str(self.folder),
            self.tr("Radio Desk database (*.sqlite3)"),
        )
        if path:
            self.check_restore(Path(path))

    def check_restore(self, path: Path) -> None:
        """Check the file on a worker, then ask (the checks read the whole file)."""
        self._message(self.tr("Checking %s…") % path.name)
        self._services.runner.submit(
            lambda: inspect_backup(path), if_alive(self, self._confirm), if_alive(self, self._refused)
        )

    def _refused(self, err: object) -> None:
        QMessageBox.warning(self.window, self.tr("Restore from backup"), self.tr("Not restored: %s") % err)

    def confirm_text(self, info: BackupInfo) -> str:
        from datetime import datetime

        last = stamp(datetime.fromisoformat(info.last_case_at)) if info.last_case_at else self.tr("none")
        return (
            self.tr("Restore the database from %1?").replace("%1", info.path.name)
            + "\n\n"
            + self.tr("The backup holds %1 cases; the newest was received %2.")
            .replace("%1", str(info.cases))
            .replace("%2", last)
            + "\n\n"
            + self.tr(
                "Everything saved after this backup is replaced. The current database is kept as a "
                "safety copy beside it. Radio Desk closes and starts again."
            )
        )

    def confirm_box(self, info: BackupInfo) -> QMessageBox:
        box = QMessageBox(
            QMessageBox.Icon.Warning, self.tr("Restore from backup"), self.confirm_text(info),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self.window,
        )  # fmt: skip
        box.setObjectName("restoreConfirm")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box

    def _confirm(self, info: BackupInfo) -> None:
        if self.confirm_box(info).exec() != QMessageBox.StandardButton.Yes:
            self._message(self.tr("Restore cancelled."))
            return
        try:
            request_restore(self.data_dir, info.path)
        except Exception as err:  # the file changed since the check, the folder is not writable
            self._refused(err)
            return
        self.restart_requested = True
        self.window.restart_requested = True
        window: QWidget = self.window
        window.close()  # the app restores before opening the database again (radio_desk.gui.app.run)
