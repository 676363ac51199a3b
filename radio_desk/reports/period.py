"""Report periods: plain date arithmetic shared by the desk's and the server's reports."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from radio_desk.domain.workdays import WIB


def period_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """Local (WIB) days ``start``..``end`` inclusive as a half-open UTC-aware interval."""
    return datetime.combine(start, time(), WIB), datetime.combine(end + timedelta(days=1), time(), WIB)


def last_review_week(today: date) -> tuple[date, date]:
    """The last complete Friday-to-Thursday week before ``today`` (what the Friday review looks at)."""
    end = today - timedelta(days=(today.weekday() - 3) % 7 or 7)  # Thursday = 3; today's week is not over
    return end - timedelta(days=6), end
