"""The WhatsApp line's settings (``RADIO_DESK_WHATSAPP_*``), one block of :class:`ServerSettings`."""

from __future__ import annotations

import os
from dataclasses import dataclass

DEFAULT_API_BASE = "https://graph.facebook.com/v23.0"


def _float(name: str, default: float) -> float:
    value = os.environ.get(name, "").strip()
    try:
        return float(value) if value else default
    except ValueError:
        from radio_desk.errors import ValidationError

        raise ValidationError(f"Variabel {name} harus angka, bukan \u201c{value[:40]}\u201d.") from None


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
        return s
