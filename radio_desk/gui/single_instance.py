"""One desktop app per data folder: a second start brings the running window forward and exits.

The first app holds the data folder's lock (:class:`radio_desk.locks.AppLock`, released by the OS
whatever way the process ends) and listens on a local socket (a named pipe on Windows) named after
the user and the data folder.  A second start that cannot take the lock asks the first, through that
socket, to show its window; if nobody answers (the first app is still starting, or hangs) it says
"Radio Desk sudah berjalan" and exits without touching the database, the recordings or the draft.
"""

from __future__ import annotations

import getpass
import hashlib
import logging
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtNetwork import QLocalServer, QLocalSocket
from PySide6.QtWidgets import QMessageBox, QWidget

from radio_desk.locks import AppLock

log = logging.getLogger(__name__)

SHOW = b"show\n"
SHOWN = b"ok\n"


def app_lock_path(data_dir: Path) -> Path:
    return Path(data_dir) / "radio-desk.lock"


def server_name(data_dir: Path) -> str:
    try:
        user = getpass.getuser()
    except (KeyError, OSError):  # no user name in this environment: the data folder alone
        user = ""
    key = f"{user}|{Path(data_dir).resolve()}".encode()
    return "radio-desk-" + hashlib.sha256(key).hexdigest()[:16]


class SingleInstance(QObject):
    """``claim()`` once at start; ``show_requested`` fires when a second start asks for the window."""

    show_requested = Signal()

    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = server_name(data_dir)
        self.lock = AppLock(app_lock_path(data_dir))
        self.server: QLocalServer | None = None

    def claim(self) -> bool:
        """Take the data folder for this process; ``False`` when another app has it."""
        if not self.lock.acquire():
            return False
        QLocalServer.removeServer(self.name)  # a socket file left by a crashed app
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if server.listen(self.name):
            server.newConnection.connect(self._accept)
            self.server = server
        else:  # the app still runs alone; a second start will then only be told it runs
            log.warning("single-instance socket %s not available: %s", self.name, server.errorString())
        return True

    def _accept(self) -> None:
        while self.server is not None and (conn := self.server.nextPendingConnection()) is not None:
            conn.readyRead.connect(lambda c=conn: self._read(c))
            conn.disconnected.connect(conn.deleteLater)

    def _read(self, conn: QLocalSocket) -> None:
        if bytes(conn.readAll().data()).startswith(SHOW.strip()):
            conn.write(SHOWN)
            conn.flush()
            log.info("a second start asked for the window: brought forward")
            self.show_requested.emit()

    def ask_first_to_show(self, timeout_ms: int = 3000) -> bool:
        """From a second start: ask the running app to show its window; ``True`` when it answered."""
        sock = QLocalSocket(self)
        sock.connectToServer(self.name)
        try:
            if not sock.waitForConnected(timeout_ms):
                return False
            sock.write(SHOW)
            if not sock.waitForBytesWritten(timeout_ms):
                return False
            answer = b""
            while SHOWN.strip() not in answer and sock.waitForReadyRead(timeout_ms):
                answer += bytes(sock.readAll().data())
            return SHOWN.strip() in answer
        finally:
            sock.abort()
            sock.deleteLater()

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
            self.server = None
        self.lock.release()


def bring_forward(window: QWidget) -> None:
    if window.isMinimized():
        window.showNormal()
    window.show()
    window.raise_()
    window.activateWindow()


def second_start(instance: SingleInstance) -> int:
    """What a second start does instead of opening a second app; returns the exit code."""
    tr = QCoreApplication.translate
    if instance.ask_first_to_show():
        print(tr("SingleInstance", "Radio Desk is already running; its window was brought forward."))
        log.info("already running: the first app's window was brought forward")
        return 0
    log.warning("already running, and the running app did not answer")
    QMessageBox.information(
        None,
        "Radio Desk",
        tr(
            "SingleInstance",
            "Radio Desk is already running. Switch to its window (the taskbar), or close it first.",
        ),
    )
    return 1
