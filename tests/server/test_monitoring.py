"""Monitoring figures against the hand-built set of console_data.py (SQLite and PostgreSQL)."""

from __future__ import annotations

import csv
import io
import random
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from console_data import NOW, build

from radio_desk.domain.workdays import NATIONAL, DaysOff
from radio_desk.server.auth import Principal, Role
from radio_desk.server.deadlines import Calendar, overdue_start_ranges, running_clock
from radio_desk.server.monitoring import compute_monitoring, monitoring_csv, overdue_csv

ADMIN = Principal(1, "admin", Role.ADMIN)


def test_overdue_ranges_are_the_clock_rule() -> None:
    """The range predicate is exactly running_clock(...).overdue(now), also across weekends, a national
    holiday and a regency day off."""
    from datetime import date

    cal = Calendar(ZoneInfo("Asia/Jakarta"), DaysOff({date(2026, 11, 26)}))
    rnd = random.Random(7)
    for _ in range(1500):
        now = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(seconds=rnd.randrange(0, 86400 * 380))
        for days, status in ((3, "baru"), (5, "diteruskan")):
            ranges = overdue_start_ranges(cal, days, now)
            for _ in range(10):
                start = now - timedelta(seconds=rnd.randrange(0, 86400 * 30))
                want = running_clock(cal, status, start, start).overdue(now)
                got = any((lo is None or start >= lo) and start < hi for lo, hi in ranges)
                assert got == want, (now, start, days)


def test_figures_per_opd_and_station(env) -> None:  # type: ignore[no-untyped-def]
    ids = build(env.app.state.sessionmaker)
    cal = Calendar(ZoneInfo("Asia/Jakarta"), NATIONAL)
    with env.app.state.sessionmaker() as s:
        m = compute_monitoring(s, ADMIN, cal, NOW, weeks=3)
    assert [d.isoformat() for d in m.weeks] == ["2026-11-09", "2026-11-16", "2026-11-23"]
    assert (m.open, m.overdue) == (6, 3)
    opd = {g.key: g for g in m.per_opd}
    assert set(opd) == {"dpubmpr", "dishub", ""}
    assert (opd["dpubmpr"].open, opd["dpubmpr"].overdue) == (2, 1)
    assert opd["dpubmpr"].median_hours_forward == pytest.approx(6.0)
    assert opd["dpubmpr"].median_hours_follow_up == pytest.approx(36.0)
    assert opd["dpubmpr"].weekly == [0, 2, 1]
    assert (opd["dishub"].open, opd["dishub"].overdue, opd["dishub"].median_hours_forward) == (1, 0, 2.0)
    assert opd["dishub"].median_hours_follow_up is None
    assert (opd[""].open, opd[""].overdue, opd[""].name) == (3, 2, "Belum ditentukan")
    assert m.per_opd[0].key == ""  # most overdue first
    st = {g.name: g for g in m.per_station}
    assert (st["stasiun-a"].open, st["stasiun-a"].overdue) == (3, 1)
    assert st["stasiun-a"].median_hours_forward == pytest.approx(5.0)
    assert st["stasiun-a"].median_hours_follow_up == pytest.approx(36.0)
    assert st["stasiun-a"].weekly == [0, 2, 2]
    assert (st["stasiun-b"].open, st["stasiun-b"].overdue) == (3, 2)
    assert st["stasiun-b"].median_hours_forward == pytest.approx(13.0)
    assert st["stasiun-b"].weekly == [1, 1, 1]
    assert m.received == [1, 3, 3]
    assert m.forwarded == [0, 2, 2]
    assert m.followed_up == [0, 1, 1]
    assert [c.id for c in m.overdue_cases] == [ids[7], ids[1], ids[3]]
    assert [c.stage for c in m.overdue_cases] == ["verifikasi", "verifikasi", "tindak_lanjut"]
    assert m.overdue_cases[2].hours_late == pytest.approx(24 + 2)  # due Tue 24 08.00, now Wed 25 10.00


def test_regency_day_off_moves_the_deadline(env) -> None:  # type: ignore[no-untyped-def]
    """A regency day off (holidays.txt) on Tuesday 24 November: case 3 is due on Wednesday 08.00, so
    still overdue at 10.00; at 07.00 it is not."""
    from datetime import date

    build(env.app.state.sessionmaker)
    cal = Calendar(ZoneInfo("Asia/Jakarta"), DaysOff({date(2026, 11, 24)}))
    with env.app.state.sessionmaker() as s:
        at_ten = compute_monitoring(s, ADMIN, cal, NOW, weeks=1)
        at_seven = compute_monitoring(s, ADMIN, cal, NOW - timedelta(hours=3), weeks=1)
    assert {g.key: g.overdue for g in at_ten.per_opd}["dpubmpr"] == 1
    assert {g.key: g.overdue for g in at_seven.per_opd}["dpubmpr"] == 0


def test_scope_follows_the_principal(env) -> None:  # type: ignore[no-untyped-def]
    build(env.app.state.sessionmaker)
    cal = Calendar(ZoneInfo("Asia/Jakarta"), NATIONAL)
    with env.app.state.sessionmaker() as s:
        from sqlalchemy import select

        from radio_desk.server.models import Account

        b = s.scalar(select(Account).where(Account.name == "stasiun-b"))
        m = compute_monitoring(s, Principal(b.id, b.name, Role.STATION), cal, NOW, weeks=3)
    assert [g.name for g in m.per_station] == ["stasiun-b"]
    assert (m.open, m.overdue) == (3, 2)  # its own rahasia case included


def test_csv_export(env) -> None:  # type: ignore[no-untyped-def]
    build(env.app.state.sessionmaker)
    cal = Calendar(ZoneInfo("Asia/Jakarta"), NATIONAL)
    with env.app.state.sessionmaker() as s:
        m = compute_monitoring(s, ADMIN, cal, NOW, weeks=3)
    text = monitoring_csv(m)
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:]), delimiter=";"))
    assert rows[0][:5] == ["jenis", "kode", "nama", "terbuka", "lewat_batas"]
    assert rows[0][-1] == "minggu_2026-11-23"
    dpu = next(r for r in rows if r[1] == "dpubmpr")
    assert dpu[:7] == [
        "opd",
        "dpubmpr",
        "Dinas Pekerjaan Umum Bina Marga dan Penataan Ruang",
        "2",
        "1",
        "6,0",
        "36,0",
    ]
    late = list(csv.reader(io.StringIO(overdue_csv(m)[1:]), delimiter=";"))
    assert len(late) == 4 and late[3][5] == "tindak_lanjut"
