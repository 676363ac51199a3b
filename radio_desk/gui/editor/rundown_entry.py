"""The rundown's item editor: the current item's read-out summary, excerpt and OPD, its clip (in and
out points from the waveform or the spin boxes, played back), and the explicit, recorded decision
to include a rahasia case in the export."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject

from radio_desk.domain.models import utcnow
from radio_desk.domain.rundown import RundownEntry, group_by_opd
from radio_desk.gui.editor.combos import fill_combo
from radio_desk.services.waveform import Waveform, load_waveform

if TYPE_CHECKING:
    from radio_desk.gui.editor.rundown_page import RundownPage


class EntryEditor(QObject):
    def __init__(self, page: RundownPage) -> None:
        super().__init__(page)
        self.page = page
        self._showing = False  # the fields are being filled from the item: not an edit
        ui = page.ui
        ui.clipWaveform.selectable = True
        opds = sorted(page.store.taxonomy.opds.values(), key=lambda o: o.name)
        fill_combo(ui.opdCombo, [(o.code, o.name) for o in opds], self.tr("(none)"))
        ui.playClipButton.clicked.connect(self.play_clip)
        ui.summaryEdit.textChanged.connect(self._edited)
        ui.excerptEdit.textChanged.connect(self._edited)
        ui.opdCombo.currentIndexChanged.connect(self._opd_changed)
        ui.clipInSpin.valueChanged.connect(self._clip_spins)
        ui.clipOutSpin.valueChanged.connect(self._clip_spins)
        ui.clipWaveform.selectionChanged.connect(self.set_clip)
        ui.includeRahasiaCheck.toggled.connect(self._include_toggled)

    def _current(self) -> RundownEntry | None:
        return self.page.items.current_entry()

    def show(self) -> None:
        """The current item in the fields (all disabled when there is none)."""
        page, ui, entry = self.page, self.page.ui, self._current()
        self._showing = True
        try:
            for w in (ui.summaryEdit, ui.excerptEdit, ui.opdCombo, ui.clipInSpin, ui.clipOutSpin,
                      ui.playClipButton, ui.clipWaveform):  # fmt: skip
                w.setEnabled(entry is not None)
            ui.exportButton.setEnabled(page.rundown is not None)
            if entry is None:
                ui.summaryEdit.clear()
                ui.excerptEdit.clear()
                ui.clipWaveform.clear()
                ui.includeRahasiaCheck.setEnabled(False)
                ui.includeRahasiaCheck.setChecked(False)
                return
            case = page.cases.get(entry.case_id)
            ui.itemTitle.setText(case.summary if case else "")
            ui.summaryEdit.setPlainText(entry.summary)
            ui.excerptEdit.setPlainText(entry.excerpt)
            i = ui.opdCombo.findData(entry.opd)
            ui.opdCombo.setCurrentIndex(max(0, i))
            ui.clipInSpin.setValue(entry.clip_in or 0.0)
            ui.clipOutSpin.setValue(entry.clip_out or 0.0)
            ui.includeRahasiaCheck.setEnabled(bool(case and case.rahasia))
            ui.includeRahasiaCheck.setChecked(entry.rahasia_included)
            if entry.rahasia_included:
                ui.includeRahasiaCheck.setToolTip(
                    self.tr("Included by %1").replace("%1", entry.rahasia_included_by or "")
                )
            self._load_clip_waveform(entry)
        finally:
            self._showing = False

    def _load_clip_waveform(self, entry: RundownEntry) -> None:
        page, wf_view = self.page, self.page.ui.clipWaveform
        path = page.paths.get(entry.recording_id) if entry.recording_id else None
        if path is None:
            wf_view.clear()
            wf_view.set_message(self.tr("No recording: no clip."))
            return
        wf_view.set_selection(entry.clip_in, entry.clip_out)
        cid = entry.case_id

        def drawn(wf: Waveform) -> None:
            current = self._current()
            if current is not None and current.case_id == cid:
                wf_view.set_waveform(wf.peaks, wf.duration)
                wf_view.set_selection(current.clip_in, current.clip_out)

        page.runner.submit(lambda: load_waveform(path), drawn, lambda err: wf_view.set_message(str(err)))

    # -- edits -------------------------------------------------------------------------------
    def _edited(self) -> None:
        entry = self._current()
        if self._showing or entry is None:
            return
        entry.summary = self.page.ui.summaryEdit.toPlainText()
        entry.excerpt = self.page.ui.excerptEdit.toPlainText()
        self.page.save_soon()

    def _opd_changed(self) -> None:
        page, entry = self.page, self._current()
        if self._showing or entry is None or page.rundown is None:
            return
        entry.opd = page.ui.opdCombo.currentData()
        page.rundown.entries = group_by_opd(page.rundown.entries)
        page.items.rebuild(select=entry.case_id)
        page.save()

    def set_clip(self, clip_in: float, clip_out: float) -> None:
        """Clip points (seconds) for the current entry: from the waveform drag or the spin boxes."""
        page, ui, entry = self.page, self.page.ui, self._current()
        if entry is None:
            return
        if clip_out <= clip_in:
            page._error(self.tr("The clip must end after it starts."))
            return
        entry.clip_in, entry.clip_out = round(clip_in, 1), round(clip_out, 1)
        self._showing = True
        ui.clipInSpin.setValue(entry.clip_in)
        ui.clipOutSpin.setValue(entry.clip_out)
        self._showing = False
        ui.clipWaveform.set_selection(entry.clip_in, entry.clip_out)
        page.say(
            self.tr("Clip %1 s.").replace("%1", QLocale().toString(entry.clip_out - entry.clip_in, "f", 1))
        )
        page.save_soon()

    def _clip_spins(self) -> None:
        if self._showing:
            return
        a, b = self.page.ui.clipInSpin.value(), self.page.ui.clipOutSpin.value()
        if b > a:
            self.set_clip(a, b)

    def set_rahasia_included(self, on: bool) -> None:
        page, entry = self.page, self._current()
        case = page.cases.get(entry.case_id) if entry else None
        if entry is None or case is None or not case.rahasia:
            return
        if on:
            entry.rahasia_included_by, entry.rahasia_included_at = page.operator(), utcnow()
            page.say(
                self.tr("Confidential case included by %1; the decision is recorded.").replace(
                    "%1", page.operator()
                )
            )
        else:
            entry.rahasia_included_by = entry.rahasia_included_at = None
            page.say(self.tr("Confidential case left out again."))
        page.items.rebuild(select=entry.case_id)
        page.save()

    def _include_toggled(self, on: bool) -> None:
        if not self._showing:
            self.set_rahasia_included(on)

    def play_clip(self) -> None:
        page, entry = self.page, self._current()
        path = page.paths.get(entry.recording_id) if entry and entry.recording_id else None
        if entry is None or path is None or entry.clip_in is None:
            return
        page.playback.play_range(path, entry.clip_in, entry.clip_out)
