"""The transcript side of the case page: the recording's waveform and its playback (the page's
:class:`PlaybackController`), the segment table that follows it, and the editor's corrections:
text, speaker, split at the play position or the cursor, merge with the next segment."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QAbstractItemView, QHeaderView

from radio_desk.domain.enums import Speaker
from radio_desk.domain.models import Recording, TranscriptSegment
from radio_desk.gui.data_labels import speaker_label
from radio_desk.gui.editor.combos import fill_combo, select_data
from radio_desk.gui.editor.transcript import TEXT_COLUMN, PlaybackKeys, SegmentDelegate, SegmentModel, clock
from radio_desk.services.case_bundle import CaseBundle
from radio_desk.services.waveform import Waveform, load_waveform
from radio_desk.store.segment_edits import merge_segments, split_segment

if TYPE_CHECKING:
    from radio_desk.gui.editor.case_page import CasePage


class TranscriptPanel(QObject):
    def __init__(self, page: CasePage) -> None:
        super().__init__(page)
        self.page, self.playback = page, page.playback
        self.recording: Recording | None = None  # the one playing (the case's playable recording)
        self.segments = SegmentModel(page)
        self.keys = PlaybackKeys(self.playback.toggle, self.playback.jump, page)
        self.delegate = SegmentDelegate(self.keys, page)
        ui = page.ui
        self.playback.loaded.connect(self._audio_loaded)
        self.playback.started.connect(lambda: ui.playButton.setText(self.tr("Pause")))
        self.playback.stopped.connect(lambda: ui.playButton.setText(self.tr("Play")))
        self.playback.position.connect(self._show_position)
        fill_combo(ui.speakerCombo, [(s.value, speaker_label(s)) for s in Speaker], self.tr("(speaker)"))
        table = ui.segmentTable
        table.setModel(self.segments)
        table.setItemDelegateForColumn(TEXT_COLUMN, self.delegate)
        table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        for col, width in enumerate((60, 60, 90)):
            table.setColumnWidth(col, width)
        table.horizontalHeader().setSectionResizeMode(TEXT_COLUMN, QHeaderView.ResizeMode.Stretch)
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

    # -- the recording -----------------------------------------------------------------------
    def show_segments(self, segs: list[TranscriptSegment]) -> None:
        self.segments.set_segments(segs)
        self.page.ui.waveform.set_marks([s.start for s in segs])

    def load_audio(self, gen: int, bundle: CaseBundle) -> None:
        """Open the case's recording for playback and draw its waveform (both off the GUI thread)."""
        page, waveform = self.page, self.page.ui.waveform
        rec = self.recording = bundle.playable
        if rec is None:
            text = (
                self.tr("No recording file for this case.") if bundle.recordings else self.tr("No recording.")
            )
            waveform.set_message(text)
            return
        waveform.set_duration(rec.duration_s)
        path = Path(rec.path)
        self.playback.load(path, lambda: page.is_current(gen))

        def drawn(wf: Waveform) -> None:
            if page.is_current(gen):
                waveform.set_waveform(wf.peaks, wf.duration)
                page.waveformReady.emit()

        def failed(err: object) -> None:
            if page.is_current(gen):
                waveform.set_message(str(err))

        page.runner.submit(lambda: load_waveform(path), drawn, failed)

    def _audio_loaded(self, duration: float) -> None:
        ui = self.page.ui
        ui.playButton.setEnabled(True)
        ui.waveform.set_duration(duration)
        ui.waveform.set_position(0.0)
        self.page.audioReady.emit(duration)

    def clear(self) -> None:
        """Nothing of the case stays (it was discarded)."""
        self.recording = None
        self.playback.close()
        self.segments.set_segments([])
        self.page.ui.waveform.clear()

    def _segment_clicked(self, index: Any) -> None:
        if index.column() != TEXT_COLUMN or not self.page.ui.segmentTable.isPersistentEditorOpen(index):
            row = index.row()
            if 0 <= row < len(self.segments.segments):
                self.playback.play_from(self.segments.segments[row].start)

    def _show_position(self, pos: float) -> None:
        self.page.ui.waveform.set_position(pos)
        self.page.ui.positionLabel.setText(clock(pos))
        self.segments.set_playing_row(self.segments.row_at_time(pos))

    # -- corrections -------------------------------------------------------------------------
    def _save_text(self, row: int, text: str) -> None:
        page, seg = self.page, self.segments.segments[row]
        if seg.id is None:
            return

        def saved(new: TranscriptSegment) -> None:
            if row < len(self.segments.segments) and self.segments.segments[row].id == new.id:
                self.segments.replace(row, new)
            page.show_message(self.tr("Transcript saved."))

        by, store = page.operator(), page.store
        page.runner.submit(lambda: store.segments.update_text(seg.id, text, by=by), saved, page._error)

    def current_row(self) -> int:
        idx = self.page.ui.segmentTable.currentIndex()
        return idx.row() if idx.isValid() else -1

    def _row_selected(self, current: Any, _previous: Any) -> None:
        row = current.row() if current.isValid() else -1
        if 0 <= row < len(self.segments.segments):
            select_data(self.page.ui.speakerCombo, self.segments.segments[row].speaker)

    def _speaker_chosen(self) -> None:
        page, row = self.page, self.current_row()
        if row < 0:
            return
        seg = self.segments.segments[row]
        speaker = page.ui.speakerCombo.currentData()
        if seg.id is None or speaker == seg.speaker:
            return
        by, store = page.operator(), page.store
        page.runner.submit(
            lambda: store.segments.update_speaker(seg.id, speaker, by=by),
            lambda new: self.segments.replace(row, new),
            page._error,
        )

    def split_current(self) -> None:
        page, row = self.page, self.current_row()
        if row < 0:
            page.show_message(self.tr("Select the segment to split."), error=True)
            return
        seg = self.segments.segments[row]
        pos = self.playback.pos if self.playback.ready else -1.0
        at = pos if seg.start < pos < seg.end else (seg.start + seg.end) / 2
        cursor = self.delegate.cursor_in(row)
        page.ui.segmentTable.setFocus()  # closes an open editor (its text is committed first)
        sid, store = seg.id, page.store
        page.runner.submit(
            lambda: split_segment(store, sid, at, cursor), lambda _: self.reload(row), page._error
        )

    def merge_current(self) -> None:
        page, row = self.page, self.current_row()
        if row < 0 or row + 1 >= len(self.segments.segments):
            page.show_message(self.tr("Select a segment that has a next one to merge with."), error=True)
            return
        a, b = self.segments.segments[row].id, self.segments.segments[row + 1].id
        store = page.store
        page.runner.submit(lambda: merge_segments(store, a, b), lambda _: self.reload(row), page._error)

    def reload(self, row: int) -> None:
        """Read the case's segments again after a change, then select ``row`` (-1: none)."""
        page = self.page
        if page.bundle is None:
            return
        cid, store = page.bundle.case.id, page.store

        def shown(segs: list[TranscriptSegment]) -> None:
            self.show_segments(segs)
            if 0 <= row < len(segs):
                page.ui.segmentTable.selectRow(row)
            page.show_message(self.tr("Transcript saved."))

        page.runner.submit(lambda: store.segments.list_for_case(cid), shown, page._error)
