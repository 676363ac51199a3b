"""The days off of the SP4N-LAPOR! clocks, with real 2026 and 2027 dates: one calendar for the desk's
report (the default of :mod:`radio_desk.domain.workdays`) and the server (``load_holidays``)."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from radio_desk.domain.workdays import WIB, add_working_days, is_working_day
from radio_desk.errors import ValidationError
from radio_desk.server.deadlines import Calendar, load_holidays

# SKB 3 Menteri No. 1497/2/5 Tahun 2025 on the national holidays and cuti bersama of 2026
SKB_2026_NATIONAL = (
    "2026-01-01", "2026-01-16", "2026-02-17", "2026-03-19", "2026-03-21", "2026-03-22", "2026-04-03",
    "2026-04-05", "2026-05-01", "2026-05-14", "2026-05-27", "2026-05-31", "2026-06-01", "2026-06-16",
    "2026-08-17", "2026-08-25", "2026-12-25",
)  # fmt: skip
SKB_2026_CUTI_BERSAMA = (
    "2026-02-16", "2026-03-18", "2026-03-20", "2026-03-23", "2026-03-24", "2026-05-15", "2026-05-28",
    "2026-12-24",
)  # fmt: skip


def _days(texts: tuple[str, ...]) -> set[date]:
    return {date.fromisoformat(t) for t in texts}


def test_2026_days_off_are_exactly_the_skb() -> None:
    official = _days(SKB_2026_NATIONAL) | _days(SKB_2026_CUTI_BERSAMA)
    year = [date(2026, 1, 1) + timedelta(days=i) for i in range(365)]
    off_on_weekdays = {d for d in year if d.weekday() < 5 and not is_working_day(d)}
    assert off_on_weekdays == {d for d in official if d.weekday() < 5}


@pytest.mark.parametrize(
    ("received", "due"),
    [
        # Nyepi and its cuti bersama, then Idul Fitri with three days of cuti bersama
        ("2026-03-17T10:00", "2026-03-27T10:00"),
        ("2026-05-13T10:00", "2026-05-20T10:00"),  # Kenaikan, cuti bersama Friday 15 May
        ("2026-05-26T10:00", "2026-06-03T10:00"),  # Idul Adha + cuti 28 May, Hari Lahir Pancasila
        ("2026-12-23T10:00", "2026-12-30T10:00"),  # cuti bersama 24 December, Natal
        ("2027-01-04T10:00", "2027-01-08T10:00"),  # Isra Mi'raj, Tuesday 5 January 2027
        ("2027-03-05T10:00", "2027-03-18T10:00"),  # Nyepi 8 March 2027, Idul Fitri 10-11 March + cuti
        ("2027-05-14T10:00", "2027-05-25T10:00"),  # Idul Adha Monday 17 May 2027 (not 16), Waisak 20 May
    ],
)
def test_desk_and_server_count_the_same_working_days(received: str, due: str, tmp_path: Path) -> None:
    start = datetime.fromisoformat(received).replace(tzinfo=WIB)
    expected = datetime.fromisoformat(due).replace(tzinfo=WIB)
    assert add_working_days(start, 3) == expected  # the desk's report
    server = Calendar(ZoneInfo("Asia/Jakarta"), load_holidays(tmp_path))  # the server, no holidays.txt
    assert server.add_working_days(start, 3) == expected


def test_regency_days_on_both_sides(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from radio_desk.settings import Settings

    monday = datetime(2026, 8, 24, 10, 0, tzinfo=WIB)  # 25 August: Maulid Nabi
    assert add_working_days(monday, 3).date() == date(2026, 8, 28)
    (tmp_path / "holidays.txt").write_text("# hari jadi\n2026-08-27\nbukan tanggal\n", encoding="utf-8")
    with caplog.at_level("WARNING"):
        server = Calendar(ZoneInfo("Asia/Jakarta"), load_holidays(tmp_path))
    assert server.add_working_days(monday, 3).date() == date(2026, 8, 31)
    assert "holidays.txt baris 3" in caplog.text  # a bad line is named and skipped, not fatal
    settings = Settings(tmp_path / "settings.json")
    settings["regency_holidays"] = "2026-12-01; 2026-08-27 ,"
    assert settings["regency_holidays"] == "2026-08-27, 2026-12-01"
    with pytest.raises(ValidationError, match="2026-13-01"):
        settings["regency_holidays"] = "2026-13-01"
