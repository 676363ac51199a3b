"""The desk's suggestions: triage (the shared service, built on a worker at start-up) reads the
call's transcript, or an SMS/WhatsApp message typed or pasted into the notes, and the intake form
shows what it suggests; debounced, so it follows the text as it comes; Accept puts it in the form."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from radio_desk.domain import Channel
from radio_desk.gui.alive import if_alive

if TYPE_CHECKING:
    from radio_desk.gui.onair.desk import OnAirDesk

log = logging.getLogger(__name__)

SUGGEST_DELAY_MS = 600
TYPED_CHANNELS = frozenset({Channel.SMS, Channel.WHATSAPP})  # messages typed or pasted into the form


class CallSuggestions(QObject):
    def __init__(self, desk: OnAirDesk) -> None:
        super().__init__(desk)
        self.desk, self.form = desk, desk.form
        self.triage: Any = None  # the triage service, once built
        self.timer = QTimer(self, singleShot=True, interval=SUGGEST_DELAY_MS)
        self.timer.timeout.connect(self._suggest)
        desk.ui.notesEdit.textChanged.connect(self._typed)
        desk.ui.channelCombo.currentIndexChanged.connect(self._typed)

    def load_triage(self) -> None:
        """Build (or take) the shared triage service on the runner; suggest once it is there."""
        shared = self.desk.services.triage
        assert shared is not None
        self.desk.runner.submit(
            shared.get, if_alive(self, self._triage_ready), lambda e: log.warning("triage: %s", e)
        )

    def _triage_ready(self, service: Any) -> None:
        self.triage = service
        self.schedule()

    def schedule(self) -> None:
        self.timer.start()

    def text(self) -> str:
        """What the suggestions read: the call's transcript, or for an SMS/WhatsApp message typed or
        pasted into the form (no transcript), the message in the notes field."""
        call = self.desk.form_call
        text = call.text if call is not None else ""
        if not text.strip() and self.form.channel in TYPED_CHANNELS:
            text = self.desk.ui.notesEdit.toPlainText()
        return text

    def _typed(self) -> None:
        call = self.desk.form_call
        if self.form.channel in TYPED_CHANNELS and not (call and call.text.strip()):
            self.schedule()  # debounced: suggestions follow the message as it is typed

    def _suggest(self) -> None:
        text = self.text()
        if self.triage is None or not text.strip():
            return
        call, triage = self.desk.form_call, self.triage

        def done(s: Any) -> None:
            if self.desk.form_call is call and self.text() == text:
                self.form.set_suggestion(s, text)

        self.desk.runner.submit(lambda: triage.suggest(text), if_alive(self, done))

    def accept(self) -> None:
        if self.timer.isActive():  # text came in a moment ago: suggest on it first
            self.timer.stop()
            text = self.text()
            if self.triage is not None and text.strip():
                self.form.set_suggestion(self.triage.suggest(text), text)  # ~ms of pure Python
        if not self.form.accept_suggestion():
            self.desk.status_message.emit(self.tr("No suggestion yet."))

    def stop(self) -> None:
        self.timer.stop()
