"""Indonesian phone numbers: normalise what callers say or type to E.164, and mask for print.

Accepted: mobile ``0812-3456-7890``, ``+62 812 3456 7890``, ``62812...``; landline with area code
``(0353) 881234``, ``0353-881234``, ``+62 353 881234``.  Indonesian mobile numbers have 9 to 12 digits
after the leading 0 (8xx prefix); landlines an area code of 2 to 3 digits plus 5 to 8 digits.
"""

from __future__ import annotations

import re
import unicodedata

from radio_desk.errors import ValidationError

_SEPARATORS = re.compile(r"[\s\-.()/]")


def normalize_phone(raw: str | None) -> str | None:
    """Return the E.164 form (``+6281234567890``), ``None`` for empty input; raise on a malformed number."""
    if raw is None:
        return None
    text = _SEPARATORS.sub("", unicodedata.normalize("NFKC", raw).strip())  # full-width digits → ASCII
    if not text:
        return None
    if text.startswith("+"):
        if not text.startswith("+62"):
            raise ValidationError(
                f"Nomor telepon \u201c{raw}\u201d bukan nomor Indonesia (+62).", field="phone"
            )
        national = text[3:]
    elif text.startswith("62"):
        national = text[2:]
    elif text.startswith("0"):
        national = text[1:]
    else:
        raise ValidationError(
            f"Nomor telepon \u201c{raw}\u201d tidak dikenali: awali dengan 0 atau +62.", field="phone"
        )
    if national.startswith("0"):
        national = national[1:]  # "+62 0812..." is a common mistake
    if not national:
        raise ValidationError(f"Nomor telepon \u201c{raw}\u201d terlalu pendek.", field="phone")
    if not (national.isascii() and national.isdigit()):
        raise ValidationError(f"Nomor telepon \u201c{raw}\u201d berisi karakter selain angka.", field="phone")
    if national.startswith("8"):
        if not 9 <= len(national) <= 12:
            raise ValidationError(
                f"Nomor HP \u201c{raw}\u201d panjangnya tidak wajar ({len(national) + 1} digit).",
                field="phone",
            )
    elif national[0] in "234567" and 7 <= len(national) <= 11:
        pass  # landline: area code (2-3 digits, no leading 0) + subscriber number
    else:
        raise ValidationError(
            f"Nomor telepon \u201c{raw}\u201d tidak sesuai format nomor Indonesia.", field="phone"
        )
    return "+62" + national


def local_format(e164: str) -> str:
    """``+6281234567890`` → ``081234567890`` (how Indonesians write it)."""
    return "0" + e164[3:] if e164.startswith("+62") else e164


def mask_phone(number: str | None) -> str:
    """Mask the middle of a number for reports and public lists: ``0811****958``."""
    if not number:
        return ""
    local = local_format(number) if number.startswith("+") else re.sub(r"\D", "", number)
    if len(local) <= 7:
        return local[:2] + "*" * max(len(local) - 2, 0)
    return local[:4] + "****" + local[-3:]
