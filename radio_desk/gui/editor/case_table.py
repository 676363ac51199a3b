"""The case browser's table model: rows arrive page by page from :func:`browse_page` on a worker.

``fetchMore`` asks for the next keyset page when the view scrolls near the end, so 100,000 cases
scroll without loading 100,000 rows.  Every query carries a generation number: when the filter
changes (a new keystroke) before an older query returns, the older result is dropped.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QAbstractTextDocumentLayout, QBrush, QColor, QPalette, QTextDocument
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem

from radio_desk.domain.enums import Urgency
from radio_desk.domain.station_time import stamp
from radio_desk.gui.data_labels import channel_label, status_label, urgency_label
from radio_desk.gui.tasks import TaskRunner
from radio_desk.store import CaseFilter, Store
from radio_desk.store.browse import PAGE_SIZE, BrowseRow, PageKey, QueryCancelled, browse_page, count_cases
from radio_desk.store.search import to_html

MIME_CASES = "application/x-radio-desk-case-ids"
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 1
CASE_ID_ROLE = Qt.ItemDataRole.UserRole

# (sort key in store.browse.SORT_KEYS, header source text)
COLUMNS: list[tuple[str, str]] = [
    ("received_at", QT_TRANSLATE_NOOP("CaseTableModel", "Received")),
    ("urgency", QT_TRANSLATE_NOOP("CaseTableModel", "Urgency")),
    ("status", QT_TRANSLATE_NOOP("CaseTableModel", "Status")),
    ("category", QT_TRANSLATE_NOOP("CaseTableModel", "Category")),
    ("kecamatan", QT_TRANSLATE_NOOP("CaseTableModel", "Kecamatan")),
    ("desa", QT_TRANSLATE_NOOP("CaseTableModel", "Desa")),
    ("caller", QT_TRANSLATE_NOOP("CaseTableModel", "Caller")),
    ("channel", QT_TRANSLATE_NOOP("CaseTableModel", "Channel")),
    ("station", QT_TRANSLATE_NOOP("CaseTableModel", "Station")),
    ("summary", QT_TRANSLATE_NOOP("CaseTableModel", "Summary / match")),
]
SUMMARY_COLUMN = len(COLUMNS) - 1
_ROLES = frozenset(
    {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.ForegroundRole, CASE_ID_ROLE,
     SNIPPET_ROLE}
)  # fmt: skip
_ROW_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
_URGENCY_COLOURS = {Urgency.DARURAT: QColor(200, 30, 30), Urgency.TINGGI: QColor(200, 110, 0)}
Key = Qt.ItemDataRole


class CaseTableModel(QAbstractTableModel):
    pageLoaded = Signal(int)  # generation whose rows are now shown
    countChanged = Signal(int)
    failed = Signal(str)

    def __init__(self, store: Store, runner: TaskRunner, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self._rows: list[BrowseRow] = []
        self._filters = CaseFilter()
        self._sort = "received_at"
        self._descending = True
        self._generation = 0
        self._loading = False
        self._exhausted = True
        self._names: dict[str | None, str] = {None: ""}
        self.total: int | None = None
        self.page_size = PAGE_SIZE
        self._texts: dict[int, tuple[str, ...]] = {}  # display texts per row, made on first paint

    # -- queries -----------------------------------------------------------------------------
    @property
    def generation(self) -> int:
        return self._generation

    @property
    def filters(self) -> CaseFilter:
        return self._filters

    def set_filters(self, filters: CaseFilter) -> int:
        self._filters = filters
        return self.reload()

    def reload(self) -> int:
        self._generation += 1
        self._loading = True
        self._load_page(None, self._first_page)
        return self._generation

    def _load_page(self, after: PageKey | None, done: Callable[[int, list[BrowseRow]], None]) -> None:
        """The page of the current query after ``after`` (None: the first) on a worker; ``done(generation,
        rows)`` gets it, a newer query cancels it."""
        gen, filters, sort, desc = self._generation, self._filters, self._sort, self._descending
        self.runner.submit(
            lambda: browse_page(
                self.store,
                filters,
                sort=sort,
                descending=desc,
                after=after,
                limit=self.page_size,
                cancelled=lambda: gen != self._generation,
            ),
            lambda rows: done(gen, rows),
            lambda err: self._failed(gen, err),
        )

    def _first_page(self, gen: int, rows: list[BrowseRow]) -> None:
        if gen != self._generation:
            return  # a newer query is on its way: this result is stale
        self.beginResetModel()
        self._rows = list(rows)
        self._texts.clear()
        self._exhausted = len(rows) < self.page_size
        self._loading = False
        self.endResetModel()
        self.pageLoaded.emit(gen)
        # the count comes after the rows: it must not compete with the page for the worker threads
        filters = self._filters
        self.runner.submit(
            lambda: count_cases(self.store, filters) if gen == self._generation else None,
            lambda n: self._counted(gen, n),
            lambda err: self._failed(gen, err),
        )

    def _counted(self, gen: int, n: int | None) -> None:
        if gen == self._generation and n is not None:
            self.total = n
            self.countChanged.emit(n)

    def _failed(self, gen: int, err: object) -> None:
        if gen == self._generation and not isinstance(err, QueryCancelled):
            self._loading = False
            self.failed.emit(str(err))

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> bool:
        return not parent.isValid() and not self._exhausted and not self._loading and bool(self._rows)

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> None:
        if not self.canFetchMore(parent):
            return
        self._loading = True
        self._load_page(self._rows[-1].key, self._more)

    def _more(self, gen: int, rows: list[BrowseRow]) -> None:
        if gen != self._generation:
            return
        self._loading = False
        self._exhausted = len(rows) < self.page_size
        if rows:
            first = len(self._rows)
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS):
            return
        self._sort = COLUMNS[column][0]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload()

    # -- access ------------------------------------------------------------------------------
    def row_at(self, row: int) -> BrowseRow:
        return self._rows[row]

    def case_ids(self) -> list[uuid.UUID]:
        return [r.id for r in self._rows]

    def _name(self, code: str | None) -> str:
        if code not in self._names:
            self._names[code] = self.store.gazetteer.name(code)
        return self._names[code]

    def _category(self, code: str | None) -> str:
        # store.taxonomy checks the file's mtime on every call: too slow for data(), so names are cached
        key = f"category:{code}"
        if key not in self._names:
            self._names[key] = self.store.taxonomy.category_name(code) if code else ""
        return self._names[key]

    # -- Qt model ----------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Key.DisplayRole) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Key.DisplayRole
            and 0 <= section < len(COLUMNS)
        ):
            return self.tr(COLUMNS[section][1])
        return None

    def flags(self, index: QModelIndex | QPersistentModelIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = Key.DisplayRole) -> Any:
        # called for every role of every visible cell on each repaint: unknown roles leave at once
        if role not in _ROLES or not index.isValid() or index.row() >= len(self._rows):
            return None
        row = index.row()
        r = self._rows[row]
        key = COLUMNS[index.column()][0]
        if role == Key.DisplayRole:
            texts = self._texts.get(row)
            if texts is None:
                texts = self._texts[row] = tuple(self._text(r, k) for k, _ in COLUMNS)
            return texts[index.column()]
        if role == CASE_ID_ROLE:
            return str(r.id)
        if role == SNIPPET_ROLE and key == "summary":
            return r.snippet or None
        if role == Key.ToolTipRole and key == "summary":
            return r.summary
        if role == Key.ForegroundRole and key == "urgency" and r.urgency in _URGENCY_COLOURS:
            return QBrush(_URGENCY_COLOURS[r.urgency])
        return None

    def _text(self, r: BrowseRow, key: str) -> str:
        if key == "received_at":
            return stamp(r.received_at)
        if key == "urgency":
            return urgency_label(r.urgency)
        if key == "status":
            return status_label(r.status)
        if key == "category":
            return self._category(r.category)
        if key == "kecamatan":
            return self._name(r.kecamatan_code)
        if key == "desa":
            return self._name(r.desa_code)
        if key == "caller":
            flags = " [rahasia]" if r.rahasia else ""
            return ("Anonim" if r.anonim else r.caller) + flags
        if key == "channel":
            return channel_label(r.channel)
        if key == "station":
            return r.station
        return r.summary

    def mimeTypes(self) -> list[str]:
        return [MIME_CASES]

    def mimeData(self, indexes: list[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        mime = QMimeData()
        mime.setData(MIME_CASES, "\n".join(str(self._rows[r].id) for r in rows).encode())
        return mime


def case_ids_from_mime(mime: QMimeData) -> list[uuid.UUID]:
    if not mime.hasFormat(MIME_CASES):
        return []
    out: list[uuid.UUID] = []
    for line in bytes(mime.data(MIME_CASES).data()).decode().splitlines():
        try:
            out.append(uuid.UUID(line.strip()))
        except ValueError:
            continue
    return out


class SnippetDelegate(QStyledItemDelegate):
    """Draws the search snippet of a row with its matches in bold and highlighted."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._doc = QTextDocument(self)  # reused: building one per paint is the cost of a scroll
        self._doc.setDocumentMargin(2)

    def paint(self, painter: Any, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        snippet = index.data(SNIPPET_ROLE)
        if not snippet:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else None
        if style:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        doc = self._doc
        if doc.defaultFont() != opt.font:
            doc.setDefaultFont(opt.font)
        html = to_html(snippet, "b").replace("<b>", "<b style='background-color:#ffe066; color:#000'>")
        doc.setHtml(html)
        painter.save()
        painter.translate(opt.rect.topLeft())
        painter.setClipRect(opt.rect.translated(-opt.rect.topLeft()))
        ctx = QAbstractTextDocumentLayout.PaintContext()
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ctx.palette.setColor(QPalette.ColorRole.Text, opt.palette.color(role))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()
