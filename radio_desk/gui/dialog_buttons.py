"""The OK/Cancel row of the confirming dialogs, OK named after what it does."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton

Button = QDialogButtonBox.StandardButton


def ok_cancel(dialog: QDialog, ok_text: str, cancel_text: str) -> tuple[QDialogButtonBox, QPushButton]:
    """Buttons wired to ``dialog``'s accept/reject; the texts come translated from the caller's tr()."""
    buttons = QDialogButtonBox(Button.Ok | Button.Cancel, dialog)
    ok = buttons.button(Button.Ok)
    ok.setText(ok_text)
    buttons.button(Button.Cancel).setText(cancel_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons, ok
