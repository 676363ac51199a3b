"""What the weekly report is made from (plain domain objects) and the marks it prints."""

from __future__ import annotations

import getpass
from collections.abc import Container
from dataclasses import dataclass, field
from datetime import date, datetime

from reportlab.lib.units import mm

from radio_desk.domain import Case, StatusEvent, utcnow
from radio_desk.domain.workdays import NATIONAL
from radio_desk.reports.indonesian import format_date

INTERNAL_MARK = "RAHASIA — INTERNAL"
PUBLIC_MARK = "EDISI PUBLIK"
RAHASIA_TAG = "[RAHASIA]"  # next to every rahasia case in every table of the internal edition
MARGIN = 15 * mm


@dataclass
class ReportData:
    period_from: date
    period_to: date
    cases: list[Case]
    events: list[StatusEvent]
    stations: list[str] = field(default_factory=list)  # names (or codes) shown on the cover
    edition: str = "internal"  # "internal" | "public"
    generated_by: str = field(default_factory=getpass.getuser)
    generated_at: datetime = field(default_factory=utcnow)
    as_of: datetime | None = None  # the moment the norms are judged at; default generated_at
    holidays: Container[date] = NATIONAL  # the days off the norm clocks skip (national + cuti bersama)
    station_sections: bool = False  # one section per station too (the regency's review of all stations)
    # whether reporters are named; None: the edition's default (internal yes, public no)
    reporter_names: bool | None = None

    @property
    def internal(self) -> bool:
        return self.edition == "internal"


def period_text(d: ReportData) -> str:
    if d.period_from == d.period_to:
        return format_date(d.period_from)
    return f"{format_date(d.period_from)} – {format_date(d.period_to)}"
