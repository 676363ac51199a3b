"""Radio Desk's own endpoints under ``/api/v1``: batch intake for the desk's sync, staff status changes,
the overdue listing."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Path, Request
from pydantic import BaseModel, Field, WithJsonSchema
from sqlalchemy import select

from radio_desk.errors import NotFoundError, ValidationError
from radio_desk.server import audit, cases, notify
from radio_desk.server.deps import (
    CalendarDep,
    KeyedDep,
    SessionDep,
    SettingsDep,
    StaffDep,
    StationDep,
    client_address,
)
from radio_desk.server.intake import CaseIn, CleanStr, parse_case_uuid, parse_datetime
from radio_desk.server.models import ServiceRequest

router = APIRouter(prefix="/api/v1", tags=["radio-desk"])


class BatchIn(BaseModel):
    # each item is checked on its own (intake.CaseIn): a bad case is an error of that item only, so the
    # body takes plain objects and documents them with the model's schema
    cases: list[Annotated[dict[str, Any], WithJsonSchema(CaseIn.model_json_schema())]] = Field(
        description="Aduan dengan case_uuid, service_code, description, ..."
    )


class StatusIn(BaseModel):
    status: CleanStr = Field(max_length=40)
    note: CleanStr = Field(default="", max_length=4000)
    opd: CleanStr | None = Field(default=None, max_length=40)
    duplicate_of: int | None = Field(default=None, ge=1, le=2**62)


@router.get("/whoami", summary="Pemilik kunci API")
def whoami(principal: KeyedDep) -> dict[str, Any]:
    return {"name": principal.name, "role": principal.role}


@router.post("/requests/batch", summary="Kirim sekumpulan aduan (idempoten per case_uuid)")
def post_batch(
    body: BatchIn, session: SessionDep, principal: StationDep, settings: SettingsDep
) -> dict[str, Any]:
    if len(body.cases) > settings.max_batch:
        raise ValidationError(
            f"Terlalu banyak aduan dalam satu kiriman ({len(body.cases)} > {settings.max_batch})."
        )
    results = cases.submit_cases(session, principal, body.cases)
    return {"results": [r.as_dict() for r in results]}


@router.get("/cases/{case_uuid}", summary="Aduan menurut UUID desk")
def get_case(case_uuid: str, session: SessionDep, principal: KeyedDep, cal: CalendarDep) -> dict[str, Any]:
    try:
        uid = parse_case_uuid(case_uuid)
    except ValidationError as err:
        raise NotFoundError(f"Aduan {case_uuid[:40]} tidak ada.") from err
    req_id = session.scalar(select(ServiceRequest.id).where(ServiceRequest.case_uuid == uid))
    if req_id is None:
        raise NotFoundError(f"Aduan {uid} tidak ada.")
    return cases.request_dict(cases.get_visible(session, principal, req_id), principal, cal)


@router.post(
    "/requests/{service_request_id}/status",
    summary="Ubah status aduan (admin/koordinator; OPD pada aduan yang diteruskan kepadanya; stasiun pada "
    "aduannya sendiri sesuai kebijakan kabupaten)",
)
def post_status(
    service_request_id: Annotated[int, Path(ge=1, le=2**62)],
    body: StatusIn,
    request: Request,
    session: SessionDep,
    principal: KeyedDep,
    cal: CalendarDep,
    settings: SettingsDep,
    background: BackgroundTasks,
) -> dict[str, Any]:
    req = cases.change_status(
        session,
        principal,
        service_request_id,
        body.status,
        body.note,
        body.opd,
        body.duplicate_of,
        station_transitions=settings.station_transitions,
    )
    audit.record(
        session, principal, "status", f"aduan {req.id}", f"{req.status} (API)", client_address(request)
    )
    if req.status == "diteruskan" and settings.smtp_host:
        background.add_task(notify.send_forwarded, request.app.state.sessionmaker, settings, req.id)
    return cases.request_dict(req, principal, cal)


@router.get("/overdue", summary="Aduan melewati tenggat SP4N-LAPOR! per OPD (admin/koordinator)")
def get_overdue(
    session: SessionDep, principal: StaffDep, cal: CalendarDep, now: str | None = None
) -> list[dict[str, Any]]:
    at: datetime | None = parse_datetime(now, "now") if now else None
    return cases.overdue(session, principal, cal, at)
