"""Open311 GeoReport v2 under ``/open311/v2/`` (JSON and XML), plus the FixMyStreet update feed, and
the spec's discovery document (``/open311/discovery.json``, ``.xml``)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Query, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy import select

from radio_desk.domain.enums import Channel, Status, Urgency
from radio_desk.domain.taxonomy import get_taxonomy
from radio_desk.errors import NotFoundError, ValidationError
from radio_desk.server import cases, permissions
from radio_desk.server.auth import Principal
from radio_desk.server.config import ServerSettings
from radio_desk.server.deps import (
    CalendarDep,
    PrincipalDep,
    SessionDep,
    SettingsDep,
    principal_for_key,
    require_key,
    station_only,
)
from radio_desk.server.intake import DESA_RE, KECAMATAN_RE, check_text, is_yes, parse_datetime
from radio_desk.server.models import ServiceRequest
from radio_desk.server.xmlout import to_xml

V2 = "/open311/v2"  # the endpoint; the discovery document sits one level up (and here too)
router = APIRouter(tags=["open311"])
FORMATS = ("json", "xml")
# the attributes of every service definition (service_definition below)
ATTRIBUTES = ("case_uuid", "urgency", "channel", "station", "kecamatan", "desa", "anonim", "rahasia",
              "received_at")  # fmt: skip
EMAIL_LENGTH = 254  # RFC 5321's longest path


def check_format(fmt: str) -> str:
    if fmt not in FORMATS:
        raise NotFoundError(f"Format \u201c{fmt}\u201d tidak tersedia; pakai .json atau .xml.")
    return fmt


def path_format(fmt: str) -> str:
    """The ``.json``/``.xml`` of the path, as a dependency (checked before the caller's key)."""
    return check_format(fmt)


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
        {"code": "case_uuid", "datatype": "string", "required": False,
         "description": "UUID aduan (Radio Desk mengirimnya): kunci idempoten, kiriman ulang "
                        "mendapat nomor yang sama; tanpa UUID setiap kiriman menjadi aduan baru."},
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


@router.get(V2 + "/services.{fmt}", summary="Kategori aduan (layanan Open311)")
def get_services(fmt: str) -> Response:
    return respond(check_format(fmt), "services", service_list())


@router.get(V2 + "/services/{service_code}.{fmt}", summary="Definisi layanan dengan atributnya")
def get_service_definition(service_code: str, fmt: str) -> Response:
    check_format(fmt)
    return respond(fmt, "service_definition", service_definition(service_code))


def open311_station(
    request: Request,
    session: SessionDep,
    principal: PrincipalDep,
    api_key: Annotated[str | None, Form(description="Kunci API (gaya Open311)")] = None,
) -> Principal:
    """The station posting a request: its key as the spec's ``api_key`` (form field or query parameter)
    or in the ``X-API-Key`` header."""
    if principal.is_public and api_key:
        principal = principal_for_key(session, api_key, request)
    return station_only(require_key(principal, request), request)


async def other_fields(request: Request) -> dict[str, list[str]]:
    """Form fields the route does not name (a client's own ``attribute[...]``; the form is parsed once)."""
    form = await request.form()
    return {
        k: [v for v in form.getlist(k) if isinstance(v, str)]  # (a file part is no text)
        for k in form
        if k not in NAMED_FIELDS
    }


NAMED_FIELDS = frozenset(
    {"api_key", "jurisdiction_id", "service_code", "description", "lat", "long", "address_string",
     "address_id", "first_name", "last_name", "phone", "email", "device_id", "deviceid", "account_id",
     "media_url"} | {f"attribute[{a}]" for a in ATTRIBUTES}
)  # fmt: skip


def _client_notes(
    email: str | None, media_urls: list[str], others: dict[str, list[str]], anonim: bool
) -> str | None:
    """What a generic client sends that has no column: kept as lines of the case's internal notes (an
    anonim reporter's e-mail is not kept: the notes are shown to the OPD, the reporter's identity not)."""
    lines = []
    if email and email.strip() and not anonim:
        lines.append(f"Email pelapor: {email.strip()}")
    lines += [f"Foto/media: {url.strip()}" for url in media_urls if url.strip()]
    lines += [
        f"{key}: {value}" for key, values in sorted(others.items()) for value in values if value.strip()
    ]
    return "\n".join(lines) or None


def _place_of(address_id: str | None) -> dict[str, str]:
    """``address_id`` as our answers give it (the desa's or the kecamatan's Kemendagri code); any other
    identifier (FixMyStreet's ``#NOTPINPOINTED#``) names no place we know and is left out."""
    code = (address_id or "").strip()
    if DESA_RE.match(code):
        return {"desa_code": code}
    if KECAMATAN_RE.match(code):
        return {"kecamatan_code": code}
    return {}


@router.post(
    V2 + "/requests.{fmt}",
    summary="Kirim aduan (dengan attribute[case_uuid]: idempoten; tanpa: aduan baru setiap kiriman)",
)
def post_request(
    fmt: Annotated[str, Depends(path_format)],
    session: SessionDep,
    principal: Annotated[Principal, Depends(open311_station)],
    others: Annotated[dict[str, list[str]], Depends(other_fields)],
    service_code: Annotated[str, Form()],
    description: Annotated[str | None, Form()] = None,
    lat: Annotated[str | None, Form()] = None,
    long: Annotated[str | None, Form()] = None,
    address_string: Annotated[str | None, Form()] = None,
    address_id: Annotated[str | None, Form()] = None,
    first_name: Annotated[str | None, Form()] = None,
    last_name: Annotated[str | None, Form()] = None,
    phone: Annotated[str | None, Form()] = None,
    email: Annotated[str | None, Form()] = None,
    media_url: Annotated[list[str] | None, Form()] = None,
    case_uuid: Annotated[str | None, Form(alias="attribute[case_uuid]")] = None,
    urgency: Annotated[str | None, Form(alias="attribute[urgency]")] = None,
    channel: Annotated[str | None, Form(alias="attribute[channel]")] = None,
    kecamatan: Annotated[str | None, Form(alias="attribute[kecamatan]")] = None,
    desa: Annotated[str | None, Form(alias="attribute[desa]")] = None,
    anonim: Annotated[str | None, Form(alias="attribute[anonim]")] = None,
    rahasia: Annotated[str | None, Form(alias="attribute[rahasia]")] = None,
    received_at: Annotated[str | None, Form(alias="attribute[received_at]")] = None,
) -> Response:
    # without attribute[case_uuid] (any Open311 client) every post is a new case, as in the spec
    name = " ".join(p.strip() for p in (first_name, last_name) if p and p.strip()) or None
    raw: dict[str, Any] = {
        "case_uuid": case_uuid if case_uuid and case_uuid.strip() else str(uuid.uuid4()),
        "service_code": service_code, "description": description, "lat": lat, "long": long,
        "address": address_string, "caller_name": name, "phone": phone, "urgency": urgency,
        "channel": channel, "anonim": anonim, "rahasia": rahasia, "received_at": received_at,
    }  # fmt: skip
    raw.update(_place_of(address_id))
    raw.update({k: v for k, v in (("kecamatan_code", kecamatan), ("desa_code", desa)) if v not in (None, "")})
    if email is not None:
        check_text(email, EMAIL_LENGTH, "email")
    raw["notes"] = _client_notes(email, media_url or [], others, is_yes(anonim))
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


@router.get(V2 + "/requests.{fmt}", summary="Daftar aduan (publik: tanpa aduan rahasia dan tanpa identitas)")
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


@router.get(V2 + "/requests/{service_request_id}.{fmt}", summary="Satu aduan")
def get_request(
    service_request_id: str, fmt: str, session: SessionDep, principal: PrincipalDep, cal: CalendarDep
) -> Response:
    check_format(fmt)
    if not service_request_id.isdigit() or len(service_request_id) > 18:
        raise NotFoundError(f"Aduan nomor \u201c{service_request_id[:30]}\u201d tidak ada.")
    req = cases.get_visible(session, principal, int(service_request_id))
    return respond(fmt, "service_requests", [cases.request_dict(req, principal, cal)])


@router.get(V2 + "/tokens/{token}.{fmt}", summary="Nomor aduan dari token")
def get_token(token: str, fmt: str, session: SessionDep, principal: PrincipalDep) -> Response:
    check_format(fmt)
    req = None
    if "\x00" not in token:  # (PostgreSQL cannot even compare a NUL; no token has one)
        req = session.scalar(select(ServiceRequest).where(ServiceRequest.token == token[:64]))
    if req is None or (req.rahasia and not permissions.may_see_private(principal, req)):
        # a rahasia case does not exist for whoever may not see it: the same answer as a wrong token
        raise NotFoundError("Token tidak dikenal.")
    return respond(fmt, "service_requests", [{"service_request_id": str(req.id), "token": req.token}])


@router.get(V2 + "/servicerequestupdates.{fmt}", summary="Umpan perubahan status (gaya FixMyStreet)")
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


# ------------------------------------------------------------------------------------------- discovery
SPECIFICATION = "http://wiki.open311.org/GeoReport_v2"
# when this endpoint's behaviour last changed (requests without attribute[case_uuid], discovery)
ENDPOINT_CHANGESET = "2026-12-03T00:00:00Z"
MEDIA_TYPES = {"json": "application/json", "xml": "text/xml"}


def discovery(settings: ServerSettings, base_url: str) -> dict[str, Any]:
    """The GeoReport v2 discovery document: who to ask, how to get a key, and the one endpoint."""
    return {
        "changeset": ENDPOINT_CHANGESET,
        "contact": settings.open311_contact,
        "key_service": settings.open311_key_service,
        "endpoints": [
            {
                "specification": SPECIFICATION,
                "url": base_url.rstrip("/") + V2,
                "changeset": ENDPOINT_CHANGESET,
                "type": settings.open311_endpoint_type,
                "formats": [MEDIA_TYPES[f] for f in FORMATS],
            }
        ],
    }


@router.get("/open311/discovery.{fmt}", summary="Dokumen penemuan layanan GeoReport v2")
@router.get(V2 + "/discovery.{fmt}", include_in_schema=False)
def get_discovery(
    fmt: Annotated[str, Depends(path_format)], request: Request, settings: SettingsDep
) -> Response:
    # behind a proxy the configured public address; else the address this request came to
    base = settings.public_base_url or str(request.base_url)
    return respond(fmt, "discovery", discovery(settings, base))
