"""The local store as triage's :class:`~radio_desk.triage.service.CaseSource`, and the one triage
service the desk's tabs share.  No Qt here."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING

from radio_desk.domain.models import Case
from radio_desk.store import CaseFilter, Store

if TYPE_CHECKING:
    from radio_desk.triage.service import TriageService


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


TriageFactory = Callable[[], "TriageService"]


def build_triage(store: Store, regency_code: str | None) -> TriageService:
    """The station's triage: suggestions for the home regency, the seed model, learning from the
    store's cases."""
    from radio_desk.triage.seed import load_or_train
    from radio_desk.triage.service import TriageService
    from radio_desk.triage.suggest import Suggester

    service = TriageService(
        StoreCaseSource(store), suggester=Suggester(regency_code=regency_code or None), seed=load_or_train
    )
    service.load_seed_in_background()  # the first start trains it (seconds); hints meanwhile
    service.retrain_if_needed()
    return service


class SharedTriage:
    """One triage service for every tab, built on first use (on a worker: it reads the category
    model and may retrain it).  ``get()`` is safe from several threads; the build runs once."""

    def __init__(self, factory: TriageFactory) -> None:
        self._factory = factory
        self._service: TriageService | None = None
        self._lock = threading.Lock()

    def get(self) -> TriageService:
        with self._lock:
            if self._service is None:
                self._service = self._factory()
            return self._service
