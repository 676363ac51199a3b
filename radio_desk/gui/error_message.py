"""One way to tell the user about an error, from a background task or a slot.

An expected error (a :class:`~radio_desk.errors.RadioDeskError`: bad input, a database or audio
problem) already says in Indonesian what went wrong and what to do: it is shown as it is.  Anything
else is a bug: it is logged with its traceback (the log, not the screen, gets the details) and shown
with its type so a report can name it.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from radio_desk.errors import RadioDeskError

log = logging.getLogger(__name__)


def error_text(err: object, what: str = "") -> str:
    """The message for ``err`` (after ``what``, e.g. "Not saved"); an unexpected error is logged."""
    if isinstance(err, RadioDeskError):
        text = str(err)
    else:
        log.error("%s", what or "unexpected error", exc_info=err if isinstance(err, BaseException) else None)
        text = f"{err.__class__.__name__}: {err}"
    return f"{what}: {text}" if what else text


def show_error(parent: QWidget | None, title: str, err: object, what: str = "") -> None:
    """:func:`error_text` in a message box."""
    QMessageBox.warning(parent, title, error_text(err, what))
