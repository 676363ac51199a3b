"""The console's monitoring and search pages: ``/console/monitoring`` (+ ``.csv``), ``/console/cari``,
and the regency's Friday review PDF ``/console/laporan-mingguan.pdf``.

Figures and hits are scoped by :func:`radio_desk.server.search.visibility`: staff see the regency, an OPD
its forwarded cases, a station its own.  The public is refused (and the refusal logged).
"""

from __future__ import annotations

import logging
import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, Response

from radio_desk.server import monitoring, search, svgcharts
from radio_desk.server.auth import Principal
from radio_desk.server.deps import AuthError, CalendarDep, SessionDep, get_principal
from radio_desk.server.templating import has_template, templates

log = logging.getLogger("radio_desk.server.security")
router = APIRouter(prefix="/console", tags=["konsol"], include_in_schema=False)


class NotLoggedIn(AuthError):
    """No console user behind the request (HTTP 403)."""


def console_principal(request: Request, principal: Annotated[Principal, Depends(get_principal)]) -> Principal:
    """The console user (an API key in ``X-API-Key`` until the console login is merged)."""
    if principal.is_public:
        client = request.client.host if request.client else "?"
        log.warning("refused 403: %s %s from %s: not logged in", request.method, request.url.path, client)
        raise NotLoggedIn("Silakan masuk ke konsol terlebih dahulu.")
    return principal


UserDep = Annotated[Principal, Depends(console_principal)]


def layout() -> str:
    """The console's page frame: the console's own ``base.html`` once it exists."""
    return "base.html" if has_template("base.html") else "console/views_base.html"


def _page(request: Request, name: str, context: dict, status: int = 200) -> Response:  # type: ignore[type-arg]
    return templates.TemplateResponse(request, name, {"layout": layout(), **context}, status_code=status)


@router.get("/monitoring", response_class=HTMLResponse)
def monitoring_page(
    request: Request,
    session: SessionDep,
    cal: CalendarDep,
    user: UserDep,
    minggu: Annotated[int, Query(ge=1, le=52)] = 8,
) -> Response:
    m = monitoring.compute_monitoring(session, user, cal, weeks=minggu)
    weeks = [d.strftime("%d/%m") for d in m.weeks]
    trend = svgcharts.grouped_bars(
        f"Aduan per minggu, {len(weeks)} minggu terakhir (minggu dimulai hari Senin)",
        weeks,
        [("Diterima", m.received), ("Diteruskan ke OPD", m.forwarded), ("Ditindaklanjuti", m.followed_up)],
    )
    opd_chart = svgcharts.hbars(
        "Aduan terbuka dan lewat batas per OPD",
        [(g.name, [g.open, g.overdue]) for g in m.per_opd],
        ["Terbuka", "Lewat batas"],
    )
    station_chart = svgcharts.hbars(
        "Aduan terbuka dan lewat batas per stasiun",
        [(g.name, [g.open, g.overdue]) for g in m.per_station],
        ["Terbuka", "Lewat batas"],
    )
    sparks = {
        ("opd", g.key): svgcharts.sparkline(f"Diteruskan ke {g.name} per minggu", weeks, g.weekly)
        for g in m.per_opd
    } | {
        ("stasiun", g.key): svgcharts.sparkline(f"Diterima {g.name} per minggu", weeks, g.weekly)
        for g in m.per_station
    }
    return _page(
        request,
        "console/monitoring.html",
        {"m": m, "minggu": minggu, "trend": trend, "opd_chart": opd_chart, "station_chart": station_chart,
         "sparks": sparks, "user": user},
    )  # fmt: skip


@router.get("/monitoring.csv")
def monitoring_csv(
    session: SessionDep,
    cal: CalendarDep,
    user: UserDep,
    minggu: Annotated[int, Query(ge=1, le=52)] = 8,
    isi: Annotated[str, Query(pattern="^(ringkasan|terlambat)$")] = "ringkasan",
) -> Response:
    m = monitoring.compute_monitoring(session, user, cal, weeks=minggu)
    body = monitoring.monitoring_csv(m) if isi == "ringkasan" else monitoring.overdue_csv(m)
    name = f"monitoring-{isi}-{m.as_of.astimezone(cal.tz).date().isoformat()}.csv"
    return Response(
        body,
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )


@router.get("/cari", response_class=HTMLResponse)
def search_page(
    request: Request,
    session: SessionDep,
    user: UserDep,
    q: Annotated[str, Query(max_length=search.MAX_QUERY)] = "",
    halaman: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> Response:
    result = search.search_cases(session, user, q, page=halaman) if q.strip() else None
    return _page(request, "console/cari.html", {"q": q, "result": result, "user": user})


@router.get("/laporan-mingguan.pdf")
def weekly_pdf(
    session: SessionDep,
    cal: CalendarDep,
    user: UserDep,
    dari: Annotated[date, Query()],
    sampai: Annotated[date, Query()],
    edisi: Annotated[str, Query(pattern="^(internal|public)$")] = "internal",
) -> Response:
    """The regency's weekly review (all stations); the internal edition for staff only."""
    from radio_desk.server.regency_report import write_regency_report

    if not user.is_staff:
        log.warning("refused 403: %s (%s) asked for the regency report", user.name, user.role)
        from radio_desk.server.cases import Forbidden

        raise Forbidden("Laporan mingguan kabupaten hanya untuk admin atau koordinator.")
    handle = tempfile.NamedTemporaryFile(prefix="laporan-", suffix=".pdf", delete=False)  # noqa: SIM115
    handle.close()
    out = Path(handle.name)
    try:
        write_regency_report(session, dari, sampai, out, edition=edisi, by=user.name, calendar=cal)
        body = out.read_bytes()
    finally:
        out.unlink(missing_ok=True)
    name = f"laporan-mingguan-{dari.isoformat()}-{sampai.isoformat()}-{edisi}.pdf"
    return Response(
        body,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
