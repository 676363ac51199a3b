"""Indonesian formatting: "Jumat, 7 April 2017", thousands with dots, decimal comma, times "14.05"
(in the station's zone, :mod:`radio_desk.domain.station_time`)."""

from __future__ import annotations

from datetime import date, datetime

from radio_desk.domain.station_time import local, zone_label
from radio_desk.errors import ValidationError

DAYS = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
MONTHS = (
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
)


__all__ = ["local"]  # the station's wall clock (radio_desk.domain.station_time), re-exported


def format_date(d: date | datetime, weekday: bool = True) -> str:
    if isinstance(d, datetime):
        d = local(d).date()
    text = f"{d.day} {MONTHS[d.month - 1]} {d.year}"
    return f"{DAYS[d.weekday()]}, {text}" if weekday else text


def format_short_date(d: date | datetime) -> str:
    if isinstance(d, datetime):
        d = local(d).date()
    return f"{d.day:02d}/{d.month:02d}/{d.year}"


def format_time(dt: datetime) -> str:
    t = local(dt)
    return f"{t.hour:02d}.{t.minute:02d}"


def format_datetime(dt: datetime, weekday: bool = True) -> str:
    return f"{format_date(dt, weekday)} {format_time(dt)} {zone_label()}"


def format_int(n: int) -> str:
    return f"{n:,}".replace(",", ".")


def format_decimal(x: float, places: int = 1) -> str:
    text = f"{x:,.{places}f}"
    return text.replace(",", "\x00").replace(".", ",").replace("\x00", ".")


def format_percent(part: int, whole: int) -> str:
    return "-" if whole == 0 else format_decimal(100 * part / whole, 1) + "%"


def format_duration_hours(hours: float | None) -> str:
    """``None`` → "-", under two days in hours ("18,5 jam"), otherwise days ("2,3 hari")."""
    if hours is None:
        return "-"
    if hours < 48:
        return f"{format_decimal(hours, 1)} jam"
    return f"{format_decimal(hours / 24, 1)} hari"


def parse_date(text: str, field: str = "tanggal") -> date:
    """ISO ``2017-04-07`` or Indonesian ``07/04/2017`` / ``7-4-2017``."""
    raw = text.strip()
    try:
        return date.fromisoformat(raw)
    except ValueError:
        pass
    for sep in ("/", "-", "."):
        parts = raw.split(sep)
        if len(parts) == 3 and all(p.isdigit() for p in parts) and len(parts[2]) == 4:
            try:
                return date(int(parts[2]), int(parts[1]), int(parts[0]))
            except ValueError:
                break
    raise ValidationError(
        f"Tanggal \u201c{text}\u201d tidak dikenali untuk {field}: tulis 2017-04-07 atau 07/04/2017.",
        field=field,
    )
