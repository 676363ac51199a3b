"""``/publik``: the cases of the regency for everyone, no login (the KIP openness programme).

Shown: number, category, kecamatan, status, OPD, dates and the follow-up text (``status_notes``), plus
figures per OPD; filters by status, category and kecamatan; pages of 20.  Never shown (the privacy rules
of docs/server.md): a rahasia case (not in the list, not in a figure), the reporter's name or phone,
a recording, the summary or the internal notes.  The follow-up text is printed with phone-like numbers
masked and the reporter's name (anonim or not) removed.
"""

from __future__ import annotations

import math
import threading
import time
from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import FileResponse, HTMLResponse, Response
from sqlalchemy import and_, case, func, select
from sqlalchemy.orm import Session

from radio_desk.domain.enums import CLOSED_STATUSES, Status
from radio_desk.domain.gazetteer import get_gazetteer
from radio_desk.reports.privacy import hide_name, mask_numbers
from radio_desk.server.deps import SessionDep
from radio_desk.server.models import ServiceRequest
from radio_desk.server.templating import STATIC_DIR, taxonomy, templates

router = APIRouter(tags=["publik"], include_in_schema=False)
FIGURES_SECONDS = 60.0  # the page says "diperbarui setiap menit"; anonymous load never recounts more often
PER_PAGE = 20
MAX_PAGE = 100_000
SR = ServiceRequest
CLOSED = [s.value for s in CLOSED_STATUSES]
OPEN = [s.value for s in Status if s not in CLOSED_STATUSES]


def public_clause():  # type: ignore[no-untyped-def]
    """The cases the public may see: never a rahasia one."""
    return SR.rahasia.is_(False)


class FiguresCache:
    """The page's aggregates (figures per OPD, the count of a filter) kept for ``FIGURES_SECONDS``: the
    public page is anonymous, so a burst of visitors must not each recount the whole table."""

    def __init__(self, seconds: float = FIGURES_SECONDS, size: int = 512) -> None:
        self.seconds, self.size = seconds, size
        self._items: dict[object, tuple[float, object]] = {}
        self._lock = threading.Lock()

    def get(self, key: object, compute):  # type: ignore[no-untyped-def]
        now = time.monotonic()
        with self._lock:
            hit = self._items.get(key)
            if hit is not None and hit[0] > now:
                return hit[1]
        value = compute()
        with self._lock:
            if len(self._items) >= self.size:
                self._items = {k: v for k, v in self._items.items() if v[0] > now}
                if len(self._items) >= self.size:
                    self._items.clear()
            self._items[key] = (now + self.seconds, value)
        return value


def _cache(request: Request) -> FiguresCache:
    cache = getattr(request.app.state, "public_figures", None)
    if cache is None:
        cache = request.app.state.public_figures = FiguresCache()
    return cache


@dataclass
class PublicCase:
    id: int
    service_code: str
    kecamatan_code: str | None
    status: str
    opd: str | None
    requested: object
    updated: object
    follow_up: str


def follow_up_text(notes: str | None, caller_name: str | None) -> str:
    """The follow-up as the public may read it: numbers masked, the reporter's name removed."""
    return hide_name(mask_numbers(notes or ""), caller_name)


@dataclass
class Filters:
    status: str = ""
    kategori: str = ""
    kecamatan: str = ""

    def problems(self) -> list[str]:
        out = []
        if (
            self.status
            and self.status not in Status._value2member_map_
            and self.status not in ("open", "closed")
        ):
            out.append(f"Status \u201c{self.status[:40]}\u201d tidak dikenal.")
        if self.kategori and self.kategori not in taxonomy().categories:
            out.append(f"Kategori \u201c{self.kategori[:40]}\u201d tidak dikenal.")
        if self.kecamatan and self.kecamatan not in _kecamatan_codes():
            out.append(f"Kecamatan \u201c{self.kecamatan[:40]}\u201d tidak dikenal.")
        return out

    def clause(self):  # type: ignore[no-untyped-def]
        parts = [public_clause()]
        if self.status == "open":
            parts.append(SR.status.in_(OPEN))
        elif self.status == "closed":
            parts.append(SR.status.in_(CLOSED))
        elif self.status:
            parts.append(SR.status == self.status)
        if self.kategori:
            parts.append(SR.service_code == self.kategori)
        if self.kecamatan:
            parts.append(SR.kecamatan_code == self.kecamatan)
        return and_(*parts)

    def query(self, page: int) -> str:
        from urllib.parse import urlencode

        items = {"status": self.status, "kategori": self.kategori, "kecamatan": self.kecamatan}
        items = {k: v for k, v in items.items() if v}
        if page > 1:
            items["halaman"] = str(page)
        return "?" + urlencode(items) if items else ""


def _kecamatan_codes() -> dict[str, str]:
    gaz = get_gazetteer()
    return {p.code: p.name for p in gaz.kecamatan_of(taxonomy().regency_code)}


def opd_figures(session: Session) -> list[dict]:
    """Per OPD (non-rahasia cases forwarded to it): forwarded, still open, resolved."""
    q = (
        select(
            SR.opd,
            func.count(),
            func.sum(case((SR.status.in_(OPEN), 1), else_=0)),
            func.sum(case((SR.status == Status.SELESAI.value, 1), else_=0)),
        )
        .where(public_clause(), SR.opd.is_not(None), SR.forwarded_at.is_not(None))
        .group_by(SR.opd)
    )
    tax = taxonomy()
    rows = [
        {"opd": code, "name": tax.opd_name(code), "total": int(n), "open": int(o or 0), "done": int(d or 0)}
        for code, n, o, d in session.execute(q)
    ]
    rows.sort(key=lambda r: (-r["total"], r["name"]))
    return rows


def count_public(session: Session, filters: Filters) -> int:
    return int(session.scalar(select(func.count()).select_from(SR).where(filters.clause())) or 0)


def list_public(
    session: Session, filters: Filters, page: int, total: int | None = None
) -> tuple[list[PublicCase], int]:
    where = filters.clause()
    if total is None:
        total = count_public(session, filters)
    q = (
        select(
            SR.id,
            SR.service_code,
            SR.kecamatan_code,
            SR.status,
            SR.opd,
            SR.requested_datetime,
            SR.updated_datetime,
            SR.status_notes,
            SR.caller_name,
        )
        .where(where)
        .order_by(SR.requested_datetime.desc(), SR.id.desc())
        .offset((page - 1) * PER_PAGE)
        .limit(PER_PAGE)
    )
    cases = [
        PublicCase(r[0], r[1], r[2], r[3], r[4], r[5], r[6], follow_up_text(r[7], r[8]))
        for r in session.execute(q)
    ]
    return cases, int(total)


@router.get("/publik", response_class=HTMLResponse)
def public_page(
    request: Request,
    session: SessionDep,
    status: Annotated[str, Query(max_length=40)] = "",
    kategori: Annotated[str, Query(max_length=40)] = "",
    kecamatan: Annotated[str, Query(max_length=40)] = "",
    halaman: Annotated[str, Query(max_length=12)] = "1",
) -> Response:
    filters = Filters(status.strip(), kategori.strip(), kecamatan.strip())
    problems = filters.problems()
    try:
        page = int(halaman)
        if not 1 <= page <= MAX_PAGE:
            raise ValueError
    except ValueError:
        problems.append(f"Nomor halaman \u201c{halaman[:12]}\u201d tidak sah.")
        page = 1
    cache = _cache(request)
    if problems:
        cases, total = [], 0
    else:
        key = ("count", filters.status, filters.kategori, filters.kecamatan)
        total = cache.get(key, lambda: count_public(session, filters))
        cases, total = list_public(session, filters, page, total)
    pages = max(1, math.ceil(total / PER_PAGE))
    tax = taxonomy()
    context = {
        "filters": filters,
        "problems": problems,
        "cases": cases,
        "total": total,
        "page": page,
        "pages": pages,
        "opds": cache.get("opds", lambda: opd_figures(session)),
        "statuses": [(s.value, s.label) for s in Status],
        "categories": sorted(((c.code, c.name) for c in tax.categories.values()), key=lambda x: x[1]),
        "kecamatan": sorted(_kecamatan_codes().items(), key=lambda x: x[1]),
        "prev_url": filters.query(page - 1) if page > 1 else None,
        "next_url": filters.query(page + 1) if page < pages else None,
    }
    response = templates.TemplateResponse(
        request, "public/index.html", context, status_code=400 if problems else 200
    )
    response.headers["Cache-Control"] = "public, max-age=60"
    return response


@router.get("/publik/gaya.css")
def public_css() -> Response:
    return FileResponse(
        STATIC_DIR / "public.css", media_type="text/css", headers={"Cache-Control": "public, max-age=86400"}
    )
