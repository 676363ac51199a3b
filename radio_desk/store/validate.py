"""Checking and normalising a case before it is stored: every refusal is a :class:`ValidationError`
with an Indonesian message and the form field at fault."""

from __future__ import annotations

import dataclasses
import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from radio_desk.domain import limits
from radio_desk.domain.enums import Channel, Status, Urgency
from radio_desk.domain.gazetteer import Gazetteer
from radio_desk.domain.models import Case
from radio_desk.domain.phone import normalize_phone
from radio_desk.domain.taxonomy import Taxonomy
from radio_desk.domain.textchars import without_forbidden
from radio_desk.errors import ValidationError

# Longest accepted text per field (characters): the limits the server applies too.
MAX_LEN = {k: limits.FIELD_MAX[k] for k in ("station", "caller_name", "summary", "notes")}
FIELD_LABELS = {
    "station": "Stasiun",
    "caller_name": "Nama penelepon",
    "summary": "Ringkasan",
    "notes": "Catatan",
}
CASE_FIELDS = tuple(f.name for f in dataclasses.fields(Case))
# Fields update() may change; status goes through change_status(), ids and timestamps are the store's.
EDITABLE_FIELDS = frozenset(CASE_FIELDS) - {"id", "status", "created_at", "updated_at"}


def _enum(cls: type[StrEnum], value: Any, field: str, label: str) -> Any:
    try:
        return cls(value)
    except ValueError:
        choices = ", ".join(getattr(m, "label", m.value) for m in cls)
        raise ValidationError(
            f"{label} \u201c{value}\u201d tidak dikenal. Pilihan: {choices}.", field=field
        ) from None


def _text(value: Any, field: str, *, optional: bool) -> str | None:
    if value is None:
        if optional:
            return None
        value = ""
    if not isinstance(value, str):
        raise ValidationError(f"{FIELD_LABELS.get(field, field)} harus berupa teks.", field=field)
    # NUL cuts strings short in SQLite functions; U+FFFE, other C0 controls and lone surrogates the server
    # refuses (XML cannot carry them): none is ever meant, so they are dropped at entry
    value = without_forbidden(value)
    limit = MAX_LEN.get(field)
    if limit is not None and len(value) > limit:
        n, most = (f"{x:,}".replace(",", ".") for x in (len(value), limit))
        raise ValidationError(
            f"{FIELD_LABELS.get(field, field)} terlalu panjang ({n} karakter, paling banyak {most}).",
            field=field,
        )
    if optional:
        value = value.strip()
        return value or None
    return value


def _aware(value: Any, field: str) -> datetime:
    if not isinstance(value, datetime):
        raise ValidationError(f"Waktu \u201c{field}\u201d tidak valid.", field=field)
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(
            f"Waktu \u201c{field}\u201d tidak memuat zona waktu; gunakan waktu UTC atau WIB yang jelas.",
            field=field,
        )
    return value


def _uuid(value: Any, field: str) -> uuid.UUID:
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise ValidationError(f"ID \u201c{value}\u201d bukan UUID yang valid.", field=field) from None


def normalize_case(case: Case, taxonomy: Taxonomy, gazetteer: Gazetteer) -> tuple[Case, str]:
    """The case as it will be stored (phone in E.164, enums typed, texts trimmed) and its place text."""
    kec = _text(case.kecamatan_code, "kecamatan", optional=True)
    desa = _text(case.desa_code, "desa", optional=True)
    for code, field in ((kec, "kecamatan"), (desa, "desa")):
        if code and code not in gazetteer.places:
            raise ValidationError(
                f"Kode {'kecamatan' if field == 'kecamatan' else 'desa/kelurahan'} \u201c{code}\u201d "
                "tidak ada di gazetir Jawa Timur.",
                field=field,
            )
    if desa and not kec and gazetteer.places[desa].level == "village":
        kec = gazetteer.places[desa].parent_code  # the desa says which kecamatan it is in
    gazetteer.check_place(kec, desa)
    category = _text(case.category, "category", optional=True)
    if category is not None:
        taxonomy.category(category)
    opd = _text(case.opd, "opd", optional=True)
    if opd is not None:
        taxonomy.opd(opd)
    out = dataclasses.replace(
        case,
        id=_uuid(case.id, "id"),
        station=(_text(case.station, "station", optional=False) or "").strip(),
        received_at=_aware(case.received_at, "received_at"),
        channel=_enum(Channel, case.channel, "channel", "Saluran"),
        caller_name=_text(case.caller_name, "caller_name", optional=True),
        phone=normalize_phone(case.phone) if case.phone is not None else None,
        anonim=bool(case.anonim),
        rahasia=bool(case.rahasia),
        kecamatan_code=kec,
        desa_code=desa,
        category=category,
        urgency=_enum(Urgency, case.urgency, "urgency", "Urgensi"),
        summary=_text(case.summary, "summary", optional=False),
        notes=_text(case.notes, "notes", optional=False),
        status=_enum(Status, case.status, "status", "Status"),
        opd=opd,
        duplicate_of=_uuid(case.duplicate_of, "duplicate_of") if case.duplicate_of is not None else None,
        created_at=_aware(case.created_at, "created_at"),
        updated_at=_aware(case.updated_at, "updated_at"),
    )
    if out.duplicate_of == out.id:
        raise ValidationError("Aduan tidak bisa menjadi duplikat dirinya sendiri.", field="duplicate_of")
    return out, place_text(out, gazetteer)


def place_text(case: Case, gazetteer: Gazetteer) -> str:
    """The place names searched by full-text search: "Ngumpakdalem, Dander"."""
    names = [gazetteer.name(code) for code in (case.desa_code, case.kecamatan_code) if code]
    return ", ".join(n for n in names if n)


def to_text(value: Any) -> str | None:
    """A field value as stored in the change history."""
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, StrEnum):
        return value.value
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)
