"""Resumable upload of a case's audio and transcript (after the tus protocol, simplified).

1. ``POST /api/v1/requests/{id}/uploads`` with ``{kind, filename, length, sha256}`` → 201, ``Location``
   and ``Upload-Offset``; the same file (same case, kind and sha256) returns the upload already begun.
2. ``HEAD /api/v1/uploads/{uid}`` → ``Upload-Offset`` / ``Upload-Length``: where to resume.
3. ``PATCH /api/v1/uploads/{uid}`` with ``Upload-Offset`` and ``Content-Type:
   application/offset+octet-stream`` appends the bytes (409 when the offset is not the server's).
When the last byte arrives the SHA-256 is checked; a mismatch restarts the upload from 0.
"""

from __future__ import annotations

import os
import re
import secrets
from typing import Annotated, Any

from fastapi import APIRouter, Header, Path, Request
from fastapi.responses import FileResponse, JSONResponse, Response
from pydantic import BaseModel, Field
from sqlalchemy import select

from radio_desk.errors import NotFoundError, ValidationError
from radio_desk.fsutil import sha256_file
from radio_desk.server import cases, permissions
from radio_desk.server.deps import KeyedDep, SessionDep, SettingsDep
from radio_desk.server.intake import CleanStr, shown
from radio_desk.server.models import ServiceRequest, Upload, utcnow

router = APIRouter(prefix="/api/v1", tags=["uploads"])
KINDS = ("audio", "transcript")
SAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
UPLOAD_ID = re.compile(r"^[0-9a-f]{32}$")
# What a station may declare: the server answers it back as Content-Type when staff download the file, so
# anything else (``audio/wav; name=€`` made the download a 500, CR/LF dropped the connection) is refused.
CONTENT_TYPES = {
    "audio": ("audio/flac", "audio/x-flac", "audio/wav", "audio/x-wav", "audio/wave", "audio/ogg",
              "audio/opus", "audio/mpeg", "audio/mp4", "audio/webm", "application/octet-stream"),
    "transcript": ("application/json", "application/octet-stream"),
}  # fmt: skip
SERVED_TYPES = frozenset(t for types in CONTENT_TYPES.values() for t in types)


class UploadIn(BaseModel):
    kind: CleanStr = Field(max_length=20)
    filename: CleanStr = Field(max_length=200)
    length: int = Field(ge=0, le=2**40)
    sha256: CleanStr | None = Field(default=None, max_length=64)
    content_type: CleanStr = Field(default="application/octet-stream", max_length=100)


def _headers(up: Upload) -> dict[str, str]:
    return {
        "Upload-Offset": str(up.offset),
        "Upload-Length": str(up.length),
        "Tus-Resumable": "1.0.0",
        "Cache-Control": "no-store",
    }


def _status(up: Upload) -> dict[str, Any]:
    return {
        "upload_id": up.id,
        "kind": up.kind,
        "filename": up.filename,
        "length": up.length,
        "offset": up.offset,
        "complete": up.completed_at is not None,
        "location": f"/api/v1/uploads/{up.id}",
    }


def _owned_upload(session, principal, upload_id: str, lock: bool = False) -> Upload:  # type: ignore[no-untyped-def]
    if not UPLOAD_ID.match(upload_id):
        raise NotFoundError("Unggahan tidak ada.")
    up = session.get(Upload, upload_id, with_for_update=lock)
    if up is None:
        raise NotFoundError("Unggahan tidak ada.")
    cases.get_visible(session, principal, up.request_id)  # 403 for another station's case
    return up


@router.post("/requests/{service_request_id}/uploads", status_code=201, summary="Mulai unggahan berkas aduan")
def create_upload(
    service_request_id: Annotated[int, Path(ge=1, le=2**62)],
    body: UploadIn,
    session: SessionDep,
    principal: KeyedDep,
    settings: SettingsDep,
) -> Response:
    req = cases.get_visible(session, principal, service_request_id)
    if not (principal.is_staff or req.station_id == principal.account_id):
        raise cases.Forbidden("Hanya stasiun pemilik aduan yang boleh mengunggah berkasnya.")
    if body.kind not in KINDS:
        raise ValidationError(f"Jenis berkas \u201c{body.kind}\u201d tidak dikenal (audio atau transcript).")
    content_type = _content_type(body.kind, body.content_type)
    if body.length > settings.max_upload_bytes:
        raise ValidationError(f"Berkas terlalu besar ({body.length} > {settings.max_upload_bytes} bita).")
    sha = body.sha256.lower() if body.sha256 else None
    if sha is not None and not re.fullmatch(r"[0-9a-f]{64}", sha):
        raise ValidationError("sha256 harus 64 digit heksadesimal.")
    if sha is not None:
        existing = session.scalar(
            select(Upload).where(Upload.request_id == req.id, Upload.kind == body.kind, Upload.sha256 == sha)
        )
        if existing is not None:
            return JSONResponse(
                _status(existing),
                status_code=200,
                headers=_headers(existing) | {"Location": f"/api/v1/uploads/{existing.id}"},
            )
    up = Upload(
        id=secrets.token_hex(16),
        request_id=req.id,
        kind=body.kind,
        filename=SAFE_NAME.sub("_", body.filename)[:200] or "berkas",
        content_type=content_type,
        length=body.length,
        offset=0,
        sha256=sha,
    )
    settings.uploads_dir.mkdir(parents=True, exist_ok=True)
    _path(settings, up.id).touch()
    if up.length == 0:
        up.completed_at = utcnow()
    session.add(up)
    session.commit()
    return JSONResponse(
        _status(up), status_code=201, headers=_headers(up) | {"Location": f"/api/v1/uploads/{up.id}"}
    )


def _content_type(kind: str, declared: str) -> str:
    """The declared type, normalised (``Audio/WAV`` → ``audio/wav``; JSON may say ``charset=utf-8``)."""
    media, _, params = declared.strip().lower().partition(";")
    media, params = media.strip(), params.replace(" ", "")
    if media in CONTENT_TYPES[kind] and (
        not params or (media == "application/json" and params == "charset=utf-8")
    ):
        return media
    raise ValidationError(
        f"content_type \u201c{shown(declared)}\u201d tidak diterima untuk berkas {kind}; pakai salah satu: "
        + ", ".join(CONTENT_TYPES[kind])
        + "."
    )


def _path(settings, upload_id: str):  # type: ignore[no-untyped-def]
    return settings.uploads_dir / f"{upload_id}.part"


stored_path = _path  # where an upload's bytes lie (the console reads recordings, transcripts, photos)


@router.head("/uploads/{upload_id}", summary="Posisi unggahan (untuk melanjutkan)")
def head_upload(upload_id: str, session: SessionDep, principal: KeyedDep) -> Response:
    up = _owned_upload(session, principal, upload_id)
    return Response(status_code=200, headers=_headers(up))


@router.get("/uploads/{upload_id}", summary="Keadaan unggahan")
def get_upload(upload_id: str, session: SessionDep, principal: KeyedDep) -> Response:
    up = _owned_upload(session, principal, upload_id)
    return JSONResponse(_status(up), headers=_headers(up))


@router.get("/uploads/{upload_id}/content", summary="Unduh berkas yang sudah lengkap")
def get_upload_content(
    upload_id: str, session: SessionDep, principal: KeyedDep, settings: SettingsDep
) -> Response:
    up = _owned_upload(session, principal, upload_id)
    req = session.get(ServiceRequest, up.request_id)
    if req is not None and not permissions.may_see_identity(principal, req):
        # an anonim reporter's voice is their identity: only staff may fetch it back
        cases.log.warning("refused: %s fetched the recording of anonim case %s", principal.name, req.id)
        raise cases.Forbidden("Berkas aduan anonim hanya untuk admin atau koordinator.")
    if up.completed_at is None:
        raise cases.Conflict("Unggahan belum lengkap.")
    # a row stored before the check above may hold anything: serve it as plain bytes, never as a header
    media_type = up.content_type if up.content_type in SERVED_TYPES else "application/octet-stream"
    return FileResponse(_path(settings, up.id), media_type=media_type, filename=up.filename)


@router.patch("/uploads/{upload_id}", status_code=204, summary="Kirim potongan berkas mulai Upload-Offset")
async def patch_upload(
    upload_id: str,
    request: Request,
    settings: SettingsDep,
    upload_offset: Annotated[int, Header(ge=0, le=2**40)],
) -> Response:
    body = await request.body()  # bounded by the chunk size limit (middleware)
    # the database work is blocking: run it in the thread pool like a sync endpoint
    from starlette.concurrency import run_in_threadpool

    return await run_in_threadpool(_apply_chunk, request, settings, upload_id, upload_offset, body)


def _apply_chunk(request: Request, settings, upload_id: str, offset: int, body: bytes) -> Response:  # type: ignore[no-untyped-def]
    from radio_desk.server.deps import principal_for_key

    with request.app.state.sessionmaker() as session:
        key = request.headers.get("x-api-key") or request.query_params.get("api_key")
        principal = principal_for_key(session, key, request)
        if principal.is_public:
            from radio_desk.server.deps import require_key

            require_key(principal, request)
        up = _owned_upload(session, principal, upload_id, lock=True)
        ctype = request.headers.get("content-type", "")
        if ctype.split(";")[0].strip() != "application/offset+octet-stream":
            raise ValidationError("Content-Type harus application/offset+octet-stream.")
        if up.completed_at is not None:
            return Response(status_code=204, headers=_headers(up))
        if offset != up.offset:
            raise cases.Conflict(f"Upload-Offset {offset} tidak cocok; server berada di {up.offset}.")
        if up.offset + len(body) > up.length:
            raise ValidationError("Potongan melewati panjang berkas yang diumumkan.")
        path = _path(settings, up.id)
        with open(path, "r+b" if path.exists() else "w+b") as fh:
            fh.seek(up.offset)
            fh.write(body)
            fh.truncate()
            fh.flush()
            os.fsync(fh.fileno())
        up.offset += len(body)
        if up.offset == up.length:
            if up.sha256 and sha256_file(path) != up.sha256:
                up.offset = 0
                with open(path, "wb"):
                    pass
                session.commit()
                raise ValidationError("Checksum SHA-256 berkas tidak cocok; unggahan diulang dari awal.")
            up.completed_at = utcnow()
        session.commit()
        return Response(status_code=204, headers=_headers(up))
