"""Transcribing the case's recording again ("Transcribe again"): which speech engine and model,
whether the segments an editor corrected may be replaced, then the new transcript in place of the old."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QMessageBox

from radio_desk.domain.models import TranscriptSegment
from radio_desk.services.transcripts import load as load_engine
from radio_desk.services.transcripts import retranscribe
from radio_desk.transcribe import ENGINES

if TYPE_CHECKING:
    from radio_desk.gui.editor.case_page import CasePage


class TranscribeAgain(QObject):
    def __init__(self, page: CasePage) -> None:
        super().__init__(page)
        self.page, self.settings = page, page.settings
        page.ui.retranscribeButton.clicked.connect(self.ask)

    def ask(self) -> None:
        page, settings = self.page, self.settings
        engines = list(ENGINES)
        current = engines.index(settings["asr_engine"]) if settings["asr_engine"] in engines else 0
        engine, ok = QInputDialog.getItem(
            page, self.tr("Transcribe again"), self.tr("Speech engine:"), engines, current, False
        )
        if not ok:
            return
        model, ok = QInputDialog.getText(
            page,
            self.tr("Transcribe again"),
            self.tr("Model (empty: the bundled whisper-base; or small, medium, a folder):"),
            text=settings["asr_model"] or "",
        )
        if not ok:
            return
        edited = sum(s.edited for s in page.transcript.segments.segments)
        if edited:
            answer = QMessageBox.question(
                page,
                self.tr("Transcribe again"),
                self.tr("%n segment(s) corrected by an editor will be replaced. Continue?", "", edited),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        self.run(engine, model.strip() or None)

    def run(self, engine_name: str, model: str | None) -> None:
        """Replace the transcript of the playing recording with a new one from ``engine_name``."""
        page = self.page
        rec, bundle = page.transcript.recording, page.bundle
        if rec is None or bundle is None:
            page.show_message(self.tr("No recording to transcribe."), error=True)
            return
        language, store, button = self.settings["asr_language"], page.store, page.ui.retranscribeButton
        page.show_message(self.tr("Transcribing with %1…").replace("%1", engine_name))
        button.setEnabled(False)

        def job() -> list[TranscriptSegment]:
            return retranscribe(store, rec, load_engine(engine_name, model), language)

        def done(_: object) -> None:
            button.setEnabled(True)
            page.transcript.reload(-1)

        def failed(err: object) -> None:
            button.setEnabled(True)
            page._error(err)

        page.runner.submit(job, done, failed)
