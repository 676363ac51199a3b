"""What the case page and the rundown page share: built on the :class:`EditorContext`, their
Designer form set up, a :class:`PlaybackController` whose errors the page shows, and the operator
an edit is recorded as."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QWidget

from radio_desk.gui.editor.context import EditorContext
from radio_desk.gui.editor.playback import PlaybackController


class AudioPage(QWidget):
    def __init__(self, ctx: EditorContext, ui: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.store, self.settings, self.runner = ctx.store, ctx.settings, ctx.runner
        self.ui = ui
        ui.setupUi(self)
        self.playback = PlaybackController(ctx.player_factory, self, synchronous=ctx.runner.synchronous)
        self.playback.failed.connect(self._error)

    def _error(self, err: object) -> None:
        """Show ``err`` on the page (each page has its message line)."""
        raise NotImplementedError

    def operator(self) -> str:
        return self.ctx.operator()

    def close_audio(self) -> None:
        self.playback.close()
