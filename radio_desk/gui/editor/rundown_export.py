"""Exporting the rundown to a folder the editor chooses (PDF, clips, M3U, by
:func:`radio_desk.rundown.export.export_rundown`, which saves the rundown first) and saying what
went out: the cases and clips, the rahasia cases left out, the exporter's warnings."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog

from radio_desk.rundown.export import ExportResult, export_rundown

if TYPE_CHECKING:
    from radio_desk.gui.editor.rundown_page import RundownPage


class RundownExport(QObject):
    def __init__(self, page: RundownPage) -> None:
        super().__init__(page)
        self.page = page
        page.ui.exportButton.clicked.connect(self.ask_folder)

    def ask_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.page, self.tr("Export rundown to folder"))
        if folder:
            self.export(Path(folder))

    def export(self, folder: Path) -> None:
        page = self.page
        if page.rundown is None:
            return
        page.drop_delayed_save()  # the export saves the rundown as it is now
        snapshot, by, store = copy.deepcopy(page.rundown), page.operator(), page.store
        page.say(self.tr("Exporting…"))
        page.runner.submit(
            lambda: export_rundown(store, snapshot, folder, by=by), self._exported, page._error
        )

    def _exported(self, result: ExportResult) -> None:
        text = self.tr("Exported %1 case(s), %2 clip(s) to %3.")
        text = text.replace("%1", str(len(result.aired))).replace("%2", str(len(result.clips)))
        text = text.replace("%3", str(result.folder))
        if result.left_out:
            text += " " + self.tr("%n confidential case(s) left out.", "", len(result.left_out))
        if result.warnings:
            text += " " + " ".join(result.warnings)
        self.page.say(text)
        self.page.exported.emit(result)
        self.page.refresh_list()
