"""The editor's case browser query: one page of light rows in any column's order, by keyset.

``OFFSET`` paging gets slower the deeper one scrolls (SQLite walks every skipped row); a keyset page
continues after the last row seen -- ``(sort value, pk)`` strictly after the previous page's last
pair -- so the 500th page of 100,000 cases costs what the first does.  Only the columns a table shows
are read.  With a text query, the page's rows get a snippet (matches marked with HL_START/HL_END)
cut in Python from their indexed texts, read by rowid: FTS5's own snippet() would re-run the MATCH
for every row (0.4 s for a page at 100,000 cases).
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import ColumnElement, Select, bindparam, exc, func, select, tuple_
from sqlalchemy import case as sql_case
from sqlalchemy.orm import Session

from radio_desk.domain.enums import Channel, Status, Urgency
from radio_desk.store import queries
from radio_desk.store.models import CaseRow
from radio_desk.store.queries import CaseFilter, case_fts
from radio_desk.store.search import fts_query

if TYPE_CHECKING:
    from radio_desk.store.store import Store

PAGE_SIZE = 200

_CALLER = sql_case((CaseRow.anonim.is_(True), ""), else_=func.coalesce(CaseRow.caller_name, ""))
_URGENCY = sql_case({u.value: u.rank for u in Urgency}, value=CaseRow.urgency, else_=0)

# sort key name -> SQL expression (NULLs folded to "" so row-value comparisons stay total)
SORT_KEYS: dict[str, ColumnElement[Any]] = {
    "received_at": CaseRow.received_at,  # type: ignore[dict-item]
    "category": func.coalesce(CaseRow.category, ""),
    "urgency": _URGENCY,
    "status": CaseRow.status,  # type: ignore[dict-item]
    "kecamatan": func.coalesce(CaseRow.kecamatan_code, ""),
    "desa": func.coalesce(CaseRow.desa_code, ""),
    "caller": _CALLER,
    "channel": CaseRow.channel,  # type: ignore[dict-item]
    "station": CaseRow.station,  # type: ignore[dict-item]
    "opd": func.coalesce(CaseRow.opd, ""),
    "summary": CaseRow.summary,  # type: ignore[dict-item]
}


class QueryCancelled(Exception):
    """A browse query stopped because a newer one replaced it."""


@contextmanager
def _cancellable(session: Session, cancelled: Callable[[], bool] | None) -> Iterator[None]:
    if cancelled is None:
        yield
        return
    raw = session.connection().connection.dbapi_connection
    raw.set_progress_handler(lambda: 1 if cancelled() else 0, PROGRESS_STEPS)  # type: ignore[union-attr]
    try:
        yield
    except exc.OperationalError as err:
        if "interrupted" in str(err.orig):
            raise QueryCancelled() from None
        raise
    finally:
        raw.set_progress_handler(None, 0)  # type: ignore[union-attr]


def count_cases(store: Store, filters: CaseFilter | None) -> int:
    """How many cases the filters select; a bare text search is counted in FTS5 alone (about a
    millisecond, where joining every match to its case takes tens)."""
    bare = filters is not None and filters.text and dataclasses.replace(filters, text=None) == CaseFilter()
    if bare:
        assert filters is not None
        query = fts_query(filters.text)
        if query is None:
            return 0
        with store.read() as s:
            stmt = select(func.count()).select_from(case_fts).where(case_fts.c.case_fts.op("MATCH")(query))
            return int(s.scalar(stmt) or 0)
    return store.cases.count(filters)


def _page_statement(
    columns: tuple[Any, ...],
    conditions: list[ColumnElement[bool]],
    key: ColumnElement[Any],
    descending: bool,
    after: PageKey | None,
    limit: int,
) -> Select[Any]:
    c = CaseRow
    stmt = select(*columns).where(*conditions)
    if after is not None:
        bound = tuple_(bindparam(None, after.value, type_=key.type), bindparam(None, after.pk))
        stmt = stmt.where(tuple_(key, c.pk) < bound if descending else tuple_(key, c.pk) > bound)
    stmt = stmt.order_by(key.desc(), c.pk.desc()) if descending else stmt.order_by(key, c.pk)
    return stmt.limit(limit)


PROGRESS_STEPS = 5000  # SQLite VM steps between cancellation checks (well under a millisecond)


@dataclass(frozen=True)
class PageKey:
    """Where the next page starts: the last row's sort value and pk."""

    value: Any
    pk: int


@dataclass(frozen=True)
class BrowseRow:
    pk: int
    id: uuid.UUID
    received_at: datetime
    channel: Channel
    caller: str  # "" for anonim callers: the browser never shows their name
    anonim: bool
    rahasia: bool
    kecamatan_code: str | None
    desa_code: str | None
    category: str | None
    urgency: Urgency
    status: Status
    opd: str | None
    station: str
    summary: str
    snippet: str  # FTS snippet with HL markers when a text query is active, else ""
    key: PageKey


def browse_page(
    store: Store,
    filters: CaseFilter | None = None,
    *,
    sort: str = "received_at",
    descending: bool = True,
    after: PageKey | None = None,
    limit: int = PAGE_SIZE,
    cancelled: Callable[[], bool] | None = None,
) -> list[BrowseRow]:
    """One page of the filtered cases in ``sort`` order, starting after ``after``.

    ``cancelled`` is polled by SQLite while the query runs; when it turns true (the editor typed on)
    the query stops and :class:`QueryCancelled` is raised, freeing the worker for the newer query.
    """
    if sort not in SORT_KEYS:
        raise ValueError(f"unknown sort key {sort!r}")
    key = SORT_KEYS[sort]
    c = CaseRow
    columns = (
        c.pk, c.id, c.received_at, c.channel, _CALLER, c.anonim, c.rahasia, c.kecamatan_code,
        c.desa_code, c.category, c.urgency, c.status, c.opd, c.station, c.summary, key,
    )  # fmt: skip
    query = fts_query(filters.text) if filters is not None and filters.text else None
    with store.read() as s, _cancellable(s, cancelled):
        conditions = queries.filter_conditions(filters)
        if (
            filters is not None
            and query is not None
            and sort == "received_at"
            and queries.walk_by_date(s, filters, query)
        ):
            # "pk + 0": the match set can no longer drive the plan, so SQLite walks the date index
            matches = select(case_fts.c.rowid).where(case_fts.c.case_fts.op("MATCH")(query))
            conditions = [
                *queries.filter_conditions(dataclasses.replace(filters, text=None)),
                (c.pk + 0).in_(matches),
            ]
        rows = s.execute(_page_statement(columns, conditions, key, descending, after, limit)).all()
        snippets: dict[int, str] = {}
        if query is not None and filters is not None:
            snippets = queries.page_snippets(s, [r[0] for r in rows], filters.text, queries.SNIPPET_COLUMNS)
    return [
        BrowseRow(
            pk=r[0], id=r[1], received_at=r[2], channel=Channel(r[3]), caller=r[4], anonim=bool(r[5]),
            rahasia=bool(r[6]), kecamatan_code=r[7], desa_code=r[8], category=r[9], urgency=Urgency(r[10]),
            status=Status(r[11]), opd=r[12], station=r[13], summary=r[14], snippet=snippets.get(r[0], ""),
            key=PageKey(r[15], r[0]),
        )
        for r in rows
    ]  # fmt: skip
