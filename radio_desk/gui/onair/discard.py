"""Throwing a test or mistaken call away from the On-Air desk ("Buang…", beside Ctrl+N, which only
puts a call aside so it comes back).  A reason is required; the recording, or the case when the form
was saved or opened from today's list, goes through :mod:`radio_desk.services.discard` (audit trail,
audio to the trash folder, recoverable)."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QPushButton

from radio_desk.gui.alive import if_alive
from radio_desk.gui.confirm_dialogs import ReasonDialog
from radio_desk.gui.error_message import error_text
from radio_desk.services.discard import discard_case, discard_recording

if TYPE_CHECKING:
    from radio_desk.gui.onair.desk import OnAirDesk


class CallDiscard(QObject):
    def __init__(self, desk: OnAirDesk) -> None:
        super().__init__(desk)
        self.desk = desk
        self.dialog: ReasonDialog | None = None  # the question, while it is open
        self.button = self._add_button()

    def _add_button(self) -> QPushButton:
        """The button, beside Ctrl+N's (which puts a call aside: it comes back)."""
        button = QPushButton(self.tr("Discard…"), self.desk)
        button.setObjectName("discardButton")
        button.setToolTip(self.tr("A test or mistaken recording: thrown away with a reason, recoverable"))
        button.clicked.connect(self.ask_discard)
        row = self.desk.ui.clearButton.parentWidget().layout()
        for i in range(row.count()):
            layout = row.itemAt(i).layout()
            if layout is not None and layout.indexOf(self.desk.ui.clearButton) >= 0:
                layout.insertWidget(layout.indexOf(self.desk.ui.clearButton), button)
                return button
        index = row.indexOf(self.desk.ui.clearButton)
        row.insertWidget(max(0, index), button)  # type: ignore[attr-defined]
        return button

    def ask_discard(self) -> None:
        """Ask why (required), then throw the form's call or case away (kept, recoverable)."""
        call, editing = self.desk.form_call, self.desk.editing
        if editing is None and (call is None or (call.recording is None and not call.saved)):
            self.desk.form_message(self.tr("Nothing to discard: this form has no recording or case."))
            return
        if editing is None and call is self.desk.live_call:
            self.desk.form_message(self.tr("Stop the recording first (F9), then discard it."))
            return
        self.dialog = ReasonDialog.ask(
            self.tr("Discard recording"),
            self.tr(
                "For a test or mistaken recording. It disappears from today's calls and every list; the "
                "audio moves to the trash folder and is kept. The reason and your name are kept, and it "
                "can be restored."
            ),
            self.tr("Discard"),
            self.desk,
            name="discardDialog",
            then=self.discard,
        )

    def discard(self, reason: str) -> None:
        call, editing = self.desk.form_call, self.desk.editing
        by = self.desk.settings["operator_name"] or "operator"
        store = self.desk.store
        if editing is not None:
            case_id: uuid.UUID | None = editing.id
        else:
            case_id = call.case_id if call is not None and call.saved else None
        snapshot = call.to_dict() if call is not None else None
        rec = call.recording if call is not None else None

        def job() -> object:
            if case_id is not None:
                return discard_case(store, case_id, by=by, reason=reason)
            assert rec is not None
            return discard_recording(store, rec, by=by, reason=reason, call=snapshot)

        def done(_: object) -> None:
            if call is not None:
                self.desk.transcripts.drop(call)
                self.desk.book.discard(call)
            self.desk.next_form()
            self.desk.status_message.emit(self.tr("Discarded (%s); it can be restored.") % reason)
            self.desk.refresh()
            self.desk.services.changes.notify("desk")

        self.desk.runner.submit(
            job,
            if_alive(self.desk, done),
            if_alive(self, lambda e: self.desk.form_message(self.tr("Not discarded: %s") % error_text(e))),
        )
