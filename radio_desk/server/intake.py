"""Checking what a station sends about a case (the intake fields the desk owns until verification):
:class:`CaseIn`, the request model of one case of ``POST /api/v1/requests/batch`` and of Open311's
``POST requests``, each field refused with an Indonesian message naming it."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime, timedelta
from typing import Annotated, Any

import pydantic
from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationInfo
from pydantic import model_validator as _model_validator

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
CHANNELS = frozenset(c.value for c in Channel)
URGENCIES = frozenset(u.value for u in Urgency)


class IntakeProblem(ValueError):
    """An intake error inside a validator; its text is the Indonesian sentence the desk shows."""


def _refuse(message: str) -> IntakeProblem:
    return IntakeProblem(message)


def _plain_text(value: Any, limit: int, label: str) -> str | None:
    if value is None:
        return None
    if not isinstance(value, str):
        value = str(value)
    value = value.strip()
    problem = _char_problem(value)
    if problem:
        raise _refuse(f"Isian {label} {problem}.")
    if len(value) > limit:
        raise _refuse(f"Isian {label} terlalu panjang ({len(value)} > {limit} karakter).")
    return value or None


def check_text(value: Any, limit: int, label: str) -> str | None:
    """A text field outside :class:`CaseIn` (an Open311 client's e-mail): the same checks and messages."""
    try:
        return _plain_text(value, limit, label)
    except IntakeProblem as err:
        raise ValidationError(str(err), field=label) from None


def _text(limit: int, label: str) -> BeforeValidator:
    """A text field: stripped, empty → None, characters no answer could carry and overlong text refused."""
    return BeforeValidator(lambda value: _plain_text(value, limit, label))


def _choice(limit: int, label: str, known: frozenset[str], default: str) -> BeforeValidator:
    def check(value: Any) -> str:
        text = _plain_text(value, limit, label) or default
        if text not in known:
            raise _refuse(f"{label.capitalize()} \u201c{text}\u201d tidak dikenal.")
        return text

    return BeforeValidator(check)


YES_WORDS = ("1", "true", "ya", "yes", "on")  # a yes/no field (and a yes/no setting) as typed
NO_WORDS = ("0", "false", "tidak", "no", "off")


def is_yes(value: Any) -> bool:
    """A yes/no value read leniently (anything not a yes word is no); :class:`CaseIn` refuses others."""
    return value is True or str(value or "").strip().lower() in YES_WORDS


def _yes_no(value: Any, info: ValidationInfo) -> bool:
    if value is None or value == "":
        return False
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in YES_WORDS:
        return True
    if text in NO_WORDS:
        return False
    raise _refuse(f"Isian {info.field_name} harus true atau false, bukan \u201c{shown(value)}\u201d.")


def _number(lo: float, hi: float) -> BeforeValidator:
    def check(value: Any, info: ValidationInfo) -> float | None:
        if value is None or value == "":
            return None
        try:
            number = float(value)
        except (TypeError, ValueError):
            raise _refuse(f"Isian {info.field_name} harus angka, bukan \u201c{shown(value)}\u201d.") from None
        if not lo <= number <= hi:  # (NaN too)
            raise _refuse(f"Isian {info.field_name} di luar rentang {lo}..{hi}.")
        return number

    return BeforeValidator(check)


def _as_pydantic(check: Any) -> Any:
    """Run a check that raises :class:`ValidationError` inside a pydantic validator."""

    def run(value: Any) -> Any:
        try:
            return check(value)
        except ValidationError as err:
            raise _refuse(err.message) from None

    return run


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


def _context(info: ValidationInfo) -> tuple[datetime, Taxonomy]:
    ctx = info.context or {}
    return ctx.get("now") or datetime.now(UTC), ctx.get("tax") or get_taxonomy()


class CaseIn(BaseModel):
    """One case as a station sends it (the desk's sync, an Open311 client).  Unknown keys are ignored;
    every check names its field in Indonesian; the first failing field (in this order) is the one
    reported.  Validate with :func:`clean_intake`, which passes the time and the taxonomy."""

    model_config = ConfigDict(extra="ignore", json_schema_extra={"required": ["case_uuid", "service_code"]})

    case_uuid: Annotated[str, BeforeValidator(_as_pydantic(parse_case_uuid))] = Field(
        None, validate_default=True, description="UUID aduan dari desk: kunci idempoten"
    )
    service_code: str = Field(None, validate_default=True, description="Kategori (taxonomy.toml)")
    description: Annotated[str | None, _text(limits.SUMMARY, "deskripsi")] = None
    notes: Annotated[str | None, _text(limits.NOTES, "catatan")] = None
    channel: Annotated[str, _choice(limits.ENUM, "kanal", CHANNELS, Channel.ON_AIR.value)] = Field(
        Channel.ON_AIR.value, validate_default=True
    )
    urgency: Annotated[str, _choice(limits.ENUM, "urgensi", URGENCIES, Urgency.SEDANG.value)] = Field(
        Urgency.SEDANG.value, validate_default=True
    )
    caller_name: Annotated[str | None, _text(limits.CALLER_NAME, "nama pelapor")] = None
    phone: Annotated[str | None, _text(limits.PHONE, "nomor telepon")] = None
    anonim: Annotated[bool, BeforeValidator(_yes_no)] = False
    rahasia: Annotated[bool, BeforeValidator(_yes_no)] = False
    kecamatan_code: Annotated[str | None, _text(limits.PLACE_CODE, "kode kecamatan")] = Field(
        None, description="Kode kecamatan Kemendagri, mis. 35.22.01"
    )
    desa_code: Annotated[str | None, _text(limits.PLACE_CODE, "kode desa")] = Field(
        None, description="Kode desa/kelurahan Kemendagri, mis. 35.22.01.2001"
    )
    address: Annotated[str | None, _text(limits.ADDRESS, "alamat")] = None
    lat: Annotated[float | None, _number(-90.0, 90.0)] = None
    long: Annotated[float | None, _number(-180.0, 180.0)] = None
    received_at: datetime | None = Field(
        None, validate_default=True, description="Waktu aduan diterima studio (ISO 8601)"
    )
    opd: Annotated[str | None, _text(limits.CODE, "OPD")] = None

    @pydantic.field_validator("service_code", mode="before")
    @classmethod
    def _category(cls, value: Any, info: ValidationInfo) -> str:
        code = _plain_text(value, limits.CODE, "service_code (kategori)")
        if code is None:
            raise _refuse("Isian service_code (kategori) wajib diisi.")
        if code not in _context(info)[1].categories:
            raise _refuse(f"Kategori (service_code) \u201c{code}\u201d tidak dikenal.")
        return code

    @pydantic.field_validator("kecamatan_code")
    @classmethod
    def _kecamatan(cls, kec: str | None) -> str | None:
        if kec is not None and not KECAMATAN_RE.match(kec):
            raise _refuse(f"Kode kecamatan \u201c{kec}\u201d tidak sah (contoh 35.22.01).")
        return kec

    @pydantic.field_validator("desa_code")
    @classmethod
    def _desa(cls, desa: str | None, info: ValidationInfo) -> str | None:
        if desa is None:
            return None
        if not DESA_RE.match(desa):
            raise _refuse(f"Kode desa \u201c{desa}\u201d tidak sah (contoh 35.22.01.2001).")
        kec = info.data.get("kecamatan_code")
        if kec is not None and not desa.startswith(kec + "."):
            raise _refuse(f"Desa {desa} tidak terletak di kecamatan {kec}.")
        return desa

    @pydantic.field_validator("received_at", mode="before")
    @classmethod
    def _received(cls, value: Any, info: ValidationInfo) -> datetime:
        now = _context(info)[0]
        if value in (None, ""):
            return now
        received = _as_pydantic(lambda v: parse_datetime(v, "received_at"))(value)
        if received > now + timedelta(days=1):
            raise _refuse("Waktu aduan (received_at) ada di masa depan; periksa jam komputer studio.")
        return received

    @pydantic.field_validator("opd")
    @classmethod
    def _known_opd(cls, opd: str | None, info: ValidationInfo) -> str | None:
        if opd is not None and opd not in _context(info)[1].opds:
            raise _refuse(f"OPD \u201c{opd}\u201d tidak dikenal.")
        return opd

    @_model_validator(mode="after")
    def _derived(self, info: ValidationInfo) -> CaseIn:
        if self.kecamatan_code is None and self.desa_code is not None:
            self.kecamatan_code = self.desa_code.rsplit(".", 1)[0]
        if self.opd is None:
            self.opd = _context(info)[1].default_opd(self.service_code)
        return self

    def columns(self) -> dict[str, Any]:
        """The service_request column values (with ``case_uuid``)."""
        values = self.model_dump(exclude={"received_at"})
        values.update(
            description=self.description or "", notes=self.notes or "", requested_datetime=self.received_at
        )
        return values


def first_error(err: pydantic.ValidationError) -> ValidationError:
    """The first failing field of a case, as the Indonesian error the desk shows."""
    first = err.errors()[0]
    field = str(first["loc"][0]) if first.get("loc") else None
    problem = (first.get("ctx") or {}).get("error")
    if isinstance(problem, IntakeProblem):
        return ValidationError(str(problem), field=field)
    return ValidationError(f"Isian {field or 'aduan'} tidak sah: {first['msg']}.", field=field)


def clean_intake(
    raw: dict[str, Any], now: datetime | None = None, tax: Taxonomy | None = None
) -> dict[str, Any]:
    """Validated column values for a case, or :class:`ValidationError` in Indonesian naming the field.
    (Pass ``tax`` when cleaning a batch: looking the taxonomy up costs more than checking a case.)"""
    if not isinstance(raw, dict):
        raise ValidationError("Setiap aduan harus berupa objek JSON.")
    context = {"now": now or datetime.now(UTC), "tax": tax or get_taxonomy()}
    try:
        return CaseIn.model_validate(raw, context=context).columns()
    except pydantic.ValidationError as err:
        raise first_error(err) from None
