"""The console's monitoring figures, per OPD and per station, computed by the database.

Every figure is a GROUP BY (PostgreSQL and SQLite alike); no query walks all the cases in Python.
"Overdue" is the server's SP4N-LAPOR! rule (:func:`radio_desk.server.deadlines.running_clock`) turned
into range predicates on the clock's start (:func:`~radio_desk.server.deadlines.overdue_start_ranges`):
verify and forward within 3 working days of receipt, the OPD's follow-up within 5 of forwarding, with
the regency's calendar (national days off, cuti bersama, ``holidays.txt``).

* open: status baru, terverifikasi, diteruskan or diproses now;
* overdue: a clock still running past its deadline now;
* median hours to forward (receipt → diteruskan) and to follow up (diteruskan → diproses/selesai), over
  the cases forwarded / followed up within the weeks shown;
* trend: per week (Monday to Sunday, local time) the cases received (per station) and forwarded and
  followed up (per OPD).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import ColumnElement, Integer, and_, case, cast, func, or_, select
from sqlalchemy.orm import Session

from radio_desk.domain.enums import Status
from radio_desk.domain.taxonomy import get_taxonomy
from radio_desk.server.auth import Principal
from radio_desk.server.deadlines import (
    FOLLOW_UP_DAYS,
    VERIFY_FORWARD_DAYS,
    Calendar,
    overdue_start_ranges,
    running_clock,
)
from radio_desk.server.models import Account, ServiceRequest
from radio_desk.server.permissions import visibility

SR = ServiceRequest
OPEN_STATUSES = [
    Status.BARU.value,
    Status.TERVERIFIKASI.value,
    Status.DITERUSKAN.value,
    Status.DIPROSES.value,
]
VERIFY_STAGE = [Status.BARU.value, Status.TERVERIFIKASI.value]
WEEK_SECONDS = 7 * 86400
FIRST_MONDAY = 4 * 86400  # 1970-01-05, the first Monday after the Unix epoch
NO_OPD = "Belum ditentukan"
OVERDUE_LIST = 100


@dataclass
class GroupFigures:
    key: str  # OPD code or station name ("" for cases without an OPD)
    name: str
    open: int = 0
    overdue: int = 0
    median_hours_forward: float | None = None
    median_hours_follow_up: float | None = None
    weekly: list[int] = field(default_factory=list)  # received (station) or forwarded (OPD) per week


@dataclass
class OverdueCase:
    id: int
    station: str
    service_code: str
    status: str
    opd: str | None
    stage: str  # verifikasi | tindak_lanjut
    due: datetime
    hours_late: float


@dataclass
class Monitoring:
    as_of: datetime
    weeks: list[date]  # the Mondays
    per_opd: list[GroupFigures]
    per_station: list[GroupFigures]
    received: list[int]  # regency-wide per week
    forwarded: list[int]
    followed_up: list[int]
    open: int
    overdue: int
    overdue_cases: list[OverdueCase]

    @property
    def overdue_more(self) -> int:
        return max(0, self.overdue - len(self.overdue_cases))


# ------------------------------------------------------------------------------------- SQL expressions
def _in_ranges(column, ranges: list[tuple[datetime | None, datetime]]) -> ColumnElement[bool]:  # type: ignore[no-untyped-def]
    parts = [column < hi if lo is None else and_(column >= lo, column < hi) for lo, hi in ranges]
    return or_(*parts)


def overdue_clause(cal: Calendar, now: datetime) -> ColumnElement[bool]:
    """The cases whose SP4N-LAPOR! clock has run out at ``now`` (as ``running_clock(...).overdue``)."""
    return or_(
        and_(
            SR.status.in_(VERIFY_STAGE),
            _in_ranges(SR.requested_datetime, overdue_start_ranges(cal, VERIFY_FORWARD_DAYS, now)),
        ),
        and_(
            SR.status == Status.DITERUSKAN.value,
            SR.forwarded_at.is_not(None),
            _in_ranges(SR.forwarded_at, overdue_start_ranges(cal, FOLLOW_UP_DAYS, now)),
        ),
    )


def _hours_between(dialect: str, start, end):  # type: ignore[no-untyped-def]
    if dialect == "postgresql":
        return func.extract("epoch", end - start) / 3600.0
    return (func.julianday(end) - func.julianday(start)) * 24.0


def _week_index(dialect: str, column, offset_seconds: int):  # type: ignore[no-untyped-def]
    """Whole weeks (Monday 00.00 local) since the first Monday of 1970."""
    shift = offset_seconds - FIRST_MONDAY
    if dialect == "postgresql":
        return cast(func.floor((func.extract("epoch", column) + shift) / WEEK_SECONDS), Integer)
    return (cast(func.strftime("%s", column), Integer) + shift) // WEEK_SECONDS


def _medians(session: Session, dialect: str, key, hours, where: ColumnElement[bool]) -> dict[str, float]:  # type: ignore[no-untyped-def]
    """Median of ``hours`` per ``key`` (PostgreSQL percentile_cont; SQLite the middle rows by window)."""
    if dialect == "postgresql":
        q = select(key, func.percentile_cont(0.5).within_group(hours)).where(where).group_by(key)
        return {k or "": round(float(v), 2) for k, v in session.execute(q) if v is not None}
    inner = (
        select(
            key.label("k"),
            hours.label("h"),
            func.row_number().over(partition_by=key, order_by=hours).label("rn"),
            func.count().over(partition_by=key).label("n"),
        )
        .where(where)
        .subquery()
    )
    q = (
        select(inner.c.k, func.avg(inner.c.h))
        .where(inner.c.rn.in_([(inner.c.n + 1) // 2, (inner.c.n + 2) // 2]))
        .group_by(inner.c.k)
    )
    return {k or "": round(float(v), 2) for k, v in session.execute(q) if v is not None}


# ------------------------------------------------------------------------------------------ the figures
def week_starts(cal: Calendar, now: datetime, weeks: int) -> list[date]:
    today = now.astimezone(cal.tz).date()
    monday = today - timedelta(days=today.weekday())
    return [monday - timedelta(weeks=weeks - 1 - i) for i in range(weeks)]


def compute_monitoring(
    session: Session,
    principal: Principal,
    cal: Calendar,
    now: datetime | None = None,
    *,
    weeks: int = 8,
) -> Monitoring:
    """The figures of the cases ``principal`` may see (:func:`radio_desk.server.permissions.visibility`)."""
    now = now or datetime.now(UTC)
    weeks = max(1, min(weeks, 52))
    dialect = session.get_bind().dialect.name
    tax = get_taxonomy()
    scope = visibility(principal)
    mondays = week_starts(cal, now, weeks)
    since = datetime.combine(mondays[0], datetime.min.time(), cal.tz).astimezone(UTC)
    offset = int((now.astimezone(cal.tz).utcoffset() or timedelta()).total_seconds())
    first_week = _week_number(mondays[0])
    late = overdue_clause(cal, now)
    late_int = func.sum(case((late, 1), else_=0))

    def counts(key) -> dict:  # type: ignore[no-untyped-def,type-arg]
        q = select(key, func.count(), late_int).where(scope, SR.status.in_(OPEN_STATUSES)).group_by(key)
        return {k if k is not None else "": (int(n), int(lt or 0)) for k, n, lt in session.execute(q)}

    def weekly(key, column) -> dict[object, list[int]]:  # type: ignore[no-untyped-def]
        wk = _week_index(dialect, column, offset)
        q = select(key, wk, func.count()).where(scope, column >= since).group_by(key, wk)
        out: dict[object, list[int]] = {}
        for k, w, n in session.execute(q):
            i = int(w) - first_week
            if 0 <= i < weeks:
                out.setdefault(k if k is not None else "", [0] * weeks)[i] += int(n)
        return out

    to_forward = _hours_between(dialect, SR.requested_datetime, SR.forwarded_at)
    to_follow = _hours_between(dialect, SR.forwarded_at, SR.followed_up_at)
    fwd_where = and_(scope, SR.forwarded_at >= since)
    fol_where = and_(scope, SR.followed_up_at >= since, SR.forwarded_at.is_not(None))

    # per OPD -----------------------------------------------------------------------------------------
    opd_counts = counts(SR.opd)
    opd_fwd = _medians(session, dialect, SR.opd, to_forward, fwd_where)
    opd_fol = _medians(session, dialect, SR.opd, to_follow, fol_where)
    opd_weekly = weekly(SR.opd, SR.forwarded_at)
    opd_followed = weekly(SR.opd, SR.followed_up_at)
    codes = set(opd_counts) | set(opd_fwd) | set(opd_fol) | set(opd_weekly)
    per_opd = [
        GroupFigures(
            code,
            tax.opd_name(code) if code else NO_OPD,
            *opd_counts.get(code, (0, 0)),
            opd_fwd.get(code),
            opd_fol.get(code),
            opd_weekly.get(code, [0] * weeks),
        )
        for code in codes
    ]
    per_opd.sort(key=lambda g: (-g.overdue, -g.open, g.key == "", g.name))

    # per station ---------------------------------------------------------------------------------------
    st_counts = counts(SR.station_id)
    st_fwd = _medians(session, dialect, SR.station_id, to_forward, fwd_where)
    st_fol = _medians(session, dialect, SR.station_id, to_follow, fol_where)
    st_weekly = weekly(SR.station_id, SR.requested_datetime)
    ids = {i for i in (set(st_counts) | set(st_fwd) | set(st_fol) | set(st_weekly)) if i != ""}
    names = (
        dict(session.execute(select(Account.id, Account.name).where(Account.id.in_(ids))).all())
        if ids
        else {}
    )
    per_station = [
        GroupFigures(
            names.get(i, str(i)),
            names.get(i, str(i)),
            *st_counts.get(i, (0, 0)),
            st_fwd.get(i),
            st_fol.get(i),
            st_weekly.get(i, [0] * weeks),
        )
        for i in ids
    ]
    per_station.sort(key=lambda g: (-g.overdue, -g.open, g.name))

    def total(series: Iterable[list[int]]) -> list[int]:
        out = [0] * weeks
        for s in series:
            out = [a + b for a, b in zip(out, s, strict=True)]
        return out

    return Monitoring(
        as_of=now,
        weeks=mondays,
        per_opd=per_opd,
        per_station=per_station,
        received=total(st_weekly.values()),
        forwarded=total(opd_weekly.values()),
        followed_up=total(opd_followed.values()),
        open=sum(n for n, _ in st_counts.values()),
        overdue=sum(lt for _, lt in st_counts.values()),
        overdue_cases=overdue_cases(session, principal, cal, now),
    )


def _week_number(monday: date) -> int:
    return (monday - date(1970, 1, 5)).days // 7


def overdue_cases(
    session: Session, principal: Principal, cal: Calendar, now: datetime, limit: int = OVERDUE_LIST
) -> list[OverdueCase]:
    """The overdue cases longest past their deadline first (at most ``limit``)."""
    started = case((SR.status == Status.DITERUSKAN.value, SR.forwarded_at), else_=SR.requested_datetime)
    q = (
        select(SR)
        .where(visibility(principal), overdue_clause(cal, now))
        .order_by(started, SR.id)
        .limit(limit * 2)  # two clocks of different lengths: sort the exact due dates below
    )
    out = []
    for r in session.scalars(q):
        clock = running_clock(cal, r.status, r.requested_datetime, r.forwarded_at)
        if clock is None:  # cannot happen: the clause is the clock's own rule
            continue
        hours = round((now - clock.due).total_seconds() / 3600, 1)
        out.append(
            OverdueCase(r.id, r.station.name, r.service_code, r.status, r.opd, clock.stage, clock.due, hours)
        )
    out.sort(key=lambda c: (c.due, c.id))
    return out[:limit]


# ---------------------------------------------------------------------------------------------- CSV
CSV_HEADER = [
    "jenis",
    "kode",
    "nama",
    "terbuka",
    "lewat_batas",
    "median_jam_sampai_diteruskan",
    "median_jam_sampai_tindak_lanjut",
]


def _safe(value: str) -> str:
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def _hours(v: float | None) -> str:
    return "" if v is None else f"{v:.1f}".replace(".", ",")


def monitoring_csv(m: Monitoring) -> str:
    """The figures as CSV (UTF-8 with BOM, ";": what Excel expects on Indonesian Windows); one column
    per week (its Monday) with the cases forwarded (OPD rows) or received (station rows)."""
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";")
    w.writerow([*CSV_HEADER, *(f"minggu_{d.isoformat()}" for d in m.weeks)])
    for kind, groups in (("opd", m.per_opd), ("stasiun", m.per_station)):
        for g in groups:
            row = [kind, g.key, g.name, str(g.open), str(g.overdue)]
            row += [_hours(g.median_hours_forward), _hours(g.median_hours_follow_up)]
            w.writerow([_safe(x) for x in row] + [str(n) for n in g.weekly])
    return "\ufeff" + buf.getvalue()


def overdue_csv(m: Monitoring) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";")
    w.writerow(["nomor", "stasiun", "kategori", "status", "opd", "tahap", "tenggat", "jam_terlambat"])
    for c in m.overdue_cases:
        row = [str(c.id), c.station, c.service_code, c.status, c.opd or "", c.stage, c.due.isoformat()]
        w.writerow([*(_safe(x) for x in row), _hours(c.hours_late)])
    return "\ufeff" + buf.getvalue()
