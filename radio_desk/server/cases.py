"""What the server does with cases: idempotent intake, status changes, listings, the feed, overdue.

Every function takes an open :class:`Session` and the :class:`Principal` asking; the routes only
translate HTTP to these calls.  Every change of a case writes one :class:`RequestUpdate` (the feed).
"""

from __future__ import annotations

import logging
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, object_session

from radio_desk.domain.enums import CLOSED_STATUSES, Status
from radio_desk.domain.lifecycle import check_transition
from radio_desk.domain.taxonomy import Taxonomy, get_taxonomy
from radio_desk.errors import NotFoundError, RadioDeskError, ValidationError
from radio_desk.server import permissions
from radio_desk.server.auth import Principal
from radio_desk.server.db import lock_feed
from radio_desk.server.deadlines import Calendar, running_clock
from radio_desk.server.intake import INTAKE_FIELDS, clean_intake, shown
from radio_desk.server.models import RequestUpdate, ServiceRequest, utcnow
from radio_desk.server.permissions import DEFAULT_STATION_TRANSITIONS, Forbidden, visible

log = logging.getLogger("radio_desk.server.security")
__all__ = ["Conflict", "Forbidden", "visible"]


class Conflict(RadioDeskError):
    """The request clashes with the current state (HTTP 409)."""


def open311_status(status: str) -> str:
    return "closed" if Status(status) in CLOSED_STATUSES else "open"


# ---------------------------------------------------------------------------------------------- intake
@dataclass
class IntakeResult:
    case_uuid: str
    service_request_id: int | None = None
    token: str | None = None
    outcome: str = ""  # created | updated | unchanged | kept (server owns it now) | error
    status: str | None = None
    code: int = 200
    description: str = ""

    def as_dict(self) -> dict[str, Any]:
        d: dict[str, Any] = {"case_uuid": self.case_uuid, "outcome": self.outcome}
        if self.service_request_id is not None:
            d.update(service_request_id=str(self.service_request_id), token=self.token, status=self.status)
        if self.outcome == "error":
            d.update(code=self.code, description=self.description)
        return d


def _add_update(session: Session, req: ServiceRequest, description: str, by: str, at: datetime) -> None:
    session.add(
        RequestUpdate(
            request=req,
            request_id=req.id,
            status=req.status,
            description=description,
            updated_datetime=at,
            by=by,
        )
    )


def submit_cases(session: Session, principal: Principal, raws: list[dict[str, Any]]) -> list[IntakeResult]:
    """Create or update a station's cases (``principal`` is a station: the routes ask for
    :data:`~radio_desk.server.deps.StationDep`); the case UUID makes every retry harmless.

    All valid items of the batch are written in one transaction; invalid ones are reported item by item
    (code 400/403) without stopping the others.  A concurrent insert of the same UUID (two retries
    racing) is resolved by retrying the batch, which then finds the case and returns its id.
    """
    for attempt in range(4):
        try:
            results = _submit_once(session, principal, raws)
            session.commit()
            return results
        except IntegrityError:
            session.rollback()
            if attempt == 3:
                raise
    raise AssertionError("unreachable")


def _submit_once(session: Session, principal: Principal, raws: list[dict[str, Any]]) -> list[IntakeResult]:
    now = utcnow()
    tax = get_taxonomy()
    results: list[IntakeResult] = []
    cleaned: list[tuple[int, dict[str, Any]]] = []
    for raw in raws:
        uid = shown(raw.get("case_uuid", ""), 64) if isinstance(raw, dict) else ""  # echoed as sent
        try:
            values = clean_intake(raw, now, tax)
        except ValidationError as err:
            results.append(IntakeResult(uid, outcome="error", code=400, description=err.message))
            continue
        results.append(IntakeResult(values["case_uuid"]))
        cleaned.append((len(results) - 1, values))
    if not cleaned:
        return results
    uuids = [v["case_uuid"] for _, v in cleaned]
    existing = {
        r.case_uuid: r
        for r in session.scalars(select(ServiceRequest).where(ServiceRequest.case_uuid.in_(uuids)))
    }
    created: list[tuple[int, ServiceRequest]] = []
    edits: list[tuple[ServiceRequest, str]] = []  # feed rows of "updated" cases, written at the end
    for index, values in cleaned:
        result = results[index]
        req = existing.get(values["case_uuid"])
        pending = next((i for i, r in created if r is req), None) if req is not None else None
        if pending is not None:  # the same UUID twice in one batch: the later copy wins
            for f in INTAKE_FIELDS:
                setattr(req, f, values[f])
            created.append((index, req))
            result.outcome = "created"
            continue
        if req is None:
            req = ServiceRequest(
                **values, token=secrets.token_hex(16), station_id=principal.account_id,
                status=Status.BARU.value, created_at=now, updated_datetime=now,
            )  # fmt: skip
            session.add(req)
            existing[values["case_uuid"]] = req
            created.append((index, req))
            result.outcome = "created"
            continue
        if req.station_id != principal.account_id:
            log.warning(
                "refused: station %s posted case %s of another station", principal.name, req.case_uuid
            )
            result.outcome, result.code = "error", 403
            result.description = (
                "Aduan ini milik stasiun lain; stasiun hanya boleh mengubah aduannya sendiri."
            )
            continue
        result.service_request_id, result.token, result.status = req.id, req.token, req.status
        if req.status != Status.BARU.value:
            result.outcome = "kept"  # verified: the server's copy of the intake fields is authoritative
            continue
        changed = [f for f in INTAKE_FIELDS if getattr(req, f) != values[f]]
        if not changed:
            result.outcome = "unchanged"
            continue
        for f in changed:
            setattr(req, f, values[f])
        req.updated_datetime = now
        edits.append((req, "Data aduan diperbarui oleh stasiun: " + ", ".join(changed)))
        result.outcome = "updated"
    session.flush()  # assigns ids to the new cases (a duplicate UUID raced in: IntegrityError, retried)
    # The feed rows last, under the feed lock held until commit: as few statements as possible in it.
    lock_feed(session)
    for req, text in edits:
        _add_update(session, req, text, principal.name, now)
    announced: set[int] = set()
    for index, req in created:
        if id(req) not in announced:
            announced.add(id(req))
            _add_update(session, req, "Aduan diterima server Diskominfo.", principal.name, now)
        r = results[index]
        r.service_request_id, r.token, r.status = req.id, req.token, req.status
    session.flush()
    return results


# ----------------------------------------------------------------------------------------- status change
def change_status(
    session: Session,
    principal: Principal,
    request_id: int,
    target: str,
    note: str = "",
    opd: str | None = None,
    duplicate_of: int | None = None,
    *,
    station_transitions: frozenset[Status] = DEFAULT_STATION_TRANSITIONS,
) -> ServiceRequest:
    """Move a case along the lifecycle, if :mod:`~radio_desk.server.permissions` lets ``principal``;
    writes the feed row (authored by ``principal``) and the deadline stamps.

    A retry of a change that was already made (same author, same status, same note) returns the case
    unchanged instead of an "already in that status" error, so a desk resending after a timeout is safe.
    """
    try:
        new = Status(target)
    except ValueError as err:
        raise ValidationError(f"Status \u201c{target}\u201d tidak dikenal.", field="status") from err
    if principal.is_public:
        raise permissions.refuse(
            principal,
            f"tried to change the status of case {request_id}",
            "Masuk atau sertakan kunci API untuk mengubah status aduan.",
        )
    lock_feed(session)
    req = session.get(ServiceRequest, request_id, with_for_update=True)
    if req is None:
        raise NotFoundError(f"Aduan nomor {request_id} tidak ada.")
    change = permissions.check_status_change(
        principal, req, new, station_transitions=station_transitions, opd=opd
    )
    new = change.target
    if req.status == new.value and _is_retry(session, req, principal, note):
        session.commit()  # (releases the locks)
        return req
    check_transition(Status(req.status), new)
    tax = get_taxonomy()
    if change.hand_back:
        if not note.strip():
            raise ValidationError("Tuliskan alasan mengapa aduan ini bukan wewenang OPD Anda.", field="note")
        handed_back_by = req.opd
        req.opd, req.forwarded_at, req.followed_up_at = None, None, None
    elif opd is not None:
        if opd not in tax.opds:
            raise ValidationError(f"OPD \u201c{opd}\u201d tidak dikenal.", field="opd")
        req.opd = opd
    if new == Status.DITERUSKAN and not req.opd:
        raise ValidationError("Pilih OPD tujuan sebelum meneruskan aduan.", field="opd")
    if new == Status.DUPLIKAT:
        if duplicate_of is None:
            raise ValidationError("Sebutkan nomor aduan aslinya (duplicate_of).", field="duplicate_of")
        if duplicate_of == req.id or session.get(ServiceRequest, duplicate_of) is None:
            raise ValidationError(f"Aduan asli nomor {duplicate_of} tidak ada.", field="duplicate_of")
        req.duplicate_of = duplicate_of
    now = utcnow()
    if new == Status.TERVERIFIKASI and Status(req.status) in permissions.HAND_BACK_FROM:
        # taken back (by the OPD or by Diskominfo): no OPD until it is forwarded again
        req.opd, req.forwarded_at, req.followed_up_at = None, None, None
    req.status = new.value
    req.status_notes = note or None
    req.updated_datetime = now
    if new == Status.TERVERIFIKASI:
        req.verified_at = req.verified_at or now
    elif new == Status.DITERUSKAN:
        req.verified_at = req.verified_at or now
        req.forwarded_at = now
    elif new in (Status.DIPROSES, Status.SELESAI) and req.followed_up_at is None:
        req.followed_up_at = now
    if new == Status.SELESAI:
        req.tindak_lanjut = note or None
    req.closed_at = now if new in CLOSED_STATUSES else None
    if change.hand_back:
        text = f"Dikembalikan oleh {tax.opd_name(handed_back_by)}: bukan wewenang"
    else:
        text = new.label
    if new == Status.DITERUSKAN:
        text += f": {tax.opd_name(req.opd)}"
    if note:
        text += f" \u2014 {note}"
    _add_update(session, req, text, principal.name, now)
    session.commit()
    return req


def _is_retry(session: Session, req: ServiceRequest, principal: Principal, note: str) -> bool:
    last = session.scalar(
        select(RequestUpdate)
        .where(RequestUpdate.request_id == req.id)
        .order_by(RequestUpdate.id.desc())
        .limit(1)
    )
    return (
        last is not None
        and last.by == principal.name
        and last.status == req.status
        and (req.status_notes or "") == note
    )


# -------------------------------------------------------------------------------------------- visibility
def get_visible(session: Session, principal: Principal, request_id: int) -> ServiceRequest:
    req = session.get(ServiceRequest, request_id)
    if req is None or (principal.is_public and req.rahasia):
        # a rahasia case does not exist for the public, not even as a "forbidden"
        raise NotFoundError(f"Aduan nomor {request_id} tidak ada.")
    if principal.is_station and req.station_id != principal.account_id:
        log.warning("refused: station %s read case %s of another station", principal.name, request_id)
        raise Forbidden("Aduan ini milik stasiun lain.")
    if not principal.is_public and not permissions.may_see_case(principal, req):
        log.warning("refused: %s (%s) read case %s", principal.name, principal.role, request_id)
        raise Forbidden("Aduan ini tidak diteruskan ke OPD Anda.")
    return req


# ---------------------------------------------------------------------------------------- serialisation
def _iso(dt: datetime | None) -> str | None:
    return dt.astimezone(UTC).isoformat().replace("+00:00", "Z") if dt else None


def request_dict(
    req: ServiceRequest, principal: Principal, cal: Calendar, tax: Taxonomy | None = None
) -> dict[str, Any]:
    """A case as an Open311 request (plus extension fields; private ones only for who may see them).
    Listings pass ``tax`` (looked up once, not once per row)."""
    tax = tax or get_taxonomy()
    clock = running_clock(cal, req.status, req.requested_datetime, req.forwarded_at)
    description = req.description
    if len(description) > 4000:  # the Open311 schema's limit; the full text stays on the server
        description = description[:3999] + "…"
    status = Status(req.status)
    out: dict[str, Any] = {
        "service_request_id": str(req.id),
        "status": open311_status(req.status),
        "status_notes": req.status_notes,
        "service_name": tax.category_name(req.service_code),
        "service_code": req.service_code,
        "description": description,
        "agency_responsible": tax.opd_name(req.opd) if req.opd else None,
        "service_notice": status.label,
        "requested_datetime": _iso(req.requested_datetime),
        "updated_datetime": _iso(req.updated_datetime),
        "expected_datetime": _iso(clock.due) if clock else None,
        "address": req.address,
        "address_id": req.desa_code or req.kecamatan_code,
        "zipcode": None,
        "lat": req.lat,
        "long": req.long,
        "media_url": None,
        # extensions
        "external_status_code": status.value,
        "case_uuid": req.case_uuid,
        "station": req.station.name if req.station else None,
        "opd": req.opd,
        "kecamatan_code": req.kecamatan_code,
        "desa_code": req.desa_code,
        "urgency": req.urgency,
        "channel": req.channel,
        "duplicate_of": _duplicate_of(req, principal),
    }
    out["tindak_lanjut"] = req.tindak_lanjut
    if permissions.may_see_private(principal, req):
        out.update(anonim=req.anonim, rahasia=req.rahasia, notes=req.notes)
    if permissions.may_see_identity(principal, req):
        out.update(caller_name=req.caller_name, phone=req.phone)
    return out


def _duplicate_of(req: ServiceRequest, principal: Principal) -> str | None:
    """The original's id, unless it is a rahasia case ``principal`` may not see: then, as for a case that
    does not exist, nothing (the id alone would tell that a hidden case exists, and which)."""
    if not req.duplicate_of:
        return None
    if not principal.is_staff:
        session = object_session(req)
        original = session.get(ServiceRequest, req.duplicate_of) if session is not None else None
        if original is None or (original.rahasia and not permissions.may_see_private(principal, original)):
            return None
    return str(req.duplicate_of)


def update_dict(upd: RequestUpdate) -> dict[str, Any]:
    return {
        "update_id": str(upd.id),
        "service_request_id": str(upd.request_id),
        "status": open311_status(upd.status),
        "updated_datetime": _iso(upd.updated_datetime),
        "description": upd.description,
        "external_status_code": upd.status,
        "media_url": None,
        "case_uuid": upd.request.case_uuid,
    }


# -------------------------------------------------------------------------------------------- listings
def list_requests(
    session: Session,
    principal: Principal,
    *,
    ids: list[int] | None = None,
    service_codes: list[str] | None = None,
    start: datetime | None = None,
    end: datetime | None = None,
    statuses: list[str] | None = None,
    limit: int = 1000,
) -> list[ServiceRequest]:
    q = visible(select(ServiceRequest), principal)
    if ids:
        q = q.where(ServiceRequest.id.in_(ids))
    if service_codes:
        q = q.where(ServiceRequest.service_code.in_(service_codes))
    if start:
        q = q.where(ServiceRequest.requested_datetime >= start)
    if end:
        q = q.where(ServiceRequest.requested_datetime <= end)
    if statuses:
        wanted: set[str] = set()
        for s in statuses:
            if s == "open":
                wanted |= {x.value for x in Status if x not in CLOSED_STATUSES}
            elif s == "closed":
                wanted |= {x.value for x in CLOSED_STATUSES}
            else:
                wanted.add(s)
        q = q.where(ServiceRequest.status.in_(sorted(wanted)))
    q = q.order_by(ServiceRequest.requested_datetime.desc(), ServiceRequest.id.desc()).limit(limit)
    return list(session.scalars(q))


def list_updates(
    session: Session,
    principal: Principal,
    *,
    start: datetime | None = None,
    end: datetime | None = None,
    after: int | None = None,
    limit: int = 1000,
) -> list[RequestUpdate]:
    q = select(RequestUpdate).join(RequestUpdate.request)
    q = visible(q, principal)
    if start:
        q = q.where(RequestUpdate.updated_datetime >= start)
    if end:
        q = q.where(RequestUpdate.updated_datetime <= end)
    if after is not None:
        q = q.where(RequestUpdate.id > after)
    q = q.order_by(RequestUpdate.id).limit(limit)
    return list(session.scalars(q))


def overdue(session: Session, principal: Principal, cal: Calendar, now: datetime | None = None) -> list[dict]:
    """Cases whose SP4N-LAPOR! clock has run out, grouped per OPD (most overdue first); for staff (the
    route asks for :data:`~radio_desk.server.deps.StaffDep`)."""
    now = now or utcnow()
    tax = get_taxonomy()
    running = [Status.BARU.value, Status.TERVERIFIKASI.value, Status.DITERUSKAN.value]
    groups: dict[str, list[dict]] = {}
    for req in session.scalars(select(ServiceRequest).where(ServiceRequest.status.in_(running))):
        clock = running_clock(cal, req.status, req.requested_datetime, req.forwarded_at)
        if clock is None or not clock.overdue(now):
            continue
        groups.setdefault(req.opd or "", []).append(
            {
                "service_request_id": str(req.id),
                "case_uuid": req.case_uuid,
                "station": req.station.name,
                "service_code": req.service_code,
                "status": req.status,
                "stage": clock.stage,
                "due": _iso(clock.due),
                "overdue_hours": round((now - clock.due).total_seconds() / 3600, 1),
                "urgency": req.urgency,
            }
        )
    out = []
    for code, cases in groups.items():
        cases.sort(key=lambda c: c["due"])
        out.append(
            {
                "opd": code or None,
                "opd_name": tax.opd_name(code) if code else "Belum ditentukan",
                "count": len(cases),
                "cases": cases,
            }
        )
    out.sort(key=lambda g: (-g["count"], g["opd"] or ""))
    return out
