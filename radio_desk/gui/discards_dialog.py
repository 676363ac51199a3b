"""File → Discarded…: what was thrown away (when, who, what, why) and "Restore" for one of them.

The list is read and the restore runs on a worker thread, through :mod:`radio_desk.services.discard`
(the audio comes back from the trash folder, then the case or recording); when it cannot (already
restored, the case is back already, the audio is gone from the trash or its old place is taken) the
service's Indonesian message is shown in the dialog.  A restore announces a store change, so today's
calls and the editor's list show the case again at once."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from radio_desk.domain.station_time import stamp
from radio_desk.gui.alive import if_alive
from radio_desk.gui.error_message import error_text
from radio_desk.gui.services import Services
from radio_desk.services.discard import restore
from radio_desk.store.discards import Discard

WHEN, BY, WHAT, REASON = range(4)


class DiscardsDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.discards: list[Discard] = []
        self.setObjectName("discardsDialog")
        self.setWindowTitle(self.tr("Discarded"))
        self.resize(820, 360)
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Discarded cases and recordings, newest first. Restoring brings the case (or the "
                "recording) and its audio back from the trash folder."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(0, 4, self)
        self.table.setObjectName("discardsTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("When"), self.tr("By"), self.tr("What"), self.tr("Reason")]
        )
        self.table.horizontalHeader().setStretchLastSection(True)  # the reason
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        layout.addWidget(self.table)
        self.messageLabel = QLabel(self)
        self.messageLabel.setObjectName("messageLabel")
        self.messageLabel.setWordWrap(True)
        layout.addWidget(self.messageLabel)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restoreButton = QPushButton(self.tr("&Restore"), self)
        self.restoreButton.setObjectName("restoreButton")
        self.restoreButton.setToolTip(self.tr("Bring the selected case or recording back, with its audio"))
        self.restoreButton.setEnabled(False)
        self.restoreButton.clicked.connect(self.restore_selected)
        buttons.addButton(self.restoreButton, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()

    # -- the list ----------------------------------------------------------------------------------
    def reload(self) -> None:
        store = self.services.store
        self.services.runner.submit(
            lambda: store.discards.list(), if_alive(self, self._show), if_alive(self, self._not_listed)
        )

    def _not_listed(self, err: object) -> None:
        self._say(self.tr("The list of discards cannot be read: %s") % error_text(err), error=True)

    def _what(self, d: Discard) -> str:
        if d.kind == "case":
            return self.tr("Case: %s") % (d.summary or str(d.case_id)[:8])
        return self.tr("Recording: %s") % (d.summary or str(d.recording_ids[0])[:8])

    def _show(self, discards: list[Discard]) -> None:
        self.discards = discards
        table = self.table
        table.setRowCount(len(discards))
        for row, d in enumerate(discards):
            for col, text in ((WHEN, stamp(d.at)), (BY, d.by), (WHAT, self._what(d)), (REASON, d.reason)):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(Qt.ItemDataRole.UserRole, d.id)
                table.setItem(row, col, item)
        table.resizeColumnsToContents()
        if not discards:
            self.messageLabel.setText(self.tr("Nothing has been discarded."))
        self._selection_changed()

    def selected(self) -> Discard | None:
        rows = self.table.selectionModel().selectedRows()
        return self.discards[rows[0].row()] if rows else None

    def _selection_changed(self) -> None:
        self.restoreButton.setEnabled(self.selected() is not None)

    # -- restoring ---------------------------------------------------------------------------------
    def operator(self) -> str:
        return self.services.settings["operator_name"] or "operator"

    def restore_selected(self) -> None:
        d = self.selected()
        if d is None:
            return
        store, by, number = self.services.store, self.operator(), d.id
        self.restoreButton.setEnabled(False)
        self._say(self.tr("Restoring…"))
        self.services.runner.submit(
            lambda: restore(store, number, by=by),
            if_alive(self, self._restored),
            if_alive(self, self._failed),
        )

    def _restored(self, d: Discard) -> None:
        self._say(self.tr("Restored: %s") % self._what(d))
        self.services.changes.notify("editor")
        self.reload()

    def _failed(self, err: object) -> None:
        self._say(self.tr("Not restored: %s") % error_text(err), error=True)
        self.reload()

    def _say(self, text: str, error: bool = False) -> None:
        self.messageLabel.setText(text)
        self.messageLabel.setStyleSheet("color: #b42318; font-weight: bold;" if error else "")


def open_discards(window: Any) -> DiscardsDialog:
    """The dialog over ``window`` (non-modal: the desk stays usable), kept as ``window.discards_dialog``."""
    dialog = DiscardsDialog(window.services, window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    window.discards_dialog = dialog
    dialog.show()
    return dialog
