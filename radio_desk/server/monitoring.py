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
from radio_desk.reports.csv_export import spreadsheet_safe
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
        return func.date_part("epoch", end - start) / 3600.0  # double precision (EXTRACT: numeric)
    return (func.julianday(end) - func.julianday(start)) * 24.0


def _week_index(dialect: str, column, offset_seconds: int):  # type: ignore[no-untyped-def]
    """Whole weeks (Monday 00.00 local) since the first Monday of 1970."""
    shift = offset_seconds - FIRST_MONDAY
    if dialect == "postgresql":
        return cast(func.floor((func.date_part("epoch", column) + shift) / WEEK_SECONDS), Integer)
    return (cast(func.strftime("%s", column), Integer) + shift) // WEEK_SECONDS


Keyed = dict[tuple[str, object], float]  # ("opd", code) | ("station", id) → value


def _key(kind: str, value: object) -> tuple[str, object]:
    return (kind, value if value is not None else "")


def _medians(
    session: Session,
    dialect: str,
    series: list[tuple[object, ColumnElement[bool]]],
    scope: ColumnElement[bool],
) -> list[Keyed]:
    """Per series (hours, which rows), the median per OPD and per station.  PostgreSQL: every series
    and both groupings in one pass (``percentile_cont ... FILTER``, GROUPING SETS); SQLite: the middle
    rows by window function, per series and grouping."""
    outs: list[Keyed] = [{} for _ in series]
    if dialect == "postgresql":
        aggs = [func.percentile_cont(0.5).within_group(h).filter(w) for h, w in series]
        q = (
            select(SR.opd, SR.station_id, func.grouping(SR.opd), *aggs)
            .where(scope, or_(*(w for _, w in series)))
            .group_by(func.grouping_sets(SR.opd, SR.station_id))
        )
        for opd, station, by_station, *values in session.execute(q):
            key = _key("station", station) if by_station else _key("opd", opd)
            for out, v in zip(outs, values, strict=True):
                if v is not None:
                    out[key] = round(float(v), 2)
        return outs
    for out, (hours, where) in zip(outs, series, strict=True):
        for kind, key in (("opd", SR.opd), ("station", SR.station_id)):
            inner = (
                select(
                    key.label("k"),
                    hours.label("h"),
                    func.row_number().over(partition_by=key, order_by=hours).label("rn"),
                    func.count().over(partition_by=key).label("n"),
                )
                .where(scope, where)
                .subquery()
            )
            q = (
                select(inner.c.k, func.avg(inner.c.h))
                .where(inner.c.rn.in_([(inner.c.n + 1) // 2, (inner.c.n + 2) // 2]))
                .group_by(inner.c.k)
            )
            for k, v in session.execute(q):
                if v is not None:
                    out[_key(kind, k)] = round(float(v), 2)
    return outs


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

    # open and overdue now: one GROUP BY (OPD, station), summed both ways here (a few hundred rows)
    counts: dict[tuple[str, object], list[int]] = {}
    q = (
        select(SR.opd, SR.station_id, func.count(), func.sum(case((late, 1), else_=0)))
        .where(scope, SR.status.in_(OPEN_STATUSES))
        .group_by(SR.opd, SR.station_id)
    )
    for opd, station, n, lt in session.execute(q):
        for k in (_key("opd", opd), _key("station", station)):
            c = counts.setdefault(k, [0, 0])
            c[0] += int(n)
            c[1] += int(lt or 0)

    to_forward = _hours_between(dialect, SR.requested_datetime, SR.forwarded_at)
    to_follow = _hours_between(dialect, SR.forwarded_at, SR.followed_up_at)
    fwd_med, fol_med = _medians(
        session,
        dialect,
        [
            (to_forward, SR.forwarded_at >= since),
            (to_follow, and_(SR.followed_up_at >= since, SR.forwarded_at.is_not(None))),
        ],
        scope,
    )

    # per week: received per station, forwarded and followed up per OPD
    series: dict[tuple[str, object], list[int]] = {}  # ("received"|"forwarded"|"followed", key) → weeks
    for kind, key, column in (
        ("received", SR.station_id, SR.requested_datetime),
        ("forwarded", SR.opd, SR.forwarded_at),
        ("followed", SR.opd, SR.followed_up_at),
    ):
        wk = _week_index(dialect, column, offset)
        wq = select(key, wk, func.count()).where(scope, column >= since).group_by(key, wk)
        for k, w, n in session.execute(wq):
            i = int(w) - first_week
            if 0 <= i < weeks:
                series.setdefault((kind, k if k is not None else ""), [0] * weeks)[i] += int(n)

    def keys(kind: str, *sources: dict) -> set:  # type: ignore[type-arg]
        return {k[1] for src in sources for k in src if k[0] == kind}

    codes = keys("opd", counts, fwd_med, fol_med) | {k for kind, k in series if kind != "received"}
    per_opd = [
        GroupFigures(
            code,
            tax.opd_name(code) if code else NO_OPD,
            *counts.get(("opd", code), (0, 0)),
            fwd_med.get(("opd", code)),
            fol_med.get(("opd", code)),
            series.get(("forwarded", code), [0] * weeks),
        )
        for code in codes
    ]
    per_opd.sort(key=lambda g: (-g.overdue, -g.open, g.key == "", g.name))

    ids = (keys("station", counts, fwd_med, fol_med) | {k for kind, k in series if kind == "received"}) - {""}
    names = (
        dict(session.execute(select(Account.id, Account.name).where(Account.id.in_(ids))).all())
        if ids
        else {}
    )
    per_station = [
        GroupFigures(
            names.get(i, str(i)),
            names.get(i, str(i)),
            *counts.get(("station", i), (0, 0)),
            fwd_med.get(("station", i)),
            fol_med.get(("station", i)),
            series.get(("received", i), [0] * weeks),
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
        received=total(v for (kind, _), v in series.items() if kind == "received"),
        forwarded=total(v for (kind, _), v in series.items() if kind == "forwarded"),
        followed_up=total(v for (kind, _), v in series.items() if kind == "followed"),
        open=sum(c[0] for (kind, _), c in counts.items() if kind == "station"),
        overdue=sum(c[1] for (kind, _), c in counts.items() if kind == "station"),
        overdue_cases=overdue_cases(session, principal, cal, now),
    )


def _week_number(monday: date) -> int:
    return (monday - date(1970, 1, 5)).days // 7


def overdue_cases(
    session: Session, principal: Principal, cal: Calendar, now: datetime, limit: int = OVERDUE_LIST
) -> list[OverdueCase]:
    """The overdue cases longest past their deadline first (at most ``limit``).

    One query per clock, each in the order of its start (an index range), twice ``limit`` rows: the
    deadline follows the start but for starts on days off (a Sunday 09.00 start is due before a Saturday
    10.00 one), so the exact order is sorted here from the clocks themselves."""
    stages = (
        (SR.requested_datetime, SR.status.in_(VERIFY_STAGE), VERIFY_FORWARD_DAYS),
        (SR.forwarded_at, SR.status == Status.DITERUSKAN.value, FOLLOW_UP_DAYS),
    )
    out = []
    for start, in_stage, days in stages:
        q = (
            select(
                SR.id,
                Account.name,
                SR.service_code,
                SR.status,
                SR.opd,
                SR.requested_datetime,
                SR.forwarded_at,
            )
            .join(Account, Account.id == SR.station_id)
            .where(visibility(principal), in_stage, _in_ranges(start, overdue_start_ranges(cal, days, now)))
            .order_by(start, SR.id)
            .limit(limit * 2)
        )
        for rid, station, code, status, opd, requested, forwarded in session.execute(q):
            clock = running_clock(cal, status, requested, forwarded)
            if clock is None:  # cannot happen: the clause is the clock's own rule
                continue
            hours = round((now - clock.due).total_seconds() / 3600, 1)
            out.append(OverdueCase(rid, station, code, status, opd, clock.stage, clock.due, hours))
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
            w.writerow([spreadsheet_safe(x) for x in row] + [str(n) for n in g.weekly])
    return "\ufeff" + buf.getvalue()


def overdue_csv(m: Monitoring) -> str:
    buf = io.StringIO()
    w = csv.writer(buf, delimiter=";")
    w.writerow(["nomor", "stasiun", "kategori", "status", "opd", "tahap", "tenggat", "jam_terlambat"])
    for c in m.overdue_cases:
        row = [str(c.id), c.station, c.service_code, c.status, c.opd or "", c.stage, c.due.isoformat()]
        w.writerow([*(spreadsheet_safe(x) for x in row), _hours(c.hours_late)])
    return "\ufeff" + buf.getvalue()
