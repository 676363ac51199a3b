"""CaseIn, the request model of one case: the exact Indonesian messages the desk shows (taken from the
hand-written checks it replaced), the first failing field reported, and the derived values."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from radio_desk.errors import ValidationError
from radio_desk.server.intake import clean_intake

NOW = datetime(2026, 12, 3, 10, tzinfo=UTC)
U = "0b7c6f3e-3f4e-4d8e-9a51-1f2b3c4d5e6f"
OK = {"case_uuid": U, "service_code": "jalan"}

MESSAGES = [
    ({"service_code": "jalan"}, "case_uuid", "Isian case_uuid (UUID aduan dari desk) wajib diisi."),
    ({"case_uuid": "xyz", "service_code": "jalan"}, "case_uuid", "case_uuid \u201cxyz\u201d bukan UUID."),
    ({"case_uuid": U}, "service_code", "Isian service_code (kategori) wajib diisi."),
    (
        OK | {"service_code": "bukan"},
        "service_code",
        "Kategori (service_code) \u201cbukan\u201d tidak dikenal.",
    ),
    (OK | {"description": "a\x00b"}, "description", "Isian deskripsi memuat karakter NUL (U+0000)."),
    (OK | {"notes": "x" * 20001}, "notes", "Isian catatan terlalu panjang (20001 > 20000 karakter)."),
    (OK | {"channel": "fax"}, "channel", "Kanal \u201cfax\u201d tidak dikenal."),
    (OK | {"urgency": "segera"}, "urgency", "Urgensi \u201csegera\u201d tidak dikenal."),
    (
        OK | {"caller_name": "Bu\ufffeSri"},
        "caller_name",
        "Isian nama pelapor memuat karakter yang tidak diizinkan (U+FFFE); hapus karakter itu lalu "
        "kirim lagi.",
    ),
    (OK | {"anonim": "mungkin"}, "anonim", "Isian anonim harus true atau false, bukan \u201cmungkin\u201d."),
    (
        OK | {"kecamatan_code": "35.22"},
        "kecamatan_code",
        "Kode kecamatan \u201c35.22\u201d tidak sah (contoh 35.22.01).",
    ),
    (
        OK | {"desa_code": "35.22.02.2001", "kecamatan_code": "35.22.01"},
        "desa_code",
        "Desa 35.22.02.2001 tidak terletak di kecamatan 35.22.01.",
    ),
    (OK | {"lat": "utara"}, "lat", "Isian lat harus angka, bukan \u201cutara\u201d."),
    (OK | {"long": 181}, "long", "Isian long di luar rentang -180.0..180.0."),
    (
        OK | {"received_at": "kemarin"},
        "received_at",
        "Isian received_at bukan waktu ISO 8601 (contoh 2026-11-23T08:15:00+07:00): \u201ckemarin\u201d.",
    ),
    (
        OK | {"received_at": "2030-01-01T00:00:00Z"},
        "received_at",
        "Waktu aduan (received_at) ada di masa depan; periksa jam komputer studio.",
    ),
    (OK | {"opd": "nasa"}, "opd", "OPD \u201cnasa\u201d tidak dikenal."),
    (OK | {"lat": 95, "opd": "nasa"}, "lat", "Isian lat di luar rentang -90.0..90.0."),  # the first field
]


@pytest.mark.parametrize(("raw", "field", "message"), MESSAGES)
def test_refusals_name_the_field_in_indonesian(raw: dict, field: str, message: str) -> None:
    with pytest.raises(ValidationError) as err:
        clean_intake(raw, NOW)
    assert (err.value.message, err.value.field) == (message, field)


def test_not_an_object() -> None:
    with pytest.raises(ValidationError, match=r"Setiap aduan harus berupa objek JSON\."):
        clean_intake(["jalan"], NOW)  # type: ignore[arg-type]


def test_values_are_normalised_and_derived() -> None:
    got = clean_intake(
        {"case_uuid": f" {U.upper()} ", "service_code": " drainase ", "description": 12, "anonim": "ya",
         "rahasia": "tidak", "desa_code": "35.22.01.2001", "lat": "-7.2", "caller_name": " ", "extra": 1},
        NOW,
    )  # fmt: skip
    assert got["case_uuid"] == U and got["service_code"] == "drainase" and got["description"] == "12"
    assert (got["anonim"], got["rahasia"]) == (True, False)
    assert (got["kecamatan_code"], got["desa_code"]) == ("35.22.01", "35.22.01.2001")
    assert got["lat"] == -7.2 and got["long"] is None and got["caller_name"] is None
    assert (got["channel"], got["urgency"], got["notes"]) == ("on_air", "sedang", "")
    assert got["requested_datetime"] == NOW and got["opd"] == "dpusda"  # the category's default OPD
    assert "extra" not in got and "received_at" not in got
