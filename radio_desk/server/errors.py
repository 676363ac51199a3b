"""The server's error format: every refusal as Open311's ``[{"code", "description"}]`` (JSON, or XML
for ``.xml`` paths), the console's as an error page; each refusal logged (method, path, client
address; never a key or a query string) on ``radio_desk.server.security``."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from sqlalchemy.exc import DataError
from starlette.exceptions import HTTPException as StarletteHTTPException

from radio_desk.errors import NotFoundError, RadioDeskError, ValidationError
from radio_desk.server import audit
from radio_desk.server.cases import Conflict, Forbidden
from radio_desk.server.console.auth import ConsoleForbidden, CsrfError, LoginRequired
from radio_desk.server.console.pages import error_page
from radio_desk.server.deps import AuthError
from radio_desk.server.xmlout import printable, to_xml

log = logging.getLogger("radio_desk.server.security")


def error_response(request: Request, status: int, description: str, headers: dict | None = None) -> Response:
    # a message may echo input: a lone surrogate would make the JSON encoder fail (a 500), U+FFFE the XML
    payload = [{"code": status, "description": printable(description)}]
    if request.url.path.endswith(".xml"):
        return Response(
            to_xml("errors", payload),
            status_code=status,
            media_type="text/xml; charset=utf-8",
            headers=headers,
        )
    return JSONResponse(payload, status_code=status, headers=headers)


def _client(request: Request) -> str:
    return request.client.host if request.client else "?"


def status_for(err: RadioDeskError) -> int:
    if isinstance(err, AuthError | Forbidden):
        return 403
    if isinstance(err, NotFoundError):
        return 404
    if isinstance(err, Conflict):
        return 409
    return 400


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers that turn exceptions into the error format above."""

    @app.exception_handler(LoginRequired)
    async def _login_required(request: Request, err: LoginRequired) -> Response:
        target = "/console/masuk" + ("?pesan=berakhir" if err.expired else "")
        response = RedirectResponse(target, status_code=303)
        if err.expired:
            response.delete_cookie("rd_konsol", path="/console")
        return response

    @app.exception_handler(ConsoleForbidden)
    async def _console_forbidden(request: Request, err: ConsoleForbidden) -> Response:
        user = getattr(request.state, "console_user", None)
        return error_page(request, user, 403, "Tidak diizinkan", err.message)

    @app.exception_handler(CsrfError)
    async def _csrf(request: Request, err: CsrfError) -> Response:
        user = getattr(request.state, "console_user", None)
        with request.app.state.sessionmaker() as session:
            audit.record(
                session,
                user.principal if user else "",
                "csrf_ditolak",
                request.url.path[:100],
                address=_client(request),
            )
        return error_page(
            request,
            user,
            403,
            "Formulir ditolak",
            err.message + " Muat ulang halaman lalu kirim lagi. Demi keamanan, formulir hanya diterima "
            "dari halaman konsol yang baru dibuka.",
        )

    @app.exception_handler(RadioDeskError)
    async def _radio_desk_error(request: Request, err: RadioDeskError) -> Response:
        status = status_for(err)
        if request.url.path.startswith("/console"):
            log.warning(
                "refused %s: %s %s from %s", status, request.method, request.url.path, _client(request)
            )
            user = getattr(request.state, "console_user", None)
            title = {404: "Tidak ditemukan", 403: "Tidak diizinkan"}.get(status, "Permintaan tidak sah")
            return error_page(request, user, status, title, err.message)
        if status in (403, 409) or isinstance(err, ValidationError):
            # the message never contains a key; the query string (which may hold api_key) is not logged
            log.warning(
                "refused %s: %s %s from %s: %s",
                status,
                request.method,
                request.url.path,
                _client(request),
                printable(err.message),
            )
        return error_response(request, status, err.message)

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, err: RequestValidationError) -> Response:
        parts = []
        for e in err.errors()[:5]:
            where = ".".join(str(x) for x in e.get("loc", ()) if x not in ("body", "query", "path", "header"))
            parts.append(f"{where or 'permintaan'}: {e.get('msg', 'tidak sah')}")
        if request.url.path.startswith("/console"):
            user = getattr(request.state, "console_user", None)
            log.warning("refused 400: %s %s from %s", request.method, request.url.path, _client(request))
            return error_page(
                request, user, 400, "Permintaan tidak sah", "Alamat atau isian formulir tidak sah."
            )
        log.warning(
            "refused 400: %s %s from %s: invalid parameters %s",
            request.method,
            request.url.path,
            _client(request),
            [p.split(":")[0] for p in parts],
        )
        return error_response(request, 400, "Permintaan tidak sah — " + "; ".join(parts))

    @app.exception_handler(DataError)
    async def _data_error(request: Request, err: DataError) -> Response:
        # PostgreSQL refuses what SQLite stores (a NUL character, an out-of-range number): bad input
        log.warning(
            "refused 400: %s %s from %s: value the database cannot store (%s)",
            request.method,
            request.url.path,
            _client(request),
            type(getattr(err, "orig", err)).__name__,
        )
        return error_response(
            request, 400, "Permintaan memuat nilai yang tidak bisa disimpan (mis. karakter NUL)."
        )

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, err: StarletteHTTPException) -> Response:
        text = {404: "Alamat tidak ada.", 405: "Metode tidak diizinkan untuk alamat ini."}.get(
            err.status_code, str(err.detail)
        )
        if request.url.path.startswith("/console") and err.status_code in (404, 405):
            user = getattr(request.state, "console_user", None)
            return error_page(request, user, err.status_code, "Tidak ditemukan", "Halaman ini tidak ada.")
        if err.status_code >= 400:
            log.info(
                "refused %s: %s %s from %s",
                err.status_code,
                request.method,
                request.url.path,
                _client(request),
            )
        return error_response(request, err.status_code, text, getattr(err, "headers", None))
