from __future__ import annotations

import pytest

from radio_desk.domain.phone import local_format, mask_phone, normalize_phone
from radio_desk.errors import ValidationError


@pytest.mark.parametrize(
    ("raw", "e164"),
    [
        ("0812-3456-7890", "+6281234567890"),
        ("+62 812 3456 7890", "+6281234567890"),
        ("6281234567890", "+6281234567890"),
        ("+62 0812 3456 7890", "+6281234567890"),
        ("(0353) 881234", "+62353881234"),
        ("0353-881234", "+62353881234"),
        ("+62 353 881234", "+62353881234"),
        ("021 5551234", "+62215551234"),
        ("  0857.1234.5678 ", "+6285712345678"),
        ("０８１２-３４５６-７８９０", "+6281234567890"),  # full-width digits from a phone keyboard
    ],
)
def test_normalise(raw, e164):
    assert normalize_phone(raw) == e164


@pytest.mark.parametrize(
    "raw",
    [
        "12345",
        "+1 202 555 0100",
        "0812-abc-7890",
        "0812",
        "08123456789012345",
        "0",
        "+62",
        "٠٨١٢٣٤٥٦٧٨٩٠",
        "0812'; DROP TABLE cases;--",
        "📞 0812 3456 7890",
    ],
)
def test_malformed(raw):
    with pytest.raises(ValidationError) as err:
        normalize_phone(raw)
    assert err.value.field == "phone"
    assert raw in str(err.value)


def test_empty_is_none():
    assert normalize_phone(None) is None
    assert normalize_phone("   ") is None


def test_mask_and_local():
    assert local_format("+6281234567890") == "081234567890"
    masked = mask_phone("+6281234567890")
    assert masked.startswith("0812") and masked.endswith("890") and "****" in masked
    assert "3456" not in masked
    assert mask_phone(None) == ""
