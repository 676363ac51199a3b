"""Checking what a station sends about a case (the intake fields the desk owns until verification)."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

from pydantic import AfterValidator

from radio_desk.domain import limits
from radio_desk.domain.enums import Channel, Urgency
from radio_desk.domain.taxonomy import Taxonomy, get_taxonomy
from radio_desk.errors import ValidationError
from radio_desk.server.xmlout import forbidden_char, printable


def _char_problem(value: str) -> str | None:
    """What is wrong with a text's characters, in words, or None.  NUL: PostgreSQL cannot store it; a
    lone surrogate: no database or JSON encoder can; U+FFFE, U+FFFF, most C0 controls: XML cannot carry
    them, and the public ``.xml`` answers would break for every client."""
    code = forbidden_char(value)
    if code is None:
        return None
    if code == "U+0000":
        return "memuat karakter NUL (U+0000)"
    return f"memuat karakter yang tidak diizinkan ({code}); hapus karakter itu lalu kirim lagi"


def _clean_chars(value: str) -> str:
    problem = _char_problem(value)
    if problem:
        raise ValueError(problem)
    return value


# A text field of a JSON body: refused (400) when a database, JSON or XML could not carry a character.
CleanStr = Annotated[str, AfterValidator(_clean_chars)]


def shown(value: Any, limit: int = 40) -> str:
    """Input echoed in a message: shortened, with characters no answer could carry replaced."""
    return printable(str(value)[:limit])


KECAMATAN_RE = re.compile(r"^\d{2}\.\d{2}\.\d{2}$")
DESA_RE = re.compile(r"^\d{2}\.\d{2}\.\d{2}\.\d{4}$")
# The fields a station may set; after verification the server keeps its own copy (see docs/server.md).
INTAKE_FIELDS = (
    "service_code", "description", "notes", "channel", "urgency", "caller_name", "phone", "anonim",
    "rahasia", "kecamatan_code", "desa_code", "address", "lat", "long", "requested_datetime", "opd",
)  # fmt: skip


def _text(raw: dict[str, Any], key: str, limit: int, label: str) -> str | None:
    value = raw.get(key)
    if value is None:
        return None
    if not isinstance(value, str):
        value = str(value)
    value = value.strip()
    problem = _char_problem(value)
    if problem:
        raise ValidationError(f"Isian {label} {problem}.", field=key)
    if len(value) > limit:
        raise ValidationError(f"Isian {label} terlalu panjang ({len(value)} > {limit} karakter).", field=key)
    return value or None


def _bool(raw: dict[str, Any], key: str) -> bool:
    value = raw.get(key)
    if value is None or value == "":
        return False
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("1", "true", "ya", "yes", "on"):
        return True
    if text in ("0", "false", "tidak", "no", "off"):
        return False
    raise ValidationError(f"Isian {key} harus true atau false, bukan \u201c{shown(value)}\u201d.", field=key)


def _float(raw: dict[str, Any], key: str, lo: float, hi: float) -> float | None:
    value = raw.get(key)
    if value is None or value == "":
        return None
    try:
        number = float(value)
    except (TypeError, ValueError) as err:
        raise ValidationError(
            f"Isian {key} harus angka, bukan \u201c{shown(value)}\u201d.", field=key
        ) from err
    if not lo <= number <= hi:
        raise ValidationError(f"Isian {key} di luar rentang {lo}..{hi}.", field=key)
    return number


def parse_datetime(value: Any, key: str) -> datetime:
    if isinstance(value, datetime):
        dt = value
    else:
        text = str(value).strip()
        try:
            dt = datetime.fromisoformat(text.replace("Z", "+00:00"))
        except ValueError as err:
            raise ValidationError(
                f"Isian {key} bukan waktu ISO 8601 (contoh 2026-11-23T08:15:00+07:00): "
                f"\u201c{shown(text)}\u201d.",
                field=key,
            ) from err
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    if not datetime(2000, 1, 1, tzinfo=UTC) <= dt <= datetime(2100, 1, 1, tzinfo=UTC):
        raise ValidationError(f"Isian {key} di luar rentang tahun 2000–2100.", field=key)
    return dt.astimezone(UTC)


def parse_case_uuid(value: Any) -> str:
    if value is None or str(value).strip() == "":
        raise ValidationError("Isian case_uuid (UUID aduan dari desk) wajib diisi.", field="case_uuid")
    try:
        return str(uuid.UUID(str(value).strip()))
    except ValueError as err:
        raise ValidationError(f"case_uuid \u201c{shown(value)}\u201d bukan UUID.", field="case_uuid") from err


def clean_intake(
    raw: dict[str, Any], now: datetime | None = None, tax: Taxonomy | None = None
) -> dict[str, Any]:
    """Validated column values for a case, or :class:`ValidationError` in Indonesian naming the field.
    (Pass ``tax`` when cleaning a batch: looking the taxonomy up costs more than checking a case.)"""
    if not isinstance(raw, dict):
        raise ValidationError("Setiap aduan harus berupa objek JSON.")
    now = now or datetime.now(UTC)
    tax = tax or get_taxonomy()
    out: dict[str, Any] = {"case_uuid": parse_case_uuid(raw.get("case_uuid"))}
    code = _text(raw, "service_code", limits.CODE, "service_code (kategori)")
    if code is None:
        raise ValidationError("Isian service_code (kategori) wajib diisi.", field="service_code")
    if code not in tax.categories:
        raise ValidationError(
            f"Kategori (service_code) \u201c{code}\u201d tidak dikenal.", field="service_code"
        )
    out["service_code"] = code
    out["description"] = _text(raw, "description", limits.SUMMARY, "deskripsi") or ""
    out["notes"] = _text(raw, "notes", limits.NOTES, "catatan") or ""
    channel = _text(raw, "channel", limits.ENUM, "kanal") or Channel.ON_AIR.value
    if channel not in {c.value for c in Channel}:
        raise ValidationError(f"Kanal \u201c{channel}\u201d tidak dikenal.", field="channel")
    out["channel"] = channel
    urgency = _text(raw, "urgency", limits.ENUM, "urgensi") or Urgency.SEDANG.value
    if urgency not in {u.value for u in Urgency}:
        raise ValidationError(f"Urgensi \u201c{urgency}\u201d tidak dikenal.", field="urgency")
    out["urgency"] = urgency
    out["caller_name"] = _text(raw, "caller_name", limits.CALLER_NAME, "nama pelapor")
    out["phone"] = _text(raw, "phone", limits.PHONE, "nomor telepon")
    out["anonim"] = _bool(raw, "anonim")
    out["rahasia"] = _bool(raw, "rahasia")
    kec = _text(raw, "kecamatan_code", limits.PLACE_CODE, "kode kecamatan")
    if kec is not None and not KECAMATAN_RE.match(kec):
        raise ValidationError(
            f"Kode kecamatan \u201c{kec}\u201d tidak sah (contoh 35.22.01).", field="kecamatan_code"
        )
    desa = _text(raw, "desa_code", limits.PLACE_CODE, "kode desa")
    if desa is not None:
        if not DESA_RE.match(desa):
            raise ValidationError(
                f"Kode desa \u201c{desa}\u201d tidak sah (contoh 35.22.01.2001).", field="desa_code"
            )
        if kec is None:
            kec = desa.rsplit(".", 1)[0]
        elif not desa.startswith(kec + "."):
            raise ValidationError(f"Desa {desa} tidak terletak di kecamatan {kec}.", field="desa_code")
    out["kecamatan_code"], out["desa_code"] = kec, desa
    out["address"] = _text(raw, "address", limits.ADDRESS, "alamat")
    out["lat"] = _float(raw, "lat", -90.0, 90.0)
    out["long"] = _float(raw, "long", -180.0, 180.0)
    received = raw.get("received_at")
    out["requested_datetime"] = parse_datetime(received, "received_at") if received not in (None, "") else now
    if out["requested_datetime"] > now + timedelta(days=1):
        raise ValidationError(
            "Waktu aduan (received_at) ada di masa depan; periksa jam komputer studio.", field="received_at"
        )
    opd = _text(raw, "opd", limits.CODE, "OPD")
    if opd is not None and opd not in tax.opds:
        raise ValidationError(f"OPD \u201c{opd}\u201d tidak dikenal.", field="opd")
    out["opd"] = opd or tax.default_opd(code)
    return out
