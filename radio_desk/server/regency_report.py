"""The regency's Friday review: the weekly PDF of :mod:`radio_desk.reports.weekly` over the cases of
ALL stations on the server, with a section per OPD and per station.

The server's rows become the report's domain objects (:class:`~radio_desk.domain.Case`, and the update
feed as :class:`~radio_desk.domain.StatusEvent`), so the figures and the privacy rules are the desk's
own.  The public edition leaves out the rahasia cases (lists and figures) and, beyond the desk's public
edition, every reporter's name and phone: each case is printed as "Anonim", with its name removed from
the text and phone-like numbers masked.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from radio_desk.domain import Case, Channel, Status, StatusEvent, Urgency
from radio_desk.errors import ValidationError
from radio_desk.reports.data import period_bounds
from radio_desk.reports.figures import KeyFigures
from radio_desk.reports.weekly import ReportData, build_weekly_report
from radio_desk.server.deadlines import Calendar
from radio_desk.server.models import RequestUpdate, ServiceRequest

EDITIONS = ("internal", "public")


def load_regency_cases(
    session: Session, start: date, end: date, edition: str = "internal"
) -> tuple[list[Case], list[StatusEvent], list[str]]:
    """Cases received from ``start`` to ``end`` (WIB days, inclusive) at every station, their history,
    and the names of the stations.  The public edition never loads a rahasia case."""
    lo, hi = period_bounds(start, end)
    q = (
        select(ServiceRequest)
        .where(ServiceRequest.requested_datetime >= lo, ServiceRequest.requested_datetime < hi)
        .order_by(ServiceRequest.requested_datetime, ServiceRequest.id)
    )
    if edition != "internal":
        q = q.where(ServiceRequest.rahasia.is_(False))
    rows = list(session.scalars(q))
    uuids = {r.id: uuid.UUID(r.case_uuid) for r in rows}
    cases = [_case(r, uuids) for r in rows]
    if edition != "internal":  # no name, no phone: every reporter as anonymous (name kept to hide it)
        cases = [replace(c, anonim=True, phone=None) for c in cases]
    events: list[StatusEvent] = []
    if rows:
        period_ids = select(ServiceRequest.id).where(
            ServiceRequest.requested_datetime >= lo, ServiceRequest.requested_datetime < hi
        )
        uq = (
            select(RequestUpdate.request_id, RequestUpdate.status, RequestUpdate.updated_datetime,
                   RequestUpdate.by, RequestUpdate.description, RequestUpdate.id)
            .where(RequestUpdate.request_id.in_(period_ids))
            .order_by(RequestUpdate.request_id, RequestUpdate.id)
        )  # fmt: skip
        last: dict[int, Status] = {}
        for rid, status, at, by, text, uid in session.execute(uq):
            if rid not in uuids:
                continue
            to = Status(status)
            events.append(StatusEvent(uuids[rid], last.get(rid), to, at, by, text, uid))
            last[rid] = to
    stations = sorted({c.station for c in cases})
    return cases, events, stations


def _case(r: ServiceRequest, uuids: dict[int, uuid.UUID]) -> Case:
    return Case(
        id=uuids[r.id],
        station=r.station.name,
        received_at=r.requested_datetime,
        channel=Channel(r.channel) if r.channel in Channel._value2member_map_ else Channel.ON_AIR,
        caller_name=r.caller_name,
        phone=r.phone,
        anonim=bool(r.anonim),
        rahasia=bool(r.rahasia),
        kecamatan_code=r.kecamatan_code,
        desa_code=r.desa_code,
        category=r.service_code,
        urgency=Urgency(r.urgency) if r.urgency in Urgency._value2member_map_ else Urgency.SEDANG,
        summary=r.description or "",
        notes=r.notes or "",
        status=Status(r.status),
        opd=r.opd,
        duplicate_of=uuids.get(r.duplicate_of) if r.duplicate_of else None,
        created_at=r.created_at,
        updated_at=r.updated_datetime,
    )


def write_regency_report(
    session: Session,
    start: date,
    end: date,
    out: str | Path,
    *,
    edition: str = "internal",
    by: str = "radio-desk-server",
    calendar: Calendar | None = None,
    as_of: datetime | None = None,
) -> KeyFigures:
    """Write the regency's weekly review PDF to ``out``; returns the figures it prints."""
    if edition not in EDITIONS:
        raise ValidationError(f"Edisi laporan \u201c{edition}\u201d tidak dikenal: internal atau public.")
    if end < start:
        raise ValidationError("Tanggal akhir periode laporan lebih awal dari tanggal mulai.", field="to")
    if (end - start).days > 366:
        raise ValidationError("Periode laporan paling panjang satu tahun.", field="to")
    cases, events, stations = load_regency_cases(session, start, end, edition)
    data = ReportData(
        start,
        end,
        cases,
        events,
        stations or ["Semua stasiun"],
        edition,
        by,
        datetime.now(UTC),
        as_of=as_of,
        station_sections=True,
    )
    if calendar is not None:
        data.holidays = calendar.holidays
    return build_weekly_report(data, out)
