"""The rundown's item list: cases added (by drop or "Add to rundown") at the end of their OPD group,
moved and removed; listed under their OPD with the number each has on air (the PDF's and the clip's,
from :func:`air_numbers`), and marked when a duplicate or a rahasia case left out of the export."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor, QKeySequence, QShortcut
from PySide6.QtWidgets import QTreeWidgetItem

from radio_desk.domain.enums import Status
from radio_desk.domain.models import Case
from radio_desk.domain.rundown import RundownEntry, group_by_opd, move_entry, new_entry
from radio_desk.rundown.export import air_numbers
from radio_desk.services.case_bundle import playable_recording

if TYPE_CHECKING:
    from radio_desk.gui.editor.rundown_page import RundownPage

ENTRY_ROLE = Qt.ItemDataRole.UserRole
RAHASIA_COLOUR = QColor(176, 0, 32)
Built = list[tuple[Case, RundownEntry, Path | None]]


class RundownItems(QObject):
    def __init__(self, page: RundownPage) -> None:
        super().__init__(page)
        self.page = page
        tree = page.ui.itemTree
        tree.casesDropped.connect(self.add_cases)
        tree.currentItemChanged.connect(lambda *_: page.entry.show())
        page.ui.upButton.clicked.connect(lambda: self.move_current(-1))
        page.ui.downButton.clicked.connect(lambda: self.move_current(1))
        page.ui.removeButton.clicked.connect(self.remove_current)
        shortcuts = (
            ("Alt+Up", lambda: self.move_current(-1)),
            ("Alt+Down", lambda: self.move_current(1)),
            ("Delete", self.remove_current),
        )
        for keys, slot in shortcuts:
            sc = QShortcut(QKeySequence(keys), tree)
            sc.setContext(Qt.ShortcutContext.WidgetShortcut)
            sc.activated.connect(slot)

    # -- adding ------------------------------------------------------------------------------
    def add_cases(self, case_ids: list[uuid.UUID]) -> None:
        """Add cases at the end of their OPD group (keyboard/button and drop both come here)."""
        page = self.page
        if not case_ids:
            return
        if page.rundown is None:
            page.new_rundown()
        assert page.rundown is not None
        new_ids = [i for i in case_ids if page.rundown.entry_for(i) is None]
        if not new_ids:
            page.say(self.tr("Already in this rundown."))
            return
        store = page.store

        def build() -> Built:
            out = []
            for case in store.cases.get_many(new_ids):
                rec = playable_recording(store.recordings.for_case(case.id))
                segs = store.segments.list_for_case(case.id)
                entry = new_entry(
                    case,
                    segs,
                    recording_id=rec.id if rec else None,
                    duration=rec.duration_s if rec else None,
                    default_opd=store.taxonomy.default_opd(case.category),
                )
                out.append((case, entry, Path(rec.path) if rec else None))
            return out

        page.runner.submit(build, self._added, page._error)

    def _added(self, built: Built) -> None:
        page, rundown = self.page, self.page.rundown
        if rundown is None:
            return
        secret = 0
        duplicates: list[Case] = []
        for case, entry, path in built:
            if rundown.entry_for(case.id) is not None:
                continue
            page.cases[case.id] = case
            if path is not None and entry.recording_id:
                page.paths[entry.recording_id] = path
            rundown.entries.append(entry)
            secret += case.rahasia
            if case.status == Status.DUPLIKAT:
                duplicates.append(case)
        rundown.entries = group_by_opd(rundown.entries)
        self.rebuild(select=built[-1][0].id if built else None)
        page.save()
        notes: list[str] = []
        if duplicates:
            notes.append(self._duplicate_warning(duplicates))
        if secret:
            notes.append(
                self.tr(
                    "Confidential (rahasia) cases stay out of the export unless you include them explicitly."
                )
            )
        if duplicates:
            page.warn(" ".join(notes))
        else:
            page.say(" ".join(notes) or self.tr("%n case(s) added.", "", len(built)))

    def _duplicate_warning(self, cases: list[Case]) -> str:
        """A duplicate is usually discussed through its original: say which one it is."""
        parts = []
        for c in cases:
            original = str(c.duplicate_of)[:8] if c.duplicate_of else self.tr("unknown")
            parts.append(f"“{c.summary[:40] or c.display_caller}” → {original}")
        return self.tr(
            "%n case(s) marked Duplikat added: usually the original is discussed (%1).", "", len(cases)
        ).replace("%1", "; ".join(parts))

    # -- the current item --------------------------------------------------------------------
    def current_entry(self) -> RundownEntry | None:
        item, rundown = self.page.ui.itemTree.currentItem(), self.page.rundown
        if item is None or rundown is None or item.data(0, ENTRY_ROLE) is None:
            return None
        return rundown.entry_for(uuid.UUID(item.data(0, ENTRY_ROLE)))

    def select_case(self, case_id: uuid.UUID) -> None:
        tree = self.page.ui.itemTree
        for g in range(tree.topLevelItemCount()):
            group = tree.topLevelItem(g)
            for k in range(group.childCount()):
                if group.child(k).data(0, ENTRY_ROLE) == str(case_id):
                    tree.setCurrentItem(group.child(k))
                    return

    def move_current(self, step: int) -> None:
        entry, rundown = self.current_entry(), self.page.rundown
        if entry is None or rundown is None:
            return
        index = rundown.entries.index(entry)
        rundown.entries = move_entry(rundown.entries, index, step)
        self.rebuild(select=entry.case_id)
        self.page.save()

    def remove_current(self) -> None:
        entry, rundown = self.current_entry(), self.page.rundown
        if entry is None or rundown is None:
            return
        rundown.entries = group_by_opd([e for e in rundown.entries if e is not entry])
        self.rebuild()
        self.page.save()

    # -- the list ----------------------------------------------------------------------------
    def _label(self, n: int | None, entry: RundownEntry) -> str:
        """The item as listed; ``n``: its number on air (in the PDF and the clip's name), ``None``
        for a rahasia item left out."""
        number = f"{n}." if n is not None else "–"
        case = self.page.cases.get(entry.case_id)
        if case is None:
            return f"{number} ?"
        store = self.page.store
        place = store.gazetteer.name(case.desa_code) if case.desa_code else "-"
        category = store.taxonomy.category_name(case.category)
        text = f"{number} {category} – {place} – {entry.summary[:60]}"
        if case.status == Status.DUPLIKAT:
            text += "  " + self.tr("[DUPLICATE]")
        if case.rahasia:
            text += "  " + (
                self.tr("[RAHASIA – included]") if entry.rahasia_included else self.tr("[RAHASIA – left out]")
            )
        return text

    def rebuild(self, select: uuid.UUID | None = None) -> None:
        """List the rundown's items again, keeping ``select`` (else the current one) selected."""
        page, tree = self.page, self.page.ui.itemTree
        keep = select or (self.current_entry().case_id if self.current_entry() else None)
        tree.blockSignals(True)
        tree.clear()
        if page.rundown is not None:
            group: QTreeWidgetItem | None = None
            last_opd: object = object()
            numbers = air_numbers(page.rundown.entries, page.cases)
            for entry in page.rundown.entries:
                if entry.opd != last_opd:
                    last_opd = entry.opd
                    name = page.store.taxonomy.opd_name(entry.opd) if entry.opd else self.tr("No OPD yet")
                    group = QTreeWidgetItem(tree, [name])
                    font = group.font(0)
                    font.setBold(True)
                    group.setFont(0, font)
                    group.setFlags(Qt.ItemFlag.ItemIsEnabled)
                item = QTreeWidgetItem(group, [self._label(numbers.get(entry.case_id), entry)])
                item.setData(0, ENTRY_ROLE, str(entry.case_id))
                case = page.cases.get(entry.case_id)
                if case is not None and case.rahasia and not entry.rahasia_included:
                    item.setForeground(0, QBrush(RAHASIA_COLOUR))
            tree.expandAll()
        tree.blockSignals(False)
        if keep is not None:
            self.select_case(keep)
        page.entry.show()
