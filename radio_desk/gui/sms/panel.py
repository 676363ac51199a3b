"""The "SMS masuk" tab: messages from the studio's Gammu SMSD waiting for the operator.

Each row is one message (multipart joined) with its time, sender, text, the triage's suggestion and
how often the number reported before.  Enter (or double-click, or "Open in the form") puts it into the
On-Air form as an SMS case -- the sender's number as the phone, the text as the notes, suggestions as
for a call -- and saving the form confirms it; "Discard" needs a reason and keeps the message.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from radio_desk.domain.enums import Urgency
from radio_desk.domain.phone import local_format
from radio_desk.domain.sms import SmsMessage
from radio_desk.domain.taxonomy import Taxonomy
from radio_desk.gui.alive import if_alive
from radio_desk.gui.onair.intake import URGENCY_COLOURS
from radio_desk.gui.row_table import RowTableModel
from radio_desk.gui.tasks import TaskRunner

if TYPE_CHECKING:
    from radio_desk.store import Store

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex
TEXT_IN_CELL = 160
URGENCY_COLUMN = 3
SHOWN = 500  # rows in the list at most (their heights are measured on the GUI thread)


def urgency_rank(m: SmsMessage) -> int:
    """1 (Rendah) to 4 (Darurat) as the triage suggested, 0 before it ran."""
    t = m.triage or {}
    return Urgency(t["urgency"]).rank if t.get("evidence") and t.get("urgency") else 0


class SmsModel(RowTableModel[SmsMessage]):
    def __init__(self, taxonomy: Taxonomy, parent: Any = None) -> None:
        super().__init__(parent)
        self.taxonomy = taxonomy
        self.headers = [
            self.tr("Received"), self.tr("Sender"), self.tr("Message"), self.tr("Suggestion"),
            self.tr("Reported before"),
        ]  # fmt: skip

    def message_at(self, row: int) -> SmsMessage | None:
        return self.row_at(row)

    def _urgency(self, m: SmsMessage) -> Urgency | None:
        t = m.triage or {}
        return Urgency(t["urgency"]) if t.get("evidence") and t.get("urgency") else None

    def _suggestion(self, m: SmsMessage) -> str:
        t = m.triage
        if t is None:
            return self.tr("triage…")
        if not t.get("evidence"):
            return "—"
        urgency = self._urgency(m)
        category = self.taxonomy.category_name(t.get("category")) if t.get("category") else "—"
        return f"{urgency.rank} {urgency.label} · {category}" if urgency else category

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        m, col = self.rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            text = " ".join(m.text.split())
            if len(text) > TEXT_IN_CELL:
                text = text[: TEXT_IN_CELL - 1] + "…"
            parts = self.tr(" (%n part(s))", "", m.parts) if m.parts > 1 else ""
            before = self.tr("%n time(s)", "", m.earlier_cases) if m.earlier_cases else self.tr("first time")
            return [
                f"{m.received_at.astimezone():%d/%m %H:%M}",
                local_format(m.phone) if m.phone else m.sender,
                text + parts,
                self._suggestion(m),
                before if m.phone else "—",
            ][col]
        urgency = self._urgency(m)
        if role == Qt.ItemDataRole.BackgroundRole and col == URGENCY_COLUMN and urgency:
            return QBrush(QColor(URGENCY_COLOURS[urgency]))
        if role == Qt.ItemDataRole.ForegroundRole and col == URGENCY_COLUMN and urgency:
            return QBrush(QColor("white"))
        if role == Qt.ItemDataRole.ToolTipRole and col == 2:
            return m.text
        if role == Qt.ItemDataRole.ToolTipRole and col == URGENCY_COLUMN and m.triage:
            return m.triage.get("summary") or None
        return None


class SmsPanel(QWidget):
    open_requested = Signal(object)  # SmsMessage: into the On-Air form
    count_changed = Signal(int)  # messages waiting

    def __init__(self, store: Store, runner: TaskRunner, operator: Any, parent: QWidget | None = None):
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.operator = operator  # () -> the operator's name, for the record of a discard
        self.model = SmsModel(store.taxonomy, self)
        self._generation = 0

        self.stateLabel = QLabel(self)
        self.stateLabel.setObjectName("smsStateLabel")
        self.stateLabel.setWordWrap(True)
        self.table = QTableView(self)
        self.table.setObjectName("smsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setWordWrap(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda idx: self.open_row(idx.row()))
        self.table.activated.connect(lambda idx: self.open_row(idx.row()))

        self.openButton = QPushButton(self.tr("Open in the form (Enter)"), self)
        self.openButton.setObjectName("smsOpenButton")
        self.openButton.clicked.connect(lambda: self.open_row(self.current_row()))
        self.reasonEdit = QLineEdit(self)
        self.reasonEdit.setObjectName("smsReasonEdit")
        self.reasonEdit.setPlaceholderText(self.tr("Reason to discard (e.g. advertisement, wrong number)"))
        self.reasonEdit.returnPressed.connect(self.discard_current)
        self.discardButton = QPushButton(self.tr("Discard"), self)
        self.discardButton.setObjectName("smsDiscardButton")
        self.discardButton.clicked.connect(self.discard_current)
        self.settingsButton = QPushButton(self.tr("SMSD settings…"), self)
        self.settingsButton.setObjectName("smsSettingsButton")
        self.countLabel = QLabel(self)
        self.countLabel.setObjectName("smsCountLabel")
        self.countLabel.hide()
        self.messageLabel = QLabel(self)
        self.messageLabel.setObjectName("smsMessageLabel")
        self.messageLabel.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.openButton)
        buttons.addSpacing(24)
        buttons.addWidget(QLabel(self.tr("Discard with a reason:"), self))
        buttons.addWidget(self.reasonEdit, 1)
        buttons.addWidget(self.discardButton)
        top = QHBoxLayout()
        top.addWidget(self.stateLabel, 1)
        top.addWidget(self.settingsButton)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.countLabel)
        layout.addLayout(buttons)
        layout.addWidget(self.messageLabel)
        QShortcut(QKeySequence("Delete"), self.table, activated=self.reasonEdit.setFocus)
        self.set_state(self.tr("SMS: no Gammu SMSD inbox folder set (Settings → SMS)."), ok=False)

    # -- state -----------------------------------------------------------------------------------
    def set_state(self, text: str, *, ok: bool = True) -> None:
        self.stateLabel.setStyleSheet("" if ok else "color: #b42318;")
        self.stateLabel.setText(text)

    def show_message(self, text: str, *, error: bool = False) -> None:
        self.messageLabel.setStyleSheet("color: #b42318;" if error else "color: #1f5fa8;")
        self.messageLabel.setText(text)

    def current_row(self) -> int:
        idx = self.table.currentIndex()
        return idx.row() if idx.isValid() else (0 if self.model.rowCount() else -1)

    # -- loading ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the waiting messages off the GUI thread (the most urgent first, then the oldest); an
        older load that ends later is dropped."""
        self._generation = generation = self._generation + 1
        store = self.store

        def load() -> tuple[list[SmsMessage], int]:
            rows = store.sms.list(limit=SHOWN)
            total = store.sms.count_waiting() if len(rows) == SHOWN else len(rows)
            return sorted(rows, key=lambda m: (-urgency_rank(m), m.received_at, m.id)), total

        def loaded(result: tuple[list[SmsMessage], int]) -> None:
            if generation != self._generation:
                return
            rows, total = result
            shown = self.tr("The oldest %1 of %2 waiting messages are shown.")
            self.countLabel.setText(shown.replace("%1", str(len(rows))).replace("%2", str(total)))
            self.countLabel.setVisible(total > len(rows))
            keep = self.model.message_at(self.current_row())
            self.model.set_rows(rows)
            ids = [m.id for m in rows]
            if rows:
                row = ids.index(keep.id) if keep is not None and keep.id in ids else 0
                self.table.selectRow(row)
            self.count_changed.emit(total)

        self.runner.submit(load, if_alive(self, loaded), if_alive(self, self._store_error))

    def _store_error(self, err: object) -> None:
        log.error("SMS list: %s", err)
        self.show_message(self.tr("Database error: %s") % err, error=True)

    # -- actions ---------------------------------------------------------------------------------
    def open_row(self, row: int) -> None:
        msg = self.model.message_at(row)
        if msg is not None:
            self.open_requested.emit(msg)

    def discard_current(self) -> None:
        msg = self.model.message_at(self.current_row())
        if msg is None:
            return
        reason = self.reasonEdit.text().strip()
        if not reason:
            self.show_message(self.tr("Type why this SMS is discarded first."), error=True)
            self.reasonEdit.setFocus()
            return
        store, by = self.store, self.operator() or ""

        def done(_m: object) -> None:
            self.reasonEdit.clear()
            self.show_message(
                self.tr("SMS from %1 discarded: %2").replace("%1", msg.sender).replace("%2", reason)
            )
            self.table.setFocus()
            self.refresh()

        def failed(err: object) -> None:
            self.show_message(str(err), error=True)
            self.refresh()

        self.runner.submit(
            lambda: store.sms.discard(msg.id, reason, by), if_alive(self, done), if_alive(self, failed)
        )
