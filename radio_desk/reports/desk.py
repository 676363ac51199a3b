"""The desk's reports: the one place reports read the desk's database (the CLI and the app's dialog).

Everything goes through the store (:func:`radio_desk.store.open_store`, read transactions only, the
store's own row -> :class:`~radio_desk.domain.Case` mapping): ``store.cases.each`` streams the cases,
``store.cases.status_events_of`` brings their history in batches.  A damaged file is refused (the
store's quick check) before a report silently leaves cases out.  The PDF itself is made from plain
data by :mod:`radio_desk.reports.weekly`, which the server uses without this module (and the store).
"""

from __future__ import annotations

import getpass
from collections.abc import Container, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy.exc import SQLAlchemyError

from radio_desk.domain import Case, StatusEvent
from radio_desk.domain.workdays import NATIONAL
from radio_desk.errors import NotFoundError, RadioDeskError, ValidationError
from radio_desk.paths import app_paths
from radio_desk.reports.figures import KeyFigures
from radio_desk.reports.period import period_bounds
from radio_desk.reports.weekly import ReportData, build_weekly_report

if TYPE_CHECKING:
    from radio_desk.store.store import Store


def _path(database: str | Path | None) -> Path:
    path = Path(database) if database else app_paths().database
    if not path.exists():
        raise NotFoundError(f"Basis data {path} tidak ditemukan.", field="database")
    return path


def _open(path: Path) -> Store:
    """The store, read as it is (no migration), after the quick integrity check."""
    from radio_desk.store import open_store

    return open_store(path, upgrade=False, check=True)


def _unreadable(err: SQLAlchemyError, path: Path) -> RadioDeskError:
    return RadioDeskError(f"Basis data {path} tidak bisa dibaca: {err.__class__.__name__}.")


def _filter(start: date | None, end: date | None, station: str | None, where: dict[str, str | None]):  # type: ignore[no-untyped-def]
    from radio_desk.store.queries import CaseFilter

    lo, hi = period_bounds(start, end) if start and end else (None, None)
    extra = {col: value for col, value in where.items() if value}
    return CaseFilter(received_from=lo, received_to=hi, station=station or None, **extra)


def iter_cases(
    database: str | Path | None,
    start: date | None = None,
    end: date | None = None,
    station: str | None = None,
    **where: str | None,
) -> Iterator[Case]:
    """Cases in received order; ``where`` filters on CaseFilter fields (status, category, opd, urgency,
    channel, kecamatan_code, ...)."""
    path = _path(database)
    store = _open(path)
    try:
        yield from store.cases.each(_filter(start, end, station, where), order="oldest")
    except SQLAlchemyError as err:
        raise _unreadable(err, path) from err
    finally:
        store.close()


def load_report_data(
    database: str | Path | None, start: date, end: date, station: str | None = None
) -> tuple[list[Case], list[StatusEvent], list[str]]:
    """Cases received in the period, their status events, and the station names involved."""
    path = _path(database)
    store = _open(path)
    try:
        cases = list(store.cases.each(_filter(start, end, station, {}), order="oldest"))
        events = store.cases.status_events_of(c.id for c in cases)
        names = {s.code: s.name for s in store.stations.list()}
    except SQLAlchemyError as err:
        raise _unreadable(err, path) from err
    finally:
        store.close()
    codes = sorted({c.station for c in cases} | ({station} if station else set()))
    return cases, events, [names.get(c, c) for c in codes]


def write_weekly_report(
    database: str | Path | None,
    start: date,
    end: date,
    out: str | Path,
    *,
    station: str | None = None,
    edition: str = "internal",
    by: str | None = None,
    holidays: Container[date] = NATIONAL,
    reporter_names: bool | None = None,
) -> KeyFigures:
    """Read the period's cases from the database and write the PDF (the CLI and the app's dialog, which
    pass ``holidays`` with the regency's own days from the settings).  ``reporter_names``: None names
    the reporters in the internal edition only."""
    if end < start:
        raise ValidationError("Tanggal akhir periode laporan lebih awal dari tanggal mulai.", field="to")
    cases, events, stations = load_report_data(database, start, end, station)
    data = ReportData(
        start, end, cases, events, stations, edition, by or getpass.getuser(), holidays=holidays,
        reporter_names=reporter_names,
    )  # fmt: skip
    return build_weekly_report(data, out)
