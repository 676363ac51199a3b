"""Today's calls: a table model over rows loaded off the GUI thread."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from radio_desk.domain import Case
from radio_desk.domain.station_time import clock, local, start_of_day, today_local
from radio_desk.gui.data_labels import status_label, urgency_label
from radio_desk.gui.onair.intake import URGENCY_COLOURS
from radio_desk.gui.row_table import RowTableModel
from radio_desk.store import CaseFilter, Store

Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class TodayRow:
    case: Case
    kecamatan: str
    category: str
    synced: bool
    refused: str | None = None  # why the server did not take the case (sync_error), if it did not
    status_note: str | None = None  # the follow-up text (tindak lanjut) with the server's status
    status_error: str | None = None  # why the server refused the station's own status change


def load_today(store: Store, now: datetime | None = None) -> list[TodayRow]:
    """Cases received since local midnight, newest first (runs on a worker thread)."""
    midnight = start_of_day(local(now).date() if now else today_local())
    cases = store.cases.list(
        CaseFilter(received_from=midnight, received_to=midnight + timedelta(days=1)), limit=500
    )
    g, tax = store.gazetteer, store.taxonomy
    rows = []
    for c in cases:
        info = store.cases.sync_info(c.id)
        category = tax.category_name(c.category) if c.category else "—"
        row = TodayRow(
            c, g.name(c.kecamatan_code), category, not info.dirty, info.error, info.status_note,
            info.status_error,
        )  # fmt: skip
        rows.append(row)
    return rows


STATUS_COLUMN = 5
NOTE_IN_CELL = 80  # characters of the follow-up shown on the status cell's second line (all in the tooltip)


class TodayModel(RowTableModel[TodayRow]):
    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self.headers = [
            self.tr("Time"), self.tr("Caller"), self.tr("Kecamatan"), self.tr("Category"),
            self.tr("Urgency"), self.tr("Status"), self.tr("Sync"),
        ]  # fmt: skip

    def case_at(self, row: int) -> Case | None:
        return self.rows[row].case if 0 <= row < len(self.rows) else None

    def _status_text(self, r: TodayRow) -> str:
        """The status, and on a second line the follow-up text the host reads on air."""
        if not r.status_note:
            return status_label(r.case.status)
        note = " ".join(r.status_note.split())
        if len(note) > NOTE_IN_CELL:
            note = note[: NOTE_IN_CELL - 1] + "…"
        return f"{status_label(r.case.status)}\n" + self.tr("Follow-up: %1").replace("%1", note)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        r = self.rows[index.row()]
        c, col = r.case, index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                clock(c.received_at),
                c.display_caller,  # masked when anonim
                r.kecamatan or "—",
                r.category,
                f"{c.urgency.rank} {urgency_label(c.urgency)}",
                self._status_text(r),
                self.tr("not accepted") if r.refused else self.tr("sent") if r.synced else self.tr("waiting"),
            ][col]
        if role == Qt.ItemDataRole.ForegroundRole and col == 6 and r.refused:
            return QBrush(QColor("#b42318"))
        if role == Qt.ItemDataRole.ToolTipRole and col == 6 and r.refused:
            return r.refused
        if role == Qt.ItemDataRole.ToolTipRole and col == STATUS_COLUMN and (r.status_note or r.status_error):
            parts = [self.tr("Follow-up: %1").replace("%1", r.status_note)] if r.status_note else []
            return "\n\n".join([*parts, *([r.status_error] if r.status_error else [])])
        if role == Qt.ItemDataRole.ForegroundRole and col == STATUS_COLUMN and r.status_error:
            return QBrush(QColor("#b54708"))
        if role == Qt.ItemDataRole.BackgroundRole and col == 4:
            return QBrush(QColor(URGENCY_COLOURS[c.urgency]))
        if role == Qt.ItemDataRole.ForegroundRole and col == 4:
            return QBrush(QColor("white"))
        if role == Qt.ItemDataRole.ToolTipRole:
            return c.summary or None
        return None
