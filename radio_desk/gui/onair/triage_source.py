"""The local store as triage's :class:`~radio_desk.triage.service.CaseSource`.  No Qt here."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from radio_desk.domain.models import Case
from radio_desk.store import CaseFilter, Store


def _text(case: Case) -> str:
    return " ".join(t for t in (case.summary, case.notes) if t)


class StoreCaseSource:
    def __init__(self, store: Store, limit: int = 5000) -> None:
        self.store = store
        self.limit = limit

    def confirmed_pairs(self) -> Sequence[tuple[str, str]]:
        cases = self.store.cases.list(order="newest", limit=self.limit)
        return [(_text(c), c.category) for c in cases if c.category and _text(c)]

    def cases_by_phone(self, phone: str) -> Sequence[Case]:
        return self.store.cases.by_phone(phone)

    def recent_cases(self, desa_code: str, category: str, since: datetime) -> Sequence[tuple[Case, str]]:
        found = self.store.cases.list(
            CaseFilter(desa_code=desa_code, category=category, received_from=since), limit=200
        )
        return [(c, _text(c)) for c in found]
