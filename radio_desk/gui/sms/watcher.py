"""Keeps the SMS list in step with the Gammu SMSD: imports at start, when the inbox folder changes
(``QFileSystemWatcher``) and every few seconds (a network share or Windows folder may not notify), and
writes the replies that are due.  Every pass runs on its own worker thread, one at a time; the GUI
thread only starts passes and receives their reports."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from radio_desk.gui.tasks import TaskRunner
from radio_desk.services.sms import ImportReport, ReplyReport, SmsConfig, SmsGateway
from radio_desk.store import Store

log = logging.getLogger(__name__)

POLL_MS = 5000
CHANGE_DELAY_MS = 300  # a burst of files (a multipart message) is read in one pass


class SmsWatcher(QObject):
    imported = Signal(object)  # ImportReport
    replied = Signal(object)  # ReplyReport
    confirmed = Signal(object)  # list[SmsMessage]
    failed = Signal(str)

    def __init__(
        self,
        store: Store,
        config: SmsConfig,
        suggest: Callable[[], Callable[[str], Any] | None],
        parent: QObject | None = None,
        *,
        synchronous: bool = False,
    ) -> None:
        super().__init__(parent)
        self.gateway = SmsGateway(store, config)
        self.suggest = suggest  # the triage's suggest, once it is ready
        self.runner = TaskRunner(self, max_threads=1, synchronous=synchronous)
        self.fs = QFileSystemWatcher(self)
        self.fs.directoryChanged.connect(lambda _p: self.change_timer.start())
        self.change_timer = QTimer(self, singleShot=True, interval=CHANGE_DELAY_MS)
        self.change_timer.timeout.connect(self.poll)
        self.poll_timer = QTimer(self, interval=POLL_MS)
        self.poll_timer.timeout.connect(self.poll)
        self._running = False
        self._again = False
        self._stopped = False

    @property
    def config(self) -> SmsConfig:
        return self.gateway.config

    def start(self) -> None:
        self.poll_timer.start()
        self.poll()

    def reconfigure(self, config: SmsConfig) -> None:
        inbox_changed = config.inbox != self.gateway.config.inbox
        self.gateway.config = config
        if inbox_changed:
            self.gateway = SmsGateway(self.gateway.store, config)
            if self.fs.directories():
                self.fs.removePaths(self.fs.directories())
        self.poll()

    def _watch(self, inbox_readable: bool) -> None:
        """Watch the inbox once a pass could read it (the pass, not the GUI thread, touched the disk)."""
        inbox = self.gateway.config.inbox
        if inbox is not None and inbox_readable and str(inbox) not in self.fs.directories():
            self.fs.addPath(str(inbox))

    def poll(self) -> None:
        """One pass (import, triage what waited for it, replies), unless one is running: then another
        follows it."""
        if self._stopped:
            return
        if self._running:
            self._again = True
            return
        self._running = True
        gateway, suggest = self.gateway, self.suggest()

        def job() -> tuple[ImportReport, ReplyReport]:
            report = gateway.import_new(suggest)  # its problems say when the inbox cannot be read
            if suggest is not None:
                gateway.triage_pending(suggest)
            return report, gateway.write_replies()

        self.runner.submit(job, self._done, self._failed)

    def confirm_saved(self, by: str = "") -> None:
        """A case was saved: the message it came from leaves the list (and its reply is written)."""
        gateway = self.gateway

        def job() -> tuple[list[Any], ReplyReport]:
            return gateway.confirm_saved(by), gateway.write_replies()

        def done(result: tuple[list[Any], ReplyReport]) -> None:
            confirmed, replies = result
            if confirmed:
                self.confirmed.emit(confirmed)
            self.replied.emit(replies)

        self.runner.submit(job, done, self._error)

    def _done(self, result: tuple[ImportReport, ReplyReport]) -> None:
        self._running = False
        report, replies = result
        self._watch(report.inbox_readable)
        self.imported.emit(report)
        self.replied.emit(replies)
        self._next()

    def _failed(self, err: object) -> None:
        self._running = False
        self._error(err)
        self._next()

    def _error(self, err: object) -> None:
        log.warning("SMS pass failed: %s", err)
        self.failed.emit(str(err))

    def _next(self) -> None:
        if self._again and not self._stopped:
            self._again = False
            self.poll()

    def shutdown(self) -> None:
        self._stopped = True
        self.poll_timer.stop()
        self.change_timer.stop()
        self.runner.wait(10_000)
