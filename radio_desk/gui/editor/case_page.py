"""The case detail page: intake fields with their history, status changes, related cases, and the
transcript editor synced with the recording (waveform, playback, edits, split/merge, speaker)."""

from __future__ import annotations

import html
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QListWidgetItem,
    QMessageBox,
    QTreeWidgetItem,
    QWidget,
)

from radio_desk.audio.playback import Player
from radio_desk.domain.enums import Channel, Speaker, Status, Urgency
from radio_desk.domain.lifecycle import allowed_transitions, is_final
from radio_desk.domain.models import Case, Recording, TranscriptSegment
from radio_desk.errors import ValidationError
from radio_desk.gui.data_labels import channel_label, speaker_label, status_label, urgency_label
from radio_desk.gui.editor.case_questions import CaseQuestions
from radio_desk.gui.editor.playback import PlaybackController
from radio_desk.gui.editor.transcript import (
    TEXT_COLUMN,
    PlaybackKeys,
    SegmentDelegate,
    SegmentModel,
    clock,
)
from radio_desk.gui.error_message import error_text
from radio_desk.gui.generated.ui_editor_case import Ui_EditorCase
from radio_desk.gui.tasks import TaskRunner
from radio_desk.gui.text_limits import LengthGuard
from radio_desk.reports.indonesian import local
from radio_desk.services.case_bundle import CaseBundle, load_bundle
from radio_desk.services.case_status import may_reopen
from radio_desk.services.transcripts import load as load_engine
from radio_desk.services.transcripts import retranscribe
from radio_desk.services.triage_source import SharedTriage, build_triage
from radio_desk.services.waveform import Waveform, load_waveform
from radio_desk.settings import Settings
from radio_desk.store import Store, SyncInfo
from radio_desk.store.segment_edits import merge_segments, split_segment
from radio_desk.transcribe import ENGINES
from radio_desk.triage.service import Related
from radio_desk.triage.suggest import Suggestion

CASE_ROLE = Qt.ItemDataRole.UserRole
ERROR_STYLE = "color: #b00020;"


def _fill(combo: QComboBox, items: list[tuple[Any, str]], none_text: str | None = None) -> None:
    combo.blockSignals(True)
    combo.clear()
    if none_text is not None:
        combo.addItem(none_text, None)
    for code, label in items:
        combo.addItem(label, code)
    combo.blockSignals(False)


def _select(combo: QComboBox, code: Any) -> None:
    i = combo.findData(code)
    combo.setCurrentIndex(i if i >= 0 else 0)


class CasePage(QWidget):
    message = Signal(str)
    caseChanged = Signal(object)  # uuid.UUID: something of the case changed in the store
    audioReady = Signal(float)  # the recording is loaded and can play (its duration)
    waveformReady = Signal()

    def __init__(
        self,
        store: Store,
        settings: Settings,
        runner: TaskRunner,
        player_factory: Callable[[], Player] = Player,
        parent: QWidget | None = None,
        *,
        triage: SharedTriage | None = None,
    ) -> None:
        super().__init__(parent)
        self.store, self.settings, self.runner = store, settings, runner
        self.ui = Ui_EditorCase()
        self.ui.setupUi(self)
        self.bundle: CaseBundle | None = None
        self.recording: Recording | None = None
        self.related: Related | None = None
        self.playback = PlaybackController(player_factory, self, synchronous=runner.synchronous)
        self.playback.loaded.connect(self._audio_loaded)
        self.playback.started.connect(lambda: self.ui.playButton.setText(self.tr("Pause")))
        self.playback.stopped.connect(lambda: self.ui.playButton.setText(self.tr("Play")))
        self.playback.position.connect(self._show_position)
        self.playback.failed.connect(self._error)
        self._generation = 0
        # one triage service for every tab (built on a worker: it reads the category model)
        self._triage = triage or SharedTriage(lambda: build_triage(store, settings["home_regency"]))
        self.segments = SegmentModel(self)
        self.keys = PlaybackKeys(self.playback.toggle, self.playback.jump, self)
        self.delegate = SegmentDelegate(self.keys, self)
        self._setup()

    # -- setup -------------------------------------------------------------------------------
    def _setup(self) -> None:
        ui, tax = self.ui, self.store.taxonomy
        _fill(ui.channelCombo, [(c, channel_label(c)) for c in Channel])
        _fill(ui.urgencyCombo, [(u, urgency_label(u)) for u in Urgency])
        cats = sorted(((c.code, c.name) for c in tax.categories.values()), key=lambda x: x[1])
        _fill(ui.categoryCombo, cats, self.tr("(none)"))
        # what the transcript suggests, for a case that has no category yet; "use" puts it in the form
        self.suggestion: Suggestion | None = None
        self.suggestionLabel = QLabel(ui.intakeBox)
        self.suggestionLabel.setObjectName("caseSuggestionLabel")
        self.suggestionLabel.setTextFormat(Qt.TextFormat.RichText)
        self.suggestionLabel.setWordWrap(True)
        self.suggestionLabel.linkActivated.connect(lambda _link: self.use_suggestion())
        row = ui.intakeForm.getWidgetPosition(ui.categoryCombo)[0] + 1
        ui.intakeForm.insertRow(row, "", self.suggestionLabel)
        self.suggestionLabel.setVisible(False)
        opds = sorted(((o.code, o.name) for o in tax.opds.values()), key=lambda x: x[1])
        _fill(ui.opdCombo, opds, self.tr("(none)"))
        regency = self.settings["home_regency"]
        kec = [(p.code, p.name) for p in self.store.gazetteer.kecamatan_of(regency)]
        _fill(ui.kecamatanCombo, kec, self.tr("(unknown)"))
        ui.kecamatanCombo.currentIndexChanged.connect(self._kecamatan_changed)
        _fill(ui.speakerCombo, [(s.value, speaker_label(s)) for s in Speaker], self.tr("(speaker)"))
        table = ui.segmentTable
        table.setModel(self.segments)
        table.setItemDelegateForColumn(TEXT_COLUMN, self.delegate)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        header = table.horizontalHeader()
        for col, width in enumerate((60, 60, 90)):
            table.setColumnWidth(col, width)
        header.setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
        table.setColumnWidth(4, 70)
        table.verticalHeader().hide()
        table.clicked.connect(self._segment_clicked)
        self.segments.textEdited.connect(self._save_text)
        table.selectionModel().currentRowChanged.connect(self._row_selected)
        ui.waveform.seekRequested.connect(self.playback.seek)
        ui.playButton.clicked.connect(self.playback.toggle)
        ui.splitButton.clicked.connect(self.split_current)
        ui.mergeButton.clicked.connect(self.merge_current)
        ui.speakerCombo.activated.connect(self._speaker_chosen)
        ui.retranscribeButton.clicked.connect(self._retranscribe_dialog)
        ui.saveButton.clicked.connect(self.save_intake)
        self.lengths = LengthGuard(
            {"caller_name": ui.callerEdit, "summary": ui.summaryEdit, "notes": ui.notesEdit}, self
        )
        self.lengths.message.connect(lambda text: self.show_message(text, error=bool(text)))
        ui.changeStatusButton.clicked.connect(self.apply_status)
        self.questions = CaseQuestions(self)  # duplicate, reopen, discard: asked before they are done
        ui.duplicateButton.clicked.connect(lambda: self.questions.mark_duplicate())
        ui.reopenButton.clicked.connect(self.questions.ask_reopen)
        ui.discardButton.clicked.connect(self.questions.ask_discard)
        ui.historyTree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for w in [self, *self.findChildren(QWidget)]:
            self.keys.watch(w)
        self._set_enabled(False)

    def _set_enabled(self, on: bool) -> None:
        for w in (self.ui.intakeBox, self.ui.statusBox, self.ui.relatedBox, self.ui.splitButton,
                  self.ui.mergeButton, self.ui.speakerCombo, self.ui.retranscribeButton):  # fmt: skip
            w.setEnabled(on)
        self.ui.playButton.setEnabled(on and self.playback.ready)

    def _kecamatan_changed(self) -> None:
        code = self.ui.kecamatanCombo.currentData()
        places = self.store.gazetteer.desa_of(code) if code else []
        _fill(self.ui.desaCombo, [(p.code, p.name) for p in places], self.tr("(unknown)"))

    def show_message(self, text: str, error: bool = False) -> None:
        self.ui.transcriptTitle.setText(text if text else self.tr("Transcript"))
        self.ui.transcriptTitle.setStyleSheet(ERROR_STYLE if error else "")
        self.message.emit(text)

    def _error(self, err: object) -> None:
        self.show_message(error_text(err), error=True)

    # -- opening -----------------------------------------------------------------------------
    @property
    def case_id(self) -> uuid.UUID | None:
        return self.bundle.case.id if self.bundle else None

    def open_case(self, case_id: uuid.UUID) -> None:
        self._generation += 1
        gen = self._generation
        self.playback.unload()
        self.ui.waveform.clear()
        self.ui.waveform.set_message(self.tr("Loading…"))
        self.runner.submit(
            lambda: load_bundle(self.store, case_id), lambda b: self._opened(gen, b), self._error
        )

    def _opened(self, gen: int, bundle: CaseBundle) -> None:
        if gen != self._generation:
            return
        first_open = self.bundle is None or self.bundle.case.id != bundle.case.id
        self.bundle = bundle
        self._show_case(bundle.case)
        self._show_sync(bundle.sync)
        self._show_server_status(bundle.sync)
        self._show_history(bundle)
        self.segments.set_segments(bundle.segments)
        self.ui.waveform.set_marks([s.start for s in bundle.segments])
        self._set_enabled(True)
        self.show_message("")
        if first_open or self.recording is None:
            self._load_audio(gen, bundle)
        self._load_related(gen, bundle.case)

    def reload(self) -> None:
        """Re-read the case (after a change) without reloading its audio."""
        if self.bundle is None:
            return
        gen, cid = self._generation, self.bundle.case.id
        self.runner.submit(lambda: load_bundle(self.store, cid), lambda b: self._opened(gen, b), self._error)

    def _load_audio(self, gen: int, bundle: CaseBundle) -> None:
        rec = self.recording = bundle.playable
        if rec is None:
            text = (
                self.tr("No recording file for this case.") if bundle.recordings else self.tr("No recording.")
            )
            self.ui.waveform.set_message(text)
            return
        self.ui.waveform.set_duration(rec.duration_s)
        path = Path(rec.path)
        self.playback.load(path, lambda: gen == self._generation)

        def drawn(wf: Waveform) -> None:
            if gen == self._generation:
                self.ui.waveform.set_waveform(wf.peaks, wf.duration)
                self.waveformReady.emit()

        def failed(err: object) -> None:
            if gen == self._generation:
                self.ui.waveform.set_message(str(err))

        self.runner.submit(lambda: load_waveform(path), drawn, failed)

    def _audio_loaded(self, duration: float) -> None:
        self.ui.playButton.setEnabled(True)
        self.ui.waveform.set_duration(duration)
        self.ui.waveform.set_position(0.0)
        self.audioReady.emit(duration)

    def _load_related(self, gen: int, case: Case) -> None:
        def find() -> Related:
            text = " ".join(
                t for t in (case.summary, case.notes, self.store.segments.text_for_case(case.id)) if t
            )
            return self._triage.get().related(
                text, phone=case.phone, desa_code=case.desa_code, category=case.category,
                exclude=case.id, now=case.received_at,
            )  # fmt: skip

        self.runner.submit(find, lambda r: gen == self._generation and self._show_related(r), self._error)
        if case.category is None:
            self._load_suggestion(gen, case)
        else:
            self._show_suggestion(None)

    def _load_suggestion(self, gen: int, case: Case) -> None:
        """A case without a category (an imported recording, a voice note): what its transcript says."""

        def suggest() -> Suggestion | None:
            text = self.store.segments.text_for_case(case.id) or " ".join(
                t for t in (case.summary, case.notes) if t
            )
            if not text.strip():
                return None
            return self._triage.get().suggest(text)

        self.runner.submit(
            suggest, lambda s: gen == self._generation and self._show_suggestion(s), self._error
        )

    def _show_suggestion(self, s: Suggestion | None) -> None:
        self.suggestion = s if s is not None and s.evidence else None
        if self.suggestion is None:
            self.suggestionLabel.setVisible(False)
            return
        top = self.suggestion.categories[0]
        why = ", ".join(top.words[:3])
        text = self.tr("Suggested: <b>%s</b>") % html.escape(top.name)
        if why:
            text += f" <span style='color:#666'>({html.escape(why)})</span>"
        text += " \u00b7 <a href='use'>" + self.tr("use") + "</a>"
        self.suggestionLabel.setText(text)
        self.suggestionLabel.setVisible(True)

    def use_suggestion(self) -> None:
        """Put the suggested category (and its OPD, when none is set) in the form; Save keeps it."""
        s = self.suggestion
        if s is None:
            return
        _select(self.ui.categoryCombo, s.category)
        if self.ui.opdCombo.currentData() is None and s.opd:
            _select(self.ui.opdCombo, s.opd)
        self.suggestionLabel.setVisible(False)

    # -- showing -----------------------------------------------------------------------------
    def _show_case(self, c: Case) -> None:
        ui = self.ui
        place = ", ".join(
            x
            for x in (self.store.gazetteer.name(c.desa_code), self.store.gazetteer.name(c.kecamatan_code))
            if x
        )
        title = f"<b>{local(c.received_at):%d-%m-%Y %H:%M}</b> · {c.display_caller} · {place or '-'}"
        if c.rahasia:
            title += " · <span style='color:#b00020'>RAHASIA</span>"
        ui.titleLabel.setText(title)
        ui.callerEdit.setText(c.caller_name or "")
        ui.phoneEdit.setText(c.phone or "")
        ui.anonimCheck.setChecked(c.anonim)
        ui.rahasiaCheck.setChecked(c.rahasia)
        _select(ui.channelCombo, c.channel)
        _select(ui.urgencyCombo, c.urgency)
        _select(ui.categoryCombo, c.category)
        _select(ui.opdCombo, c.opd)
        _select(ui.kecamatanCombo, c.kecamatan_code)
        self._kecamatan_changed()
        _select(ui.desaCombo, c.desa_code)
        ui.summaryEdit.setPlainText(c.summary)
        ui.notesEdit.setPlainText(c.notes)
        final = is_final(c.status)
        label = self.tr("Current status: %1").replace("%1", status_label(c.status))
        if final:
            label += " " + self.tr("(final status)")
        if c.duplicate_of:
            label += " · " + self.tr("duplicate of %1").replace("%1", str(c.duplicate_of)[:8])
        ui.statusLabel.setText(label)
        allowed = sorted(allowed_transitions(c.status), key=list(Status).index)
        others = [s for s in Status if s not in allowed and s != c.status]
        # listed so the editor learns why not, when trying: after a final status nothing is possible
        why_not = self.tr("%1 (not possible: final status)") if final else self.tr("%1 (not allowed now)")
        ui.nextStatusCombo.clear()
        for s in allowed:
            ui.nextStatusCombo.addItem(status_label(s), s.value)
        for s in others:
            ui.nextStatusCombo.addItem(why_not.replace("%1", status_label(s)), s.value)
            ui.nextStatusCombo.setItemData(ui.nextStatusCombo.count() - 1, QColor(140, 140, 140), 9)
        ui.statusNoteEdit.clear()
        ui.reopenButton.setVisible(final)
        coordinator = may_reopen(self.settings["desk_role"])
        ui.reopenButton.setEnabled(coordinator)
        ui.reopenButton.setToolTip(
            self.tr("Back to Terverifikasi, with a reason in the history.")
            if coordinator
            else self.tr("Only a coordinator can reopen a case with a final status.")
        )

    def _show_sync(self, info: SyncInfo | None) -> None:
        """The server's refusal of the case, if any: why, and that saving an edit sends it again."""
        label = self.ui.syncLabel
        if info is None or not info.error:
            label.clear()
            label.hide()
            return
        when = f"{local(info.error_at):%d-%m-%Y %H:%M}" if info.error_at else "-"
        label.setText(
            self.tr("Not sent to the central server (%1): %2 Correct the case and save: it is sent again.")
            .replace("%1", when)
            .replace("%2", info.error)
        )
        label.show()

    def _show_server_status(self, info: SyncInfo | None) -> None:
        """The follow-up text (tindak lanjut) that came with the server's status, for the host to read
        on air; and why the server refused the station's own status change, if it did."""
        note, error = self.ui.followUpLabel, self.ui.statusErrorLabel
        if info is not None and info.status_note:
            when = f" ({local(info.status_note_at):%d-%m-%Y %H:%M})" if info.status_note_at else ""
            note.setText(self.tr("Follow-up%1: %2").replace("%1", when).replace("%2", info.status_note))
            note.show()
        else:
            note.clear()
            note.hide()
        if info is not None and info.status_error:
            error.setText(info.status_error)
            error.show()
        else:
            error.clear()
            error.hide()

    def _show_history(self, b: CaseBundle) -> None:
        tree = self.ui.historyTree
        tree.clear()
        rows: list[tuple[Any, str, str]] = []
        for e in b.events:
            text = (
                status_label(e.to_status)
                if e.from_status is None
                else f"{status_label(e.from_status)} → {status_label(e.to_status)}"
            )
            text = self.tr("Status: %1").replace("%1", text) + (f" — {e.note}" if e.note else "")
            rows.append((e.at, e.by, text))
        for ch in b.changes:
            rows.append((ch.at, ch.by, f"{ch.field}: {ch.old or '∅'} → {ch.new or '∅'}"))
        for at, by, text in sorted(rows, key=lambda r: r[0], reverse=True):
            QTreeWidgetItem(tree, [f"{local(at):%d-%m-%Y %H:%M}", by or "-", text])

    def _show_related(self, related: Related) -> None:
        self.related = related
        lst = self.ui.relatedList
        lst.clear()
        for case_id, text in self.related_rows():
            item = QListWidgetItem(text, lst)
            item.setData(CASE_ROLE, str(case_id))
        if not lst.count():
            QListWidgetItem(self.tr("No related cases found."), lst).setFlags(Qt.ItemFlag.NoItemFlags)

    # -- intake & status ---------------------------------------------------------------------
    def operator(self) -> str:
        return self.settings["operator_name"] or "editor"

    def intake_changes(self) -> dict[str, Any]:
        if self.bundle is None:
            return {}
        ui, c = self.ui, self.bundle.case
        values = {
            "caller_name": ui.callerEdit.text().strip() or None,
            "phone": ui.phoneEdit.text().strip() or None,
            "anonim": ui.anonimCheck.isChecked(),
            "rahasia": ui.rahasiaCheck.isChecked(),
            "channel": ui.channelCombo.currentData(),
            "urgency": ui.urgencyCombo.currentData(),
            "category": ui.categoryCombo.currentData(),
            "opd": ui.opdCombo.currentData(),
            "kecamatan_code": ui.kecamatanCombo.currentData(),
            "desa_code": ui.desaCombo.currentData(),
            "summary": ui.summaryEdit.toPlainText().strip(),
            "notes": ui.notesEdit.toPlainText().strip(),
        }
        return {k: v for k, v in values.items() if v != getattr(c, k)}

    def save_intake(self) -> None:
        try:
            self.lengths.check()
        except ValidationError as err:
            self.show_message(str(err), error=True)
            return
        changes = self.intake_changes()
        if self.bundle is None or not changes:
            self.show_message(self.tr("Nothing to save."))
            return
        cid, by = self.bundle.case.id, self.operator()
        self.runner.submit(lambda: self.store.cases.update(cid, changes, by=by), self._changed, self._error)

    def _changed(self, _: object = None) -> None:
        if self.bundle is not None:
            self.show_message(self.tr("Saved."))
            self.caseChanged.emit(self.bundle.case.id)
            self.reload()

    def apply_status(self) -> None:
        if self.bundle is None:
            return
        target = self.ui.nextStatusCombo.currentData()
        if not target:
            return
        cid, by, note = self.bundle.case.id, self.operator(), self.ui.statusNoteEdit.text().strip()
        opd = self.ui.opdCombo.currentData() if target == Status.DITERUSKAN.value else None
        if target == Status.DITERUSKAN.value and not opd:
            self.show_message(self.tr("Choose the responsible OPD before forwarding."), error=True)
            return
        if target == Status.DUPLIKAT.value and Status.DUPLIKAT in allowed_transitions(
            self.bundle.case.status
        ):
            self.questions.mark_duplicate(selected=None)  # which case is the original? then confirm
            return
        self.runner.submit(
            lambda: self.store.cases.change_status(cid, target, by=by, note=note, opd=opd),
            self._changed,
            self._error,
        )

    def related_rows(self) -> list[tuple[uuid.UUID, str]]:
        related = self.related
        if related is None:
            return []
        gaz, out, seen = self.store.gazetteer, [], set()
        for r in related.duplicates:
            c = r.case
            when = f"{local(c.received_at):%d-%m-%Y}"
            out.append(
                (c.id, f"{round(r.similarity * 100)}% · {when} · {gaz.name(c.desa_code)} · {c.summary}")
            )
            seen.add(c.id)
        for c in related.repeat_caller:
            if c.id not in seen:
                out.append(
                    (c.id, self.tr("Same caller") + f" · {local(c.received_at):%d-%m-%Y} · {c.summary}")
                )
        return out

    def discarded(self, case_id: uuid.UUID, reason: str) -> None:
        """The case was discarded: nothing of it stays on the page."""
        if self.bundle is None or self.bundle.case.id != case_id:
            return
        self._generation += 1
        self.bundle, self.recording = None, None
        self.playback.close()
        self.segments.set_segments([])
        self.ui.waveform.clear()
        self.ui.titleLabel.setText("")
        self._set_enabled(False)
        self.show_message(self.tr("Case discarded (%1). It can be restored.").replace("%1", reason))
        self.caseChanged.emit(case_id)

    # -- transcript edits --------------------------------------------------------------------
    def _save_text(self, row: int, text: str) -> None:
        seg = self.segments.segments[row]
        if seg.id is None:
            return

        def saved(new: TranscriptSegment) -> None:
            if row < len(self.segments.segments) and self.segments.segments[row].id == new.id:
                self.segments.replace(row, new)
            self.show_message(self.tr("Transcript saved."))

        by = self.operator()
        self.runner.submit(lambda: self.store.segments.update_text(seg.id, text, by=by), saved, self._error)

    def current_row(self) -> int:
        idx = self.ui.segmentTable.currentIndex()
        return idx.row() if idx.isValid() else -1

    def _row_selected(self, current: Any, _previous: Any) -> None:
        row = current.row() if current.isValid() else -1
        if 0 <= row < len(self.segments.segments):
            _select(self.ui.speakerCombo, self.segments.segments[row].speaker)

    def _speaker_chosen(self) -> None:
        row = self.current_row()
        if row < 0:
            return
        seg = self.segments.segments[row]
        speaker = self.ui.speakerCombo.currentData()
        if seg.id is None or speaker == seg.speaker:
            return
        by = self.operator()
        self.runner.submit(
            lambda: self.store.segments.update_speaker(seg.id, speaker, by=by),
            lambda new: self.segments.replace(row, new),
            self._error,
        )

    def split_current(self) -> None:
        row = self.current_row()
        if row < 0:
            self.show_message(self.tr("Select the segment to split."), error=True)
            return
        seg = self.segments.segments[row]
        pos = self.playback.pos if self.playback.ready else -1.0
        at = pos if seg.start < pos < seg.end else (seg.start + seg.end) / 2
        cursor = self.delegate.cursor_in(row)
        self.ui.segmentTable.setFocus()  # closes an open editor (its text is committed first)
        sid = seg.id
        self.runner.submit(
            lambda: split_segment(self.store, sid, at, cursor), lambda _: self._edited(row), self._error
        )

    def merge_current(self) -> None:
        row = self.current_row()
        if row < 0 or row + 1 >= len(self.segments.segments):
            self.show_message(self.tr("Select a segment that has a next one to merge with."), error=True)
            return
        a, b = self.segments.segments[row].id, self.segments.segments[row + 1].id
        self.runner.submit(lambda: merge_segments(self.store, a, b), lambda _: self._edited(row), self._error)

    def _edited(self, row: int) -> None:
        if self.bundle is None:
            return
        cid = self.bundle.case.id

        def shown(segs: list[TranscriptSegment]) -> None:
            self.segments.set_segments(segs)
            self.ui.waveform.set_marks([s.start for s in segs])
            if 0 <= row < len(segs):
                self.ui.segmentTable.selectRow(row)
            self.show_message(self.tr("Transcript saved."))

        self.runner.submit(lambda: self.store.segments.list_for_case(cid), shown, self._error)

    # -- transcribing again -----------------------------------------------------------------
    def _retranscribe_dialog(self) -> None:
        engines = list(ENGINES)
        current = engines.index(self.settings["asr_engine"]) if self.settings["asr_engine"] in engines else 0
        engine, ok = QInputDialog.getItem(
            self, self.tr("Transcribe again"), self.tr("Speech engine:"), engines, current, False
        )
        if not ok:
            return
        model, ok = QInputDialog.getText(
            self,
            self.tr("Transcribe again"),
            self.tr("Model (empty: the bundled whisper-base; or small, medium, a folder):"),
            text=self.settings["asr_model"] or "",
        )
        if not ok:
            return
        edited = sum(s.edited for s in self.segments.segments)
        if edited:
            answer = QMessageBox.question(
                self,
                self.tr("Transcribe again"),
                self.tr("%n segment(s) corrected by an editor will be replaced. Continue?", "", edited),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.retranscribe(engine, model.strip() or None)

    def retranscribe(self, engine_name: str, model: str | None) -> None:
        """Replace the transcript of the playing recording with a new one from ``engine_name``."""
        rec, bundle = self.recording, self.bundle
        if rec is None or bundle is None:
            self.show_message(self.tr("No recording to transcribe."), error=True)
            return
        language = self.settings["asr_language"]
        self.show_message(self.tr("Transcribing with %1…").replace("%1", engine_name))
        self.ui.retranscribeButton.setEnabled(False)

        def job() -> list[TranscriptSegment]:
            return retranscribe(self.store, rec, load_engine(engine_name, model), language)

        def done(_: object) -> None:
            self.ui.retranscribeButton.setEnabled(True)
            self._edited(-1)

        def failed(err: object) -> None:
            self.ui.retranscribeButton.setEnabled(True)
            self._error(err)

        self.runner.submit(job, done, failed)

    # -- playback ----------------------------------------------------------------------------
    def _segment_clicked(self, index: Any) -> None:
        if index.column() != TEXT_COLUMN or not self.ui.segmentTable.isPersistentEditorOpen(index):
            row = index.row()
            if 0 <= row < len(self.segments.segments):
                self.playback.play_from(self.segments.segments[row].start)

    def _show_position(self, pos: float) -> None:
        self.ui.waveform.set_position(pos)
        self.ui.positionLabel.setText(clock(pos))
        self.segments.set_playing_row(self.segments.row_at_time(pos))

    def close_audio(self) -> None:
        self.playback.close()
