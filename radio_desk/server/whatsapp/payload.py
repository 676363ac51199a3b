"""The webhook JSON of the WhatsApp Business Cloud API, as Meta documents it::

    {"object": "whatsapp_business_account",
     "entry": [{"id": "<WABA_ID>", "changes": [{"field": "messages", "value": {
         "messaging_product": "whatsapp",
         "metadata": {"display_phone_number": "...", "phone_number_id": "<PHONE_NUMBER_ID>"},
         "contacts": [{"profile": {"name": "<NAME>"}, "wa_id": "<WA_ID>"}],
         "messages": [{"from": "<WA_ID>", "id": "wamid...", "timestamp": "<UNIX>", "type": "text",
                       "text": {"body": "..."}},
                      {"from": ..., "type": "audio",
                       "audio": {"id": "<MEDIA_ID>", "mime_type": "audio/ogg; codecs=opus",
                                 "sha256": "...", "voice": true}}],
         "statuses": [{"id": "wamid...", "status": "delivered", ...}]}}]}]}

``statuses`` (sent/delivered/read receipts of our replies) are ignored; so is anything malformed —
Meta must get its 200 either way, or it retries the same delivery for days.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

SUPPORTED = ("text", "audio")


@dataclass(frozen=True)
class Inbound:
    message_id: str
    wa_from: str
    sent_at: datetime
    kind: str  # text | audio | the type Meta named (image, location, ...)
    phone_number_id: str | None = None
    profile_name: str | None = None
    text: str | None = None
    media_id: str | None = None
    mime_type: str | None = None
    media_sha256: str | None = None


def _str(value: Any, limit: int = 4096) -> str | None:
    return value[:limit] if isinstance(value, str) and value else None


def _time(value: Any) -> datetime:
    try:
        return datetime.fromtimestamp(int(str(value)), UTC)
    except (TypeError, ValueError, OverflowError, OSError):
        return datetime.now(UTC)


def _dicts(value: Any) -> list[dict[str, Any]]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def messages(doc: Any) -> list[Inbound]:
    """The messages of one webhook delivery, in order (statuses and malformed parts skipped)."""
    out: list[Inbound] = []
    if not isinstance(doc, dict):
        return out
    for entry in _dicts(doc.get("entry")):
        for change in _dicts(entry.get("changes")):
            if change.get("field", "messages") != "messages":
                continue
            value = change.get("value")
            if not isinstance(value, dict):
                continue
            metadata = value.get("metadata") if isinstance(value.get("metadata"), dict) else {}
            names = {
                c.get("wa_id"): _str(c["profile"].get("name"), 200)
                for c in _dicts(value.get("contacts"))
                if isinstance(c.get("profile"), dict) and isinstance(c.get("wa_id"), str)
            }
            for m in _dicts(value.get("messages")):
                mid, sender, kind = _str(m.get("id"), 128), _str(m.get("from"), 32), _str(m.get("type"), 20)
                if not (mid and sender and kind):
                    continue
                text = media_id = mime = sha = None
                if kind == "text" and isinstance(m.get("text"), dict):
                    text = _str(m["text"].get("body"))
                elif kind == "audio" and isinstance(m.get("audio"), dict):
                    media_id = _str(m["audio"].get("id"), 128)
                    mime = _str(m["audio"].get("mime_type"), 100)
                    sha = _str(m["audio"].get("sha256"), 128)
                if (kind == "text" and text is None) or (kind == "audio" and media_id is None):
                    kind = "other"
                out.append(
                    Inbound(
                        message_id=mid,
                        wa_from=sender,
                        sent_at=_time(m.get("timestamp")),
                        kind=kind,
                        phone_number_id=_str(metadata.get("phone_number_id"), 64),
                        profile_name=names.get(sender),
                        text=text,
                        media_id=media_id,
                        mime_type=mime,
                        media_sha256=sha,
                    )
                )
    return out
