"""The On-Air desk widget: record / transcript / intake / today's calls, wired to the core services.

Which call the form shows, which is on air and which wait is kept by a Qt-free
:class:`~radio_desk.services.call_book.CallBook` (``form_call``, ``editing``, ``live_call``,
``parked`` here are its fields).  Every change is autosaved as a draft (JSON, atomic), so a crash
restores the form with its recording.
"""

from __future__ import annotations

import logging
import uuid
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHeaderView, QSizePolicy, QWidget

from radio_desk.audio.recorder import RecorderStatus, fmt_clock
from radio_desk.audio.recovery import recover_recordings
from radio_desk.audio.stream import AudioSubscription
from radio_desk.domain import Case, Channel, Recording, Urgency
from radio_desk.errors import RadioDeskError, ValidationError
from radio_desk.gui.alive import if_alive
from radio_desk.gui.error_message import error_text
from radio_desk.gui.generated.ui_onair_desk import Ui_OnAirDesk
from radio_desk.gui.onair.audio_control import RecorderController
from radio_desk.gui.onair.discard import CallDiscard
from radio_desk.gui.onair.intake import IntakeForm, focus_is_text
from radio_desk.gui.onair.today import TodayModel, TodayRow, load_today
from radio_desk.gui.onair.transcription import CallTranscriber, EngineHolder, options_for
from radio_desk.gui.services import Services
from radio_desk.gui.tasks import TaskRunner
from radio_desk.services.call_book import CallBook
from radio_desk.services.calls import (
    Call,
    load_draft_calls,
    save_call,
    store_recording,
    store_recovered,
    store_segments,
    store_stopped_recording,
)
from radio_desk.services.places import PlaceLookup
from radio_desk.transcribe.engine import Segment

log = logging.getLogger(__name__)

SUGGEST_DELAY_MS = 600
TYPED_CHANNELS = frozenset({Channel.SMS, Channel.WHATSAPP})  # messages typed or pasted into the form
DRAFT_DELAY_MS = 300


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
        synchronous = services.runner.synchronous
        self.draft_runner = TaskRunner(self, max_threads=1, synchronous=synchronous)
        self.places = PlaceLookup(self.store.gazetteer, self.settings["home_regency"])
        self.form = IntakeForm(self.ui, self.store, self.runner, self.places, self.store.taxonomy, self)
        self.form.changed.connect(self._schedule_draft)
        self.form.message.connect(self._form_message)
        self.form.field_message.connect(self._form_message)
        self.form.fixed.connect(self._field_fixed)
        self._message_field: str | None = None  # the field the form message is about
        self.triage: Any = None
        self.book = CallBook()
        self.transcribers: dict[uuid.UUID, CallTranscriber] = {}
        self.restored_note = ""
        self._today_generation = 0  # the newest load of today's calls (older ones are dropped)

        self.recorder = RecorderController(services.recorder_factory, self, synchronous=synchronous)
        self.recorder.status_changed.connect(self._on_status)
        self.recorder.opened.connect(self._on_opened)
        self.recorder.open_failed.connect(self._on_open_failed)
        self.recorder.started.connect(self._on_started)
        self.recorder.stopped.connect(self._on_stopped)
        self.recorder.failed.connect(self._on_record_failed)
        self.engine.state_changed.connect(self._on_engine_state)
        services.changes.changed.connect(lambda source: None if source == "desk" else self.refresh())

        self.today = TodayModel(self)
        table = self.ui.todayTable
        table.setModel(self.today)
        table.verticalHeader().hide()
        # a status with its follow-up text takes two lines (see TodayModel._status_text)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.doubleClicked.connect(lambda idx: self.open_case_row(idx.row()))
        table.activated.connect(lambda idx: self.open_case_row(idx.row()))

        self.ui.recordButton.clicked.connect(self.toggle_record)
        self.ui.acceptButton.clicked.connect(self.accept_suggestion)
        self.ui.saveButton.clicked.connect(self.save)
        self.ui.clearButton.clicked.connect(self.new_form)
        self.discarding = CallDiscard(self)  # "Buang…": a test or mistaken call, with a reason
        self.discardButton = self.discarding.button
        self.ui.prerollLabel.setText(self.tr("Pre-roll: %d s") % int(self.settings["preroll_seconds"]))
        self.ui.transcriptStateLabel.setText("")
        lines = self.ui.suggestionLabel.fontMetrics().lineSpacing()
        self.ui.suggestionLabel.setMinimumHeight(3 * lines + 4)  # a wrapped label in a form row: room for it
        notes = self.ui.notesEdit  # fits a 1366×768 studio PC: the notes may shrink to two lines
        notes.setMinimumHeight(2 * notes.fontMetrics().lineSpacing() + 10)
        hint = self.ui.phoneHintLabel  # its text's height, no more: the spare room goes to the call list
        hint.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.ui.deskSplitter.setStretchFactor(0, 3)
        self.ui.deskSplitter.setStretchFactor(1, 1)
        for w in self.findChildren(QWidget):  # keys 1-4 on anything that is not a text field
            if w.focusPolicy() != Qt.FocusPolicy.NoFocus and not focus_is_text(w):
                w.installEventFilter(self)

        self.suggest_timer = QTimer(self, singleShot=True, interval=SUGGEST_DELAY_MS)
        self.suggest_timer.timeout.connect(self._suggest)
        self.ui.notesEdit.textChanged.connect(self._typed)
        self.ui.channelCombo.currentIndexChanged.connect(self._typed)
        self.draft_timer = QTimer(self, singleShot=True, interval=DRAFT_DELAY_MS)
        self.draft_timer.timeout.connect(self.save_draft)
        self._update_call_labels()

    # the call book's fields, under the names the desk has always used
    form_call = property(lambda self: self.book.form_call, lambda self, v: setattr(self.book, "form_call", v))
    editing = property(lambda self: self.book.editing, lambda self, v: setattr(self.book, "editing", v))
    live_call = property(lambda self: self.book.live_call, lambda self, v: setattr(self.book, "live_call", v))
    parked = property(lambda self: self.book.parked, lambda self, v: setattr(self.book, "parked", v))

    # ------------------------------------------------------------------ start-up
    def start(self) -> None:
        """Open the input, restore a draft left by a crash, load triage and today's calls."""
        self.recorder.open()
        self.runner.submit(self._recover_and_load_draft, if_alive(self, self._restore), self._restore_failed)
        self.runner.submit(
            self._make_triage, if_alive(self, self._triage_ready), lambda e: log.warning("triage: %s", e)
        )
        self.refresh()

    def _make_triage(self) -> Any:
        assert self.services.triage is not None
        return self.services.triage.get()

    def _triage_ready(self, service: Any) -> None:
        self.triage = service
        self._schedule_suggest()

    def _recover_and_load_draft(self) -> tuple[dict | None, list[Call], Case | None]:
        # crash-repaired files: their rows follow their sidecars (the same path as `radio-desk record`)
        store_recovered(self.store, recover_recordings(self.recorder_dir()))
        draft = self.services.drafts.load()
        calls, editing = load_draft_calls(self.store, draft)
        return draft, calls, editing

    def recorder_dir(self) -> Any:
        from radio_desk.paths import app_paths

        return app_paths().recordings

    def _restore(self, result: tuple[dict | None, list[Call], Case | None]) -> None:
        draft, calls, editing = result
        if not draft:
            return
        untranscribed = self.book.restore(draft, calls, editing)
        self.form.load(draft.get("form") or {})
        for call in untranscribed:
            self._transcribe_after(call)
        when = draft.get("saved_at", "")
        self.restored_note = self.tr("Unsaved form restored (autosaved %s).") % when[:19].replace("T", " ")
        if self.form_call and self.form_call.recording:
            self.restored_note += (
                " " + self.tr("Its recording is attached: %s") % self.form_call.recording.path
            )
        self.ui.formMessageLabel.setStyleSheet("color: #1f5fa8;")
        self.ui.formMessageLabel.setText(self.restored_note)
        self._show_call(self.form_call)
        self._update_call_labels()
        self._schedule_suggest()

    def _restore_failed(self, err: object) -> None:
        log.error("draft restore failed: %s", err)
        self._form_message(self.tr("The autosaved form could not be restored: %s") % error_text(err))

    # ------------------------------------------------------------------ recording
    def toggle_record(self) -> None:
        if self.recorder.recording:
            self.stop_call()
        else:
            self.start_call()
        self.ui.recordButton.setChecked(self.recorder.recording or self.live_call is not None)

    def start_call(self) -> None:
        if self.recorder.recorder is None:
            self.status_message.emit(self.tr("No audio input: check Settings → Audio input."))
            self.ui.audioWarningLabel.setText(self.tr("No audio input open: the call cannot be recorded."))
            return
        call = Call()
        if not self.recorder.start(call.case_id):
            return
        self.book.start(call)
        self.ui.callStateLabel.setText(self.tr("Starting…"))
        self._update_call_labels()

    def stop_call(self) -> None:
        if self.recorder.stop():
            self.ui.callStateLabel.setText(self.tr("Stopping…"))

    def _on_started(self, rec: Recording, sub: AudioSubscription) -> None:
        call = self.book.started(rec)
        self.ui.recordButton.setChecked(True)
        self.ui.recordButton.setText(self.tr("Stop (F9)"))
        self.ui.recordButton.setStyleSheet("background: #c62828; color: white; font-weight: bold;")
        self.ui.callStateLabel.setText(self.tr("● Recording"))
        tr = CallTranscriber(
            self.engine, options_for(self.settings), live=bool(self.settings["asr_live"]),
            channel_map=rec.channel_map, parent=self,
        )  # fmt: skip
        self._wire_transcriber(call, tr)
        tr.begin(sub)
        self._show_call(call)
        self.ui.transcriptStateLabel.setText(
            self.tr("Live transcript running.") if tr.is_live else self._no_live_reason()
        )
        self.runner.submit(lambda: store_recording(self.store, rec), None, self._store_error)
        self.save_draft()

    def _no_live_reason(self) -> str:
        if self.engine.state == "loading":
            return self.tr("Speech model still loading: the transcript follows after the call.")
        if self.engine.state == "failed":
            return self.tr("No transcript: the speech model failed to load (%s).") % self.engine.detail
        return self.tr("The transcript follows after the call.")

    def _wire_transcriber(self, call: Call, tr: CallTranscriber) -> None:
        self.transcribers[call.case_id] = tr
        call.engine = getattr(self.engine.engine, "name", "") if self.engine.engine else ""
        call.model = getattr(self.engine.engine, "model_name", "") if self.engine.engine else ""

        def partial(seg: Segment) -> None:
            call.partial = seg
            if self._shown is call:
                self.ui.transcriptView.set_partial(seg)
            self._schedule_suggest()

        def final(seg: Segment) -> None:
            call.segments.append(seg)
            call.partial = None
            if self._shown is call:
                self.ui.transcriptView.add_final(seg)
            self._schedule_suggest()
            self._schedule_draft()

        def finished(segs: list[Segment]) -> None:
            call.segments, call.partial, call.transcript_done = list(segs), None, True
            if self.engine.engine is not None:
                call.engine = getattr(self.engine.engine, "name", "")
                call.model = getattr(self.engine.engine, "model_name", "")
            self.transcribers.pop(call.case_id, None)
            if self._shown is call:
                self.ui.transcriptView.set_segments(call.segments)
                self.ui.transcriptStateLabel.setText(
                    self.tr("Transcript complete (%n segment(s)).", "", len(segs))
                )
            if call.saved:
                self.runner.submit(lambda: store_segments(self.store, call), None, self._store_error)
            self._schedule_suggest()
            self.save_draft()

        def failed(reason: str) -> None:
            if self._shown is call:
                self.ui.transcriptStateLabel.setText(self.tr("Transcript failed: %s") % reason)

        tr.partial.connect(partial)
        tr.final.connect(final)
        tr.finished.connect(finished)
        tr.failed.connect(failed)

    def _transcribe_after(self, call: Call) -> None:
        """A restored call without its transcript: make it from the file."""
        tr = CallTranscriber(self.engine, options_for(self.settings), live=False, parent=self)
        self._wire_transcriber(call, tr)
        if call.recording is not None:
            tr.end(call.recording)

    def _on_stopped(self, rec: Recording) -> None:
        call = self.book.stopped(rec)
        self.ui.recordButton.setChecked(False)
        self.ui.recordButton.setText(self.tr("Record (F9)"))
        self.ui.recordButton.setStyleSheet("")
        self.ui.callStateLabel.setText(self.tr("Listening"))
        if call is None:
            return
        self.runner.submit(lambda: store_stopped_recording(self.store, call), None, self._store_error)
        tr = self.transcribers.get(call.case_id)
        if tr is not None:
            if not tr.is_live:
                self.ui.transcriptStateLabel.setText(
                    self.tr("Transcribing the call…") if self.engine.engine else self._no_live_reason()
                )
            tr.end(rec)
        if self.form_call is not call:
            self._show_call(self.form_call)
        self._update_call_labels()
        self.save_draft()

    def _on_record_failed(self, reason: str) -> None:
        self.ui.audioWarningLabel.setText(reason)
        self.status_message.emit(reason)
        if not self.recorder.recording:
            self.book.start_failed()  # a call that never started goes
        self.ui.recordButton.setChecked(self.recorder.recording)
        self._update_call_labels()

    def _on_opened(self, device: str) -> None:
        self.ui.deviceLabel.setText(self.tr("Input: %s") % device)
        self.ui.audioWarningLabel.setText("")

    def _on_open_failed(self, reason: str) -> None:
        self.ui.deviceLabel.setText(self.tr("Input: none"))
        self.ui.audioWarningLabel.setText(
            self.tr("Audio input not available: %s Choose another input in Settings (Ctrl+,).") % reason
        )

    def _on_status(self, st: RecorderStatus) -> None:
        self.ui.levelMeter.set_levels(st.peak_dbfs, st.rms_dbfs, st.clipping)
        if st.recording:
            self.ui.elapsedLabel.setText(fmt_clock(st.elapsed_s))
        warnings = st.messages()
        text = " ".join(warnings)
        if text != self.ui.audioWarningLabel.text():
            self.ui.audioWarningLabel.setText(text)

    # ------------------------------------------------------------------ transcript pane
    @property
    def _shown(self) -> Call | None:
        return getattr(self, "_shown_call", None)

    def _show_call(self, call: Call | None) -> None:
        self._shown_call = call
        view = self.ui.transcriptView
        view.clear_call()
        if call is not None:
            view.set_segments(call.segments, call.partial)
            if call.transcript_done:
                self.ui.transcriptStateLabel.setText(
                    self.tr("Transcript complete (%n segment(s)).", "", len(call.segments))
                )
        else:  # an empty form: no transcript state, and the clock starts again at zero
            self.ui.transcriptStateLabel.setText("")
            if self.live_call is None:
                self.ui.elapsedLabel.setText(fmt_clock(0))

    # ------------------------------------------------------------------ suggestions
    def _schedule_suggest(self) -> None:
        self.suggest_timer.start()

    def suggest_text(self) -> str:
        """What the suggestions read: the call's transcript, or for an SMS/WhatsApp message typed or
        pasted into the form (no transcript), the message in the notes field."""
        call = self.form_call
        text = call.text if call is not None else ""
        if not text.strip() and self.form.channel in TYPED_CHANNELS:
            text = self.ui.notesEdit.toPlainText()
        return text

    def _typed(self) -> None:
        if self.form.channel in TYPED_CHANNELS and not (self.form_call and self.form_call.text.strip()):
            self._schedule_suggest()  # debounced: suggestions follow the message as it is typed

    def _suggest(self) -> None:
        text = self.suggest_text()
        if self.triage is None or not text.strip():
            return
        call = self.form_call
        triage = self.triage

        def done(s: Any) -> None:
            if self.form_call is call and self.suggest_text() == text:
                self.form.set_suggestion(s, text)

        self.runner.submit(lambda: triage.suggest(text), if_alive(self, done))

    def accept_suggestion(self) -> None:
        if self.suggest_timer.isActive():  # text came in a moment ago: suggest on it first
            self.suggest_timer.stop()
            text = self.suggest_text()
            if self.triage is not None and text.strip():
                self.form.set_suggestion(self.triage.suggest(text), text)  # ~ms of pure Python
        if not self.form.accept_suggestion():
            self.status_message.emit(self.tr("No suggestion yet."))

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
            self._form_message(self.tr("Nothing to save: the form is empty."))
            return
        if editing is not None:
            base = editing
        else:
            call_id = call.case_id if call else uuid.uuid4()
            received = call.started_at if call else datetime.now().astimezone()
            station = self.settings["station_code"] or "lokal"
            base = Case(id=call_id, station=station, received_at=received)
        try:
            case = self.form.to_case(base)
        except ValidationError as err:
            self._form_message(str(err), getattr(err, "field", None))
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
            self._next_form()
            self.status_message.emit(self.tr("Case saved: %s") % (saved.summary or saved.display_caller))
            self.refresh()

        def failed(err: object) -> None:
            self.ui.saveButton.setEnabled(True)
            self._form_message(self.tr("Not saved: %s") % error_text(err))

        self.runner.submit(job, if_alive(self, done), if_alive(self, failed))

    def new_form(self) -> None:
        """Put the form's call aside (its recording stays in the store) and start an empty form."""
        if not self.book.park(None if self.form.is_empty() else self.form.values()):
            return  # the call on air keeps the form
        self.form.clear()
        self._show_call(self.live_call)
        self._update_call_labels()
        self.save_draft()

    def _next_form(self) -> None:
        self.form.clear()
        nxt = self.book.next_form()  # the call on air takes the form first
        if nxt is not None and nxt.form:
            self.form.load(nxt.form)
        self._show_call(self.live_call or self.form_call)
        self._update_call_labels()
        self._schedule_suggest()
        self.save_draft()

    def open_case_row(self, row: int) -> None:
        case = self.today.case_at(row)
        if case is not None:
            self.open_case(case)

    def open_case(self, case: Case) -> None:
        """Load an existing case into the form; the form's own call waits for it."""
        self.book.open_case(case, self.form.values())
        self.form.clear()
        self.form.load_case(case)
        self.ui.formMessageLabel.clear()
        self._show_call(self.live_call)
        self._update_call_labels()
        self.ui.callerEdit.setFocus()
        self.save_draft()

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
        self._update_call_labels()
        self._schedule_suggest()
        self.save_draft()
        return True

    def _form_message(self, text: str, field: str | None = None) -> None:
        self.ui.formMessageLabel.setStyleSheet("color: #b42318;")
        self.ui.formMessageLabel.setText(text)
        self._message_field = field

    def _field_fixed(self, field: str) -> None:
        if field == self._message_field:  # the problem it named is gone: so is the message
            self.ui.formMessageLabel.clear()
            self._message_field = None

    def _store_error(self, err: object) -> None:
        log.error("store: %s", err)
        self.status_message.emit(self.tr("Database error: %s") % error_text(err))

    def _update_call_labels(self) -> None:
        if self.editing is not None:
            text = self.tr("Editing the case of %s (%s)") % (
                self.editing.display_caller,
                f"{self.editing.received_at.astimezone():%d/%m %H:%M}",
            )
        elif self.form_call is not None:
            text = (
                self.tr("New case for the call at %s") % f"{self.form_call.started_at.astimezone():%H:%M:%S}"
            )
        else:
            text = self.tr("New case")
        self.ui.formCallLabel.setText(text)
        waiting = len(self.parked)
        self.ui.queuedLabel.setText(
            self.tr("%n more call(s) waiting for the form", "", waiting) if waiting else ""
        )

    # ------------------------------------------------------------------ draft
    def _schedule_draft(self) -> None:
        self.draft_timer.start()
        if self.form_call is not None and self.form.suggestion is None:
            self._schedule_suggest()

    def draft(self) -> dict[str, Any] | None:
        return self.book.draft(self.form.values(), self.form.is_empty(), datetime.now().astimezone())

    def save_draft(self) -> None:
        self.draft_timer.stop()
        data = self.draft()
        drafts = self.services.drafts
        job = (lambda: drafts.save(data)) if data else drafts.clear
        self.draft_runner.submit(job, None, lambda e: log.error("draft not saved: %s", e))

    # ------------------------------------------------------------------ today / engine
    def refresh(self) -> None:
        """Reload today's calls off the GUI thread; an older load that ends later is dropped."""
        self._today_generation = generation = self._today_generation + 1

        def loaded(rows: list[TodayRow]) -> None:
            if generation == self._today_generation:
                self.today.set_rows(rows)

        self.runner.submit(lambda: load_today(self.store), if_alive(self, loaded), self._store_error)

    def _on_engine_state(self, state: str, _detail: str) -> None:
        if state == "ready":
            for tr in list(self.transcribers.values()):
                tr.engine_ready()
        elif state == "failed":
            for tr in list(self.transcribers.values()):
                if tr.waiting_for_engine:
                    tr.waiting_for_engine = False
                    tr.failed.emit(self.engine.detail)

    def shutdown(self) -> None:
        """Closing the window: finish a running call (kept on disk) and the draft."""
        self.suggest_timer.stop()
        if self.draft_timer.isActive():
            self.save_draft()
        self.draft_runner.wait(5000)
        for tr in self.transcribers.values():
            tr.cancel()
        rec = self.recorder.close()
        self.engine.runner.wait(15_000)  # a finishing transcript or a model load: let it end first
        if rec is not None:
            try:
                store_recording(self.store, rec)
            except RadioDeskError as err:
                log.error("recording row not updated at exit: %s", err)
