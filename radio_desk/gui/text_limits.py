"""The shared field limits (:mod:`radio_desk.domain.limits`) at entry: a text field over its limit turns
red and a message says how long it is and how long it may be; the save is refused with the same
message.  Nothing is cut off: the operator decides what to shorten (a paste is never half-kept)."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QObject, Signal
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit

from radio_desk.domain import limits
from radio_desk.errors import ValidationError

TextField = QLineEdit | QPlainTextEdit
OVER_STYLE = "border: 2px solid #b42318;"


def text_length(widget: TextField) -> int:
    """Characters as the store counts them (code points)."""
    if isinstance(widget, QLineEdit):
        return len(widget.text())
    units = widget.document().characterCount() - 1  # UTF-16 units: never fewer than code points
    return units if units <= limits.NOTES else len(widget.toPlainText())


class LengthGuard(QObject):
    """Watches ``fields`` (store field name -> widget); :attr:`message` carries the Indonesian text when a
    field goes over its limit, and an empty one when all are back within."""

    message = Signal(str)

    def __init__(self, fields: dict[str, TextField], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.fields = fields
        self._over: set[str] = set()
        for name, widget in fields.items():
            widget.textChanged.connect(lambda *_a, n=name: self._changed(n))

    def label(self, name: str) -> str:
        return {
            "caller_name": self.tr("Caller name"),
            "phone": self.tr("Phone"),
            "summary": self.tr("Summary"),
            "notes": self.tr("Notes"),
        }.get(name, name)

    def problem(self, name: str) -> str | None:
        """The message for ``name`` if its text is over the limit, else None."""
        n, most = text_length(self.fields[name]), limits.FIELD_MAX[name]
        if n <= most:
            return None
        loc = QLocale()
        return (
            self.tr("%1 is too long: %2 characters, at most %3. Shorten it before saving.")
            .replace("%1", self.label(name))
            .replace("%2", loc.toString(n))
            .replace("%3", loc.toString(most))
        )

    def _changed(self, name: str) -> None:
        text = self.problem(name)
        widget = self.fields[name]
        was_over = name in self._over
        if text is not None:
            self._over.add(name)
            widget.setStyleSheet(OVER_STYLE)
            if not was_over:
                self.message.emit(text)
        elif was_over:
            self._over.discard(name)
            widget.setStyleSheet("")
            self.message.emit(next((t for t in map(self.problem, sorted(self._over)) if t), ""))

    def check(self) -> None:
        """Raise :class:`ValidationError` (Indonesian, naming the field) if any field is too long."""
        for name, widget in self.fields.items():
            text = self.problem(name)
            if text is not None:
                widget.setFocus()
                raise ValidationError(text, field=name)
