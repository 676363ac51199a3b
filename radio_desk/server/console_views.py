"""The console's monitoring and search pages: ``/console/monitoring`` (+ ``.csv``), ``/console/cari``,
and the regency's Friday review PDF ``/console/laporan-mingguan.pdf``.

Every page needs the console login (:data:`radio_desk.server.console.auth.ConsoleUserDep`: no session →
the login page).  Figures and hits are scoped by :func:`radio_desk.server.permissions.visibility`: staff see
the regency, an OPD its forwarded cases, a station its own.  The PDF is for staff only (refusal logged).
"""

from __future__ import annotations

import logging
import tempfile
from datetime import date
from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, Response

from radio_desk.reports.weekly import last_review_week
from radio_desk.server import audit, monitoring, search, svgcharts
from radio_desk.server.console.auth import ConsoleForbidden, ConsoleUser, ConsoleUserDep
from radio_desk.server.console.pages import render
from radio_desk.server.console.pages import templates as console_templates
from radio_desk.server.deps import CalendarDep, SessionDep
from radio_desk.server.templating import env as public_env

log = logging.getLogger("radio_desk.server.security")
router = APIRouter(prefix="/console", tags=["konsol"], include_in_schema=False)

# the console's Jinja2 environment renders these pages (its base.html, navigation, CSRF token);
# it gets the Indonesian number/date filters of the public pages it does not define itself
for _name, _filter in public_env.filters.items():
    console_templates.env.filters.setdefault(_name, _filter)


def _page(request: Request, name: str, user: ConsoleUser, context: dict) -> Response:  # type: ignore[type-arg]
    return render(request, name, user, **context)


@router.get("/monitoring", response_class=HTMLResponse)
def monitoring_page(
    request: Request,
    session: SessionDep,
    cal: CalendarDep,
    user: ConsoleUserDep,
    minggu: Annotated[int, Query(ge=1, le=52)] = 8,
) -> Response:
    m = monitoring.compute_monitoring(session, user.principal, cal, weeks=minggu)
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
    review = last_review_week(m.as_of.astimezone(cal.tz).date())
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
        user,
        {"m": m, "minggu": minggu, "trend": trend, "review_from": review[0].isoformat(),
         "review_to": review[1].isoformat(), "opd_chart": opd_chart, "station_chart": station_chart,
         "sparks": sparks},
    )  # fmt: skip


@router.get("/monitoring.csv")
def monitoring_csv(
    session: SessionDep,
    cal: CalendarDep,
    user: ConsoleUserDep,
    minggu: Annotated[int, Query(ge=1, le=52)] = 8,
    isi: Annotated[str, Query(pattern="^(ringkasan|terlambat)$")] = "ringkasan",
) -> Response:
    m = monitoring.compute_monitoring(session, user.principal, cal, weeks=minggu)
    audit.record(session, user.principal, "unduh_monitoring", isi, f"{minggu} minggu", user.address)
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
    user: ConsoleUserDep,
    q: Annotated[str, Query(max_length=search.MAX_QUERY)] = "",
    halaman: Annotated[int, Query(ge=1, le=10_000)] = 1,
) -> Response:
    result = search.search_cases(session, user.principal, q, page=halaman) if q.strip() else None
    return _page(request, "console/cari.html", user, {"q": q, "result": result})


@router.get("/laporan-mingguan.pdf")
def weekly_pdf(
    session: SessionDep,
    cal: CalendarDep,
    user: ConsoleUserDep,
    dari: Annotated[date, Query()],
    sampai: Annotated[date, Query()],
    edisi: Annotated[str, Query(pattern="^(internal|public)$")] = "internal",
) -> Response:
    """The regency's weekly review (all stations); the internal edition for staff only."""
    from radio_desk.server.regency_report import write_regency_report

    if not user.principal.is_staff:
        log.warning(
            "refused: %s (%s) asked for the regency report from %s", user.name, user.role, user.address
        )
        raise ConsoleForbidden("Laporan mingguan kabupaten hanya untuk admin atau koordinator.")
    handle = tempfile.NamedTemporaryFile(prefix="laporan-", suffix=".pdf", delete=False)  # noqa: SIM115
    handle.close()
    out = Path(handle.name)
    try:
        write_regency_report(session, dari, sampai, out, edition=edisi, by=user.name, calendar=cal)
        audit.record(
            session, user.principal, "laporan_mingguan", f"{dari}..{sampai}", f"edisi {edisi}", user.address
        )
        body = out.read_bytes()
    finally:
        out.unlink(missing_ok=True)
    name = f"laporan-mingguan-{dari.isoformat()}-{sampai.isoformat()}-{edisi}.pdf"
    return Response(
        body,
        media_type="application/pdf",
        headers={"Content-Disposition": f'attachment; filename="{name}"'},
    )
