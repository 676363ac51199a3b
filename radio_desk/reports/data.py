"""The one place reports read the database: cases received in a period and their status events.

Reads the local SQLite store's tables (radio_desk.store.models) with a short read-only session.
TODO(store): switch to ``open_store(path).cases.list(CaseFilter(...))`` once the store API lands.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from datetime import date, datetime, time, timedelta
from pathlib import Path

from sqlalchemy import Engine, select
from sqlalchemy.exc import DBAPIError, SQLAlchemyError
from sqlalchemy.orm import Session

from radio_desk.domain import Case, Channel, Status, StatusEvent, Urgency
from radio_desk.domain.workdays import WIB
from radio_desk.errors import NotFoundError, RadioDeskError
from radio_desk.paths import app_paths


def period_bounds(start: date, end: date) -> tuple[datetime, datetime]:
    """Local (WIB) days ``start``..``end`` inclusive as a half-open UTC-aware interval."""
    return datetime.combine(start, time(), WIB), datetime.combine(end + timedelta(days=1), time(), WIB)


def _read_engine(path: Path, *, check: bool) -> Engine:
    """The store's engine (WAL, busy timeout, parameters hidden from error texts); with ``check`` a
    damaged file is refused with what to do, before a report silently leaves cases out."""
    from radio_desk.store.engine import make_engine
    from radio_desk.store.problems import quick_check, refuse_emptied, store_error

    refuse_emptied(path)
    engine = make_engine(path)
    try:
        if check:
            with engine.connect() as conn:
                quick_check(conn, path)
    except (DBAPIError, sqlite3.Error) as err:
        engine.dispose()
        raise store_error(err, path) from err
    except RadioDeskError:
        engine.dispose()
        raise
    return engine


def _unreadable(err: SQLAlchemyError, path: Path) -> RadioDeskError:
    from radio_desk.store.problems import store_error

    if isinstance(err, DBAPIError):
        return store_error(err, path)
    return RadioDeskError(f"Basis data {path} tidak bisa dibaca: {err.__class__.__name__}.")


def _case(r) -> Case:  # type: ignore[no-untyped-def]
    return Case(
        id=r.id,
        station=r.station,
        received_at=r.received_at,
        channel=Channel(r.channel),
        caller_name=r.caller_name,
        phone=r.phone,
        anonim=bool(r.anonim),
        rahasia=bool(r.rahasia),
        kecamatan_code=r.kecamatan_code,
        desa_code=r.desa_code,
        category=r.category,
        urgency=Urgency(r.urgency),
        summary=r.summary or "",
        notes=r.notes or "",
        status=Status(r.status),
        opd=r.opd,
        duplicate_of=r.duplicate_of,
        created_at=r.created_at,
        updated_at=r.updated_at,
    )


def iter_cases(
    database: str | Path | None,
    start: date | None = None,
    end: date | None = None,
    station: str | None = None,
    **where: str | None,
) -> Iterator[Case]:
    """Cases in received order; ``where`` filters on columns (status, category, opd, urgency, ...)."""
    from radio_desk.store.models import CaseRow

    path = Path(database) if database else app_paths().database
    if not path.exists():
        raise NotFoundError(f"Basis data {path} tidak ditemukan.", field="database")
    engine = _read_engine(path, check=True)
    q = select(CaseRow).order_by(CaseRow.received_at)
    if start and end:
        lo, hi = period_bounds(start, end)
        q = q.where(CaseRow.received_at >= lo, CaseRow.received_at < hi)
    if station:
        q = q.where(CaseRow.station == station)
    for col, value in where.items():
        if value:
            q = q.where(getattr(CaseRow, col) == value)
    try:
        with Session(engine) as s:
            for row in s.execute(q.execution_options(yield_per=1000)).scalars():
                yield _case(row)
    except SQLAlchemyError as err:
        raise _unreadable(err, path) from err
    finally:
        engine.dispose()


def load_report_data(
    database: str | Path | None, start: date, end: date, station: str | None = None
) -> tuple[list[Case], list[StatusEvent], list[str]]:
    """Cases received in the period, their status events, and the station names involved."""
    from radio_desk.store.models import StationRow, StatusEventRow

    cases = list(iter_cases(database, start, end, station))
    path = Path(database) if database else app_paths().database
    engine = _read_engine(path, check=False)  # checked by iter_cases just now
    ids = [c.id for c in cases]
    events: list[StatusEvent] = []
    try:
        with Session(engine) as s:
            for i in range(0, len(ids), 500):
                q = select(StatusEventRow).where(StatusEventRow.case_id.in_(ids[i : i + 500]))
                for e in s.execute(q).scalars():
                    events.append(
                        StatusEvent(
                            e.case_id,
                            Status(e.from_status) if e.from_status else None,
                            Status(e.to_status),
                            e.at,
                            e.by,
                            e.note,
                            e.id,
                        )
                    )
            names = {r.code: r.name for r in s.execute(select(StationRow)).scalars()}
    except SQLAlchemyError as err:
        raise _unreadable(err, path) from err
    finally:
        engine.dispose()
    codes = sorted({c.station for c in cases} | ({station} if station else set()))
    return cases, events, [names.get(c, c) for c in codes]
