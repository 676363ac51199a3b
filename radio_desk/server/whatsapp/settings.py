"""The WhatsApp line's settings (``RADIO_DESK_WHATSAPP_*``), one block of :class:`ServerSettings`."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

DEFAULT_API_BASE = "https://graph.facebook.com/v23.0"
# the statuses a reporter hears about, each of which may have its approved template (docs/server.md)
TEMPLATE_STATUSES = ("terverifikasi", "diteruskan", "diproses", "selesai", "duplikat", "bukan_wewenang",
                     "ditolak")  # fmt: skip
TEMPLATE_NAME = re.compile(r"[a-z0-9_]{1,512}")  # Meta's template names: lower case, digits, underscores


def _refuse(message: str) -> Exception:
    from radio_desk.errors import ValidationError

    return ValidationError(message)


def _float(name: str, default: float) -> float:
    value = os.environ.get(name, "").strip()
    try:
        return float(value) if value else default
    except ValueError:
        raise _refuse(f"Variabel {name} harus angka, bukan \u201c{value[:40]}\u201d.") from None


def templates_from_env() -> dict[str, str]:
    """The approved template per status: ``RADIO_DESK_WHATSAPP_TEMPLATES="diteruskan=aduan_diteruskan,
    selesai=aduan_selesai"`` and/or ``RADIO_DESK_WHATSAPP_TEMPLATE_<STATUS>=<name>`` (which wins)."""
    out: dict[str, str] = {}
    mapping = os.environ.get("RADIO_DESK_WHATSAPP_TEMPLATES", "").strip()
    pairs = [part.split("=", 1) for part in mapping.split(",") if part.strip()]
    for status in TEMPLATE_STATUSES:
        one = os.environ.get(f"RADIO_DESK_WHATSAPP_TEMPLATE_{status.upper()}", "").strip()
        if one:
            pairs.append([status, one])
    for pair in pairs:
        if len(pair) != 2:
            raise _refuse(
                "RADIO_DESK_WHATSAPP_TEMPLATES: tulis status=nama_templat, dipisah koma "
                f"(bukan \u201c{'='.join(pair)[:40]}\u201d)."
            )
        status, name = pair[0].strip().lower(), pair[1].strip()
        if status not in TEMPLATE_STATUSES:
            raise _refuse(
                f"Status \u201c{status[:40]}\u201d tidak punya templat WhatsApp; pilih salah satu: "
                + ", ".join(TEMPLATE_STATUSES)
                + "."
            )
        if not TEMPLATE_NAME.fullmatch(name):
            raise _refuse(
                f"Nama templat WhatsApp \u201c{name[:40]}\u201d tidak sah (huruf kecil, angka, garis bawah)."
            )
        out[status] = name
    return out


@dataclass
class WhatsAppSettings:
    """Meta's app secret signs every webhook POST; the verify token answers the subscription GET; the
    access token (a system user's) and the phone number id fetch media and send the replies."""

    app_secret: str | None = None
    verify_token: str | None = None
    access_token: str | None = None
    phone_number_id: str | None = None
    api_base: str = DEFAULT_API_BASE  # tests: a local server speaking the same JSON
    line: str = "lapor-kanda-wa"  # the station account the line's cases belong to (made on first use)
    service_code: str = "lainnya"  # the category a message starts with (default OPD: Diskominfo)
    poll_seconds: float = 2.0  # how often the server's WhatsApp worker looks for work
    timeout_seconds: float = 20.0  # one Graph API request
    # status -> the name of its approved template, sent when Meta's 24-hour window is closed
    templates: dict[str, str] = field(default_factory=dict)
    template_language: str = "id"

    @property
    def enabled(self) -> bool:
        return bool(self.app_secret)

    @property
    def can_call_api(self) -> bool:
        return bool(self.access_token and self.phone_number_id)

    @classmethod
    def from_env(cls) -> WhatsAppSettings:
        env = os.environ.get
        s = cls(
            app_secret=env("RADIO_DESK_WHATSAPP_APP_SECRET") or None,
            verify_token=env("RADIO_DESK_WHATSAPP_VERIFY_TOKEN") or None,
            access_token=env("RADIO_DESK_WHATSAPP_ACCESS_TOKEN") or None,
            phone_number_id=env("RADIO_DESK_WHATSAPP_PHONE_NUMBER_ID") or None,
        )
        s.api_base = (env("RADIO_DESK_WHATSAPP_API_BASE") or s.api_base).rstrip("/")
        s.line = env("RADIO_DESK_WHATSAPP_LINE") or s.line
        s.service_code = env("RADIO_DESK_WHATSAPP_SERVICE_CODE") or s.service_code
        s.poll_seconds = _float("RADIO_DESK_WHATSAPP_POLL_SECONDS", s.poll_seconds)
        s.templates = templates_from_env()
        s.template_language = env("RADIO_DESK_WHATSAPP_TEMPLATE_LANGUAGE") or s.template_language
        return s
