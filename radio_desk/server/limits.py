"""Request size limits and per-key / per-address rate limits, as plain ASGI middleware (cheap per
request), and the throttle on refusal log lines."""

from __future__ import annotations

import hashlib
import json
import logging
import re
import threading
import time
from collections import OrderedDict
from typing import Any
from urllib.parse import parse_qs

from sqlalchemy import select
from sqlalchemy.orm import Session
from starlette.exceptions import HTTPException

from radio_desk.server.models import Account
from radio_desk.server.xmlout import to_xml

log = logging.getLogger("radio_desk.server.security")
Scope = dict[str, Any]


def _client_ip(scope: Scope) -> str:
    client = scope.get("client")
    return client[0] if client else "?"


def _error_body(path: str, code: int, description: str) -> tuple[bytes, bytes]:
    if path.endswith(".xml"):
        return to_xml("errors", [{"code": code, "description": description}]), b"text/xml; charset=utf-8"
    body = json.dumps([{"code": code, "description": description}], ensure_ascii=False).encode()
    return body, b"application/json"


async def _send_error(send, path: str, status: int, description: str, extra: list | None = None) -> None:  # type: ignore[no-untyped-def]
    body, ctype = _error_body(path, status, description)
    headers = [(b"content-type", ctype), (b"content-length", str(len(body)).encode())] + (extra or [])
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class _TooLarge(HTTPException):
    """Raised from ``receive`` when a streamed body passes the limit.  An HTTPException so that FastAPI's
    body parsing passes it on (it turns other errors into a 400) and the app answers 413."""

    def __init__(self, limit: int) -> None:
        super().__init__(413, f"Permintaan terlalu besar (batas {limit} bita).")


class BodySizeLimit:
    """Refuse bodies above ``limit`` bytes (``chunk_limit`` for PATCHes of resumable uploads and the
    console's status form, which may carry a follow-up photo)."""

    def __init__(self, app, limit: int, chunk_limit: int) -> None:  # type: ignore[no-untyped-def]
        self.app, self.limit, self.chunk_limit = app, limit, chunk_limit

    async def __call__(self, scope: Scope, receive, send) -> None:  # type: ignore[no-untyped-def]
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        method = scope.get("method")
        big = (method == "PATCH" and "/uploads/" in path) or (  # an upload chunk, a follow-up photo
            method == "POST" and path.startswith("/console/aduan/") and path.endswith("/status")
        )
        limit = self.chunk_limit if big else self.limit
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    declared = limit + 1
                if declared > limit:
                    log.warning(
                        "refused: body of %s bytes over %s on %s from %s",
                        value.decode(errors="replace"),
                        limit,
                        path,
                        _client_ip(scope),
                    )
                    await _send_error(send, path, 413, f"Permintaan terlalu besar (batas {limit} bita).")
                    return
        received = 0
        started = False

        async def counted_receive():  # type: ignore[no-untyped-def]
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    log.warning(
                        "refused: streamed body over %s bytes on %s from %s", limit, path, _client_ip(scope)
                    )
                    raise _TooLarge(limit)
            return message

        async def tracking_send(message):  # type: ignore[no-untyped-def]
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, counted_receive, tracking_send)
        except _TooLarge:
            if not started:
                await _send_error(send, path, 413, f"Permintaan terlalu besar (batas {limit} bita).")


class TokenBucket:
    def __init__(self, rate: float, burst: int) -> None:
        self.rate, self.burst = rate, burst
        self.tokens: OrderedDict[str, tuple[float, float]] = OrderedDict()
        self.lock = threading.Lock()

    def take(self, who: str, now: float | None = None) -> float:
        """0 if allowed, else the seconds to wait."""
        now = time.monotonic() if now is None else now
        with self.lock:
            tokens, last = self.tokens.pop(who, (float(self.burst), now))
            tokens = min(float(self.burst), tokens + (now - last) * self.rate)
            if tokens >= 1.0:
                self.tokens[who] = (tokens - 1.0, now)
                wait = 0.0
            else:
                self.tokens[who] = (tokens, now)
                wait = (1.0 - tokens) / self.rate if self.rate > 0 else 60.0
            while len(self.tokens) > 50_000:  # forget the oldest callers; memory stays bounded
                self.tokens.popitem(last=False)
            return wait


class KnownKeys:
    """SHA-256 digests of the keys the server has found valid (all active ones at start, then each key on
    its first successful request).  It only chooses a request's rate bucket; every request is still
    authenticated against the database, so a key revoked meanwhile is refused all the same."""

    def __init__(self) -> None:
        self._digests: set[str] = set()

    def load(self, session: Session) -> None:
        query = select(Account.key_hash).where(Account.key_hash.is_not(None), Account.revoked_at.is_(None))
        self._digests = set(session.scalars(query))

    def add(self, digest: str) -> None:
        self._digests.add(digest)

    def discard(self, digest: str) -> None:
        self._digests.discard(digest)

    def __contains__(self, digest: object) -> bool:
        return digest in self._digests


_FORM = b"application/x-www-form-urlencoded"
_MULTIPART_KEY = re.compile(rb'name="api_key"\r\n(?:[^\r\n]+\r\n)*\r\n([^\r\n]*)\r\n')


def _header(scope: Scope, name: bytes) -> bytes | None:
    for key, value in scope.get("headers", []):
        if key == name:
            return value
    return None


async def _buffered(receive):  # type: ignore[no-untyped-def]
    """The whole body (bounded by :class:`BodySizeLimit` outside) and a ``receive`` that replays it."""
    messages = []
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request" or not message.get("more_body", False):
            break
    body = b"".join(m.get("body", b"") for m in messages if m["type"] == "http.request")

    async def replay():  # type: ignore[no-untyped-def]
        return messages.pop(0) if messages else await receive()

    return body, replay


def _form_key(content_type: bytes, body: bytes) -> bytes | None:
    """Open311's ``api_key`` form field (urlencoded as in the spec, or multipart)."""
    if content_type.startswith(_FORM):
        found = parse_qs(body.decode("latin-1")).get("api_key")
        return found[0].encode() if found else None
    match = _MULTIPART_KEY.search(body)
    return match.group(1) if match else None


class RateLimit:
    """Requests carrying a key the server knows as valid: per key.  Everything else — no key, or a key not
    (yet) known valid — per client address, checked before any key is looked up: a flood of random keys
    from one address costs at most the anonymous rate in database lookups and refusal log lines."""

    def __init__(
        self, app, rate: float, burst: int, anon_rate: float, anon_burst: int, known: KnownKeys
    ) -> None:  # type: ignore[no-untyped-def]
        self.app = app
        self.keyed = TokenBucket(rate, burst)
        self.anon = TokenBucket(anon_rate, anon_burst)
        self.known = known

    async def __call__(self, scope: Scope, receive, send) -> None:  # type: ignore[no-untyped-def]
        if scope["type"] != "http" or scope.get("path") == "/healthz":
            await self.app(scope, receive, send)
            return
        key = _header(scope, b"x-api-key")
        if key is None and b"api_key=" in scope.get("query_string", b""):
            found = parse_qs(scope["query_string"].decode("latin-1")).get("api_key")
            key = found[0].encode() if found else None
        content_type = (_header(scope, b"content-type") or b"").lower()
        if key is None and scope.get("method") == "POST" and content_type.startswith((_FORM, b"multipart/")):
            body, receive = await _buffered(receive)
            key = _form_key(content_type, body)
        digest = hashlib.sha256(key).hexdigest() if key else None
        if digest is not None and digest in self.known:
            who, bucket = "k:" + digest[:16], self.keyed
        else:
            who, bucket = "ip:" + _client_ip(scope), self.anon
        wait = bucket.take(who)
        if wait > 0:
            log.warning("refused: rate limit for %s on %s", who, scope.get("path"))
            await _send_error(
                send,
                scope.get("path", ""),
                429,
                "Terlalu banyak permintaan; coba lagi sebentar.",
                [(b"retry-after", str(max(1, round(wait))).encode())],
            )
            return
        await self.app(scope, receive, send)


class ThrottledLog(logging.Filter):
    """At most ``rate`` lines a second (bursts of ``burst``) per message template on a logger; the next line
    that passes says how many were held back.  A flood of refusals then writes a few lines a second,
    not one per request (130 KB/s of log under a flood of random keys before)."""

    def __init__(self, rate: float = 10.0, burst: int = 20) -> None:
        super().__init__()
        self.bucket = TokenBucket(rate, burst)
        self.held: dict[str, int] = {}
        self.lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        template = str(record.msg)
        with self.lock:
            if self.bucket.take(template) > 0:
                self.held[template] = self.held.get(template, 0) + 1
                return False
            held = self.held.pop(template, 0)
        if held and isinstance(record.args, tuple):
            record.msg = template + " (%d similar lines suppressed before this one)"
            record.args = (*record.args, held)
        return True


def throttle_log(logger: logging.Logger, rate: float = 10.0, burst: int = 20) -> None:
    """Install a fresh :class:`ThrottledLog` on ``logger`` (replacing one a previous app installed)."""
    for old in [f for f in logger.filters if isinstance(f, ThrottledLog)]:
        logger.removeFilter(old)
    logger.addFilter(ThrottledLog(rate, burst))


API_KEY_IN_QUERY = re.compile(r"(?i)(api_key=)[^&\s]*")


class RedactKeys(logging.Filter):
    """Hide ``api_key=…`` in access-log lines (Open311 lets clients put the key in the query string)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if isinstance(record.args, tuple):
            record.args = tuple(
                API_KEY_IN_QUERY.sub(r"\1***", a) if isinstance(a, str) else a for a in record.args
            )
        elif isinstance(record.msg, str):
            record.msg = API_KEY_IN_QUERY.sub(r"\1***", record.msg)
        return True


def redact_access_log() -> None:
    """Install :class:`RedactKeys` on uvicorn's access logger (idempotent)."""
    logger = logging.getLogger("uvicorn.access")
    if not any(isinstance(f, RedactKeys) for f in logger.filters):
        logger.addFilter(RedactKeys())
