"""HTTP client for the central server: batch push (idempotent), update pull, resumable upload.

Every network failure becomes a :class:`SyncError` with an Indonesian message the status bar can show;
the caller decides when to retry (see :class:`radio_desk.sync.backoff.Backoff`).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from radio_desk.domain import limits
from radio_desk.errors import SyncError

CHUNK = 4 * 1024 * 1024
BATCH_ENVELOPE = len(b'{"cases":[]}')


# the server's answers that refuse a status change for good: 403 the regency's policy, 400/409/422 the
# lifecycle or the fields, 404 no such case, 413 a note too long
STATUS_REFUSALS = (400, 403, 404, 409, 413, 422)


@dataclass(frozen=True)
class StatusAnswer:
    accepted: bool
    code: int
    message: str = ""  # the server's own (Indonesian) reason when refused
    request: dict[str, Any] | None = None  # the case as the server has it after an accepted change


class ServerUnreachable(SyncError):
    """No answer at all (no route, refused, DNS, timeout, TLS): the worker probes until one comes."""


class UploadRefused(SyncError):
    """The server answered but refused one file (too large, bad checksum ...): not a network fault."""


class RequestTooLarge(SyncError):
    """The server refused a request body as too large (413): split it, the network is fine."""


def encode_case(case: dict[str, Any]) -> bytes:
    """One case as it goes in a batch body (UTF-8 JSON).  ``UnicodeEncodeError`` for text that is not
    valid Unicode (a lone surrogate): that case cannot be sent as it is."""
    return json.dumps(case, ensure_ascii=False, separators=(",", ":"), allow_nan=False).encode("utf-8")


def batch_bytes(parts: list[bytes]) -> int:
    """Size of the batch body made of ``parts`` (encoded cases)."""
    return BATCH_ENVELOPE + sum(len(p) for p in parts) + max(len(parts) - 1, 0)


def _request_fault(server: str, err: httpx.HTTPError) -> SyncError:
    """A request to ``server`` that got no answer, as the desk says it: ServerUnreachable when it could
    not connect, waited in vain or lost the connection (try again later), else a SyncError."""
    if isinstance(err, httpx.ConnectError):
        return ServerUnreachable(f"Server {server} tidak bisa dihubungi (jaringan mati atau server padam).")
    if isinstance(err, httpx.TimeoutException):
        return ServerUnreachable(f"Server {server} tidak menjawab tepat waktu.")
    cut = f"Hubungan ke server {server} terputus: {type(err).__name__}."
    return ServerUnreachable(cut) if isinstance(err, httpx.TransportError) else SyncError(cut)


class SyncClient:
    def __init__(
        self, server: str, key: str, *, timeout: float = 15.0, transport: httpx.BaseTransport | None = None,
        max_body: int = limits.MAX_REQUEST_BYTES,
    ):  # fmt: skip
        self.server = server.rstrip("/")
        self.max_body = max_body  # the server's body limit as far as the desk knows (413 says otherwise)
        self._http = httpx.Client(
            base_url=self.server, headers={"X-API-Key": key}, timeout=timeout, transport=transport
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _call(self, method: str, url: str, *, answers: tuple[int, ...] = (), **kw: Any) -> httpx.Response:
        """One request; faults become :class:`SyncError`.  ``answers``: codes the caller handles itself."""
        try:
            response = self._http.request(method, url, **kw)
        except httpx.HTTPError as err:
            raise _request_fault(self.server, err) from err
        if response.status_code in answers:
            return response
        if response.status_code in (401, 403):
            raise SyncError("Server menolak kunci API stasiun ini; periksa kunci di Pengaturan.")
        if response.status_code == 429:
            raise SyncError("Server sedang membatasi kiriman; dicoba lagi nanti.")
        if response.status_code >= 500:
            raise SyncError(f"Server mengalami gangguan (HTTP {response.status_code}); dicoba lagi nanti.")
        return response

    @staticmethod
    def _describe(response: httpx.Response) -> str:
        try:
            return response.json()[0]["description"]
        except Exception:
            return f"HTTP {response.status_code}"

    def probe(self, timeout: float = 5.0) -> None:
        """A cheap sign of life (``/healthz``: no key, no database); :class:`ServerUnreachable` when
        nothing answers.  Any answer counts: the cycle that follows reports what is wrong with it."""
        self._call("GET", "/healthz", answers=tuple(range(100, 600)), timeout=timeout)

    def whoami(self) -> dict[str, Any]:
        r = self._call("GET", "/api/v1/whoami")
        if r.status_code != 200:
            raise SyncError(f"Server menolak: {self._describe(r)}")
        return r.json()

    def push(self, cases: list[dict[str, Any]]) -> list[dict[str, Any]]:
        """Send a batch; the answer has one result per case (outcome, service_request_id or error)."""
        return self.push_encoded([encode_case(c) for c in cases])

    def push_encoded(self, parts: list[bytes]) -> list[dict[str, Any]]:
        """Send a batch of cases already encoded with :func:`encode_case`; :class:`RequestTooLarge` when
        the server finds the body too large (the caller splits it)."""
        body = b'{"cases":[' + b",".join(parts) + b"]}"
        r = self._call(
            "POST", "/api/v1/requests/batch", content=body, headers={"Content-Type": "application/json"}
        )
        if r.status_code == 413:
            raise RequestTooLarge(self._describe(r))
        if r.status_code != 200:
            raise SyncError(f"Kiriman ditolak server: {self._describe(r)}")
        return r.json()["results"]

    def post_status(self, service_request_id: str, body: dict[str, Any]) -> StatusAnswer:
        """Send one of the station's own status changes.  A refusal (policy, lifecycle) is an answer,
        not a fault; no answer, 429 and 5xx raise :class:`SyncError` (the worker retries later)."""
        r = self._call(
            "POST", f"/api/v1/requests/{service_request_id}/status", json=body, answers=STATUS_REFUSALS
        )
        if r.status_code == 200:
            return StatusAnswer(True, r.status_code, "", r.json())
        if r.status_code in STATUS_REFUSALS:
            if r.status_code == 403:
                self.whoami()  # a refused key is a fault of the whole desk (SyncError), not of this change
            return StatusAnswer(False, r.status_code, self._describe(r))
        raise SyncError(f"Perubahan status tidak terkirim: {self._describe(r)}")

    def get_request(self, service_request_id: str) -> dict[str, Any] | None:
        """The server's current view of one case (Open311 request); ``None`` when it has no such case."""
        r = self._call("GET", f"/open311/v2/requests/{service_request_id}.json", answers=(404,))
        if r.status_code == 404:
            return None
        if r.status_code != 200:
            raise SyncError(f"Status aduan tidak bisa diambil: {self._describe(r)}")
        rows = r.json()
        return rows[0] if rows else None

    def pull(self, after: int | None, limit: int = 1000) -> list[dict[str, Any]]:
        params: dict[str, Any] = {"limit": limit}
        if after is not None:
            params["after"] = after
        r = self._call("GET", "/open311/v2/servicerequestupdates.json", params=params)
        if r.status_code != 200:
            raise SyncError(f"Pembaruan status tidak bisa diambil: {self._describe(r)}")
        return r.json()

    def upload(self, service_request_id: str, kind: str, path: Path, chunk: int = CHUNK) -> str:
        """Upload ``path`` resumably (asks the server where to continue); returns the upload id."""
        return self.upload_bytes(service_request_id, kind, path.name, path.read_bytes(), chunk=chunk)

    def upload_bytes(
        self,
        service_request_id: str,
        kind: str,
        filename: str,
        data: bytes,
        *,
        content_type: str = "application/octet-stream",
        chunk: int = CHUNK,
    ) -> str:
        """Upload ``data`` resumably: the same bytes again continue the upload already begun."""
        sha = hashlib.sha256(data).hexdigest()
        spec = {
            "kind": kind, "filename": filename, "length": len(data), "sha256": sha,
            "content_type": content_type,
        }  # fmt: skip
        r = self._call("POST", f"/api/v1/requests/{service_request_id}/uploads", json=spec)
        if r.status_code not in (200, 201):
            raise UploadRefused(f"Unggahan {filename} ditolak: {self._describe(r)}")
        location = r.headers["location"]
        offset = int(r.headers.get("upload-offset", "0"))
        while offset < len(data):
            piece = data[offset : offset + chunk]
            r = self._call(
                "PATCH",
                location,
                content=piece,
                headers={"Upload-Offset": str(offset), "Content-Type": "application/offset+octet-stream"},
            )
            if r.status_code == 409:  # someone (an earlier attempt) moved on: ask where the server is
                offset = int(self._call("HEAD", location).headers["upload-offset"])
                continue
            if r.status_code != 204:
                raise UploadRefused(f"Unggahan {filename} gagal: {self._describe(r)}")
            offset = int(r.headers["upload-offset"])
        return location.rsplit("/", 1)[-1]
