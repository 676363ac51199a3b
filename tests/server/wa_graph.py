"""A local HTTP server speaking the Cloud API's documented JSON (media and messages), for the WhatsApp
tests: the server under test talks to it through ``RADIO_DESK_WHATSAPP_API_BASE``.

* ``GET /v23.0/{media-id}?phone_number_id=…`` → ``{"messaging_product", "url", "mime_type", "sha256",
  "file_size", "id"}`` (bearer token required, as at Meta);
* ``GET /files/{media-id}`` with the bearer token → the bytes (401 without);
* ``POST /v23.0/{phone-number-id}/messages`` → ``{"messaging_product", "contacts": [{"input",
  "wa_id"}], "messages": [{"id"}]}``; ``fail_sends`` answers the next N with an error instead.
  With ``enforce_window`` a ``text`` more than 24 hours after the reporter's last message (what
  :meth:`WaEnv.post` delivered) is refused as Meta does, code 131047; a ``template`` is checked against
  ``approved`` (name → number of body parameters; language ``id``; text parameters non-empty, without
  newlines or tabs), else refused with Meta's codes 132001 / 132000 / 100.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

import pytest
from fastapi.testclient import TestClient
from server_helpers import Env
from sqlalchemy import delete, select

from radio_desk.server.models import ServiceRequest
from radio_desk.server.whatsapp.models import WaCursor, WaOutbox
from radio_desk.server.whatsapp.signature import sign
from radio_desk.server.whatsapp.worker import run_round

TOKEN = "EAAtoken-uji"
PHONE_ID = "106540352242922"
VERSION = "v23.0"


class GraphServer:
    def __init__(self) -> None:
        self.media: dict[str, tuple[bytes, str]] = {}
        self.sent: list[dict] = []  # the JSON bodies of POST .../messages that were accepted
        self.requests: list[tuple[str, str, str | None]] = []  # method, path, Authorization
        self.fail_sends: list[tuple[int, dict]] = []  # (status, error JSON) for the next sends
        self.enforce_window = False  # refuse a text 24 h after the reporter's last message (131047)
        self.last_inbound: dict[str, float] = {}  # wa_id -> the timestamp of their last message
        self.approved: dict[str, int] = {}  # template name -> its number of body parameters
        self.lock = threading.Lock()
        graph = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # type: ignore[no-untyped-def]
                pass

            def _json(self, status: int, doc: dict) -> None:
                data = json.dumps(doc).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def _authorized(self) -> bool:
                auth = self.headers.get("Authorization")
                with graph.lock:
                    graph.requests.append((self.command, self.path, auth))
                if auth != f"Bearer {TOKEN}":
                    self._json(401, {"error": {"message": "Invalid OAuth access token", "code": 190}})
                    return False
                return True

            def do_GET(self) -> None:
                if not self._authorized():
                    return
                url = urlparse(self.path)
                parts = url.path.strip("/").split("/")
                if len(parts) == 2 and parts[0] == VERSION and parts[1] in graph.media:
                    assert parse_qs(url.query).get("phone_number_id") == [PHONE_ID]
                    data, mime = graph.media[parts[1]]
                    host = self.headers.get("Host")
                    self._json(200, {
                        "messaging_product": "whatsapp", "url": f"http://{host}/files/{parts[1]}",
                        "mime_type": mime, "sha256": hashlib.sha256(data).hexdigest(),
                        "file_size": str(len(data)), "id": parts[1],
                    })  # fmt: skip
                elif len(parts) == 2 and parts[0] == "files" and parts[1] in graph.media:
                    data, mime = graph.media[parts[1]]
                    self.send_response(200)
                    self.send_header("Content-Type", mime)
                    self.send_header("Content-Length", str(len(data)))
                    self.end_headers()
                    self.wfile.write(data)
                else:
                    self._json(404, {"error": {"message": "Unsupported get request", "code": 100}})

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
                if not self._authorized():
                    return
                if self.path != f"/{VERSION}/{PHONE_ID}/messages":
                    self._json(404, {"error": {"message": "Unknown path", "code": 100}})
                    return
                with graph.lock:
                    failure = graph.fail_sends.pop(0) if graph.fail_sends else None
                if failure is not None:
                    self._json(*failure)
                    return
                doc = json.loads(body)
                refusal = graph.refusal(doc)
                if refusal is not None:
                    self._json(400, {"error": refusal})
                    return
                with graph.lock:
                    graph.sent.append(doc)
                    n = len(graph.sent)
                self._json(200, {
                    "messaging_product": "whatsapp",
                    "contacts": [{"input": doc["to"], "wa_id": doc["to"]}],
                    "messages": [{"id": f"wamid.keluar.{n}"}],
                })  # fmt: skip

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def refusal(self, doc: dict) -> dict | None:
        """Meta's error for a send it would refuse (the window, the template), or None."""
        late = time.time() - self.last_inbound.get(doc["to"], 0) > 24 * 3600
        if doc.get("type") == "text" and self.enforce_window and late:
            return {"message": "(#131047) Re-engagement message", "type": "OAuthException",
                        "code": 131047, "error_data": {"messaging_product": "whatsapp", "details":
                        "Message failed to send because more than 24 hours have passed since the "
                        "customer last replied to this number."}}  # fmt: skip
        if doc.get("type") == "template":
            t = doc["template"]
            if t.get("name") not in self.approved or t.get("language", {}).get("code") != "id":
                return {"message": "(#132001) Template name does not exist in the translation",
                        "code": 132001}  # fmt: skip
            bodies = [c for c in t.get("components", []) if c.get("type") == "body"]
            params = bodies[0]["parameters"] if bodies else []
            if len(params) != self.approved[t["name"]]:
                return {"message": "(#132000) Number of parameters does not match", "code": 132000}
            for p in params:
                text = p.get("text")
                if p.get("type") != "text" or not text or "\n" in text or "\t" in text or "     " in text:
                    return {"message": "(#100) Invalid parameter", "code": 100}
        return None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}/{VERSION}"

    def __enter__(self) -> GraphServer:
        self.thread.start()
        return self

    def __exit__(self, *exc) -> None:  # type: ignore[no-untyped-def]
        self.httpd.shutdown()
        self.httpd.server_close()


def delivery(*messages: dict, name: str = "Bu Sri", wa_id: str = "6281234567890", statuses=None) -> dict:  # type: ignore[no-untyped-def]
    """A webhook body as Meta sends it (one entry, one change)."""
    value: dict = {
        "messaging_product": "whatsapp",
        "metadata": {"display_phone_number": "6282230001111", "phone_number_id": PHONE_ID},
    }
    if messages:
        value["contacts"] = [{"profile": {"name": name}, "wa_id": wa_id}]
        value["messages"] = list(messages)
    if statuses:
        value["statuses"] = statuses
    return {
        "object": "whatsapp_business_account",
        "entry": [{"id": "102290129340398", "changes": [{"value": value, "field": "messages"}]}],
    }


def text_message(body: str, mid: str, wa_id: str = "6281234567890", ts: str = "1764732000") -> dict:
    return {"from": wa_id, "id": mid, "timestamp": ts, "type": "text", "text": {"body": body}}


def audio_message(media_id: str, mid: str, wa_id: str = "6281234567890", ts: str = "1764732000") -> dict:
    return {
        "from": wa_id, "id": mid, "timestamp": ts, "type": "audio",
        "audio": {"mime_type": "audio/ogg; codecs=opus", "sha256": "", "id": media_id, "voice": True},
    }  # fmt: skip


SECRET = "rahasia-aplikasi-meta-uji"
VERIFY = "token-verifikasi-lapor-kanda"
TEXT = "Lampu jalan di Jl. Veteran mati sejak Senin malam, gelap sekali, mohon diperbaiki."


class WaEnv:
    def __init__(self, env: Env, graph: GraphServer) -> None:
        self.env, self.graph = env, graph
        ws = env.settings.whatsapp
        ws.app_secret, ws.verify_token, ws.access_token = SECRET, VERIFY, TOKEN
        ws.phone_number_id, ws.api_base, ws.poll_seconds = PHONE_ID, graph.base, 0.2

    def post(self, doc: dict, secret: str | None = SECRET, client: TestClient | None = None):  # type: ignore[no-untyped-def]
        body = json.dumps(doc).encode()
        self._remember_inbound(doc)
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers["X-Hub-Signature-256"] = sign(secret, body)
        return (client or self.env.client).post("/webhooks/whatsapp", content=body, headers=headers)

    def _remember_inbound(self, doc: dict) -> None:
        """What Meta knows: when each reporter last wrote (odd test payloads are skipped)."""
        try:
            for entry in doc["entry"]:
                for change in entry["changes"]:
                    for m in change["value"]["messages"]:
                        when, who = float(m["timestamp"]), m["from"]
                        self.graph.last_inbound[who] = max(when, self.graph.last_inbound.get(who, 0))
        except (AttributeError, KeyError, TypeError, ValueError):
            pass

    def round(self):  # type: ignore[no-untyped-def]
        return run_round(self.env.app.state.sessionmaker, self.env.settings)

    def cases(self) -> list[ServiceRequest]:
        with self.env.app.state.sessionmaker() as s:
            return list(s.scalars(select(ServiceRequest).order_by(ServiceRequest.id)))

    def outbox(self) -> list[WaOutbox]:
        with self.env.app.state.sessionmaker() as s:
            return list(s.scalars(select(WaOutbox).order_by(WaOutbox.id)))


@pytest.fixture
def wa(env: Env) -> Iterator[WaEnv]:
    with GraphServer() as graph:
        yield WaEnv(env, graph)
    with env.app.state.sessionmaker() as s:  # PostgreSQL: the feed ids restart, so must the cursor
        s.execute(delete(WaCursor))
        s.commit()
