"""The live transcript: final text in black, the utterance in progress in grey italics, speaker labels
when the input is split.  Auto-scroll follows new text until the operator scrolls back up."""

from __future__ import annotations

import html

from PySide6.QtWidgets import QTextBrowser, QWidget

from radio_desk.gui.data_labels import speaker_label
from radio_desk.transcribe.engine import Segment


def _clock(seconds: float) -> str:
    s = int(seconds)
    return f"{s // 60:02d}:{s % 60:02d}"


class TranscriptView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.finals: list[Segment] = []
        self.partial: Segment | None = None
        self.note = ""
        self.follow = True  # auto-scroll; off while the operator reads further up
        self._rendering = False
        self.verticalScrollBar().valueChanged.connect(self._scrolled)
        self.verticalScrollBar().rangeChanged.connect(self._range_changed)

    # -- content ---------------------------------------------------------------------------------
    def clear_call(self) -> None:
        self.finals, self.partial, self.note = [], None, ""
        self.follow = True
        self._render()

    def set_segments(self, finals: list[Segment], partial: Segment | None = None) -> None:
        self.finals, self.partial = list(finals), partial
        self._render()

    def add_final(self, seg: Segment) -> None:
        self.finals.append(seg)
        self.partial = None
        self._render()

    def set_partial(self, seg: Segment | None) -> None:
        self.partial = seg
        self._render()

    def set_note(self, text: str) -> None:
        self.note = text
        self._render()

    def plain_text(self) -> str:
        return " ".join(s.text.strip() for s in self.finals if s.text.strip())

    def _line(self, seg: Segment, partial: bool) -> str:
        who = f"<b>{html.escape(speaker_label(seg.speaker))}:</b> " if seg.speaker else ""
        text = html.escape(seg.text.strip())
        stamp = f'<span style="color:#888">[{_clock(seg.start)}]</span> '
        if partial:
            return f'<p>{stamp}{who}<i><span style="color:#7a7a7a">{text} …</span></i></p>'
        return f"<p>{stamp}{who}{text}</p>"

    def _render(self) -> None:
        bar = self.verticalScrollBar()
        keep = bar.value()
        parts = [self._line(s, False) for s in self.finals if s.text.strip()]
        if self.partial is not None and self.partial.text.strip():
            parts.append(self._line(self.partial, True))
        if self.note:
            parts.append(f'<p style="color:#8a6d00">{html.escape(self.note)}</p>')
        self._rendering = True  # setHtml jumps to the top: not the operator scrolling
        try:
            self.setHtml("".join(parts))
            bar.setValue(bar.maximum() if self.follow else keep)
        finally:
            self._rendering = False

    # -- auto-scroll -----------------------------------------------------------------------------
    def _scrolled(self, value: int) -> None:
        if self._rendering:
            return
        self.follow = value >= self.verticalScrollBar().maximum() - 4

    def _range_changed(self, _lo: int, hi: int) -> None:
        if self.follow and not self._rendering:
            self.verticalScrollBar().setValue(hi)
