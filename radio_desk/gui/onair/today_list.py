"""The desk's list of today's calls: loaded off the GUI thread after every change (a load that ends
after a newer one is dropped), a row opened into the form by double-click or Enter."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QHeaderView

from radio_desk.gui.alive import if_alive
from radio_desk.gui.onair.today import TodayModel, TodayRow, load_today

if TYPE_CHECKING:
    from radio_desk.gui.onair.desk import OnAirDesk


class TodayList(QObject):
    def __init__(self, desk: OnAirDesk) -> None:
        super().__init__(desk)
        self.desk = desk
        self.model = TodayModel(desk)
        self._generation = 0  # the newest load (older ones are dropped)
        table = desk.ui.todayTable
        table.setModel(self.model)
        table.verticalHeader().hide()
        # a status with its follow-up text takes two lines (see TodayModel._status_text)
        table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        table.doubleClicked.connect(lambda idx: self.open_row(idx.row()))
        table.activated.connect(lambda idx: self.open_row(idx.row()))

    def refresh(self) -> None:
        """Reload today's calls off the GUI thread; an older load that ends later is dropped."""
        self._generation = generation = self._generation + 1

        def loaded(rows: list[TodayRow]) -> None:
            if generation == self._generation:
                self.model.set_rows(rows)

        store = self.desk.store
        self.desk.runner.submit(lambda: load_today(store), if_alive(self.desk, loaded), self.desk.store_error)

    def open_row(self, row: int) -> None:
        case = self.model.case_at(row)
        if case is not None:
            self.desk.open_case(case)
