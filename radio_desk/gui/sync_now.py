""" "Sinkron sekarang": a File-menu action and a status-bar button that wake the sync worker, so a case
goes out the moment the operator knows the network is back instead of at the next probe."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMainWindow, QToolButton

SHORTCUT = "Ctrl+Shift+Y"


class SyncNow(QObject):
    """Installs the action on ``window`` (a :class:`~radio_desk.gui.main_window.MainWindow`): menu
    File before Settings, and a button beside the sync label in the status bar."""

    def __init__(self, window: QMainWindow, menu: Any, before: QAction) -> None:
        super().__init__(window)
        self.window = window
        self.action = QAction(self.tr("S&ync now"), window)
        self.action.setObjectName("actionSyncNow")
        self.action.setShortcut(QKeySequence(SHORTCUT))
        self.action.setToolTip(self.tr("Send waiting cases and fetch statuses now"))
        self.action.triggered.connect(self.trigger)
        menu.insertAction(before, self.action)
        self.button = QToolButton(window.statusBar())
        self.button.setObjectName("syncNowButton")
        self.button.setDefaultAction(self.action)
        self.button.setAutoRaise(True)
        self.button.setMaximumHeight(self.button.fontMetrics().height() + 6)  # one text line high
        window.statusBar().addPermanentWidget(self.button)

    def trigger(self) -> None:
        window: Any = self.window
        worker = getattr(window, "sync_worker", None)
        bar = window.statusBar()
        if worker is None:
            bar.showMessage(self.tr("No central server configured (Settings → Central server)."), 8000)
            return
        worker.wake()  # the worker's thread does the network work; the GUI only sets an event
        bar.showMessage(self.tr("Syncing now…"), 5000)
        if hasattr(window, "status"):
            window.status.poll()
