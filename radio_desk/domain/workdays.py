"""Working-day arithmetic for the SP4N-LAPOR! norms, and the days off it skips — the one calendar both
the desk's weekly report and the server's deadline clocks use.

Rule: Saturdays, Sundays and the days off are not working days.  A deadline of ``n`` working days falls
at the same local time of day on the n-th working day after the start day, so a report received on
Friday 10.00 WIB is due for forwarding on Wednesday 10.00 WIB.  Dates are local (WIB).

The days off are Indonesia's national holidays (*hari libur nasional*) and collective leave (*cuti
bersama*) as set each year by the SKB 3 Menteri (Agama, Ketenagakerjaan, PANRB), taken from the
``holidays`` package (``Indonesia``, categories ``public`` and ``government``; pinned in pyproject.toml),
plus a regency's own days (the desk's ``regency_holidays`` setting, the server's ``holidays.txt``).
Checked against the SKB for 2026 (No. 1497/2/5 Tahun 2025: 17 national days, 8 days of cuti bersama)
and the package's source for 2027 (the SKB published on setneg.go.id, September 2026).  For later years
the package estimates the Islamic holidays until an SKB fixes them; a wrong day is corrected with a
regency day or a newer pin.  Where the days come from is in docs/server.md too.
"""

from __future__ import annotations

from collections.abc import Container, Iterable
from datetime import date, datetime, timedelta, timezone, tzinfo
from functools import lru_cache

from radio_desk.errors import ValidationError

WIB = timezone(timedelta(hours=7), "WIB")  # fixed offset: Indonesia has no daylight saving
VERIFY_FORWARD_DAYS = 3  # verified and forwarded to the OPD
FOLLOW_UP_DAYS = 5  # OPD follow-up after forwarding


@lru_cache(maxsize=256)
def national_days_off(year: int) -> frozenset[date]:
    """Indonesia's national holidays and cuti bersama of ``year`` (weekend days included)."""
    from holidays.constants import GOVERNMENT, PUBLIC
    from holidays.countries.indonesia import Indonesia

    return frozenset(Indonesia(years=year, categories=(PUBLIC, GOVERNMENT)))


class DaysOff:
    """The national days off of every year, plus ``extra`` regency days: ``day in DaysOff(...)``."""

    def __init__(self, extra: Iterable[date] = ()) -> None:
        self.extra = frozenset(extra)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and (day in self.extra or day in national_days_off(day.year))

    def __repr__(self) -> str:
        return f"DaysOff(extra={sorted(self.extra)})"


NATIONAL = DaysOff()


def regency_days_off(text: str) -> DaysOff:
    """The national days off plus the desk's ``regency_holidays`` setting (ISO dates, comma-separated)."""
    return DaysOff(parse_days(text.replace(";", ",").split(","), "regency_holidays"))


def parse_days(lines: Iterable[str], where: str) -> frozenset[date]:
    """ISO dates, one an item (``#`` starts a comment, blank items are skipped); a clear error otherwise."""
    days = set()
    for line in lines:
        text = line.split("#", 1)[0].strip()
        if not text:
            continue
        try:
            days.add(date.fromisoformat(text))
        except ValueError as err:
            raise ValidationError(
                f"{where}: \u201c{text[:40]}\u201d bukan tanggal (tulis seperti 2026-10-20).", field=where
            ) from err
    return frozenset(days)


def is_working_day(day: date, holidays: Container[date] | None = None) -> bool:
    """``holidays`` None: the national days off (:data:`NATIONAL`); pass a set to use exactly that."""
    return day.weekday() < 5 and day not in (NATIONAL if holidays is None else holidays)


def add_working_days(
    start: datetime, days: int, holidays: Container[date] | None = None, tz: tzinfo = WIB
) -> datetime:
    """The moment ``days`` working days after ``start`` (same local time of day)."""
    local = start.astimezone(tz)
    day = local.date()
    counted = 0
    while counted < days:
        day += timedelta(days=1)
        if is_working_day(day, holidays):
            counted += 1
    return datetime.combine(day, local.timetz())


def working_days_between(
    start: datetime, end: datetime, holidays: Container[date] | None = None, tz: tzinfo = WIB
) -> int:
    """Working days d with start-day < d <= end-day (local dates); 0 when end is on the start day."""
    a, b = start.astimezone(tz).date(), end.astimezone(tz).date()
    count, day = 0, a
    while day < b:
        day += timedelta(days=1)
        if is_working_day(day, holidays):
            count += 1
    return count


def is_late(
    start: datetime, done: datetime, days: int, holidays: Container[date] | None = None, tz: tzinfo = WIB
) -> bool:
    """True when ``done`` (the handling, or "now" for a clock still running) is after the deadline."""
    return done > add_working_days(start, days, holidays, tz)
