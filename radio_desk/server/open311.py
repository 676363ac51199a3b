"""Open311 GeoReport v2 under ``/open311/v2/`` (JSON and XML), plus the FixMyStreet update feed."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy import select

from radio_desk.domain.enums import Channel, Status, Urgency
from radio_desk.domain.taxonomy import get_taxonomy
from radio_desk.errors import NotFoundError, ValidationError
from radio_desk.server import cases, permissions
from radio_desk.server.deps import CalendarDep, PrincipalDep, SessionDep, principal_for_key
from radio_desk.server.intake import parse_datetime
from radio_desk.server.models import ServiceRequest
from radio_desk.server.xmlout import to_xml

router = APIRouter(prefix="/open311/v2", tags=["open311"])
FORMATS = ("json", "xml")


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise NotFoundError(f"Format \u201c{fmt}\u201d tidak tersedia; pakai .json atau .xml.")
    return fmt


def respond(fmt: str, root: str, payload: Any, status_code: int = 200) -> Response:
    if fmt == "xml":
        return Response(to_xml(root, payload), status_code=status_code, media_type="text/xml; charset=utf-8")
    return JSONResponse(payload, status_code=status_code)


def _csv(value: str | None) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()] if value else []


def _date(value: str | None, key: str) -> datetime | None:
    return parse_datetime(value, key) if value else None


def service_list() -> list[dict[str, Any]]:
    tax = get_taxonomy()
    out = []
    for cat in tax.categories.values():
        opd = tax.opds.get(cat.opd) if cat.opd else None
        out.append(
            {
                "service_code": cat.code,
                "service_name": cat.name,
                "description": cat.description or None,
                "metadata": True,
                "type": "realtime",
                "keywords": ", ".join(cat.hints[:12]) or None,
                "group": opd.short if opd else None,
            }
        )
    return out


def _choice(values: list[tuple[str, str]]) -> list[dict[str, str]]:
    return [{"key": k, "name": n} for k, n in values]


def service_definition(code: str) -> dict[str, Any]:
    tax = get_taxonomy()
    if code not in tax.categories:
        raise NotFoundError(f"Layanan (kategori) \u201c{code}\u201d tidak ada.")
    yes_no = _choice([("false", "Tidak"), ("true", "Ya")])
    attrs: list[dict[str, Any]] = [
        {"code": "case_uuid", "datatype": "string", "required": True,
         "description": "UUID aduan dari Radio Desk; kunci idempoten: kiriman ulang "
                        "mendapat nomor yang sama."},
        {"code": "urgency", "datatype": "singlevaluelist", "required": False, "description": "Urgensi",
         "values": _choice([(u.value, u.label) for u in Urgency])},
        {"code": "channel", "datatype": "singlevaluelist", "required": False, "description": "Kanal aduan",
         "values": _choice([(c.value, c.label) for c in Channel])},
        {"code": "station", "datatype": "string", "required": False,
         "description": "Kode stasiun radio (server memakai stasiun pemilik kunci API)."},
        {"code": "kecamatan", "datatype": "string", "required": False,
         "description": "Kode kecamatan Kemendagri, mis. 35.22.01"},
        {"code": "desa", "datatype": "string", "required": False,
         "description": "Kode desa/kelurahan Kemendagri, mis. 35.22.01.2001"},
        {"code": "anonim", "datatype": "singlevaluelist", "required": False,
         "description": "Identitas pelapor dirahasiakan", "values": yes_no},
        {"code": "rahasia", "datatype": "singlevaluelist", "required": False,
         "description": "Seluruh aduan tertutup untuk publik", "values": yes_no},
        {"code": "received_at", "datatype": "datetime", "required": False,
         "description": "Waktu aduan diterima studio (ISO 8601)"},
    ]  # fmt: skip
    for order, attr in enumerate(attrs, start=1):
        attr.update(variable=True, order=order, datatype_description=None)
    return {"service_code": code, "attributes": attrs}


@router.get("/services.{fmt}", summary="Kategori aduan (layanan Open311)")
def get_services(fmt: str) -> Response:
    return respond(check_format(fmt), "services", service_list())


@router.get("/services/{service_code}.{fmt}", summary="Definisi layanan dengan atributnya")
def get_service_definition(service_code: str, fmt: str) -> Response:
    check_format(fmt)
    return respond(fmt, "service_definition", service_definition(service_code))


@router.post("/requests.{fmt}", summary="Kirim aduan (idempoten dengan attribute[case_uuid])")
def post_request(
    fmt: str,
    request: Request,
    session: SessionDep,
    principal: PrincipalDep,
    service_code: Annotated[str, Form()],
    case_uuid: Annotated[str, Form(alias="attribute[case_uuid]")],
    api_key: Annotated[str | None, Form()] = None,
    description: Annotated[str | None, Form()] = None,
    lat: Annotated[str | None, Form()] = None,
    long: Annotated[str | None, Form()] = None,
    address_string: Annotated[str | None, Form()] = None,
    address_id: Annotated[str | None, Form()] = None,
    first_name: Annotated[str | None, Form()] = None,
    last_name: Annotated[str | None, Form()] = None,
    phone: Annotated[str | None, Form()] = None,
    email: Annotated[str | None, Form()] = None,
    device_id: Annotated[str | None, Form()] = None,
    account_id: Annotated[str | None, Form()] = None,
    media_url: Annotated[str | None, Form()] = None,
    urgency: Annotated[str | None, Form(alias="attribute[urgency]")] = None,
    channel: Annotated[str | None, Form(alias="attribute[channel]")] = None,
    station: Annotated[str | None, Form(alias="attribute[station]")] = None,
    kecamatan: Annotated[str | None, Form(alias="attribute[kecamatan]")] = None,
    desa: Annotated[str | None, Form(alias="attribute[desa]")] = None,
    anonim: Annotated[str | None, Form(alias="attribute[anonim]")] = None,
    rahasia: Annotated[str | None, Form(alias="attribute[rahasia]")] = None,
    received_at: Annotated[str | None, Form(alias="attribute[received_at]")] = None,
) -> Response:
    check_format(fmt)
    if principal.is_public and api_key:
        principal = principal_for_key(session, api_key, request)
    if principal.is_public:
        from radio_desk.server.deps import require_key

        require_key(principal, request)
    name = " ".join(p for p in (first_name, last_name) if p) or None
    raw = {
        "case_uuid": case_uuid, "service_code": service_code, "description": description, "lat": lat,
        "long": long, "address": address_string, "caller_name": name, "phone": phone, "urgency": urgency,
        "channel": channel, "kecamatan_code": kecamatan, "desa_code": desa, "anonim": anonim,
        "rahasia": rahasia, "received_at": received_at,
    }  # fmt: skip
    [result] = cases.submit_cases(session, principal, [raw])
    if result.outcome == "error":
        if result.code == 403:
            raise cases.Forbidden(result.description)
        raise ValidationError(result.description)
    payload = [
        {
            "service_request_id": str(result.service_request_id),
            "token": result.token,
            "service_notice": Status(result.status).label,
        }
    ]
    return respond(fmt, "service_requests", payload, 201 if result.outcome == "created" else 200)


@router.get("/requests.{fmt}", summary="Daftar aduan (publik: tanpa aduan rahasia dan tanpa identitas)")
def get_requests(
    fmt: str,
    session: SessionDep,
    principal: PrincipalDep,
    cal: CalendarDep,
    service_request_id: str | None = None,
    service_code: str | None = None,
    start_date: str | None = None,
    end_date: str | None = None,
    status: str | None = None,
    jurisdiction_id: str | None = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 1000,
) -> Response:
    check_format(fmt)
    ids: list[int] = []
    for raw in _csv(service_request_id):
        if not raw.isdigit() or len(raw) > 18:
            raise ValidationError(f"service_request_id \u201c{raw[:30]}\u201d bukan nomor aduan.")
        ids.append(int(raw))
    statuses = _csv(status)
    allowed = {"open", "closed"} | {s.value for s in Status}
    bad = [s for s in statuses if s not in allowed]
    if bad:
        raise ValidationError(
            f"Status \u201c{bad[0][:30]}\u201d tidak dikenal (open, closed, atau status aduan)."
        )
    start, end = _date(start_date, "start_date"), _date(end_date, "end_date")
    if ids:  # the spec: with service_request_id the other filters are ignored
        rows = cases.list_requests(session, principal, ids=ids, limit=limit)
    else:
        if start is None and end is None:
            start = datetime.now(UTC) - timedelta(days=90)  # the spec's default window
        rows = cases.list_requests(
            session,
            principal,
            service_codes=_csv(service_code),
            start=start,
            end=end,
            statuses=statuses,
            limit=limit,
        )
    tax = get_taxonomy()
    return respond(fmt, "service_requests", [cases.request_dict(r, principal, cal, tax) for r in rows])


@router.get("/requests/{service_request_id}.{fmt}", summary="Satu aduan")
def get_request(
    service_request_id: str, fmt: str, session: SessionDep, principal: PrincipalDep, cal: CalendarDep
) -> Response:
    check_format(fmt)
    if not service_request_id.isdigit() or len(service_request_id) > 18:
        raise NotFoundError(f"Aduan nomor \u201c{service_request_id[:30]}\u201d tidak ada.")
    req = cases.get_visible(session, principal, int(service_request_id))
    return respond(fmt, "service_requests", [cases.request_dict(req, principal, cal)])


@router.get("/tokens/{token}.{fmt}", summary="Nomor aduan dari token")
def get_token(token: str, fmt: str, session: SessionDep, principal: PrincipalDep) -> Response:
    check_format(fmt)
    req = None
    if "\x00" not in token:  # (PostgreSQL cannot even compare a NUL; no token has one)
        req = session.scalar(select(ServiceRequest).where(ServiceRequest.token == token[:64]))
    if req is None or (req.rahasia and not permissions.may_see_private(principal, req)):
        # a rahasia case does not exist for whoever may not see it: the same answer as a wrong token
        raise NotFoundError("Token tidak dikenal.")
    return respond(fmt, "service_requests", [{"service_request_id": str(req.id), "token": req.token}])


@router.get("/servicerequestupdates.{fmt}", summary="Umpan perubahan status (gaya FixMyStreet)")
def get_updates(
    fmt: str,
    session: SessionDep,
    principal: PrincipalDep,
    start_date: str | None = None,
    end_date: str | None = None,
    after: Annotated[
        int | None, Query(ge=0, le=2**62, description="update_id terakhir yang sudah diterima")
    ] = None,
    limit: Annotated[int, Query(ge=1, le=1000)] = 1000,
) -> Response:
    check_format(fmt)
    rows = cases.list_updates(
        session,
        principal,
        start=_date(start_date, "start_date"),
        end=_date(end_date, "end_date"),
        after=after,
        limit=limit,
    )
    return respond(fmt, "service_request_updates", [cases.update_dict(u) for u in rows])
