"""One station time zone for every clock: with the PC clock on UTC and the station on WITA, the On-Air
list, the editor's table, the report text and the CSV export all say 16:27 for a call at 08:27 UTC;
the station's day (today's list, default dates) starts at the station's midnight."""

from __future__ import annotations

import csv
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest

from radio_desk.domain import Case
from radio_desk.domain.station_time import clock, stamp, station_zone, zone_label
from radio_desk.gui.onair.today import load_today
from radio_desk.reports.csv_export import write_cases_csv
from radio_desk.reports.indonesian import format_datetime
from radio_desk.settings import Settings

CALL = datetime(2026, 12, 3, 8, 27, tzinfo=UTC)


@pytest.fixture
def pc_clock_on_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def wita() -> Iterator[Settings]:
    s = Settings()
    s.update({"timezone": "Asia/Makassar"})
    yield s
    s.update({"timezone": "Asia/Jakarta"})


def test_every_clock_in_the_station_zone(pc_clock_on_utc, wita, tmp_path: Path, make_window, qtbot) -> None:
    assert datetime.now().astimezone().utcoffset().total_seconds() == 0  # the PC says UTC
    assert zone_label() == "WITA" and Settings()["timezone"] == "Asia/Makassar"
    assert clock(CALL) == "16:27" and stamp(CALL) == "03-12-2026 16:27"
    assert format_datetime(CALL) == "Kamis, 3 Desember 2026 16.27 WITA"

    w = make_window(start=False, settings={"timezone": "Asia/Makassar"})
    store = w.services.store
    store.cases.create(Case(station="test-fm", caller_name="Bu Sri", summary="Banjir", received_at=CALL))
    late = datetime(2026, 12, 3, 16, 30, tzinfo=UTC)  # 00:30 WITA on 4 December: the next station day
    store.cases.create(Case(station="test-fm", caller_name="Pak Budi", summary="Lampu", received_at=late))
    rows = load_today(store, now=datetime(2026, 12, 3, 9, 0, tzinfo=UTC))
    assert [r.case.caller_name for r in rows] == ["Bu Sri"]
    w.desk.today_list.model.set_rows(rows)
    assert w.desk.today_list.model.index(0, 0).data() == "16:27"  # the On-Air list

    editor = w.ensure_editor()
    table = editor.browser.model
    table.reload()
    qtbot.waitUntil(lambda: table.rowCount() == 2, timeout=10_000)
    shown = {table.index(r, 0).data() for r in range(table.rowCount())}
    assert "03-12-2026 16:27" in shown and "04-12-2026 00:30" in shown  # the editor's table

    out = tmp_path / "aduan.csv"
    write_cases_csv(store.cases.list(), out)
    with open(out, encoding="utf-8-sig") as fh:
        rows_csv = list(csv.reader(fh, delimiter=";"))
    assert {(r[1], r[2]) for r in rows_csv[1:]} == {("03/12/2026", "16.27"), ("04/12/2026", "00.30")}
    store.close()


def test_unknown_zone_refused_and_wib_default(tmp_path: Path) -> None:
    s = Settings()
    assert s["timezone"] == "Asia/Jakarta" and zone_label(station_zone()) == "WIB"
    with pytest.raises(Exception, match="timezone"):
        s["timezone"] = "Europe/Berlin"
