"""The pieces of a case query that the repository (store.cases) and the browser (store.browse) share.

What the case list shows (:class:`CaseFilter` and its SQL conditions), the FTS5 table and its ranking,
the plan choice for a text search with many matches (walking the date index), and the snippets cut in
Python from a page's indexed texts.  Nothing here opens a session of its own: the functions take one.
Built on :mod:`radio_desk.store.search` (user text -> safe FTS5 query, highlight markers).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Integer, column, func, literal_column, select, table
from sqlalchemy.orm import Session

from radio_desk.domain.enums import Channel, Status, Urgency
from radio_desk.domain.phone import normalize_phone
from radio_desk.store.models import CaseRow
from radio_desk.store.search import _WORD, ELLIPSIS, HL_END, HL_START, fts_query

# The FTS5 table (created by migration 0002, not a model): rowid = cases.pk.
case_fts = table("case_fts", column("rowid", Integer), column("case_fts"))
FTS_COLUMNS = ("caller_name", "place", "summary", "notes", "transcript")
# bm25 weights per FTS column: a word in the summary or the place says more than one in the chatter.
BM25 = "bm25(case_fts, 2.0, 3.0, 4.0, 1.0, 1.0)"
RANK_FUNCTION = "bm25(2.0, 3.0, 4.0, 1.0, 1.0)"  # the same, as FTS5's ``rank MATCH`` wants it
# where a search's snippet comes from: the first of these texts with a match (the caller name last:
# it is shown in its own column anyway, and is empty for anonim callers)
SNIPPET_SOURCES = ("summary", "place", "notes", "transcript", "caller_name")
SNIPPET_TOKENS = 16


@dataclass
class CaseFilter:
    """What the case list shows.  ``None`` = no restriction; fields taking several values accept a single
    value or a collection (any of them matches).  ``received_to`` is exclusive."""

    received_from: datetime | None = None
    received_to: datetime | None = None
    category: str | Collection[str] | None = None
    urgency: Urgency | Collection[Urgency] | None = None
    status: Status | Collection[Status] | None = None
    closed: bool | None = None  # True: only closed cases (selesai, bukan wewenang, ...); False: open ones
    kecamatan_code: str | Collection[str] | None = None
    desa_code: str | Collection[str] | None = None
    station: str | Collection[str] | None = None
    channel: Channel | Collection[Channel] | None = None
    opd: str | Collection[str] | None = None
    anonim: bool | None = None
    rahasia: bool | None = None
    phone: str | None = None  # any Indonesian format; compared in E.164
    text: str | None = None  # full-text query (words, "phrases"); see store.search


def _values(value: Any) -> list[str] | None:
    if value is None:
        return None
    if isinstance(value, str):  # also StrEnum members
        return [str(value)]
    return [str(v) for v in value]


def filter_conditions(f: CaseFilter | None) -> list[ColumnElement[bool]]:
    if f is None:
        return []
    c = CaseRow
    cond: list[ColumnElement[bool]] = []
    if f.received_from is not None:
        cond.append(c.received_at >= f.received_from)
    if f.received_to is not None:
        cond.append(c.received_at < f.received_to)
    for attr, col in (
        ("category", c.category),
        ("urgency", c.urgency),
        ("status", c.status),
        ("kecamatan_code", c.kecamatan_code),
        ("desa_code", c.desa_code),
        ("station", c.station),
        ("channel", c.channel),
        ("opd", c.opd),
    ):
        values = _values(getattr(f, attr))
        if values is not None:
            cond.append(col == values[0] if len(values) == 1 else col.in_(values))
    if f.closed is not None:
        closed = [s.value for s in Status if s.is_closed]
        cond.append(c.status.in_(closed) if f.closed else c.status.not_in(closed))
    if f.anonim is not None:
        cond.append(c.anonim.is_(f.anonim))
    if f.rahasia is not None:
        cond.append(c.rahasia.is_(f.rahasia))
    if f.phone:
        cond.append(c.phone == normalize_phone(f.phone))
    if f.text is not None and f.text.strip():
        query = fts_query(f.text)
        if query is None:
            cond.append(literal_column("0") == 1)  # text of no searchable word matches nothing
        else:
            cond.append(c.pk.in_(select(case_fts.c.rowid).where(case_fts.c.case_fts.op("MATCH")(query))))
    return cond


# A text search matching more cases than this is paged by walking the date index (see walk_by_date).
MANY_MATCHES = 1000
# Filters with an index of their own (column, received_at): SQLite's plan is right for those.
_INDEXED_FILTERS = ("category", "status", "kecamatan_code", "station", "phone")


def walk_by_date(session: Session, filters: CaseFilter, query: str) -> bool:
    """Whether a newest/oldest-first text search should walk the received_at index, testing each case
    against the match set, instead of fetching and sorting every match.  SQLite cannot know how many
    cases the FTS5 query returns and always does the latter: 0.1 s for "jalan" (a third of 100,000
    cases) against 3 ms by the index.  Counting the matches in FTS5 first costs about a millisecond;
    for rare words the default plan stays (walking the index would scan it all)."""
    if any(getattr(filters, f) for f in _INDEXED_FILTERS):
        return False
    n = session.scalar(
        select(func.count()).select_from(case_fts).where(case_fts.c.case_fts.op("MATCH")(query))
    )
    return bool(n and n > MANY_MATCHES)


SNIPPET_COLUMNS = ("summary", "place", "notes", "transcript")  # first with a match gives the snippet
SNIPPET_WORDS = 16


def _fold(word: str) -> str:
    """A word as the index compares it (unicode61 remove_diacritics 2): lower case, no accents."""
    lower = word.lower()
    if lower.isascii():
        return lower
    decomposed = unicodedata.normalize("NFKD", lower)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def search_terms(user_text: str | None) -> list[tuple[str, bool]]:
    """The words of a search as (folded word, is prefix), the way :func:`fts_query` reads them."""
    query = fts_query(user_text)
    if query is None:
        return []
    terms: list[tuple[str, bool]] = []
    for part in re.findall(r'"([^"]*)"(\*?)', query):
        words = [_fold(w) for w in part[0].split()]
        terms.extend((w, False) for w in words[:-1])
        if words:
            terms.append((words[-1], part[1] == "*"))
    return terms


def _matches(token: str, terms: list[tuple[str, bool]]) -> bool:
    folded = _fold(token)
    return any(folded.startswith(w) if prefix else folded == w for w, prefix in terms)


def make_snippet(
    texts: Sequence[str | None], terms: list[tuple[str, bool]], width: int = SNIPPET_WORDS
) -> str:
    """About ``width`` words around the first match in the first text that has one, every matching
    word between HL_START and HL_END, "…" where text was cut.  "" when nothing matches."""
    for text in texts:
        if not text:
            continue
        folded = _fold(text)
        if not any(w in folded for w, _ in terms):  # cheap test before cutting the text into words
            continue
        tokens = list(_WORD.finditer(text))
        hits = [i for i, m in enumerate(tokens) if _matches(m.group(), terms)]
        if not hits:
            continue
        first = max(0, min(hits[0] - width // 4, len(tokens) - width))
        last = min(len(tokens), first + width)
        start = tokens[first].start() if first > 0 else 0
        end = tokens[last - 1].end() if last < len(tokens) else len(text)
        out: list[str] = [ELLIPSIS] if first > 0 else []
        pos = start
        for i in range(first, last):
            m = tokens[i]
            if i in hits:
                out += [text[pos : m.start()], HL_START, m.group(), HL_END]
                pos = m.end()
        out.append(text[pos:end])
        if last < len(tokens):
            out.append(ELLIPSIS)
        return "".join(out)
    return ""


def page_snippets(
    session: Session, pks: Sequence[int], user_text: str | None, columns: Sequence[str]
) -> dict[int, str]:
    """pk -> snippet for one page of cases: the first of ``columns`` with a match, "" for none.

    The texts are read by rowid (fast) and marked in Python: FTS5's own snippet() re-runs the MATCH for
    every row (0.4 s for a page at 100,000 cases)."""
    terms = search_terms(user_text)
    if not pks or not terms:
        return {}
    texts = session.execute(
        select(case_fts.c.rowid, *(literal_column(col) for col in columns)).where(
            case_fts.c.rowid.in_(list(pks))
        )
    ).all()
    return {t[0]: make_snippet(t[1:], terms) for t in texts}
