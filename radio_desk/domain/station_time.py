"""The station's time zone: every clock shown on a screen, in a report or in an export goes through here.

Indonesia has three zones without daylight saving: WIB (UTC+7, Java and Sumatra), WITA (UTC+8) and WIT
(UTC+9).  The station picks one in Settings (``timezone``: ``Asia/Jakarta``, ``Asia/Makassar``,
``Asia/Jayapura``); the app and the CLI call :func:`set_station_zone` once the settings are read, and
the PC clock's own zone is never used (a studio PC set to UTC showed a call seven hours off).
Times are stored in UTC; this module only turns them into the station's wall clock and back.
"""

from __future__ import annotations

import threading
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo

WIB = timezone(timedelta(hours=7), "WIB")
WITA = timezone(timedelta(hours=8), "WITA")
WIT = timezone(timedelta(hours=9), "WIT")
ZONES: dict[str, timezone] = {"Asia/Jakarta": WIB, "Asia/Makassar": WITA, "Asia/Jayapura": WIT}
DEFAULT_ZONE = "Asia/Jakarta"

_lock = threading.Lock()
_zone: timezone = WIB


def set_station_zone(name: str) -> timezone:
    """Use the zone named by the setting (an unknown name keeps WIB); returns the zone in use."""
    global _zone
    with _lock:
        _zone = ZONES.get(name, WIB)
        return _zone


def station_zone() -> timezone:
    return _zone


def zone_label(zone: tzinfo | None = None) -> str:
    """ "WIB", "WITA" or "WIT"."""
    return (zone or _zone).tzname(None) or "WIB"


def local(dt: datetime) -> datetime:
    """An aware time as the station's wall clock (a naive one is taken as UTC, as the store keeps it)."""
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    return dt.astimezone(_zone)


def now_local() -> datetime:
    return datetime.now(_zone)


def today_local() -> date:
    return now_local().date()


def start_of_day(day: date) -> datetime:
    """Midnight of a station day, aware (in the station's zone)."""
    return datetime.combine(day, time(), _zone)


def day_range(first: date, last: date) -> tuple[datetime, datetime]:
    """Station days ``first``..``last`` inclusive as a half-open aware interval."""
    return start_of_day(first), start_of_day(last + timedelta(days=1))


def clock(dt: datetime, seconds: bool = False) -> str:
    """ "16:27" (or "16:27:05") in the station's zone."""
    return local(dt).strftime("%H:%M:%S" if seconds else "%H:%M")


def stamp(dt: datetime) -> str:
    """ "03-12-2026 16:27", the tables' and the editor's form."""
    return local(dt).strftime("%d-%m-%Y %H:%M")
