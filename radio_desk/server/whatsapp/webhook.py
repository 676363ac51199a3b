"""``GET /webhooks/whatsapp`` (Meta's subscription check) and ``POST /webhooks/whatsapp`` (deliveries).

The POST is checked against ``X-Hub-Signature-256`` over the raw body before anything is parsed; a
refusal is a 403 logged on ``radio_desk.server.security`` with the client address only. A valid
delivery is stored (:mod:`.inbound`) and answered 200 at once; fetching media, transcribing and
replying happen in the workers.  Meta retries a delivery that is not answered 200 in time: the message
id makes the retry harmless.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from contextlib import asynccontextmanager
from typing import Annotated

from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from starlette.concurrency import run_in_threadpool

from radio_desk.server.deps import client_address
from radio_desk.server.whatsapp import inbound, payload, signature
from radio_desk.server.whatsapp.worker import worker_loop

log = logging.getLogger("radio_desk.server.security")


@asynccontextmanager
async def lifespan(app: FastAPI):  # type: ignore[no-untyped-def]
    """Runs the worker while the server runs (merged into the app's lifespan by ``include_router``)."""
    app.state.whatsapp_wake = asyncio.Event()
    task = asyncio.create_task(worker_loop(app)) if app.state.settings.whatsapp.enabled else None
    yield
    if task is not None:
        task.cancel()


router = APIRouter(prefix="/webhooks", tags=["whatsapp"], lifespan=lifespan)


def _refuse(request: Request, why: str, status: int = 403) -> PlainTextResponse:
    log.warning("refused: whatsapp webhook %s %s from %s", request.method, why, client_address(request))
    return PlainTextResponse("Ditolak.", status_code=status)


@router.get("/whatsapp", summary="Verifikasi webhook WhatsApp (Meta)", response_class=PlainTextResponse)
def verify(
    request: Request,
    mode: Annotated[str | None, Query(alias="hub.mode", max_length=40)] = None,
    token: Annotated[str | None, Query(alias="hub.verify_token", max_length=500)] = None,
    challenge: Annotated[str | None, Query(alias="hub.challenge", max_length=200)] = None,
) -> PlainTextResponse:
    expected = request.app.state.settings.whatsapp.verify_token
    if not expected:
        return _refuse(request, "verification without a configured verify token")
    if mode != "subscribe" or not token or challenge is None:
        return _refuse(request, "verification with a wrong mode or no token")
    if not hmac.compare_digest(token.encode("utf-8"), expected.encode("utf-8")):
        return _refuse(request, "verification with a wrong verify token")
    if not challenge.isascii() or not challenge.isprintable():
        return _refuse(request, "verification with an unprintable challenge", 400)
    return PlainTextResponse(challenge)


@router.post("/whatsapp", summary="Pesan WhatsApp masuk (Meta)")
async def receive(request: Request) -> Response:
    settings = request.app.state.settings
    ws = settings.whatsapp
    body = await request.body()
    if not ws.enabled:
        return _refuse(request, "while the line is not configured (no app secret)", 404)
    if not signature.valid(ws.app_secret, body, request.headers.get("x-hub-signature-256")):
        return _refuse(request, "with a missing or wrong X-Hub-Signature-256")
    try:
        doc = json.loads(body)
    except ValueError:
        log.warning("whatsapp webhook: signed body is not JSON (ignored)")
        return JSONResponse({"status": "ignored"})
    messages = payload.messages(doc)
    if messages:
        made = await run_in_threadpool(inbound.record, request.app.state.sessionmaker, ws, messages)
        wake = getattr(request.app.state, "whatsapp_wake", None)
        if made and wake is not None:
            wake.set()
    return JSONResponse({"status": "ok"})
