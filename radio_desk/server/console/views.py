"""The console's own pages: sign-in, the verification queue, the OPD inbox, the station's cases, the
case page with its actions, the recording and photos, and the audit log. Every action goes through
:func:`radio_desk.server.cases.change_status` — the same permission rules as the API — and writes the
audit log."""

from __future__ import annotations

import hashlib
import json
import logging
import secrets
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from fastapi import APIRouter, BackgroundTasks, Form, Path, Query, Request
from fastapi.responses import FileResponse, RedirectResponse, Response
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from starlette.datastructures import UploadFile

from radio_desk.domain.enums import Status
from radio_desk.domain.taxonomy import get_taxonomy
from radio_desk.errors import NotFoundError, RadioDeskError
from radio_desk.server import audit, cases, notify, permissions
from radio_desk.server.auth import Role
from radio_desk.server.console.auth import (
    COOKIE,
    LOGIN_CSRF_COOKIE,
    AdminDep,
    ConsoleForbidden,
    ConsoleUser,
    ConsoleUserDep,
    OpdDep,
    StaffDep,
    authenticate,
    check_csrf,
    check_login_csrf,
    close_session,
    open_session,
    set_cookie,
)
from radio_desk.server.console.pages import render
from radio_desk.server.deadlines import running_clock
from radio_desk.server.deps import CalendarDep, SessionDep, SettingsDep, client_address
from radio_desk.server.models import AuditEntry, RequestUpdate, ServiceRequest, Upload, utcnow
from radio_desk.server.uploads import SERVED_TYPES, stored_path

log = logging.getLogger("radio_desk.server.security")
router = APIRouter(prefix="/console", include_in_schema=False)

PHOTO_TYPES = {"image/jpeg": ".jpg", "image/png": ".png", "image/webp": ".webp"}
MAX_PHOTO_BYTES = 8 * 1024 * 1024
BULK_TARGETS = (Status.TERVERIFIKASI, Status.DITOLAK, Status.BUKAN_WEWENANG)
MESSAGES = {
    "ok": "Status aduan diperbarui.",
    "massal": "Aduan terpilih diperbarui.",
    "keluar": "Anda sudah keluar.",
    "berakhir": "Sesi Anda berakhir karena lama tidak aktif. Silakan masuk lagi.",
}


def _home(user: ConsoleUser) -> str:
    return {Role.OPD: "/console/opd", Role.STATION: "/console/stasiun"}.get(user.role, "/console/antrian")  # type: ignore[arg-type]


def _see_other(url: str) -> RedirectResponse:
    return RedirectResponse(url, status_code=303)


# ---------------------------------------------------------------------------------------------- sign-in
@router.get("/masuk", summary="Halaman masuk")
def login_form(request: Request, settings: SettingsDep, pesan: str | None = None) -> Response:
    token = secrets.token_urlsafe(32)
    response = render(
        request, "login.html", None, csrf=token, message=MESSAGES.get(pesan or ""), error=None, login_name=""
    )
    set_cookie(request, response, LOGIN_CSRF_COOKIE, token, settings)
    return response


@router.post("/masuk")
def login(
    request: Request,
    session: SessionDep,
    settings: SettingsDep,
    name: Annotated[str, Form(max_length=200)] = "",
    password: Annotated[str, Form(max_length=400)] = "",
    csrf: Annotated[str, Form(max_length=200)] = "",
) -> Response:
    check_login_csrf(request, csrf)
    address = client_address(request)
    try:
        account = authenticate(session, request.app.state.login_throttle, name.strip(), password, address)
    except RadioDeskError as err:
        token = secrets.token_urlsafe(32)
        status = 429 if err.__class__.__name__ == "Throttled" else 401
        response = render(
            request,
            "login.html",
            None,
            status,
            csrf=token,
            error=err.message,
            message=None,
            login_name=name[:100],
        )
        set_cookie(request, response, LOGIN_CSRF_COOKIE, token, settings)
        return response
    token, _csrf = open_session(session, account, address)
    audit.record(session, account.name, "masuk", detail=f"peran {account.role}", address=address)
    home = {"opd": "/console/opd", "station": "/console/stasiun"}.get(account.role, "/console/antrian")
    response = _see_other(home)
    set_cookie(request, response, COOKIE, token, settings)
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/console")
    return response


@router.post("/keluar")
def logout(
    request: Request, session: SessionDep, user: ConsoleUserDep, csrf: Annotated[str, Form()] = ""
) -> Response:
    check_csrf(user, csrf, request)
    close_session(session, user.session_id)
    audit.record(session, user.principal, "keluar", address=user.address)
    response = _see_other("/console/masuk?pesan=keluar")
    response.delete_cookie(COOKIE, path="/console")
    return response


@router.get("", include_in_schema=False)
@router.get("/")
def home(request: Request, user: ConsoleUserDep, session: SessionDep, cal: CalendarDep) -> Response:
    if user.role in (Role.ADMIN, Role.COORDINATOR):
        return _queue(request, user, session, cal, None)
    return _see_other(_home(user))


# ------------------------------------------------------------------------------------ verification queue
def _clock(cal, req: ServiceRequest):  # type: ignore[no-untyped-def]
    return running_clock(cal, req.status, req.requested_datetime, req.forwarded_at)


def _row(req: ServiceRequest, cal, tax) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    clock = _clock(cal, req)
    now = datetime.now(UTC)
    return {
        "req": req,
        "category": tax.category_name(req.service_code),
        "opd_name": tax.opd_name(req.opd) if req.opd else "",
        "due": clock.due if clock else None,
        "overdue": bool(clock and clock.overdue(now)),
        "summary": req.description if len(req.description) <= 220 else req.description[:219] + "…",
    }


def _queue(  # type: ignore[no-untyped-def]
    request: Request,
    user: ConsoleUser,
    session: Session,
    cal,
    pesan: str | None,
    error: str | None = None,
    status_code: int = 200,
) -> Response:
    tax = get_taxonomy()
    order = (ServiceRequest.requested_datetime.asc(), ServiceRequest.id.asc())
    new = session.scalars(
        select(ServiceRequest).where(ServiceRequest.status == Status.BARU.value).order_by(*order).limit(500)
    )
    verified = session.scalars(
        select(ServiceRequest)
        .where(ServiceRequest.status == Status.TERVERIFIKASI.value)
        .order_by(*order)
        .limit(500)
    )
    return render(
        request,
        "queue.html",
        user,
        status_code,
        new=[_row(r, cal, tax) for r in new],
        verified=[_row(r, cal, tax) for r in verified],
        bulk_targets=BULK_TARGETS,
        message=MESSAGES.get(pesan or ""),
        error=error,
    )


@router.get("/antrian")
def queue(
    request: Request, user: StaffDep, session: SessionDep, cal: CalendarDep, pesan: str | None = None
) -> Response:
    return _queue(request, user, session, cal, pesan)


@router.post("/antrian/massal")
async def bulk(
    request: Request, user: StaffDep, session: SessionDep, settings: SettingsDep, cal: CalendarDep
) -> Response:
    form = await request.form()
    check_csrf(user, str(form.get("csrf", "")), request)
    target = str(form.get("status", ""))
    note = str(form.get("note", ""))[:4000]
    ids = [int(v) for v in form.getlist("id") if str(v).isdigit() and len(str(v)) < 18]
    if target not in {s.value for s in BULK_TARGETS} or not ids:
        return _queue_error(request, user, session, cal, "Pilih aduan dan tindakan massal yang sah.")
    failures = []
    for rid in ids:
        try:
            cases.change_status(
                session, user.principal, rid, target, note, station_transitions=settings.station_transitions
            )
            audit.record(
                session, user.principal, "status", f"aduan {rid}", f"{target} (massal)", user.address
            )
        except RadioDeskError as err:
            session.rollback()
            failures.append(f"#{rid}: {err.message}")
    if failures:
        return _queue_error(request, user, session, cal, "Sebagian tidak diubah — " + "; ".join(failures))
    return _see_other("/console/antrian?pesan=massal")


def _queue_error(request: Request, user: ConsoleUser, session: Session, cal, error: str) -> Response:  # type: ignore[no-untyped-def]
    return _queue(request, user, session, cal, None, error, 400)


# ------------------------------------------------------------------------------------------- OPD inbox
@router.get("/opd")
def opd_inbox(
    request: Request, user: OpdDep, session: SessionDep, cal: CalendarDep, pesan: str | None = None
) -> Response:
    tax = get_taxonomy()
    q = permissions.visible(select(ServiceRequest), user.principal)
    open_q = q.where(ServiceRequest.status.in_([Status.DITERUSKAN.value, Status.DIPROSES.value]))
    rows = [_row(r, cal, tax) for r in session.scalars(open_q.order_by(ServiceRequest.forwarded_at.asc()))]
    for row in rows:  # the 5-working-day clock runs from forwarding, also while "diproses"
        req = row["req"]
        if req.forwarded_at is not None:
            due = cal.add_working_days(req.forwarded_at, 5)
            row["due"], row["overdue"] = due, datetime.now(UTC) > due and req.followed_up_at is None
    done = session.scalars(
        q.where(ServiceRequest.status == Status.SELESAI.value)
        .order_by(ServiceRequest.updated_datetime.desc())
        .limit(50)
    )
    return render(
        request,
        "opd.html",
        user,
        opd_name=tax.opd_name(user.principal.opd),
        rows=rows,
        done=[_row(r, cal, tax) for r in done],
        message=MESSAGES.get(pesan or ""),
    )


# ------------------------------------------------------------------------------------- station, read-only
@router.get("/stasiun")
def station_cases(request: Request, user: ConsoleUserDep, session: SessionDep, cal: CalendarDep) -> Response:
    if user.role != Role.STATION:
        raise ConsoleForbidden("Halaman ini untuk akun stasiun.")
    tax = get_taxonomy()
    rows = session.scalars(
        permissions.visible(select(ServiceRequest), user.principal)
        .order_by(ServiceRequest.requested_datetime.desc())
        .limit(500)
    )
    return render(request, "station.html", user, rows=[_row(r, cal, tax) for r in rows])


# ------------------------------------------------------------------------------------------- case page
def _case_for(session: Session, user: ConsoleUser, request_id: int) -> ServiceRequest:
    req = session.get(ServiceRequest, request_id)
    if req is None:
        raise NotFoundError(f"Aduan nomor {request_id} tidak ada.")
    if not permissions.may_see_case(user.principal, req) or user.principal.is_public:
        log.warning("refused: %s (%s) opened case %s in the console", user.name, user.role, request_id)
        raise ConsoleForbidden("Aduan ini tidak termasuk aduan yang boleh Anda lihat.")
    return req


def _uploads(session: Session, req: ServiceRequest, kind: str) -> list[Upload]:
    return list(
        session.scalars(
            select(Upload)
            .where(Upload.request_id == req.id, Upload.kind == kind, Upload.completed_at.is_not(None))
            .order_by(Upload.completed_at.desc())
        )
    )


def _transcript(settings, session: Session, req: ServiceRequest) -> str | None:  # type: ignore[no-untyped-def]
    for up in _uploads(session, req, "transcript"):
        path = stored_path(settings, up.id)
        try:
            doc = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(doc, dict):
            text = doc.get("text")
            if isinstance(text, str) and text.strip():
                return text
            segments = doc.get("segments")
            if isinstance(segments, list):
                return " ".join(str(s.get("text", "")) for s in segments if isinstance(s, dict)).strip()
    return None


def _actions(user: ConsoleUser, req: ServiceRequest, settings) -> list[str]:  # type: ignore[no-untyped-def]
    """Which action forms the case page shows (the server checks again on submit)."""
    status = Status(req.status)
    p = user.principal
    if p.is_staff:
        out = []
        if status == Status.BARU:
            out += ["verify"]
        if status in (Status.BARU, Status.TERVERIFIKASI):
            out += ["forward", "duplicate", "reject", "not_ours"]
        if status in (Status.DITERUSKAN, Status.DIPROSES):
            out += ["take_back", "process", "done"]
        if status == Status.DITERUSKAN:
            out += ["not_ours"]
        if status == Status.SELESAI:
            out += ["process"]
        return out
    if p.role == Role.OPD and permissions.handles(p, req):
        if status == Status.DITERUSKAN:
            return ["process", "done", "hand_back"]
        if status == Status.DIPROSES:
            return ["done", "hand_back"]
        if status == Status.SELESAI:
            return ["process"]
    return []


def _candidates(session: Session, req: ServiceRequest) -> list[ServiceRequest]:
    """Originals to pick for "duplikat": earlier cases of the same category, nearest first."""
    q = (
        select(ServiceRequest)
        .where(
            ServiceRequest.id != req.id,
            ServiceRequest.service_code == req.service_code,
            ServiceRequest.status != Status.DUPLIKAT.value,
            ServiceRequest.requested_datetime >= req.requested_datetime - timedelta(days=60),
        )
        .order_by(
            (ServiceRequest.kecamatan_code == req.kecamatan_code).desc(),
            ServiceRequest.requested_datetime.desc(),
        )
        .limit(20)
    )
    return list(session.scalars(q))


def _case_page(
    request: Request,
    user: ConsoleUser,
    session: Session,
    settings,  # type: ignore[no-untyped-def]
    cal,  # type: ignore[no-untyped-def]
    req: ServiceRequest,
    *,
    status_code: int = 200,
    error: str | None = None,
    message: str | None = None,
) -> Response:
    tax = get_taxonomy()
    history = list(
        session.scalars(
            select(RequestUpdate).where(RequestUpdate.request_id == req.id).order_by(RequestUpdate.id)
        )
    )
    identity = permissions.may_see_identity(user.principal, req)
    audio = _uploads(session, req, "audio") if identity else []
    actions = _actions(user, req, settings)
    return render(
        request,
        "case.html",
        user,
        status_code,
        row=_row(req, cal, tax),
        req=req,
        tax=tax,
        history=history,
        private=permissions.may_see_private(user.principal, req),
        identity=identity,
        audio=audio[0] if audio else None,
        transcript=_transcript(settings, session, req),
        photos=_uploads(session, req, "foto"),
        actions=actions,
        opds=sorted(tax.opds.values(), key=lambda o: o.name),
        candidates=_candidates(session, req) if "duplicate" in actions else [],
        error=error,
        message=message,
    )


@router.get("/aduan/{request_id}")
def case_page(
    request: Request,
    request_id: Annotated[int, Path(ge=1, le=2**62)],
    user: ConsoleUserDep,
    session: SessionDep,
    settings: SettingsDep,
    cal: CalendarDep,
    pesan: str | None = None,
) -> Response:
    req = _case_for(session, user, request_id)
    audit.record(session, user.principal, "lihat", f"aduan {req.id}", address=user.address)
    return _case_page(request, user, session, settings, cal, req, message=MESSAGES.get(pesan or ""))


@router.post("/aduan/{request_id}/status")
async def case_status(
    request: Request,
    request_id: Annotated[int, Path(ge=1, le=2**62)],
    user: ConsoleUserDep,
    session: SessionDep,
    settings: SettingsDep,
    cal: CalendarDep,
    background: BackgroundTasks,
) -> Response:
    form = await request.form()
    check_csrf(user, str(form.get("csrf", "")), request)
    req = _case_for(session, user, request_id)
    if user.role == Role.STATION:
        log.warning("refused: station %s tried a console action on case %s", user.name, request_id)
        raise ConsoleForbidden("Akun stasiun hanya dapat membaca di konsol.")
    target = str(form.get("status", ""))[:40]
    note = str(form.get("note", "")).strip()[:4000]
    opd = str(form.get("opd", "")).strip()[:40] or None
    dup_raw = str(form.get("duplicate_of_nomor", "") or form.get("duplicate_of", "")).strip()
    duplicate_of = int(dup_raw) if dup_raw.isdigit() and len(dup_raw) < 18 else None
    photo = form.get("foto")
    try:
        if target == Status.DUPLIKAT.value and dup_raw and duplicate_of is None:
            raise RadioDeskError("Nomor aduan asli harus angka.")
        photo_bytes = await _read_photo(photo) if target == Status.SELESAI.value else None
        if target == Status.DITERUSKAN.value and req.status == Status.BARU.value and user.principal.is_staff:
            # forwarding a new case verifies it first (two feed rows, as two separate actions would)
            cases.change_status(session, user.principal, req.id, Status.TERVERIFIKASI.value)
        req = cases.change_status(
            session,
            user.principal,
            req.id,
            target,
            note,
            opd,
            duplicate_of,
            station_transitions=settings.station_transitions,
        )
        if photo_bytes is not None:
            _store_photo(session, settings, req, photo, photo_bytes)  # type: ignore[arg-type]
    except RadioDeskError as err:
        session.rollback()
        audit.record(
            session, user.principal, "status_ditolak", f"aduan {request_id}", f"{target}: {err.message}",
            user.address,
        )  # fmt: skip
        req = session.get(ServiceRequest, request_id) or req
        code = 403 if isinstance(err, permissions.Forbidden) else 400
        return _case_page(request, user, session, settings, cal, req, status_code=code, error=err.message)
    detail = req.status + (f" ke {req.opd}" if req.status == Status.DITERUSKAN.value else "")
    audit.record(session, user.principal, "status", f"aduan {req.id}", detail, user.address)
    if req.status == Status.DITERUSKAN.value and settings.smtp_host:
        background.add_task(notify.send_forwarded, request.app.state.sessionmaker, settings, req.id)
    if user.role == Role.OPD and not permissions.handles(user.principal, req):
        return _see_other("/console/opd?pesan=ok")  # handed back: no longer this OPD's case
    return _see_other(f"/console/aduan/{req.id}?pesan=ok")


async def _read_photo(photo: Any) -> bytes | None:
    if photo is None or isinstance(photo, str) or not getattr(photo, "filename", ""):
        return None
    assert isinstance(photo, UploadFile)
    if (photo.content_type or "").split(";")[0].strip().lower() not in PHOTO_TYPES:
        raise RadioDeskError("Foto harus berformat JPEG, PNG atau WebP.")
    data = await photo.read(MAX_PHOTO_BYTES + 1)
    if len(data) > MAX_PHOTO_BYTES:
        raise RadioDeskError(f"Foto terlalu besar (batas {MAX_PHOTO_BYTES // (1024 * 1024)} MB).")
    if not data:
        return None
    return data


def _store_photo(session: Session, settings, req: ServiceRequest, photo: UploadFile, data: bytes) -> None:  # type: ignore[no-untyped-def]
    ctype = (photo.content_type or "").split(";")[0].strip().lower()
    uid = secrets.token_hex(16)
    folder = settings.uploads_dir
    folder.mkdir(parents=True, exist_ok=True)
    stored_path(settings, uid).write_bytes(data)
    now = utcnow()
    session.add(
        Upload(
            id=uid,
            request_id=req.id,
            kind="foto",
            filename=f"tindak-lanjut-{req.id}{PHOTO_TYPES[ctype]}",
            content_type=ctype,
            length=len(data),
            offset=len(data),
            sha256=hashlib.sha256(data).hexdigest(),
            created_at=now,
            completed_at=now,
        )
    )
    session.commit()


@router.get("/aduan/{request_id}/audio")
def case_audio(
    request_id: Annotated[int, Path(ge=1, le=2**62)],
    user: ConsoleUserDep,
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    req = _case_for(session, user, request_id)
    if not permissions.may_see_identity(user.principal, req):
        log.warning("refused: %s (%s) asked for the recording of case %s", user.name, user.role, req.id)
        raise ConsoleForbidden("Rekaman aduan anonim hanya untuk admin atau koordinator.")
    uploads = _uploads(session, req, "audio")
    if not uploads:
        raise NotFoundError("Aduan ini belum punya rekaman di server.")
    up = uploads[0]
    audit.record(session, user.principal, "dengar", f"aduan {req.id}", address=user.address)
    media = up.content_type if up.content_type in SERVED_TYPES else "application/octet-stream"
    return FileResponse(stored_path(settings, up.id), media_type=media, headers={"Cache-Control": "no-store"})


@router.get("/aduan/{request_id}/foto/{upload_id}")
def case_photo(
    request_id: Annotated[int, Path(ge=1, le=2**62)],
    upload_id: Annotated[str, Path(max_length=32)],
    user: ConsoleUserDep,
    session: SessionDep,
    settings: SettingsDep,
) -> Response:
    req = _case_for(session, user, request_id)
    up = session.get(Upload, upload_id)
    if up is None or up.request_id != req.id or up.kind != "foto":
        raise NotFoundError("Foto tidak ada.")
    return FileResponse(stored_path(settings, up.id), media_type=up.content_type)


# ------------------------------------------------------------------------------------------- audit log
@router.get("/audit")
def audit_log(
    request: Request,
    user: AdminDep,
    session: SessionDep,
    sebelum: Annotated[int | None, Query(ge=1, le=2**62)] = None,
) -> Response:
    rows = audit.recent(session, 200, sebelum)
    total = session.scalar(select(func.count()).select_from(AuditEntry))
    return render(
        request, "audit.html", user, rows=rows, total=total, next_before=rows[-1].id if rows else None
    )
