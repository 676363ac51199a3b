"""Full-text search across all cases: PostgreSQL full-text search, SQLite FTS5 on the embedded server.

The index is migration 0003's: on PostgreSQL a GIN index on :data:`PG_DOCUMENT` (the 'simple'
configuration, words as typed, lower-cased), on SQLite the ``service_request_fts`` table.  The searched
text is the case's summary (``description``), address and follow-up (``status_notes``); not the caller's
name, phone or the internal notes, so a search can never find a case by who reported it.

What a principal may find is :func:`visibility`, one clause for every search (and the monitoring):
staff everything; a station its own cases (rahasia ones included); an OPD the non-rahasia cases
forwarded to it; the public the non-rahasia cases.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import ColumnElement, func, literal_column, or_, select, text
from sqlalchemy.orm import Session

from radio_desk.reports.privacy import hide_name, mask_numbers
from radio_desk.server.auth import Principal
from radio_desk.server.models import ServiceRequest
from radio_desk.server.permissions import visibility

# word for word the expression of migration 0003's index (else PostgreSQL cannot use it)
PG_DOCUMENT = (
    "to_tsvector('simple'::regconfig, coalesce(description, '') || ' ' || coalesce(address, '') "
    "|| ' ' || coalesce(status_notes, ''))"
)
MAX_WORDS = 12
MAX_QUERY = 200
_WORD = re.compile(r"\w+", re.UNICODE)
_CASE_NUMBER = re.compile(r"^#?(\d{1,18})$")


def query_words(query: str) -> list[str]:
    """The words of a user's query (letters and digits only: nothing reaches the query syntax)."""
    return [w.lower() for w in _WORD.findall(query[:MAX_QUERY])][:MAX_WORDS]


def match_clause(dialect: str, words: list[str]) -> ColumnElement[bool]:
    """Every word, as a prefix ("lubang" finds "lubangnya"), in the indexed text."""
    if dialect == "postgresql":
        tsquery = " & ".join(f"'{w}':*" for w in words)
        return literal_column(PG_DOCUMENT).op("@@")(
            func.to_tsquery(literal_column("'simple'::regconfig"), tsquery)
        )
    fts = " ".join(f'"{w}"*' for w in words)
    matching = text("SELECT rowid FROM service_request_fts WHERE service_request_fts MATCH :fts").bindparams(
        fts=fts
    )
    return ServiceRequest.id.in_(matching)


@dataclass
class SearchHit:
    id: int
    status: str
    service_code: str
    station: str
    opd: str | None
    kecamatan_code: str | None
    requested: datetime
    rahasia: bool
    snippet: str  # plain text; the template escapes it
    marks: list[str] = field(default_factory=list)  # the words to highlight


@dataclass
class SearchResult:
    query: str
    words: list[str]
    hits: list[SearchHit]
    more: bool  # another page follows
    page: int
    message: str = ""


def _snippet(req: ServiceRequest, principal: Principal, words: list[str], width: int = 160) -> str:
    body = " · ".join(x for x in (req.description, req.status_notes or "", req.address or "") if x)
    if not principal.may_see_identity(req.station_id, req.anonim):
        body = mask_numbers(body)
        if req.anonim:
            body = hide_name(body, req.caller_name)
    lower = body.lower()
    at = min((i for i in (lower.find(w) for w in words) if i >= 0), default=0)
    start = max(0, at - width // 3)
    piece = body[start : start + width]
    return ("…" if start else "") + piece + ("…" if start + width < len(body) else "")


def search_cases(
    session: Session, principal: Principal, query: str, *, page: int = 1, per_page: int = 25
) -> SearchResult:
    """Cases matching every word of ``query`` that ``principal`` may see, newest first."""
    query = query.strip()[:MAX_QUERY]
    page = max(1, page)
    words = query_words(query)
    number = _CASE_NUMBER.match(query)
    if not words:
        message = "Ketik satu kata atau lebih untuk mencari." if not query else "Kata pencarian tidak sah."
        return SearchResult(query, [], [], False, page, message)
    dialect = session.get_bind().dialect.name
    found = match_clause(dialect, words)
    if number:
        found = or_(found, ServiceRequest.id == int(number.group(1)))
    q = (
        select(ServiceRequest)
        .where(found, visibility(principal))
        .order_by(ServiceRequest.requested_datetime.desc(), ServiceRequest.id.desc())
        .offset((page - 1) * per_page)
        .limit(per_page + 1)
    )
    rows = list(session.scalars(q))
    hits = [
        SearchHit(
            r.id,
            r.status,
            r.service_code,
            r.station.name,
            r.opd,
            r.kecamatan_code,
            r.requested_datetime,
            bool(r.rahasia),
            _snippet(r, principal, words),
            words,
        )
        for r in rows[:per_page]
    ]
    message = "" if hits else f"Tidak ada aduan yang cocok dengan \u201c{query}\u201d."
    return SearchResult(query, words, hits, len(rows) > per_page, page, message)
