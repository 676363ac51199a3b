"""The case detail page: intake fields with their history, status changes, related cases, and the
transcript editor synced with the recording (waveform, playback, edits, split/merge, speaker).

The page opens a case (a :class:`CaseBundle` read on the runner) and hands its parts to the
collaborators that hold each box: :class:`CaseIntake` (the intake form and saving it),
:class:`CaseStatusBox` (status, reopen, discard, the server's word), :class:`CaseHints` (related
cases, a suggested category), :class:`TranscriptPanel` (audio and segments) and
:class:`TranscribeAgain`; :class:`CaseQuestions` asks before a change that is hard to undo."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHeaderView, QTreeWidgetItem, QWidget

from radio_desk.gui.data_labels import status_label
from radio_desk.gui.editor.audio_page import AudioPage
from radio_desk.gui.editor.case_hints import CaseHints
from radio_desk.gui.editor.case_intake import CaseIntake
from radio_desk.gui.editor.case_questions import CaseQuestions
from radio_desk.gui.editor.case_status_box import CaseStatusBox
from radio_desk.gui.editor.case_transcript import TranscriptPanel
from radio_desk.gui.editor.context import EditorContext
from radio_desk.gui.editor.transcribe_again import TranscribeAgain
from radio_desk.gui.error_message import error_text
from radio_desk.gui.generated.ui_editor_case import Ui_EditorCase
from radio_desk.reports.indonesian import local
from radio_desk.services.case_bundle import CaseBundle, load_bundle
from radio_desk.store import SyncInfo

ERROR_STYLE = "color: #b00020;"


class CasePage(AudioPage):
    ui: Ui_EditorCase
    message = Signal(str)
    caseChanged = Signal(object)  # uuid.UUID: something of the case changed in the store
    audioReady = Signal(float)  # the recording is loaded and can play (its duration)
    waveformReady = Signal()

    def __init__(self, ctx: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, Ui_EditorCase(), parent)
        self.bundle: CaseBundle | None = None
        self._generation = 0  # the newest opening of a case (answers for older ones are dropped)
        self.intake = CaseIntake(self)
        self.hints = CaseHints(self)
        self.transcript = TranscriptPanel(self)
        self.transcribe_again = TranscribeAgain(self)
        self.questions = CaseQuestions(self)  # duplicate, reopen, discard: asked before they are done
        self.status = CaseStatusBox(self)
        self.ui.historyTree.header().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for w in [self, *self.findChildren(QWidget)]:
            self.transcript.keys.watch(w)
        self._set_enabled(False)

    def _set_enabled(self, on: bool) -> None:
        for w in (self.ui.intakeBox, self.ui.statusBox, self.ui.relatedBox, self.ui.splitButton,
                  self.ui.mergeButton, self.ui.speakerCombo, self.ui.retranscribeButton):  # fmt: skip
            w.setEnabled(on)
        self.ui.playButton.setEnabled(on and self.playback.ready)

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

    def is_current(self, gen: int) -> bool:
        """Whether ``gen`` is still the page's newest opening (an answer for an older one is dropped)."""
        return gen == self._generation

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
        if not self.is_current(gen):
            return
        first_open = self.bundle is None or self.bundle.case.id != bundle.case.id
        self.bundle = bundle
        case = bundle.case
        self._show_title(bundle)
        self.intake.show(case)
        self.status.show(case)
        self._show_sync(bundle.sync)
        self.status.show_server(bundle.sync)
        self._show_history(bundle)
        self.transcript.show_segments(bundle.segments)
        self._set_enabled(True)
        self.show_message("")
        if first_open or self.transcript.recording is None:
            self.transcript.load_audio(gen, bundle)
        self.hints.load(gen, case)

    def reload(self) -> None:
        """Re-read the case (after a change) without reloading its audio."""
        if self.bundle is None:
            return
        gen, cid = self._generation, self.bundle.case.id
        self.runner.submit(lambda: load_bundle(self.store, cid), lambda b: self._opened(gen, b), self._error)

    def _changed(self, _: object = None) -> None:
        """A change of the case is stored: say so, tell the other tabs, show it."""
        if self.bundle is not None:
            self.show_message(self.tr("Saved."))
            self.caseChanged.emit(self.bundle.case.id)
            self.reload()

    def discarded(self, case_id: uuid.UUID, reason: str) -> None:
        """The case was discarded: nothing of it stays on the page."""
        if self.bundle is None or self.bundle.case.id != case_id:
            return
        self._generation += 1
        self.bundle = None
        self.transcript.clear()
        self.ui.titleLabel.setText("")
        self._set_enabled(False)
        self.show_message(self.tr("Case discarded (%1). It can be restored.").replace("%1", reason))
        self.caseChanged.emit(case_id)

    # -- showing -----------------------------------------------------------------------------
    def _show_title(self, b: CaseBundle) -> None:
        c, gaz = b.case, self.store.gazetteer
        place = ", ".join(x for x in (gaz.name(c.desa_code), gaz.name(c.kecamatan_code)) if x)
        title = f"<b>{local(c.received_at):%d-%m-%Y %H:%M}</b> · {c.display_caller} · {place or '-'}"
        if c.rahasia:
            title += " · <span style='color:#b00020'>RAHASIA</span>"
        self.ui.titleLabel.setText(title)

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
