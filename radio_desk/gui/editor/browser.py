"""The case browser page: search box, filters, saved filters and the lazily loaded case table."""

from __future__ import annotations

import uuid
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QDate, Qt, Signal
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QInputDialog, QWidget

from radio_desk.domain.enums import Channel, Status, Urgency
from radio_desk.domain.station_time import day_range, today_local
from radio_desk.gui.data_labels import channel_label, status_label, urgency_label
from radio_desk.gui.editor.case_table import (
    CASE_ID_ROLE,
    COLUMNS,
    SUMMARY_COLUMN,
    CaseTableModel,
    SnippetDelegate,
)
from radio_desk.gui.editor.combos import fill_combo, select_data
from radio_desk.gui.editor.context import EditorContext
from radio_desk.gui.generated.ui_editor_browser import Ui_EditorBrowser
from radio_desk.store import CaseFilter

# privacy filter choices: (key, source text, CaseFilter fields)
PRIVACY: list[tuple[str, str, dict[str, bool]]] = [
    ("all", QT_TRANSLATE_NOOP("BrowserPage", "Any confidentiality"), {}),
    ("public", QT_TRANSLATE_NOOP("BrowserPage", "Not confidential"), {"rahasia": False}),
    ("rahasia", QT_TRANSLATE_NOOP("BrowserPage", "Confidential (rahasia) only"), {"rahasia": True}),
    ("anonim", QT_TRANSLATE_NOOP("BrowserPage", "Anonymous callers only"), {"anonim": True}),
    ("named", QT_TRANSLATE_NOOP("BrowserPage", "Named callers only"), {"anonim": False}),
]


class BrowserPage(QWidget):
    caseActivated = Signal(object)  # uuid.UUID
    addToRundown = Signal(list)  # [uuid.UUID]
    message = Signal(str)

    def __init__(self, ctx: EditorContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.store, self.settings, self.runner = ctx.store, ctx.settings, ctx.runner
        self.ui = Ui_EditorBrowser()
        self.ui.setupUi(self)
        self.model = CaseTableModel(ctx.store, ctx.runner, self)
        table = self.ui.table
        table.setModel(self.model)
        table.setItemDelegateForColumn(SUMMARY_COLUMN, SnippetDelegate(table))
        table.horizontalHeader().setSectionResizeMode(SUMMARY_COLUMN, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.DescendingOrder)
        table.verticalHeader().setDefaultSectionSize(22)
        table.verticalHeader().hide()
        table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        for col, width in enumerate((118, 70, 110, 130, 100, 110, 110, 100, 90)):
            table.setColumnWidth(col, width)
        self._loading_state = False
        self._fill_filters()
        self._connect()
        self.model.countChanged.connect(self._show_count)
        self.model.failed.connect(
            lambda text: self.message.emit(self.tr("Search failed: %1").replace("%1", text))
        )
        self._refresh_saved()

    # -- filters -----------------------------------------------------------------------------
    def _fill_filters(self) -> None:
        ui, tax, gaz = self.ui, self.store.taxonomy, self.store.gazetteer
        cats = sorted(((c.code, c.name) for c in tax.categories.values()), key=lambda x: x[1])
        fill_combo(ui.categoryCombo, cats, self.tr("All categories"))
        fill_combo(ui.urgencyCombo, [(u.value, urgency_label(u)) for u in Urgency], self.tr("All urgencies"))
        statuses = [("open", self.tr("Open cases")), ("closed", self.tr("Closed cases"))]
        statuses += [(s.value, status_label(s)) for s in Status]
        fill_combo(ui.statusCombo, statuses, self.tr("All statuses"))
        regency = self.settings["home_regency"]
        kecamatan = [(p.code, p.name) for p in gaz.kecamatan_of(regency)]
        fill_combo(ui.kecamatanCombo, kecamatan, self.tr("All kecamatan"))
        fill_combo(ui.desaCombo, [], self.tr("All desa"))
        fill_combo(ui.stationCombo, [], self.tr("All stations"))
        fill_combo(ui.channelCombo, [(c.value, channel_label(c)) for c in Channel], self.tr("All channels"))
        fill_combo(ui.privacyCombo, [(k, self.tr(t)) for k, t, _ in PRIVACY[1:]], self.tr(PRIVACY[0][1]))
        today = QDate(today_local())  # the station's day, not the PC clock's
        ui.fromDate.setDate(today.addDays(-30))
        ui.toDate.setDate(today)
        ui.fromDate.setEnabled(False)
        ui.toDate.setEnabled(False)
        self.runner.submit(self.store.stations.list, self._stations_loaded)

    def _stations_loaded(self, stations: list) -> None:
        current = self.ui.stationCombo.currentData()
        fill_combo(self.ui.stationCombo, [(s.code, s.name) for s in stations], self.tr("All stations"))
        select_data(self.ui.stationCombo, current)

    def _kecamatan_changed(self) -> None:
        code = self.ui.kecamatanCombo.currentData()
        places = self.store.gazetteer.desa_of(code) if code else []
        fill_combo(self.ui.desaCombo, [(p.code, p.name) for p in places], self.tr("All desa"))

    def _connect(self) -> None:
        ui = self.ui
        ui.searchEdit.textChanged.connect(self.refresh)
        for combo in (ui.categoryCombo, ui.urgencyCombo, ui.statusCombo, ui.desaCombo, ui.stationCombo,
                      ui.channelCombo, ui.privacyCombo):  # fmt: skip
            combo.currentIndexChanged.connect(self.refresh)
        ui.kecamatanCombo.currentIndexChanged.connect(self._kecamatan_changed)
        ui.kecamatanCombo.currentIndexChanged.connect(self.refresh)
        ui.dateCheck.toggled.connect(ui.fromDate.setEnabled)
        ui.dateCheck.toggled.connect(ui.toDate.setEnabled)
        ui.dateCheck.toggled.connect(self.refresh)
        ui.fromDate.dateChanged.connect(self.refresh)
        ui.toDate.dateChanged.connect(self.refresh)
        ui.clearButton.clicked.connect(self.clear_filters)
        ui.table.activated.connect(lambda idx: self.caseActivated.emit(self._id_at(idx.row())))
        ui.openButton.clicked.connect(self._open_current)
        ui.addToRundownButton.clicked.connect(lambda: self.addToRundown.emit(self.selected_ids()))
        ui.saveFilterButton.clicked.connect(self._save_filter_dialog)
        ui.deleteFilterButton.clicked.connect(self._delete_filter)
        ui.savedFilterCombo.activated.connect(self._apply_saved)

    def _id_at(self, row: int) -> uuid.UUID:
        return uuid.UUID(self.model.index(row, 0).data(CASE_ID_ROLE))

    def selected_ids(self) -> list[uuid.UUID]:
        rows = sorted({i.row() for i in self.ui.table.selectionModel().selectedRows()})
        return [self._id_at(r) for r in rows]

    def _open_current(self) -> None:
        ids = self.selected_ids()
        if ids:
            self.caseActivated.emit(ids[0])

    def current_filter(self) -> CaseFilter:
        ui = self.ui
        f = CaseFilter()
        if ui.dateCheck.isChecked():
            start = ui.fromDate.date().toPython()
            end = ui.toDate.date().toPython()
            f.received_from, f.received_to = day_range(start, end)
        f.category = ui.categoryCombo.currentData()
        urgency = ui.urgencyCombo.currentData()
        f.urgency = Urgency(urgency) if urgency else None
        status = ui.statusCombo.currentData()
        if status in ("open", "closed"):
            f.closed = status == "closed"
        elif status:
            f.status = Status(status)
        f.kecamatan_code = ui.kecamatanCombo.currentData()
        f.desa_code = ui.desaCombo.currentData()
        f.station = ui.stationCombo.currentData()
        channel = ui.channelCombo.currentData()
        f.channel = Channel(channel) if channel else None
        privacy = ui.privacyCombo.currentData() or "all"
        for name, value in next(fields for k, _, fields in PRIVACY if k == privacy).items():
            setattr(f, name, value)
        text = ui.searchEdit.text()
        f.text = text if text.strip() else None
        return f

    def refresh(self) -> int:
        if self._loading_state:
            return self.model.generation
        return self.model.set_filters(self.current_filter())

    def _show_count(self, n: int) -> None:
        self.ui.countLabel.setText(self.tr("%n case(s)", "", n))

    def clear_filters(self) -> None:
        self.apply_state({})

    # -- saved filters -----------------------------------------------------------------------
    def filter_state(self) -> dict[str, Any]:
        ui = self.ui
        state: dict[str, Any] = {"text": ui.searchEdit.text()}
        if ui.dateCheck.isChecked():
            state["from"] = ui.fromDate.date().toString(Qt.DateFormat.ISODate)
            state["to"] = ui.toDate.date().toString(Qt.DateFormat.ISODate)
        for key, combo in self._combos().items():
            if combo.currentData() is not None:
                state[key] = combo.currentData()
        return state

    def _combos(self) -> dict[str, QComboBox]:
        ui = self.ui
        return {"category": ui.categoryCombo, "urgency": ui.urgencyCombo, "status": ui.statusCombo,
                "kecamatan": ui.kecamatanCombo, "desa": ui.desaCombo, "station": ui.stationCombo,
                "channel": ui.channelCombo, "privacy": ui.privacyCombo}  # fmt: skip

    def apply_state(self, state: dict[str, Any]) -> None:
        ui = self.ui
        self._loading_state = True
        try:
            ui.searchEdit.setText(str(state.get("text", "")))
            has_dates = "from" in state and "to" in state
            ui.dateCheck.setChecked(has_dates)
            if has_dates:
                ui.fromDate.setDate(QDate.fromString(state["from"], Qt.DateFormat.ISODate))
                ui.toDate.setDate(QDate.fromString(state["to"], Qt.DateFormat.ISODate))
            combos = self._combos()
            select_data(combos.pop("kecamatan"), state.get("kecamatan"))
            self._kecamatan_changed()
            for key, combo in combos.items():
                select_data(combo, state.get(key))
        finally:
            self._loading_state = False
        self.refresh()

    def _refresh_saved(self) -> None:
        combo = self.ui.savedFilterCombo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("(choose)"), None)
        for name in sorted(self.settings["saved_filters"]):
            combo.addItem(name, name)
        combo.blockSignals(False)

    def save_filter(self, name: str) -> None:
        name = name.strip()
        if not name:
            return
        saved = dict(self.settings["saved_filters"])
        saved[name] = self.filter_state()
        self.settings["saved_filters"] = saved
        self.runner.submit(self.settings.save, on_error=lambda e: self.message.emit(str(e)))
        self._refresh_saved()
        select_data(self.ui.savedFilterCombo, name)
        self.message.emit(self.tr("Filter “%1” saved.").replace("%1", name))

    def _save_filter_dialog(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save filter"), self.tr("Name of this filter:"))
        if ok:
            self.save_filter(name)

    def _apply_saved(self) -> None:
        name = self.ui.savedFilterCombo.currentData()
        state = self.settings["saved_filters"].get(name) if name else None
        if isinstance(state, dict):
            self.apply_state(state)

    def apply_saved(self, name: str) -> None:
        select_data(self.ui.savedFilterCombo, name)
        self._apply_saved()

    def _delete_filter(self) -> None:
        name = self.ui.savedFilterCombo.currentData()
        if not name:
            return
        saved = dict(self.settings["saved_filters"])
        saved.pop(name, None)
        self.settings["saved_filters"] = saved
        self.runner.submit(self.settings.save, on_error=lambda e: self.message.emit(str(e)))
        self._refresh_saved()


__all__ = ["COLUMNS", "BrowserPage"]
