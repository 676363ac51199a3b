"""What triage finds for the case on the page: its related cases (possible duplicates, the same
caller) in the related box, and for a case without a category the one its transcript suggests,
under the category field with a link that puts it in the form (Save keeps it)."""

from __future__ import annotations

import html
import uuid
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QLabel, QListWidgetItem

from radio_desk.domain.models import Case
from radio_desk.gui.confirm_dialogs import CASE_ROLE
from radio_desk.gui.editor.combos import select_data
from radio_desk.reports.indonesian import local
from radio_desk.triage.service import Related
from radio_desk.triage.suggest import Suggestion

if TYPE_CHECKING:
    from radio_desk.gui.editor.case_page import CasePage

__all__ = ["CASE_ROLE", "CaseHints"]


class CaseHints(QObject):
    def __init__(self, page: CasePage) -> None:
        super().__init__(page)
        self.page = page
        self.related: Related | None = None
        self.suggestion: Suggestion | None = None
        ui = page.ui
        self.suggestionLabel = QLabel(ui.intakeBox)
        self.suggestionLabel.setObjectName("caseSuggestionLabel")
        self.suggestionLabel.setTextFormat(Qt.TextFormat.RichText)
        self.suggestionLabel.setWordWrap(True)
        self.suggestionLabel.linkActivated.connect(lambda _link: self.use_suggestion())
        row = ui.intakeForm.getWidgetPosition(ui.categoryCombo)[0] + 1
        ui.intakeForm.insertRow(row, "", self.suggestionLabel)
        self.suggestionLabel.setVisible(False)

    def load(self, gen: int, case: Case) -> None:
        """Ask triage (on the runner) about ``case``; an answer for an older load of the page is dropped."""
        page, store, triage = self.page, self.page.store, self.page.ctx.triage
        assert triage is not None

        def find() -> Related:
            text = " ".join(t for t in (case.summary, case.notes, store.segments.text_for_case(case.id)) if t)
            return triage.get().related(
                text, phone=case.phone, desa_code=case.desa_code, category=case.category,
                exclude=case.id, now=case.received_at,
            )  # fmt: skip

        page.runner.submit(find, lambda r: page.is_current(gen) and self._show_related(r), page._error)
        if case.category is None:
            self._load_suggestion(gen, case)
        else:
            self._show_suggestion(None)

    # -- related cases -----------------------------------------------------------------------
    def _show_related(self, related: Related) -> None:
        self.related = related
        lst = self.page.ui.relatedList
        lst.clear()
        for case_id, text in self.related_rows():
            item = QListWidgetItem(text, lst)
            item.setData(CASE_ROLE, str(case_id))
        if not lst.count():
            QListWidgetItem(self.tr("No related cases found."), lst).setFlags(Qt.ItemFlag.NoItemFlags)

    def related_rows(self) -> list[tuple[uuid.UUID, str]]:
        """The related cases as listed (and offered as a duplicate's original): id and text."""
        related = self.related
        if related is None:
            return []
        gaz, out, seen = self.page.store.gazetteer, [], set()
        for r in related.duplicates:
            c = r.case
            when = f"{local(c.received_at):%d-%m-%Y}"
            out.append(
                (c.id, f"{round(r.similarity * 100)}% · {when} · {gaz.name(c.desa_code)} · {c.summary}")
            )
            seen.add(c.id)
        for c in related.repeat_caller:
            if c.id not in seen:
                out.append(
                    (c.id, self.tr("Same caller") + f" · {local(c.received_at):%d-%m-%Y} · {c.summary}")
                )
        return out

    # -- the suggested category --------------------------------------------------------------
    def _load_suggestion(self, gen: int, case: Case) -> None:
        """A case without a category (an imported recording, a voice note): what its transcript says."""
        page, store, triage = self.page, self.page.store, self.page.ctx.triage
        assert triage is not None

        def suggest() -> Suggestion | None:
            text = store.segments.text_for_case(case.id) or " ".join(
                t for t in (case.summary, case.notes) if t
            )
            if not text.strip():
                return None
            return triage.get().suggest(text)

        page.runner.submit(suggest, lambda s: page.is_current(gen) and self._show_suggestion(s), page._error)

    def _show_suggestion(self, s: Suggestion | None) -> None:
        self.suggestion = s if s is not None and s.evidence else None
        if self.suggestion is None:
            self.suggestionLabel.setVisible(False)
            return
        top = self.suggestion.categories[0]
        why = ", ".join(top.words[:3])
        text = self.tr("Suggested: <b>%s</b>") % html.escape(top.name)
        if why:
            text += f" <span style='color:#666'>({html.escape(why)})</span>"
        text += " \u00b7 <a href='use'>" + self.tr("use") + "</a>"
        self.suggestionLabel.setText(text)
        self.suggestionLabel.setVisible(True)

    def use_suggestion(self) -> None:
        """Put the suggested category (and its OPD, when none is set) in the form; Save keeps it."""
        s, ui = self.suggestion, self.page.ui
        if s is None:
            return
        select_data(ui.categoryCombo, s.category)
        if ui.opdCombo.currentData() is None and s.opd:
            select_data(ui.opdCombo, s.opd)
        self.suggestionLabel.setVisible(False)
