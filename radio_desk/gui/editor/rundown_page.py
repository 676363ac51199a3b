"""The "Ayo Mas Bro" rundown builder: a segment per show date, cases added by drag and drop or with
"Add to rundown", grouped by OPD, each with its read-out summary, excerpt and clip, exported to a
folder (PDF, clips, M3U) by :mod:`radio_desk.rundown.export`."""

from __future__ import annotations

import copy
import uuid
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QFileDialog, QMessageBox, QTreeWidgetItem, QWidget

from radio_desk.domain.enums import Status
from radio_desk.domain.models import Case, utcnow
from radio_desk.domain.rundown import Rundown, RundownEntry, group_by_opd, move_entry, new_entry
from radio_desk.domain.station_time import today_local
from radio_desk.gui.editor.context import EditorContext
from radio_desk.gui.editor.playback import PlaybackController
from radio_desk.gui.error_message import error_text
from radio_desk.gui.generated.ui_editor_rundown import Ui_EditorRundown
from radio_desk.rundown.export import ExportResult, air_numbers, export_rundown
from radio_desk.services.case_bundle import playable_recording
from radio_desk.services.waveform import Waveform, load_waveform
from radio_desk.store.rundowns import RundownInfo

ENTRY_ROLE = Qt.ItemDataRole.UserRole
SAVE_DELAY_MS = 400
RAHASIA_COLOUR = QColor(176, 0, 32)


class RundownPage(QWidget):
    message = Signal(str)
    saved = Signal()
    exported = Signal(object)  # ExportResult

    def __init__(self, ctx: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.store, self.settings, self.runner = ctx.store, ctx.settings, ctx.runner
        self.ui = Ui_EditorRundown()
        self.ui.setupUi(self)
        self.rundown: Rundown | None = None
        self.cases: dict[uuid.UUID, Case] = {}
        self.paths: dict[uuid.UUID, Path] = {}  # recording id -> file
        self.playback = PlaybackController(ctx.player_factory, self, synchronous=ctx.runner.synchronous)
        self.playback.failed.connect(self._error)
        self._showing = False
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save)
        self._setup()
        self.refresh_list()

    def _setup(self) -> None:
        ui = self.ui
        ui.showDate.setDate(QDate(today_local()))
        ui.clipWaveform.selectable = True
        ui.opdCombo.addItem(self.tr("(none)"), None)
        for o in sorted(self.store.taxonomy.opds.values(), key=lambda o: o.name):
            ui.opdCombo.addItem(o.name, o.code)
        ui.itemTree.casesDropped.connect(self.add_cases)
        ui.itemTree.currentItemChanged.connect(lambda *_: self._show_entry())
        ui.newButton.clicked.connect(lambda: self.new_rundown())
        ui.deleteButton.clicked.connect(lambda: self.delete_rundown())
        ui.rundownCombo.activated.connect(lambda _: self.open_rundown(ui.rundownCombo.currentData()))
        ui.upButton.clicked.connect(lambda: self.move_current(-1))
        ui.downButton.clicked.connect(lambda: self.move_current(1))
        ui.removeButton.clicked.connect(self.remove_current)
        ui.exportButton.clicked.connect(self._export_dialog)
        ui.playClipButton.clicked.connect(self.play_clip)
        ui.summaryEdit.textChanged.connect(self._entry_edited)
        ui.excerptEdit.textChanged.connect(self._entry_edited)
        ui.opdCombo.currentIndexChanged.connect(self._opd_changed)
        ui.clipInSpin.valueChanged.connect(self._clip_spins)
        ui.clipOutSpin.valueChanged.connect(self._clip_spins)
        ui.clipWaveform.selectionChanged.connect(self.set_clip)
        ui.includeRahasiaCheck.toggled.connect(self._include_toggled)
        shortcuts = (
            ("Alt+Up", lambda: self.move_current(-1)),
            ("Alt+Down", lambda: self.move_current(1)),
            ("Delete", self.remove_current),
        )
        for keys, slot in shortcuts:
            sc = QShortcut(QKeySequence(keys), ui.itemTree)
            sc.setContext(Qt.ShortcutContext.WidgetShortcut)
            sc.activated.connect(slot)
        self._show_entry()

    def operator(self) -> str:
        return self.ctx.operator()

    def _error(self, err: object) -> None:
        text = error_text(err)
        self.ui.messageLabel.setStyleSheet("color: #b00020;")
        self.ui.messageLabel.setText(text)
        self.message.emit(text)

    def _say(self, text: str) -> None:
        self.ui.messageLabel.setStyleSheet("")
        self.ui.messageLabel.setText(text)
        self.message.emit(text)

    # -- rundowns ----------------------------------------------------------------------------
    def refresh_list(self, select: uuid.UUID | None = None) -> None:
        self.runner.submit(self.store.rundowns.list, lambda infos: self._listed(infos, select), self._error)

    def _listed(self, infos: list[RundownInfo], select: uuid.UUID | None) -> None:
        combo = self.ui.rundownCombo
        combo.blockSignals(True)
        combo.clear()
        for info in infos:
            text = f"{info.show_date:%d-%m-%Y} · {info.title} ({info.items})"
            combo.addItem(text, info.id)
        combo.blockSignals(False)
        target = select or (self.rundown.id if self.rundown else None)
        i = combo.findData(target) if target else -1
        if i >= 0:
            combo.setCurrentIndex(i)
        elif self.rundown is None and infos:
            self.open_rundown(infos[0].id)

    def new_rundown(self, show_date: date | None = None) -> Rundown:
        show = show_date or self.ui.showDate.date().toPython()
        rd = Rundown(show_date=show, station=self.settings["station_name"])
        self._set_rundown(rd, {})
        self.save()
        self.refresh_list(rd.id)
        return rd

    def open_rundown(self, rundown_id: uuid.UUID | None) -> None:
        if rundown_id is None:
            return

        def load() -> tuple[Rundown, dict[uuid.UUID, Case], dict[uuid.UUID, Path]]:
            rd = self.store.rundowns.get(rundown_id)
            cases = {c.id: c for c in self.store.cases.get_many([e.case_id for e in rd.entries])}
            paths = {}
            for e in rd.entries:
                if e.recording_id and (rec := self.store.recordings.find(e.recording_id)):
                    paths[rec.id] = Path(rec.path)
            return rd, cases, paths

        self.runner.submit(load, lambda r: self._set_rundown(*r), self._error)

    def _set_rundown(self, rd: Rundown, cases: dict[uuid.UUID, Case], paths: dict | None = None) -> None:
        self.rundown = rd
        self.cases = dict(cases)
        self.paths.update(paths or {})
        self.ui.showDate.setDate(QDate(rd.show_date.year, rd.show_date.month, rd.show_date.day))
        self._rebuild()

    def _confirm_delete(self) -> bool:
        assert self.rundown is not None
        n = len(self.rundown.entries)
        text = self.tr("Delete the rundown of %1 with its %n item(s)? The cases themselves stay.", "", n)
        text = text.replace("%1", f"{self.rundown.show_date:%d-%m-%Y}")
        answer = QMessageBox.question(self, self.tr("Delete rundown"), text)
        return answer == QMessageBox.StandardButton.Yes

    def delete_rundown(self, confirmed: bool = False) -> None:
        if self.rundown is None or not (confirmed or self._confirm_delete()):
            return
        rid = self.rundown.id
        self.rundown = None
        self._rebuild()
        self.runner.submit(
            lambda: self.store.rundowns.delete(rid), lambda _: self.refresh_list(), self._error
        )

    def save(self) -> None:
        self._save_timer.stop()
        if self.rundown is None:
            return
        snapshot = copy.deepcopy(self.rundown)
        self.runner.submit(lambda: self.store.rundowns.save(snapshot), self._saved, self._error)

    def _saved(self, _: object) -> None:
        self.saved.emit()
        self.refresh_list()  # item counts in the rundown list

    def flush(self) -> None:
        """Save now if an edit is waiting for its delayed save."""
        if self._save_timer.isActive():
            self.save()

    def _save_soon(self) -> None:
        self._save_timer.start()

    # -- entries -----------------------------------------------------------------------------
    def add_cases(self, case_ids: list[uuid.UUID]) -> None:
        """Add cases at the end of their OPD group (keyboard/button and drop both come here)."""
        if not case_ids:
            return
        if self.rundown is None:
            self.new_rundown()
        assert self.rundown is not None
        new_ids = [i for i in case_ids if self.rundown.entry_for(i) is None]
        if not new_ids:
            self._say(self.tr("Already in this rundown."))
            return

        def build() -> list[tuple[Case, RundownEntry, Path | None]]:
            out = []
            for case in self.store.cases.get_many(new_ids):
                rec = playable_recording(self.store.recordings.for_case(case.id))
                segs = self.store.segments.list_for_case(case.id)
                entry = new_entry(
                    case,
                    segs,
                    recording_id=rec.id if rec else None,
                    duration=rec.duration_s if rec else None,
                    default_opd=self.store.taxonomy.default_opd(case.category),
                )
                out.append((case, entry, Path(rec.path) if rec else None))
            return out

        self.runner.submit(build, self._added, self._error)

    def _added(self, built: list[tuple[Case, RundownEntry, Path | None]]) -> None:
        if self.rundown is None:
            return
        secret = 0
        duplicates: list[Case] = []
        for case, entry, path in built:
            if self.rundown.entry_for(case.id) is not None:
                continue
            self.cases[case.id] = case
            if path is not None and entry.recording_id:
                self.paths[entry.recording_id] = path
            self.rundown.entries.append(entry)
            secret += case.rahasia
            if case.status == Status.DUPLIKAT:
                duplicates.append(case)
        self.rundown.entries = group_by_opd(self.rundown.entries)
        self._rebuild(select=built[-1][0].id if built else None)
        self.save()
        notes: list[str] = []
        if duplicates:
            notes.append(self._duplicate_warning(duplicates))
        if secret:
            notes.append(
                self.tr(
                    "Confidential (rahasia) cases stay out of the export unless you include them explicitly."
                )
            )
        if duplicates:
            self._warn(" ".join(notes))
        else:
            self._say(" ".join(notes) or self.tr("%n case(s) added.", "", len(built)))

    def _duplicate_warning(self, cases: list[Case]) -> str:
        """A duplicate is usually discussed through its original: say which one it is."""
        parts = []
        for c in cases:
            original = str(c.duplicate_of)[:8] if c.duplicate_of else self.tr("unknown")
            parts.append(f"“{c.summary[:40] or c.display_caller}” → {original}")
        return self.tr(
            "%n case(s) marked Duplikat added: usually the original is discussed (%1).", "", len(cases)
        ).replace("%1", "; ".join(parts))

    def _warn(self, text: str) -> None:
        self.ui.messageLabel.setStyleSheet("color: #9a6700;")
        self.ui.messageLabel.setText(text)
        self.message.emit(text)

    def current_entry(self) -> RundownEntry | None:
        item = self.ui.itemTree.currentItem()
        if item is None or self.rundown is None or item.data(0, ENTRY_ROLE) is None:
            return None
        return self.rundown.entry_for(uuid.UUID(item.data(0, ENTRY_ROLE)))

    def select_case(self, case_id: uuid.UUID) -> None:
        tree = self.ui.itemTree
        for g in range(tree.topLevelItemCount()):
            group = tree.topLevelItem(g)
            for k in range(group.childCount()):
                if group.child(k).data(0, ENTRY_ROLE) == str(case_id):
                    tree.setCurrentItem(group.child(k))
                    return

    def move_current(self, step: int) -> None:
        entry = self.current_entry()
        if entry is None or self.rundown is None:
            return
        index = self.rundown.entries.index(entry)
        self.rundown.entries = move_entry(self.rundown.entries, index, step)
        self._rebuild(select=entry.case_id)
        self.save()

    def remove_current(self) -> None:
        entry = self.current_entry()
        if entry is None or self.rundown is None:
            return
        self.rundown.entries = group_by_opd([e for e in self.rundown.entries if e is not entry])
        self._rebuild()
        self.save()

    def _label(self, n: int | None, entry: RundownEntry) -> str:
        """The item as listed; ``n``: its number on air (in the PDF and the clip's name), ``None``
        for a rahasia item left out."""
        number = f"{n}." if n is not None else "–"
        case = self.cases.get(entry.case_id)
        if case is None:
            return f"{number} ?"
        place = self.store.gazetteer.name(case.desa_code) if case.desa_code else "-"
        category = self.store.taxonomy.category_name(case.category)
        text = f"{number} {category} – {place} – {entry.summary[:60]}"
        if case.status == Status.DUPLIKAT:
            text += "  " + self.tr("[DUPLICATE]")
        if case.rahasia:
            text += "  " + (
                self.tr("[RAHASIA – included]") if entry.rahasia_included else self.tr("[RAHASIA – left out]")
            )
        return text

    def _rebuild(self, select: uuid.UUID | None = None) -> None:
        tree = self.ui.itemTree
        keep = select or (self.current_entry().case_id if self.current_entry() else None)
        tree.blockSignals(True)
        tree.clear()
        if self.rundown is not None:
            group: QTreeWidgetItem | None = None
            last_opd: object = object()
            numbers = air_numbers(self.rundown.entries, self.cases)
            for entry in self.rundown.entries:
                if entry.opd != last_opd:
                    last_opd = entry.opd
                    name = self.store.taxonomy.opd_name(entry.opd) if entry.opd else self.tr("No OPD yet")
                    group = QTreeWidgetItem(tree, [name])
                    font = group.font(0)
                    font.setBold(True)
                    group.setFont(0, font)
                    group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item = QTreeWidgetItem(group, [self._label(numbers.get(entry.case_id), entry)])
                item.setData(0, ENTRY_ROLE, str(entry.case_id))
                case = self.cases.get(entry.case_id)
                if case is not None and case.rahasia and not entry.rahasia_included:
                    item.setForeground(0, QBrush(RAHASIA_COLOUR))
            tree.expandAll()
        tree.blockSignals(False)
        if keep is not None:
            self.select_case(keep)
        self._show_entry()

    def _show_entry(self) -> None:
        ui, entry = self.ui, self.current_entry()
        self._showing = True
        try:
            for w in (ui.summaryEdit, ui.excerptEdit, ui.opdCombo, ui.clipInSpin, ui.clipOutSpin,
                      ui.playClipButton, ui.clipWaveform):  # fmt: skip
                w.setEnabled(entry is not None)
            ui.exportButton.setEnabled(self.rundown is not None)
            if entry is None:
                ui.summaryEdit.clear()
                ui.excerptEdit.clear()
                ui.clipWaveform.clear()
                ui.includeRahasiaCheck.setEnabled(False)
                ui.includeRahasiaCheck.setChecked(False)
                return
            case = self.cases.get(entry.case_id)
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
        wf_view = self.ui.clipWaveform
        path = self.paths.get(entry.recording_id) if entry.recording_id else None
        if path is None:
            wf_view.clear()
            wf_view.set_message(self.tr("No recording: no clip."))
            return
        wf_view.set_selection(entry.clip_in, entry.clip_out)
        cid = entry.case_id

        def drawn(wf: Waveform) -> None:
            current = self.current_entry()
            if current is not None and current.case_id == cid:
                wf_view.set_waveform(wf.peaks, wf.duration)
                wf_view.set_selection(current.clip_in, current.clip_out)

        self.runner.submit(lambda: load_waveform(path), drawn, lambda err: wf_view.set_message(str(err)))

    def _entry_edited(self) -> None:
        entry = self.current_entry()
        if self._showing or entry is None:
            return
        entry.summary = self.ui.summaryEdit.toPlainText()
        entry.excerpt = self.ui.excerptEdit.toPlainText()
        self._save_soon()

    def _opd_changed(self) -> None:
        entry = self.current_entry()
        if self._showing or entry is None or self.rundown is None:
            return
        entry.opd = self.ui.opdCombo.currentData()
        self.rundown.entries = group_by_opd(self.rundown.entries)
        self._rebuild(select=entry.case_id)
        self.save()

    def set_clip(self, clip_in: float, clip_out: float) -> None:
        """Clip points (seconds) for the current entry: from the waveform drag or the spin boxes."""
        entry = self.current_entry()
        if entry is None:
            return
        if clip_out <= clip_in:
            self._error(self.tr("The clip must end after it starts."))
            return
        entry.clip_in, entry.clip_out = round(clip_in, 1), round(clip_out, 1)
        self._showing = True
        self.ui.clipInSpin.setValue(entry.clip_in)
        self.ui.clipOutSpin.setValue(entry.clip_out)
        self._showing = False
        self.ui.clipWaveform.set_selection(entry.clip_in, entry.clip_out)
        self._say(
            self.tr("Clip %1 s.").replace("%1", QLocale().toString(entry.clip_out - entry.clip_in, "f", 1))
        )
        self._save_soon()

    def _clip_spins(self) -> None:
        if self._showing:
            return
        a, b = self.ui.clipInSpin.value(), self.ui.clipOutSpin.value()
        if b > a:
            self.set_clip(a, b)

    def set_rahasia_included(self, on: bool) -> None:
        entry = self.current_entry()
        case = self.cases.get(entry.case_id) if entry else None
        if entry is None or case is None or not case.rahasia:
            return
        if on:
            entry.rahasia_included_by, entry.rahasia_included_at = self.operator(), utcnow()
            self._say(
                self.tr("Confidential case included by %1; the decision is recorded.").replace(
                    "%1", self.operator()
                )
            )
        else:
            entry.rahasia_included_by = entry.rahasia_included_at = None
            self._say(self.tr("Confidential case left out again."))
        self._rebuild(select=entry.case_id)
        self.save()

    def _include_toggled(self, on: bool) -> None:
        if not self._showing:
            self.set_rahasia_included(on)

    # -- clip playback and export ------------------------------------------------------------
    def play_clip(self) -> None:
        entry = self.current_entry()
        path = self.paths.get(entry.recording_id) if entry and entry.recording_id else None
        if entry is None or path is None or entry.clip_in is None:
            return
        self.playback.play_range(path, entry.clip_in, entry.clip_out)

    def _export_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Export rundown to folder"))
        if folder:
            self.export(Path(folder))

    def export(self, folder: Path) -> None:
        if self.rundown is None:
            return
        self._save_timer.stop()
        snapshot, by = copy.deepcopy(self.rundown), self.operator()
        self._say(self.tr("Exporting…"))
        self.runner.submit(
            lambda: export_rundown(self.store, snapshot, folder, by=by), self._exported, self._error
        )

    def _exported(self, result: ExportResult) -> None:
        text = self.tr("Exported %1 case(s), %2 clip(s) to %3.")
        text = text.replace("%1", str(len(result.aired))).replace("%2", str(len(result.clips)))
        text = text.replace("%3", str(result.folder))
        if result.left_out:
            text += " " + self.tr("%n confidential case(s) left out.", "", len(result.left_out))
        if result.warnings:
            text += " " + " ".join(result.warnings)
        self._say(text)
        self.exported.emit(result)
        self.refresh_list()

    def close_audio(self) -> None:
        self.playback.close()


__all__ = ["RundownPage"]
_ = Any
