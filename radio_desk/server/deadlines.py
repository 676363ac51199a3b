"""SP4N-LAPOR! deadline clocks, counted in working days in the regency's time zone (WIB).

* verification and forwarding to an OPD: within 3 working days of the report being received;
* the OPD's follow-up (status "diproses" or "selesai"): within 5 working days of forwarding.

Saturdays, Sundays, Indonesia's national holidays and cuti bersama (the calendar in
:mod:`radio_desk.domain.workdays`, shared with the desk's weekly report) do not count; a regency adds its
own days in ``holidays.txt`` (one ISO date a line, ``#`` comments) in the server's data folder.
"""

from __future__ import annotations

import logging
from collections.abc import Container
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from radio_desk.domain import workdays
from radio_desk.domain.enums import Status
from radio_desk.errors import ValidationError

if TYPE_CHECKING:
    from radio_desk.server.config import ServerSettings

log = logging.getLogger(__name__)

VERIFY_FORWARD_DAYS = 3
FOLLOW_UP_DAYS = 5


def load_holidays(data_dir: Path | None) -> workdays.DaysOff:
    """The national days off plus the regency's days from ``<data_dir>/holidays.txt``."""
    extra: set[date] = set()
    path = data_dir / "holidays.txt" if data_dir is not None else None
    if path is not None and path.exists():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            try:
                extra |= workdays.parse_days([line], f"{path.name} baris {number}")
            except ValidationError as err:  # a bad line must not stop the server; it is not a holiday
                log.warning("ignored: %s", err.message)
    return workdays.DaysOff(extra)


@dataclass(frozen=True)
class Calendar:
    tz: ZoneInfo
    holidays: Container[date] = workdays.NATIONAL

    @classmethod
    def of(cls, settings: ServerSettings) -> Calendar:
        """The calendar the server's settings give: their time zone, the days off of their data folder."""
        return cls(ZoneInfo(settings.timezone), load_holidays(settings.data_dir))

    def is_working_day(self, day: date) -> bool:
        return workdays.is_working_day(day, self.holidays)

    def add_working_days(self, start: datetime, days: int) -> datetime:
        """The moment ``days`` working days after ``start`` (same local time of day; shared rule)."""
        return workdays.add_working_days(start, days, self.holidays, self.tz)


@dataclass(frozen=True)
class Clock:
    stage: str  # "verifikasi" (verify + forward) | "tindak_lanjut" (OPD follow-up)
    started: datetime
    due: datetime

    def overdue(self, now: datetime) -> bool:
        return now > self.due


def running_clock(
    cal: Calendar, status: str, requested: datetime, forwarded: datetime | None
) -> Clock | None:
    """The clock still running for a case in ``status``, or None when no deadline applies."""
    status = Status(status)
    if status in (Status.BARU, Status.TERVERIFIKASI):
        return Clock("verifikasi", requested, cal.add_working_days(requested, VERIFY_FORWARD_DAYS))
    if status == Status.DITERUSKAN and forwarded is not None:
        return Clock("tindak_lanjut", forwarded, cal.add_working_days(forwarded, FOLLOW_UP_DAYS))
    return None


def expected_datetime(cal: Calendar, status: str, requested: datetime, forwarded: datetime | None):  # type: ignore[no-untyped-def]
    """Open311 ``expected_datetime``: the deadline of the clock now running, if any."""
    clock = running_clock(cal, status, requested, forwarded)
    return clock.due if clock else None


def overdue_start_ranges(cal: Calendar, days: int, now: datetime) -> list[tuple[datetime | None, datetime]]:
    """The clock starts whose ``days``-working-day deadline has passed at ``now``, as half-open UTC
    intervals ``[lo, hi)`` (``lo`` None: from the beginning of time), for a database range predicate.

    The deadline falls on a day that only depends on the start's local date and never goes back as that
    date goes forward; its time of day is the start's.  So every start before the first local day whose
    deadline is today or later is overdue, and of the days whose deadline is today, the starts earlier in
    the day than ``now`` is (a weekend start keeps its own time: Saturday 10.00 and Sunday 09.00 are both
    due on Wednesday, each at its hour).  Exactly :meth:`Clock.overdue` of :func:`running_clock`.
    """
    local_now = now.astimezone(cal.tz)
    today = local_now.date()

    def due_day(start_day: date) -> date:
        start = datetime.combine(start_day, datetime.min.time(), cal.tz)
        return cal.add_working_days(start, days).date()

    def start_of(day: date) -> datetime:
        return datetime.combine(day, datetime.min.time(), cal.tz).astimezone(UTC)

    day = today
    while due_day(day) >= today:  # at most a few weeks back, even across Lebaran's long cuti bersama
        day -= timedelta(days=1)
    first_not_passed = day + timedelta(days=1)  # every start before this local day is overdue
    ranges: list[tuple[datetime | None, datetime]] = [(None, start_of(first_not_passed))]
    since_midnight = local_now - datetime.combine(today, datetime.min.time(), cal.tz)
    day = first_not_passed
    while day <= today and due_day(day) == today:
        lo = start_of(day)
        ranges.append((lo, lo + since_midnight))
        day += timedelta(days=1)
    return ranges
