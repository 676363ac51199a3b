"""Confidentiality for everything printed or exported: masked phones, anonymous callers, editions.

Every free-text field passes through :func:`clean_text` so a phone number typed into a note or a
summary is masked too, and an anonymous caller's name never appears, even inside the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from radio_desk.domain import Case
from radio_desk.domain.phone import mask_phone
from radio_desk.errors import ValidationError

EDITIONS = ("internal", "public")

# A digit run of 9+ digits, single separators allowed ("0812-3456-7890", "+62 812 3456 7890", NIK).
_NUMBER = re.compile(r"(?<![\w])\+?\d(?:[\s\-.()/]{0,2}\d){8,}(?!\d)")
_MONEY = re.compile(r"\d{1,3}(?:\.\d{3})+$")  # "1.500.000.000" with dots: an amount, not a phone


def mask_numbers(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        raw = m.group(0)
        before = text[max(0, m.start() - 4) : m.start()].lower()
        if _MONEY.match(raw) and ("rp" in before or not raw.startswith("0")):
            return raw
        digits = re.sub(r"\D", "", raw)
        if digits.startswith("62"):
            digits = "0" + digits[2:]
        return mask_phone(digits)

    return _NUMBER.sub(repl, text)


def hide_name(text: str, name: str | None) -> str:
    """Replace an anonymous caller's full name and each name word (3+ letters) by "[anonim]"."""
    if not name or not text:
        return text
    words = sorted({w for w in re.split(r"\s+", name.strip()) if len(w) >= 3}, key=len, reverse=True)
    for w in [name.strip(), *words]:
        text = re.sub(rf"(?<!\w){re.escape(w)}(?!\w)", "[anonim]", text, flags=re.IGNORECASE)
    return re.sub(r"\[anonim\](?:\s+\[anonim\])+", "[anonim]", text)


def clean_text(text: str | None, case: Case | None = None) -> str:
    """Free text as it may be printed: phone-like numbers masked, anonymous names removed."""
    out = mask_numbers(text or "")
    if case is not None and case.anonim:
        out = hide_name(out, case.caller_name)
    return out


def caller_label(case: Case) -> str:
    return "Anonim" if case.anonim or not case.caller_name else mask_numbers(case.caller_name)


def phone_label(case: Case) -> str:
    return mask_phone(case.phone) if case.phone else ""


def visible_cases(cases: list[Case], edition: str) -> list[Case]:
    """The public edition drops rahasia cases entirely (lists and figures)."""
    return list(cases) if edition == "internal" else [c for c in cases if not c.rahasia]


def check_edition(edition: str) -> None:
    if edition not in EDITIONS:
        raise ValidationError(
            f"Edisi laporan \u201c{edition}\u201d tidak dikenal: internal atau public.", field="edition"
        )


def names_shown(edition: str, names: bool | None = None) -> bool:
    """Whether an edition names the reporters: ``names`` when given, else only the internal edition."""
    return edition == "internal" if names is None else names


def without_name(case: Case) -> Case:
    """The case printed as if its reporter were anonymous: "Anonim", the name removed from every text
    (it stays on the object only so :func:`clean_text` can find and hide it), no phone."""
    return replace(case, anonim=True, phone=None)


def as_printed(cases: Iterable[Case], edition: str, names: bool | None = None) -> Iterator[Case]:
    """The cases an edition prints, as it may print them: the public edition drops the rahasia cases
    and, unless ``names`` is true, names no reporter (:func:`without_name`); the internal edition
    keeps every case and names the reporters who are not anonymous."""
    named = names_shown(edition, names)
    for case in cases:
        if case.rahasia and edition != "internal":
            continue
        yield case if named else without_name(case)
