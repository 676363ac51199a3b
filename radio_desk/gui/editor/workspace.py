"""The editor workspace: case browser, case detail with the transcript editor, and the rundown
builder, as three tabs.  Stands alone (tests build it in a plain window); the main window only puts
it in a tab and may add :meth:`menus` to its menu bar."""

from __future__ import annotations

import uuid
from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QLabel, QMenu, QTabWidget, QVBoxLayout, QWidget

from radio_desk.audio.playback import Player
from radio_desk.gui.editor.browser import BrowserPage
from radio_desk.gui.editor.case_page import CasePage
from radio_desk.gui.editor.context import EditorContext
from radio_desk.gui.editor.rundown_page import RundownPage
from radio_desk.gui.store_changes import StoreChanges
from radio_desk.gui.tasks import TaskRunner
from radio_desk.services.triage_source import SharedTriage
from radio_desk.settings import Settings
from radio_desk.store import Store


class EditorWorkspace(QWidget):
    def __init__(
        self,
        store: Store,
        settings: Settings,
        runner: TaskRunner,
        parent: QWidget | None = None,
        *,
        player_factory: Callable[[], Player] = Player,
        changes: StoreChanges | None = None,
        triage: SharedTriage | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = EditorContext(store, settings, runner, player_factory, triage)
        self.store, self.settings, self.runner = store, settings, runner
        self.tabs = QTabWidget(self)
        self.browser = BrowserPage(self.ctx, self)
        self.case_page = CasePage(self.ctx, self)
        self.rundown = RundownPage(self.ctx, self)
        self.tabs.addTab(self.browser, self.tr("Cases"))
        self.tabs.addTab(self.case_page, self.tr("Case and transcript"))
        self.tabs.addTab(self.rundown, self.tr("Ayo Mas Bro rundown"))
        self.status = QLabel(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tabs)
        layout.addWidget(self.status)
        self.browser.caseActivated.connect(self.open_case)
        self.browser.addToRundown.connect(self.add_to_rundown)
        if changes is None:  # standing alone
            self.case_page.caseChanged.connect(lambda _: self.browser.model.reload())
        else:  # in the main window: one change signal for every tab (the desk, the sync)
            self.case_page.caseChanged.connect(lambda _: changes.notify("editor"))
            changes.changed.connect(lambda _source: self.browser.model.reload())
        for page in (self.browser, self.case_page, self.rundown):
            page.message.connect(self.status.setText)
        self._actions = self._make_actions()
        self.browser.refresh()

    def _make_actions(self) -> list[QAction]:
        find = QAction(self.tr("Find cases"), self)
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self.focus_search)
        add = QAction(self.tr("Add selected cases to rundown"), self)
        add.setShortcut(QKeySequence("Ctrl+R"))
        add.triggered.connect(lambda: self.add_to_rundown(self.browser.selected_ids()))
        new = QAction(self.tr("New rundown segment"), self)
        new.triggered.connect(lambda: (self.rundown.new_rundown(), self.tabs.setCurrentWidget(self.rundown)))
        for a in (find, add):
            a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)  # only inside the editor
            self.addAction(a)
        return [find, add, new]

    def menus(self) -> list[QMenu]:
        menu = QMenu(self.tr("&Editor"), self)
        for a in self._actions:
            menu.addAction(a)
        return [menu]

    def focus_search(self) -> None:
        self.tabs.setCurrentWidget(self.browser)
        self.browser.ui.searchEdit.setFocus()
        self.browser.ui.searchEdit.selectAll()

    def open_case(self, case_id: uuid.UUID) -> None:
        """Show ``case_id`` in the detail view (intake, status, history, transcript with audio)."""
        self.tabs.setCurrentWidget(self.case_page)
        self.case_page.open_case(case_id)

    def add_to_rundown(self, case_ids: list[uuid.UUID]) -> None:
        if not case_ids:
            self.status.setText(self.tr("Select one or more cases first."))
            return
        self.rundown.add_cases(case_ids)
        self.tabs.setCurrentWidget(self.rundown)

    def shutdown(self) -> None:
        """Save a pending rundown edit and stop playback (the main window calls this on close)."""
        self.rundown.flush()
        self.case_page.close_audio()
        self.rundown.close_audio()
