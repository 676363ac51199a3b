"""The Cloud API calls the line makes (Graph API, ``{api_base}`` = ``https://graph.facebook.com/v23.0``):

* ``GET {api_base}/{media-id}?phone_number_id=…`` → ``{"url", "mime_type", "sha256", "file_size", "id",
  "messaging_product"}``, then ``GET url`` with the same bearer token → the file's bytes;
* ``POST {api_base}/{phone-number-id}/messages`` with ``{"messaging_product": "whatsapp",
  "recipient_type": "individual", "to", "type": "text", "text": {"preview_url": false, "body"}}`` →
  ``{"messages": [{"id": "wamid…"}]}``;
* the same with ``"type": "template", "template": {"name", "language": {"policy": "deterministic",
  "code": "id"}, "components": [{"type": "body", "parameters": [{"type": "text", "text"}, …]}]}`` — an
  approved template, the only kind Meta takes more than 24 hours after the reporter's last message
  (a text then is refused with code 131047, :data:`OUTSIDE_WINDOW`).

Errors come as ``{"error": {"message", "type", "code", ...}}``; :class:`GraphError` says whether trying
again can help (network, 429, 5xx, Meta's throttling codes) or not (a refused message).
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import logging
from dataclasses import dataclass

import httpx

from radio_desk.server.whatsapp.settings import WhatsAppSettings

log = logging.getLogger("radio_desk.server.whatsapp")

# Meta's codes that mean "later": rate limits, temporary errors (Graph API error reference)
RETRY_CODES = frozenset({1, 2, 4, 17, 80007, 130429, 131000, 131016, 131048, 131056, 133004})
OUTSIDE_WINDOW = 131047  # "Re-engagement message": 24 hours since the reporter wrote; a template only


class GraphError(Exception):
    def __init__(self, message: str, *, retry: bool, final: bool = False, code: int | None = None) -> None:
        super().__init__(message)
        self.retry = retry  # trying again soon can help
        self.final = final  # nothing will ever help (a file larger than the server takes)
        self.code = code  # Meta's error code, when it gave one


@dataclass(frozen=True)
class Media:
    data: bytes
    mime_type: str


def sha_matches(data: bytes, expected: str) -> bool:
    """``expected`` as Meta writes it: hex (media URL answer) or base64 (the webhook's ``audio.sha256``)."""
    digest = hashlib.sha256(data).digest()
    text = expected.strip()
    if len(text) == 64:
        return text.lower() == digest.hex()
    try:
        return base64.b64decode(text, validate=True) == digest
    except (binascii.Error, ValueError):
        return True  # not a hash we can read: nothing to compare


def _error(resp: httpx.Response, what: str) -> GraphError:
    code = None
    try:
        err = resp.json().get("error") or {}
        code = err.get("code")
    except (ValueError, AttributeError):
        pass
    retry = resp.status_code == 429 or resp.status_code >= 500 or code in RETRY_CODES
    # only the status and Meta's code: the message text may quote the number or the text
    number = code if isinstance(code, int) else None
    return GraphError(f"{what}: HTTP {resp.status_code}, kode {code}", retry=retry, code=number)


class GraphClient:
    def __init__(self, settings: WhatsAppSettings, max_bytes: int) -> None:
        self.settings = settings
        self.max_bytes = max_bytes
        self.client = httpx.Client(
            timeout=settings.timeout_seconds,
            headers={"Authorization": f"Bearer {settings.access_token}"},
            follow_redirects=True,
        )

    def close(self) -> None:
        self.client.close()

    def _call(self, method: str, url: str, what: str, **kw) -> httpx.Response:  # type: ignore[no-untyped-def]
        try:
            resp = self.client.request(method, url, **kw)
        except httpx.HTTPError as err:
            raise GraphError(f"{what}: {type(err).__name__}", retry=True) from None
        if resp.status_code >= 400:
            raise _error(resp, what)
        return resp

    def media(self, media_id: str, expected_sha256: str | None = None) -> Media:
        meta = self._call(
            "GET",
            f"{self.settings.api_base}/{media_id}",
            "alamat media",
            params={"phone_number_id": self.settings.phone_number_id},
        ).json()
        url = meta.get("url") if isinstance(meta, dict) else None
        if not isinstance(url, str) or not url.startswith(("https://", "http://")):
            raise GraphError("alamat media: jawaban tanpa url", retry=True)
        size = meta.get("file_size")
        if size is not None and str(size).isdigit() and int(size) > self.max_bytes:
            raise GraphError(f"media terlalu besar ({size} bita)", retry=False, final=True)
        with self.client.stream("GET", url) as resp:
            if resp.status_code >= 400:
                resp.read()
                raise _error(resp, "unduh media")
            data = bytearray()
            for chunk in resp.iter_bytes():
                data += chunk
                if len(data) > self.max_bytes:
                    raise GraphError("media terlalu besar", retry=False, final=True)
        sha = meta.get("sha256") or expected_sha256
        if isinstance(sha, str) and not sha_matches(bytes(data), sha):
            # kept all the same (a recording is never dropped); the log says which media, nothing else
            log.warning("whatsapp media %s: SHA-256 differs from Meta's", media_id)
        return Media(bytes(data), str(meta.get("mime_type") or "application/octet-stream"))

    def _send(self, to: str, message: dict) -> str:
        resp = self._call(
            "POST",
            f"{self.settings.api_base}/{self.settings.phone_number_id}/messages",
            "kirim pesan",
            json={"messaging_product": "whatsapp", "recipient_type": "individual", "to": to, **message},
        )
        try:
            return str(resp.json()["messages"][0]["id"])
        except (ValueError, KeyError, IndexError, TypeError):
            return ""

    def send_text(self, to: str, body: str) -> str:
        return self._send(to, {"type": "text", "text": {"preview_url": False, "body": body}})

    def send_template(self, to: str, name: str, params: list[str]) -> str:
        """An approved template with its body parameters, in ``settings.template_language``."""
        language = {"policy": "deterministic", "code": self.settings.template_language}
        template: dict = {"name": name, "language": language}
        if params:
            parameters = [{"type": "text", "text": p} for p in params]
            template["components"] = [{"type": "body", "parameters": parameters}]
        return self._send(to, {"type": "template", "template": template})
