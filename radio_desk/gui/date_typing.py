"""Typing a whole date into a ``QDateEdit``, not only picking it from the calendar.

Qt's date field edits one section at a time: with the whole text selected (a click, Ctrl+A, Tab into
it) a typed digit is refused, so "15/11/2026" typed over the old date changes nothing; and when a
section is full Qt moves on by itself, so the "/" typed next skips a further section ("15/11/2026"
became "15/11/1").  :class:`WholeDateTyping` fixes both: a digit typed over the whole text starts at
the first section, and a separator right after Qt has moved on is that same step, so it is dropped.
Known limit (Qt's): a day beyond the month shown at the time is cut to that month's last day.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDateEdit

SEPARATORS = "/.-"


class WholeDateTyping(QObject):
    """An event filter for one or more ``QDateEdit``; keep a reference (Qt does not own it)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._section_after_digit: dict[int, int] = {}  # id(edit) -> section a digit was typed into

    def watch(self, *edits: QDateEdit) -> None:
        for edit in edits:
            edit.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QDateEdit) or event.type() != QEvent.Type.KeyPress:
            return False
        assert isinstance(event, QKeyEvent)
        text, key = event.text(), id(watched)
        if text.isdigit():
            line = watched.lineEdit()
            if line.hasSelectedText() and len(line.selectedText()) == len(line.text()):
                watched.setCurrentSectionIndex(0)
                watched.setSelectedSection(watched.sectionAt(0))
            self._section_after_digit[key] = watched.currentSectionIndex()
            return False
        typed_into = self._section_after_digit.pop(key, None)
        # Qt already moved to the next section when the last digit filled one: the separator is that step
        return (
            bool(text)
            and text in SEPARATORS
            and typed_into is not None
            and (watched.currentSectionIndex() != typed_into)
        )
