"""The "Ayo Mas Bro" rundown builder: a segment per show date, cases added by drag and drop or with
"Add to rundown", grouped by OPD, each with its read-out summary, excerpt and clip, exported to a
folder (PDF, clips, M3U) by :mod:`radio_desk.rundown.export`.

The page keeps the rundowns (list, new, open, delete, the delayed save) and its message line; the
item list is :class:`RundownItems`, the current item's fields :class:`EntryEditor`, the export
:class:`RundownExport`."""

from __future__ import annotations

import copy
import uuid
from datetime import date
from pathlib import Path

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from radio_desk.domain.models import Case
from radio_desk.domain.rundown import Rundown
from radio_desk.domain.station_time import today_local
from radio_desk.gui.editor.audio_page import AudioPage
from radio_desk.gui.editor.combos import fill_combo
from radio_desk.gui.editor.context import EditorContext
from radio_desk.gui.editor.rundown_entry import EntryEditor
from radio_desk.gui.editor.rundown_export import RundownExport
from radio_desk.gui.editor.rundown_items import RundownItems
from radio_desk.gui.error_message import error_text
from radio_desk.gui.generated.ui_editor_rundown import Ui_EditorRundown
from radio_desk.store.rundowns import RundownInfo

SAVE_DELAY_MS = 400
ERROR_COLOUR, WARNING_COLOUR = "#b00020", "#9a6700"


class RundownPage(AudioPage):
    ui: Ui_EditorRundown
    message = Signal(str)
    saved = Signal()
    exported = Signal(object)  # ExportResult

    def __init__(self, ctx: EditorContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, Ui_EditorRundown(), parent)
        self.rundown: Rundown | None = None
        self.cases: dict[uuid.UUID, Case] = {}
        self.paths: dict[uuid.UUID, Path] = {}  # recording id -> file
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save)
        ui = self.ui
        ui.showDate.setDate(QDate(today_local()))
        self.entry = EntryEditor(self)
        self.items = RundownItems(self)
        self.exporter = RundownExport(self)
        ui.newButton.clicked.connect(lambda: self.new_rundown())
        ui.deleteButton.clicked.connect(lambda: self.delete_rundown())
        ui.rundownCombo.activated.connect(lambda _: self.open_rundown(ui.rundownCombo.currentData()))
        self.entry.show()
        self.refresh_list()

    # -- the message line --------------------------------------------------------------------
    def _show(self, text: str, colour: str = "") -> None:
        self.ui.messageLabel.setStyleSheet(f"color: {colour};" if colour else "")
        self.ui.messageLabel.setText(text)
        self.message.emit(text)

    def _error(self, err: object) -> None:
        self._show(error_text(err), ERROR_COLOUR)

    def say(self, text: str) -> None:
        self._show(text)

    def warn(self, text: str) -> None:
        self._show(text, WARNING_COLOUR)

    # -- rundowns ----------------------------------------------------------------------------
    def refresh_list(self, select: uuid.UUID | None = None) -> None:
        self.runner.submit(self.store.rundowns.list, lambda infos: self._listed(infos, select), self._error)

    def _listed(self, infos: list[RundownInfo], select: uuid.UUID | None) -> None:
        combo = self.ui.rundownCombo
        fill_combo(combo, [(i.id, f"{i.show_date:%d-%m-%Y} · {i.title} ({i.items})") for i in infos])
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
        store = self.store

        def load() -> tuple[Rundown, dict[uuid.UUID, Case], dict[uuid.UUID, Path]]:
            rd = store.rundowns.get(rundown_id)
            cases = {c.id: c for c in store.cases.get_many([e.case_id for e in rd.entries])}
            paths = {}
            for e in rd.entries:
                if e.recording_id and (rec := store.recordings.find(e.recording_id)):
                    paths[rec.id] = Path(rec.path)
            return rd, cases, paths

        self.runner.submit(load, lambda r: self._set_rundown(*r), self._error)

    def _set_rundown(self, rd: Rundown, cases: dict[uuid.UUID, Case], paths: dict | None = None) -> None:
        self.rundown = rd
        self.cases = dict(cases)
        self.paths.update(paths or {})
        self.ui.showDate.setDate(QDate(rd.show_date.year, rd.show_date.month, rd.show_date.day))
        self.items.rebuild()

    def add_cases(self, case_ids: list[uuid.UUID]) -> None:
        """Add cases at the end of their OPD group (a new rundown when none is open)."""
        self.items.add_cases(case_ids)

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
        rid, store = self.rundown.id, self.store
        self.rundown = None
        self.items.rebuild()
        self.runner.submit(lambda: store.rundowns.delete(rid), lambda _: self.refresh_list(), self._error)

    # -- saving ------------------------------------------------------------------------------
    def save(self) -> None:
        self._save_timer.stop()
        if self.rundown is None:
            return
        snapshot, store = copy.deepcopy(self.rundown), self.store
        self.runner.submit(lambda: store.rundowns.save(snapshot), self._saved, self._error)

    def _saved(self, _: object) -> None:
        self.saved.emit()
        self.refresh_list()  # item counts in the rundown list

    def flush(self) -> None:
        """Save now if an edit is waiting for its delayed save."""
        if self._save_timer.isActive():
            self.save()

    def save_soon(self) -> None:
        """An edit while typing: saved once the typing pauses."""
        self._save_timer.start()

    def drop_delayed_save(self) -> None:
        self._save_timer.stop()
