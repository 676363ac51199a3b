"""The case page's status box: the current status and the ones it may go to (the others listed
greyed, saying why not), the change itself (forwarding needs an OPD, a duplicate its original), the
reopen and discard buttons (their questions: :class:`CaseQuestions`), and what the central server
said of the status: its follow-up text for the host to read on air, or why it refused a change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from radio_desk.domain.enums import Status
from radio_desk.domain.lifecycle import allowed_transitions, is_final
from radio_desk.domain.models import Case
from radio_desk.gui.data_labels import status_label
from radio_desk.reports.indonesian import local
from radio_desk.services.case_status import may_reopen
from radio_desk.store import SyncInfo

if TYPE_CHECKING:
    from radio_desk.gui.editor.case_page import CasePage

GREY = QColor(140, 140, 140)


class CaseStatusBox(QObject):
    def __init__(self, page: CasePage) -> None:
        super().__init__(page)
        self.page = page
        ui, questions = page.ui, page.questions
        ui.changeStatusButton.clicked.connect(self.apply)
        ui.duplicateButton.clicked.connect(lambda: questions.mark_duplicate())
        ui.reopenButton.clicked.connect(questions.ask_reopen)
        ui.discardButton.clicked.connect(questions.ask_discard)

    def show(self, c: Case) -> None:
        ui = self.page.ui
        final = is_final(c.status)
        label = self.tr("Current status: %1").replace("%1", status_label(c.status))
        if final:
            label += " " + self.tr("(final status)")
        if c.duplicate_of:
            label += " · " + self.tr("duplicate of %1").replace("%1", str(c.duplicate_of)[:8])
        ui.statusLabel.setText(label)
        allowed = sorted(allowed_transitions(c.status), key=list(Status).index)
        others = [s for s in Status if s not in allowed and s != c.status]
        # listed so the editor learns why not, when trying: after a final status nothing is possible
        why_not = self.tr("%1 (not possible: final status)") if final else self.tr("%1 (not allowed now)")
        combo = ui.nextStatusCombo
        combo.clear()
        for s in allowed:
            combo.addItem(status_label(s), s.value)
        for s in others:
            combo.addItem(why_not.replace("%1", status_label(s)), s.value)
            combo.setItemData(combo.count() - 1, GREY, 9)
        ui.statusNoteEdit.clear()
        ui.reopenButton.setVisible(final)
        coordinator = may_reopen(self.page.settings["desk_role"])
        ui.reopenButton.setEnabled(coordinator)
        ui.reopenButton.setToolTip(
            self.tr("Back to Terverifikasi, with a reason in the history.")
            if coordinator
            else self.tr("Only a coordinator can reopen a case with a final status.")
        )

    def show_server(self, info: SyncInfo | None) -> None:
        """The follow-up text (tindak lanjut) that came with the server's status, for the host to read
        on air; and why the server refused the station's own status change, if it did."""
        note, error = self.page.ui.followUpLabel, self.page.ui.statusErrorLabel
        if info is not None and info.status_note:
            when = f" ({local(info.status_note_at):%d-%m-%Y %H:%M})" if info.status_note_at else ""
            note.setText(self.tr("Follow-up%1: %2").replace("%1", when).replace("%2", info.status_note))
            note.show()
        else:
            note.clear()
            note.hide()
        if info is not None and info.status_error:
            error.setText(info.status_error)
            error.show()
        else:
            error.clear()
            error.hide()

    def apply(self) -> None:
        """Change to the status chosen in the list (the store refuses one the lifecycle forbids)."""
        page = self.page
        if page.bundle is None:
            return
        target = page.ui.nextStatusCombo.currentData()
        if not target:
            return
        cid, by, note = page.bundle.case.id, page.operator(), page.ui.statusNoteEdit.text().strip()
        opd = page.ui.opdCombo.currentData() if target == Status.DITERUSKAN.value else None
        if target == Status.DITERUSKAN.value and not opd:
            page.show_message(self.tr("Choose the responsible OPD before forwarding."), error=True)
            return
        if target == Status.DUPLIKAT.value and Status.DUPLIKAT in allowed_transitions(
            page.bundle.case.status
        ):
            page.questions.mark_duplicate(selected=None)  # which case is the original? then confirm
            return
        store = page.store
        page.runner.submit(
            lambda: store.cases.change_status(cid, target, by=by, note=note, opd=opd),
            page._changed,
            page._error,
        )
