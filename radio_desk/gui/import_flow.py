"""Import audio files and WhatsApp voice notes from the window: the File menu and drag and drop.

Each file is checked first, off the GUI thread (:func:`radio_desk.services.importing.check_import`):
the channel is offered from the file (an Opus/OGG, M4A or AMR voice note → WhatsApp) and a file that
is already a recording (same SHA-256) says which case has it and is left out unless ticked again.
The operator confirms in :class:`ImportDialog`; each file then becomes a case, is transcribed in the
background and triaged (:func:`radio_desk.services.imported.transcribe_and_triage`).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from radio_desk.audio.importer import KNOWN_EXTENSIONS
from radio_desk.domain import Case, Channel
from radio_desk.gui.alive import if_alive
from radio_desk.gui.dialog_buttons import ok_cancel
from radio_desk.gui.error_message import error_text
from radio_desk.gui.services import Services
from radio_desk.gui.tasks import TaskRunner
from radio_desk.reports.indonesian import local
from radio_desk.services.importing import ImportCheck, check_import, import_as_new_case

log = logging.getLogger(__name__)

FILE_COLUMN, CHANNEL_COLUMN, NOTE_COLUMN = 0, 1, 2


def audio_paths(event: QDragEnterEvent | QDropEvent) -> list[Path]:
    """The local audio files a drag carries (by extension; the import checks their content)."""
    mime = event.mimeData()
    if not mime.hasUrls():
        return []
    paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    return [p for p in paths if p.suffix.lower() in KNOWN_EXTENSIONS]


class ImportDialog(QDialog):
    """The files to import, each with its channel; the ones already imported say where, unticked."""

    def __init__(self, checks: list[ImportCheck], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importDialog")
        self.setWindowTitle(self.tr("Import audio"))
        self.resize(760, 320)
        self.checks = checks
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Each file becomes a new case and is transcribed in the background. The channel is "
                "offered from the file (a voice note: WhatsApp)."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(checks), 3, self)
        self.table.setObjectName("importTable")
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Channel"), self.tr("Note")])
        self.table.horizontalHeader().setSectionResizeMode(NOTE_COLUMN, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.boxes: list[QCheckBox] = []
        self.channels: list[QComboBox] = []
        for row, check in enumerate(checks):
            box = QCheckBox(check.path.name, self.table)
            box.setChecked(check.existing is None)
            self.table.setCellWidget(row, FILE_COLUMN, box)
            combo = QComboBox(self.table)
            for ch in Channel:
                combo.addItem(ch.label, ch.value)
            combo.setCurrentIndex(combo.findData(check.channel.value))
            self.table.setCellWidget(row, CHANNEL_COLUMN, combo)
            note = QTableWidgetItem(self._note(check))
            note.setToolTip(note.text())
            note.setFlags(Qt.ItemFlag.ItemIsEnabled)
            if check.existing is not None:
                note.setForeground(Qt.GlobalColor.darkRed)
            self.table.setItem(row, NOTE_COLUMN, note)
            self.boxes.append(box)
            self.channels.append(combo)
            box.toggled.connect(lambda _on: self._update())
        self.table.setWordWrap(True)
        self.table.resizeColumnsToContents()
        self.table.resizeRowsToContents()
        layout.addWidget(self.table)
        self.buttons, self.ok = ok_cancel(self, self.tr("Import"), self.tr("Cancel"))
        layout.addWidget(self.buttons)
        self._update()

    def _note(self, check: ImportCheck) -> str:
        case = check.existing
        if case is None:
            return self.tr("New")
        what = case.summary or case.display_caller
        return (
            self.tr("Already imported: case %1 (%2, %3). Tick it to import it again.")
            .replace("%1", str(case.id)[:8])
            .replace("%2", f"{local(case.received_at):%d-%m-%Y %H:%M}")
            .replace("%3", what)
        )

    def _update(self) -> None:
        self.ok.setEnabled(any(b.isChecked() for b in self.boxes))

    def chosen(self) -> list[tuple[Path, Channel]]:
        return [
            (check.path, Channel(combo.currentData()))
            for check, box, combo in zip(self.checks, self.boxes, self.channels, strict=True)
            if box.isChecked()
        ]


class ImportFlow(QObject):
    """File → checks → dialog → cases → transcripts and suggestions.  ``message`` for the status bar."""

    message = Signal(str)
    imported = Signal(object)  # list[Case]: the new cases (before their transcripts)
    triaged = Signal(object)  # uuid.UUID: a new case's transcript and suggestions are in

    def __init__(self, services: Services, engine: Callable[[], Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.engine = engine  # the loaded speech engine, or None while it loads
        self.parent_widget = parent
        # one file at a time after the import itself: the model and the GUI share two cores
        self.triage_runner = TaskRunner(self, max_threads=1, synchronous=services.runner.synchronous)
        self.dialog: ImportDialog | None = None
        self.action: QAction | None = None  # File → Import audio…, once installed

    @classmethod
    def install(cls, window: Any) -> ImportFlow:
        """On the main window: File → Import audio… (Ctrl+I), drops of audio files anywhere on it,
        messages in its status bar."""
        flow = cls(window.services, lambda: window.engine.engine, window)
        flow._add_to(window)
        return flow

    def _add_to(self, window: Any) -> None:
        action = QAction(self.tr("&Import audio…"), window)
        action.setObjectName("actionImport")
        action.setShortcut(QKeySequence("Ctrl+I"))
        action.setToolTip(
            self.tr("Audio files or WhatsApp voice notes as new cases (or drop them on the window)")
        )
        action.triggered.connect(self.choose)
        window.ui.menuFile.insertAction(window.ui.actionSettings, action)
        self.action = action
        self.message.connect(lambda m: window.ui.statusbar.showMessage(m, 10_000))
        window.setAcceptDrops(True)
        window.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.DragEnter and isinstance(event, QDragEnterEvent):
            self.drag_enter(event)
            return event.isAccepted()
        if event.type() == QEvent.Type.Drop and isinstance(event, QDropEvent):
            self.drop(event)
            return event.isAccepted()
        return super().eventFilter(obj, event)

    # -- entry points ------------------------------------------------------------------------
    def choose(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self.parent_widget,
            self.tr("Import audio"),
            "",
            self.tr("Audio and voice notes (%1)").replace(
                "%1", " ".join(f"*{e}" for e in sorted(KNOWN_EXTENSIONS))
            ),
        )
        if names:
            self.offer([Path(n) for n in names])

    def drag_enter(self, event: QDragEnterEvent) -> None:
        if audio_paths(event):
            event.acceptProposedAction()

    def drop(self, event: QDropEvent) -> None:
        paths = audio_paths(event)
        if paths:
            event.acceptProposedAction()
            self.offer(paths)

    # -- the flow ----------------------------------------------------------------------------
    def offer(self, paths: list[Path]) -> None:
        """Check the files off the GUI thread, then ask."""
        store = self.services.store

        def check() -> tuple[list[ImportCheck], list[str]]:
            checks, problems = [], []
            for p in paths:
                try:
                    checks.append(check_import(store, p))
                except Exception as err:  # one bad file must not stop the others
                    problems.append(error_text(err))
            return checks, problems

        self.message.emit(self.tr("Checking %n file(s)…", "", len(paths)))
        self.services.runner.submit(check, if_alive(self, self._ask), if_alive(self, self._failed))

    def _ask(self, result: tuple[list[ImportCheck], list[str]]) -> None:
        checks, problems = result
        if problems:
            self.message.emit(" ".join(problems))
        if not checks:
            return
        dialog = ImportDialog(checks, self.parent_widget)
        dialog.accepted.connect(lambda: self.run(dialog.chosen()))
        dialog.finished.connect(lambda _: dialog.deleteLater())
        self.dialog = dialog
        dialog.open()

    def run(self, chosen: list[tuple[Path, Channel]]) -> None:
        store, station = self.services.store, self.services.settings["station_code"] or "lokal"

        def job() -> tuple[list[tuple[Case, Any]], list[str]]:
            done, problems = [], []
            for path, channel in chosen:
                try:
                    done.append(import_as_new_case(store, path, channel=channel, station=station))
                except Exception as err:  # the original file is never changed
                    problems.append(error_text(err))
            return done, problems

        self.message.emit(self.tr("Importing %n file(s)…", "", len(chosen)))
        self.services.runner.submit(job, if_alive(self, self._imported), if_alive(self, self._failed))

    def _imported(self, result: tuple[list[tuple[Case, Any]], list[str]]) -> None:
        done, problems = result
        cases = [case for case, _imp in done]
        text = self.tr("%n file(s) imported as new cases.", "", len(cases))
        if problems:
            text += " " + " ".join(problems)
        self.message.emit(text)
        self.imported.emit(cases)
        self.services.changes.notify("import")
        for case, imp in done:
            self._transcribe(case, imp.recording)

    def _transcribe(self, case: Case, recording: Any) -> None:
        engine = self.engine()
        if engine is None:
            self.message.emit(self.tr("Speech model not ready: the imported case has no transcript yet."))
            return
        from radio_desk.services.imported import transcribe_and_triage

        store, triage = self.services.store, self.services.triage
        language = self.services.settings["asr_language"]

        def job() -> Any:
            assert triage is not None
            suggester = triage.get().suggester
            return transcribe_and_triage(store, case.id, recording, engine, suggester, language)

        def done(_: object) -> None:
            self.services.changes.notify("import")
            self.triaged.emit(case.id)

        self.triage_runner.submit(job, if_alive(self, done), if_alive(self, self._failed))

    def _failed(self, err: object) -> None:
        self.message.emit(error_text(err, self.tr("Import")))
