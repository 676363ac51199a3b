"""The case page's questions before a change that is hard to undo: which case is the original of a
duplicate (then confirm), why a final case is reopened (a coordinator only), why a test or mistaken
case is discarded.  Each opens its dialog with ``open()``; the change runs on the page's runner."""

from __future__ import annotations

import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDialog

from radio_desk.domain.enums import Status
from radio_desk.gui.confirm_dialogs import CASE_ROLE, DuplicateDialog, ReasonDialog
from radio_desk.services.case_status import reopen_case
from radio_desk.services.discard import discard_case

if TYPE_CHECKING:
    from radio_desk.gui.editor.case_page import CasePage


class CaseQuestions(QObject):
    def __init__(self, page: CasePage) -> None:
        super().__init__(page)
        self.page = page
        self.dialog: QDialog | None = None  # the question open now

    def mark_duplicate(self, selected: uuid.UUID | bool | None = False) -> None:
        """Ask for the original (the related case selected in the list, or another of them) and
        confirm; ``selected=None``: none chosen yet (from the status list)."""
        if self.page.bundle is None:
            return
        if selected is False:
            item = self.page.ui.relatedList.currentItem()
            chosen = item.data(CASE_ROLE) if item is not None else None
            selected = uuid.UUID(chosen) if chosen else None
        candidates = self.page.hints.related_rows()
        if not candidates:
            self.page.show_message(
                self.tr("No related case to choose as the original: the duplicate needs its original."),
                error=True,
            )
            return
        dialog = DuplicateDialog(candidates, selected, self.page.ui.statusNoteEdit.text().strip(), self.page)
        dialog.accepted.connect(lambda: self._mark_duplicate(dialog.original(), dialog.note()))
        self._ask(dialog)

    def _mark_duplicate(self, original: uuid.UUID | None, note: str) -> None:
        if self.page.bundle is None or original is None:
            return
        cid, by = self.page.bundle.case.id, self.page.operator()
        note = note or self.tr("Duplicate of %1").replace("%1", str(original))
        self.page.runner.submit(
            lambda: self.page.store.cases.change_status(
                cid, Status.DUPLIKAT, by=by, note=note, duplicate_of=original
            ),
            self.page._changed,
            self.page._error,
        )

    def _ask(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(lambda _: dialog.deleteLater())
        dialog.open()

    def ask_reopen(self) -> None:
        if self.page.bundle is None:
            return
        self.dialog = ReasonDialog.ask(
            self.tr("Reopen case"),
            self.tr(
                "The case goes back to Terverifikasi and is handled again. Your name and the reason are "
                "kept in its history, and the central server is told."
            ),
            self.tr("Reopen"),
            self.page,
            name="reopenDialog",
            then=self.reopen,
        )

    def reopen(self, reason: str) -> None:
        if self.page.bundle is None:
            return
        cid, by, role = self.page.bundle.case.id, self.page.operator(), self.page.settings["desk_role"]
        self.page.runner.submit(
            lambda: reopen_case(self.page.store, cid, by=by, role=role, reason=reason),
            self.page._changed,
            self.page._error,
        )

    def ask_discard(self) -> None:
        if self.page.bundle is None:
            return
        self.dialog = ReasonDialog.ask(
            self.tr("Discard case"),
            self.tr(
                "For a test or mistaken case. It disappears from every list, search and report; its "
                "recording moves to the trash folder and is kept. The reason and your name are kept, and "
                "the case can be restored."
            ),
            self.tr("Discard"),
            self.page,
            name="discardDialog",
            then=self.discard,
        )

    def discard(self, reason: str) -> None:
        if self.page.bundle is None:
            return
        cid, by = self.page.bundle.case.id, self.page.operator()
        self.page.playback.unload()
        self.page.runner.submit(
            lambda: discard_case(self.page.store, cid, by=by, reason=reason),
            lambda _: self.page.discarded(cid, reason),
            self.page._error,
        )
