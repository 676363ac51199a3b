"""SP4N-LAPOR! deadline clocks, counted in working days in the regency's time zone (WIB).

* verification and forwarding to an OPD: within 3 working days of the report being received;
* the OPD's follow-up (status "diproses" or "selesai"): within 5 working days of forwarding.

Saturdays, Sundays and the national holidays below do not count.  The list is small on purpose
(national days off and collective leave for 2025–2027 per the SKB 3 Menteri); a regency adds its
own days in ``holidays.txt`` (one ISO date a line) in the server's data folder.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from radio_desk.domain import workdays
from radio_desk.domain.enums import Status

VERIFY_FORWARD_DAYS = 3
FOLLOW_UP_DAYS = 5

NATIONAL_HOLIDAYS: frozenset[date] = frozenset(
    date.fromisoformat(d)
    for d in (
        # 2025
        "2025-01-01", "2025-01-27", "2025-01-29", "2025-03-29", "2025-03-31", "2025-04-01",
        "2025-04-18", "2025-05-01", "2025-05-12", "2025-05-29", "2025-06-01", "2025-06-06",
        "2025-06-27", "2025-08-17", "2025-09-05", "2025-12-25",
        # 2026
        "2026-01-01", "2026-01-16", "2026-02-17", "2026-03-19", "2026-03-20", "2026-03-21",
        "2026-04-03", "2026-05-01", "2026-05-14", "2026-05-27", "2026-05-31", "2026-06-01",
        "2026-06-16", "2026-08-17", "2026-08-25", "2026-12-25",
        # 2027
        "2027-01-01", "2027-02-06", "2027-03-09", "2027-03-10", "2027-03-11", "2027-03-26",
        "2027-05-01", "2027-05-06", "2027-05-16", "2027-05-20", "2027-06-01", "2027-06-06",
        "2027-08-17", "2027-08-15", "2027-12-25",
    )
)  # fmt: skip


def load_holidays(data_dir: Path | None) -> frozenset[date]:
    extra: set[date] = set()
    if data_dir is not None:
        path = data_dir / "holidays.txt"
        if path.exists():
            for line in path.read_text(encoding="utf-8").splitlines():
                line = line.split("#", 1)[0].strip()
                if line:
                    try:
                        extra.add(date.fromisoformat(line))
                    except ValueError:
                        continue  # a bad line must not stop the server; it is simply not a holiday
    return NATIONAL_HOLIDAYS | extra


@dataclass(frozen=True)
class Calendar:
    tz: ZoneInfo
    holidays: frozenset[date] = NATIONAL_HOLIDAYS

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
