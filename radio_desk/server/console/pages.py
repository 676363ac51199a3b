"""Rendering console pages: the Jinja2 environment (``radio_desk/server/templates``), the navigation per
role, and the HTML error pages. Other console modules render through :func:`render`."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import partial
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from radio_desk.domain.enums import Channel, Status, label_of
from radio_desk.domain.gazetteer import get_gazetteer
from radio_desk.server.auth import Role
from radio_desk.server.console.auth import ConsoleUser, remaining

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"
STATIC = Path(__file__).resolve().parent.parent / "static"
templates = Jinja2Templates(directory=str(TEMPLATES))
WIB = ZoneInfo("Asia/Jakarta")

ROLE_LABELS = {
    Role.ADMIN: "Admin",
    Role.COORDINATOR: "Koordinator Diskominfo",
    Role.OPD: "Petugas OPD",
    Role.STATION: "Stasiun radio",
}

# (path, label, roles); pages of the console-views modules are listed too (they use the same auth)
NAV: list[tuple[str, str, frozenset[Role]]] = [
    ("/console/antrian", "Antrian verifikasi", frozenset({Role.ADMIN, Role.COORDINATOR})),
    ("/console/opd", "Kotak masuk OPD", frozenset({Role.OPD})),
    ("/console/stasiun", "Aduan stasiun", frozenset({Role.STATION})),
    ("/console/monitoring", "Pemantauan", frozenset({Role.ADMIN, Role.COORDINATOR})),
    ("/console/cari", "Cari aduan", frozenset({Role.ADMIN, Role.COORDINATOR, Role.OPD})),
    ("/console/laporan-mingguan.pdf", "Laporan mingguan", frozenset({Role.ADMIN, Role.COORDINATOR})),
    ("/console/audit", "Log audit", frozenset({Role.ADMIN})),
]


def _local(dt: datetime | None, tz: ZoneInfo = WIB) -> str:
    if dt is None:
        return "-"
    return dt.astimezone(tz).strftime("%d-%m-%Y %H:%M") + " WIB"


def _place(code: str | None) -> str:
    """A Kemendagri code with its name (``35.22.01 Kapas``), or "-"."""
    if not code:
        return "-"
    name = get_gazetteer().name(code)
    return f"{name} ({code})" if name else code


templates.env.filters["waktu"] = _local
templates.env.filters["kanal"] = partial(label_of, Channel)
templates.env.filters["wilayah_kode"] = _place
templates.env.filters["status_label"] = partial(label_of, Status)
templates.env.globals["remaining"] = remaining


def nav_for(user: ConsoleUser | None, available: set[str]) -> list[tuple[str, str]]:
    if user is None:
        return []
    return [(p, label) for p, label, roles in NAV if user.role in roles and p in available]


def render(
    request: Request, template: str, user: ConsoleUser | None, status_code: int = 200, **context: Any
) -> HTMLResponse:
    available: set[str] = getattr(request.app.state, "console_paths", set())
    context.update(
        user=user,
        csrf=user.csrf if user else context.get("csrf", ""),
        nav=nav_for(user, available),
        role_label=ROLE_LABELS.get(user.role, "") if user and user.role else "",
        now=datetime.now(UTC),
        path=request.url.path,
    )
    response = templates.TemplateResponse(request, template, context, status_code=status_code)
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Frame-Options"] = "DENY"
    response.headers["Referrer-Policy"] = "same-origin"
    return response


def error_page(
    request: Request, user: ConsoleUser | None, status_code: int, title: str, message: str
) -> HTMLResponse:
    return render(request, "error.html", user, status_code, title=title, message=message)
