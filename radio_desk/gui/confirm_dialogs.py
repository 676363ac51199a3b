"""The questions asked before a change that is hard to take back: which case is the original of a
duplicate, and why a final case is reopened or a case or recording thrown away.

Both dialogs are opened with ``open()`` (window-modal, the event loop keeps running) and report
through ``accepted``; the page reads :meth:`DuplicateDialog.original` / :meth:`ReasonDialog.reason`.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from radio_desk.gui.dialog_buttons import ok_cancel

CASE_ROLE = Qt.ItemDataRole.UserRole


class DuplicateDialog(QDialog):
    """Pick the original among the related cases, say why, confirm."""

    def __init__(
        self, candidates: list[tuple[uuid.UUID, str]], selected: uuid.UUID | None = None,
        note: str = "", parent: QWidget | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.setObjectName("duplicateDialog")
        self.setWindowTitle(self.tr("Mark as duplicate"))
        self.resize(560, 360)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Which case is the original? This case will be marked as its duplicate. Duplikat is a "
                "final status: afterwards only a coordinator can reopen the case, with a reason."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget(self)
        self.list.setObjectName("originalList")
        for case_id, text in candidates:
            item = QListWidgetItem(text, self.list)
            item.setData(CASE_ROLE, str(case_id))
            if case_id == selected:
                self.list.setCurrentItem(item)
        layout.addWidget(self.list)
        self.noteEdit = QLineEdit(note, self)
        self.noteEdit.setObjectName("duplicateNoteEdit")
        self.noteEdit.setPlaceholderText(self.tr("Note (optional)"))
        layout.addWidget(self.noteEdit)
        self.buttons, self.ok = ok_cancel(self, self.tr("Mark as duplicate"), self.tr("Cancel"))
        layout.addWidget(self.buttons)
        self.list.currentItemChanged.connect(lambda *_: self._update())
        self._update()

    def _update(self) -> None:
        self.ok.setEnabled(self.original() is not None)

    def original(self) -> uuid.UUID | None:
        item = self.list.currentItem()
        return uuid.UUID(item.data(CASE_ROLE)) if item is not None and item.data(CASE_ROLE) else None

    def note(self) -> str:
        return self.noteEdit.text().strip()


class ReasonDialog(QDialog):
    """Say why (required), then confirm: reopening a final case, discarding a case or a recording."""

    def __init__(
        self, title: str, text: str, action: str, parent: QWidget | None = None, *, name: str = "reasonDialog"
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setWindowTitle(title)
        self.resize(520, 300)
        layout = QVBoxLayout(self)
        intro = QLabel(text, self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addWidget(QLabel(self.tr("Reason (required, kept in the history):"), self))
        self.reasonEdit = QPlainTextEdit(self)
        self.reasonEdit.setObjectName("reasonEdit")
        self.reasonEdit.setTabChangesFocus(True)
        layout.addWidget(self.reasonEdit)
        self.buttons, self.ok = ok_cancel(self, action, self.tr("Cancel"))
        layout.addWidget(self.buttons)
        self.reasonEdit.textChanged.connect(lambda: self.ok.setEnabled(bool(self.reason())))
        self.ok.setEnabled(False)

    def reason(self) -> str:
        return self.reasonEdit.toPlainText().strip()

    @classmethod
    def ask(
        cls, title: str, text: str, action: str, parent: QWidget, *, name: str, then: Callable[[str], None]
    ) -> ReasonDialog:
        """Opens the dialog (window-modal, deleted when closed); ``then(reason)`` runs once confirmed."""
        dialog = cls(title, text, action, parent, name=name)
        dialog.accepted.connect(lambda: then(dialog.reason()))
        dialog.finished.connect(lambda _: dialog.deleteLater())
        dialog.open()
        return dialog
