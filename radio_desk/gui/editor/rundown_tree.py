"""The rundown's item list: a tree of OPD groups that accepts cases dragged from the case table."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QAbstractItemView, QTreeWidget, QWidget

from radio_desk.gui.editor.case_table import MIME_CASES, case_ids_from_mime


class RundownTree(QTreeWidget):
    casesDropped = Signal(list)  # [uuid.UUID]

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setAcceptDrops(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.setHeaderHidden(True)
        self.setRootIsDecorated(False)
        self.setItemsExpandable(False)

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasFormat(MIME_CASES):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        if event.mimeData().hasFormat(MIME_CASES):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        ids = case_ids_from_mime(event.mimeData())
        if ids:
            event.acceptProposedAction()
            self.casesDropped.emit(ids)
        else:
            event.ignore()
