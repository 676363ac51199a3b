"""The On-Air desk widget: record / transcript / intake / today's calls, wired to the core services.

Which call the form shows, which is on air and which wait is kept by a Qt-free
:class:`~radio_desk.services.call_book.CallBook` (``form_call``, ``editing``, ``live_call``,
``parked`` here are its fields).  Every change is autosaved as a draft (JSON, atomic), so a crash
restores the form with its recording.

The desk holds the form and its calls (save, put aside, open a case or a prepared draft); its
collaborators hold the rest: :class:`RecordingControls` (record button, clock, input, level),
:class:`CallTranscripts` (each call's transcript and the pane), :class:`CallSuggestions` (triage),
:class:`DeskDrafts` (autosave and restore), :class:`TodayList` and :class:`CallDiscard`.
"""

from __future__ import annotations

import logging
import uuid
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from radio_desk.domain import Case, Urgency
from radio_desk.domain.station_time import clock, local, now_local
from radio_desk.errors import RadioDeskError, ValidationError
from radio_desk.gui.alive import if_alive
from radio_desk.gui.error_message import error_text
from radio_desk.gui.generated.ui_onair_desk import Ui_OnAirDesk
from radio_desk.gui.onair.audio_control import RecorderController
from radio_desk.gui.onair.call_suggestions import CallSuggestions
from radio_desk.gui.onair.call_transcripts import CallTranscripts
from radio_desk.gui.onair.desk_drafts import DeskDrafts
from radio_desk.gui.onair.discard import CallDiscard
from radio_desk.gui.onair.intake import IntakeForm, focus_is_text
from radio_desk.gui.onair.recording_controls import RecordingControls
from radio_desk.gui.onair.today_list import TodayList
from radio_desk.gui.onair.transcription import EngineHolder
from radio_desk.gui.services import Services
from radio_desk.services.call_book import CallBook
from radio_desk.services.calls import Call, save_call, store_recording
from radio_desk.services.places import PlaceLookup

log = logging.getLogger(__name__)


class OnAirDesk(QWidget):
    saved = Signal(object)  # Case
    status_message = Signal(str)

    def __init__(self, services: Services, engine: EngineHolder, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.store, self.settings, self.runner = services.store, services.settings, services.runner
        self.engine = engine
        self.ui = Ui_OnAirDesk()
        self.ui.setupUi(self)
        self.places = PlaceLookup(self.store.gazetteer, self.settings["home_regency"])
        self.form = IntakeForm(self.ui, self.store, self.runner, self.places, self.store.taxonomy, self)
        self.form.changed.connect(self._form_changed)
        self.form.message.connect(self.form_message)
        self.form.field_message.connect(self.form_message)
        self.form.fixed.connect(self._field_fixed)
        self._message_field: str | None = None  # the field the form message is about
        self.book = CallBook()
        self.recorder = RecorderController(
            services.recorder_factory, self, synchronous=services.runner.synchronous
        )
        self.recording_controls = RecordingControls(self)
        self.transcripts = CallTranscripts(self)
        self.suggestions = CallSuggestions(self)
        self.drafts = DeskDrafts(self)
        self.today_list = TodayList(self)
        services.changes.changed.connect(lambda source: None if source == "desk" else self.refresh())
        self.ui.acceptButton.clicked.connect(self.accept_suggestion)
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.clearButton.clicked.connect(self.new_form)
        self.discarding = CallDiscard(self)  # "Buang…": a test or mistaken call, with a reason
        self.discardButton = self.discarding.button
        self._fit_layout()
        for w in self.findChildren(QWidget):  # keys 1-4 on anything that is not a text field
            if w.focusPolicy() != Qt.FocusPolicy.NoFocus and not focus_is_text(w):
                w.installEventFilter(self)
        self.update_call_labels()

    def _fit_layout(self) -> None:
        """Fits a 1366×768 studio PC; the spare room goes to the call list."""
        ui = self.ui
        lines = ui.suggestionLabel.fontMetrics().lineSpacing()
        ui.suggestionLabel.setMinimumHeight(3 * lines + 4)  # a wrapped label in a form row: room for it
        notes = ui.notesEdit  # the notes may shrink to two lines
        notes.setMinimumHeight(2 * notes.fontMetrics().lineSpacing() + 10)
        hint = ui.phoneHintLabel  # its text's height, no more
        hint.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        ui.deskSplitter.setStretchFactor(0, 3)
        ui.deskSplitter.setStretchFactor(1, 1)

    # the call book's fields, under the names the desk has always used
    form_call = property(lambda self: self.book.form_call, lambda self, v: setattr(self.book, "form_call", v))
    editing = property(lambda self: self.book.editing, lambda self, v: setattr(self.book, "editing", v))
    live_call = property(lambda self: self.book.live_call, lambda self, v: setattr(self.book, "live_call", v))
    parked = property(lambda self: self.book.parked, lambda self, v: setattr(self.book, "parked", v))

    @property
    def triage(self) -> Any:
        """The triage service once it is built (``None`` before)."""
        return self.suggestions.triage

    # ------------------------------------------------------------------ start and end
    def start(self) -> None:
        """Open the input, restore a draft left by a crash, load triage and today's calls."""
        self.recorder.open()
        self.drafts.restore()
        self.suggestions.load_triage()
        self.refresh()

    def shutdown(self) -> None:
        """Closing the window: finish a running call (kept on disk) and the draft."""
        self.suggestions.stop()
        self.drafts.finish()
        self.transcripts.cancel_all()
        rec = self.recorder.close()
        self.engine.runner.wait(15_000)  # a finishing transcript or a model load: let it end first
        if rec is not None:
            try:
                store_recording(self.store, rec)
            except RadioDeskError as err:
                log.error("recording row not updated at exit: %s", err)

    # ------------------------------------------------------------------ the window's actions
    def toggle_record(self) -> None:
        self.recording_controls.toggle()

    def accept_suggestion(self) -> None:
        self.suggestions.accept()

    def refresh(self) -> None:
        """Reload today's calls (off the GUI thread)."""
        self.today_list.refresh()

    def set_urgency(self, rank: int) -> None:
        self.form.set_urgency(Urgency.from_rank(rank))

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key = event.key()
            if (
                Qt.Key.Key_1 <= key <= Qt.Key.Key_4
                and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
            ):
                self.set_urgency(key - Qt.Key.Key_0)
                return True
        return super().eventFilter(obj, event)

    # ------------------------------------------------------------------ save / forms
    def save(self) -> None:
        call, editing = self.form_call, self.editing
        if call is None and editing is None and self.form.is_empty():
            self.form_message(self.tr("Nothing to save: the form is empty."))
            return
        if editing is not None:
            base = editing
        else:
            call_id = call.case_id if call else uuid.uuid4()
            received = call.started_at if call else now_local()
            station = self.settings["station_code"] or "lokal"
            base = Case(id=call_id, station=station, received_at=received)
        try:
            case = self.form.to_case(base)
        except ValidationError as err:
            self.form_message(str(err), getattr(err, "field", None))
            return
        by = self.settings["operator_name"] or ""
        rec_call = self.book.call_to_save()  # its recording only if the call is over (else at its stop)
        self.ui.saveButton.setEnabled(False)

        def job() -> Case:
            return save_call(self.store, case, rec_call, editing=editing is not None, by=by)

        def done(saved: Case) -> None:
            self.ui.saveButton.setEnabled(True)
            self.book.mark_saved(call)
            self.saved.emit(saved)
            self.next_form()
            self.status_message.emit(self.tr("Case saved: %s") % (saved.summary or saved.display_caller))
            self.refresh()

        def failed(err: object) -> None:
            self.ui.saveButton.setEnabled(True)
            self.form_message(self.tr("Not saved: %s") % error_text(err))

        self.runner.submit(job, if_alive(self, done), if_alive(self, failed))

    def new_form(self) -> None:
        """Put the form's call aside (its recording stays in the store) and start an empty form."""
        if not self.book.park(None if self.form.is_empty() else self.form.values()):
            return  # the call on air keeps the form
        self.form.clear()
        self.transcripts.show(self.live_call)
        self.update_call_labels()
        self.drafts.save()

    def next_form(self) -> None:
        """After a save or a discard: an empty form, or the call that waits for it."""
        self.form.clear()
        nxt = self.book.next_form()  # the call on air takes the form first
        if nxt is not None and nxt.form:
            self.form.load(nxt.form)
        self.transcripts.show(self.live_call or self.form_call)
        self.update_call_labels()
        self.suggestions.schedule()
        self.drafts.save()

    def open_case(self, case: Case) -> None:
        """Load an existing case into the form; the form's own call waits for it."""
        self.book.open_case(case, self.form.values())
        self.form.clear()
        self.form.load_case(case)
        self.ui.formMessageLabel.clear()
        self.transcripts.show(self.live_call)
        self.update_call_labels()
        self.ui.callerEdit.setFocus()
        self.drafts.save()

    def open_draft(self, call: Call, values: dict[str, Any]) -> bool:
        """A case prepared elsewhere (an SMS from the "SMS masuk" list) into the form: ``call`` holds
        its id and time, ``values`` the form's fields.  What the form held waits as a parked call; an
        existing case being edited is not put aside (its edits would be lost): ``False`` then."""
        if self.form_call is not None and self.form_call.case_id == call.case_id:
            return True  # already in the form
        if self.editing is not None:
            return False
        for parked in list(self.parked):
            if parked.case_id == call.case_id:  # opened before and put aside: its edits come back
                self.parked.remove(parked)
                call, values = parked, parked.form or values
        if self.form_call is None and self.editing is None and not self.form.is_empty():
            self.form_call = Call()  # typed without a call: kept as one, not cleared
        self.new_form()
        self.form_call = call
        self.form.load(values)
        if self.form.phone_e164:
            self.form._lookup_phone(self.form.phone_e164)  # the repeat-reporter hint, as for a call
        self.update_call_labels()
        self.suggestions.schedule()
        self.drafts.save()
        return True

    def _form_changed(self) -> None:
        self.drafts.schedule()
        if self.form_call is not None and self.form.suggestion is None:
            self.suggestions.schedule()

    # ------------------------------------------------------------------ messages and labels
    def form_message(self, text: str, field: str | None = None) -> None:
        """A problem of the form, under it (``field``: the field it is about, cleared once fixed)."""
        self.ui.formMessageLabel.setStyleSheet("color: #b42318;")
        self.ui.formMessageLabel.setText(text)
        self._message_field = field

    def _field_fixed(self, field: str) -> None:
        if field == self._message_field:  # the problem it named is gone: so is the message
            self.ui.formMessageLabel.clear()
            self._message_field = None

    def store_error(self, err: object) -> None:
        log.error("store: %s", err)
        self.status_message.emit(self.tr("Database error: %s") % error_text(err))

    def update_call_labels(self) -> None:
        if self.editing is not None:
            text = self.tr("Editing the case of %s (%s)") % (
                self.editing.display_caller,
                f"{local(self.editing.received_at):%d/%m %H:%M}",
            )
        elif self.form_call is not None:
            text = self.tr("New case for the call at %s") % clock(self.form_call.started_at, seconds=True)
        else:
            text = self.tr("New case")
        self.ui.formCallLabel.setText(text)
        waiting = len(self.parked)
        self.ui.queuedLabel.setText(
            self.tr("%n more call(s) waiting for the form", "", waiting) if waiting else ""
        )
