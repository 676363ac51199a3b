"""Working-day arithmetic for the SP4N-LAPOR! norms (pure; shared by reports and the server).

Rule: Saturdays, Sundays and the given holidays are not working days.  A deadline of ``n`` working
days falls at the same local time of day on the n-th working day after the start day, so a report
received on Friday 10.00 WIB is due for forwarding on Wednesday 10.00 WIB.  Dates are local (WIB).
"""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone, tzinfo

WIB = timezone(timedelta(hours=7), "WIB")  # fixed offset: Indonesia has no daylight saving
VERIFY_FORWARD_DAYS = 3  # verified and forwarded to the OPD
FOLLOW_UP_DAYS = 5  # OPD follow-up after forwarding


def is_working_day(day: date, holidays: frozenset[date] = frozenset()) -> bool:
    return day.weekday() < 5 and day not in holidays


def add_working_days(
    start: datetime, days: int, holidays: frozenset[date] = frozenset(), tz: tzinfo = WIB
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
    start: datetime, end: datetime, holidays: frozenset[date] = frozenset(), tz: tzinfo = WIB
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
    start: datetime, done: datetime, days: int, holidays: frozenset[date] = frozenset(), tz: tzinfo = WIB
) -> bool:
    """True when ``done`` (the handling, or "now" for a clock still running) is after the deadline."""
    return done > add_working_days(start, days, holidays, tz)
