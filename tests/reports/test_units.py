"""Working days, Indonesian formatting, fonts, rundown and CSV details."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from radio_desk.domain import Case
from radio_desk.domain.workdays import WIB, add_working_days, is_late, working_days_between
from radio_desk.errors import ValidationError
from radio_desk.reports.csv_export import write_cases_csv
from radio_desk.reports.fonts import missing_glyphs
from radio_desk.reports.indonesian import format_date, format_decimal, format_int, parse_date
from radio_desk.reports.rundown import RundownItem, build_rundown
from tests.reports.conftest import fonts_not_embedded, pdf_text


def test_working_days_skip_weekend() -> None:
    fri = datetime(2026, 11, 13, 10, 0, tzinfo=WIB)
    assert add_working_days(fri, 3) == datetime(2026, 11, 18, 10, 0, tzinfo=WIB)  # Wednesday
    assert working_days_between(fri, datetime(2026, 11, 16, 9, tzinfo=WIB)) == 1
    sat = datetime(2026, 11, 14, 8, tzinfo=WIB)
    assert working_days_between(sat, datetime(2026, 11, 15, 8, tzinfo=WIB)) == 0
    assert not is_late(fri, datetime(2026, 11, 18, 9, 59, tzinfo=WIB), 3)
    assert is_late(fri, datetime(2026, 11, 18, 10, 1, tzinfo=WIB), 3)
    assert add_working_days(fri, 1, holidays=frozenset({date(2026, 11, 16)})).day == 17


def test_indonesian_formats() -> None:
    assert format_date(date(2017, 4, 7)) == "Jumat, 7 April 2017"
    assert format_date(datetime(2017, 4, 6, 20, 0, tzinfo=UTC)) == "Jumat, 7 April 2017"  # 03.00 WIB
    assert format_int(1234567) == "1.234.567"
    assert format_decimal(1234.56, 1) == "1.234,6"
    assert parse_date("07/04/2017") == date(2017, 4, 7)
    with pytest.raises(ValidationError):
        parse_date("31/02/2017")


def test_font_covers_callers_names() -> None:
    names = "Étienne Pérez Ñoviani Ḥasan Šťastný Nguyễn Thị Ánh Ğül Ølsen Łukasz Çelik ʼAbdullah «Ahmad» Dž"
    assert missing_glyphs(names) == set()


def test_rundown_masks_and_refuses_rahasia(tmp_path) -> None:  # type: ignore[no-untyped-def]
    c = Case(caller_name="Pak Darmo", anonim=True, summary="Jalan rusak", category="jalan", opd="dpubmpr")
    item = RundownItem(
        c, "Pak Darmo dari Kapas melapor, nomor 081234567890", "Darmo: jalannya rusak", 12.0, 65.0
    )
    out = tmp_path / "r.pdf"
    build_rundown([item], out, date(2026, 11, 20), "Malowopati FM")
    text = pdf_text(out)
    assert "Darmo" not in text and "081234567890" not in text and "00:12 – 01:05" in text
    assert "Jumat, 20 November 2026" in text and fonts_not_embedded(out) == []
    with pytest.raises(ValidationError, match="rahasia"):
        build_rundown([RundownItem(Case(rahasia=True), "x")], out, date(2026, 11, 20))


def test_csv_escapes_formulas(tmp_path) -> None:  # type: ignore[no-untyped-def]
    out = tmp_path / "x.csv"
    assert write_cases_csv([Case(caller_name="=HYPERLINK(1)")], out) == 1
    assert "'=HYPERLINK" in out.read_text(encoding="utf-8-sig")


def test_case_timing_follow_up_clock() -> None:
    from radio_desk.domain import Status, StatusEvent
    from radio_desk.reports.figures import case_timing

    fri = datetime(2026, 11, 13, 3, 0, tzinfo=UTC)  # Friday 10.00 WIB
    c = Case(received_at=fri, status=Status.DITERUSKAN)
    fwd = datetime(2026, 11, 16, 3, 0, tzinfo=UTC)  # Monday: within 3 working days
    ev = [StatusEvent(c.id, None, Status.BARU, fri), StatusEvent(c.id, Status.BARU, Status.DITERUSKAN, fwd)]
    t = case_timing(c, ev, as_of=datetime(2026, 11, 23, 2, 0, tzinfo=UTC))  # next Monday 09.00: due 10.00
    assert not t.forward_late and not t.followup_late and not t.open_overdue
    t = case_timing(c, ev, as_of=datetime(2026, 11, 23, 4, 0, tzinfo=UTC))  # 11.00: five working days passed
    assert t.followup_late and t.open_overdue


def test_pdf_pages_render_and_fail_clearly(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from radio_desk.errors import RadioDeskError
    from radio_desk.reports.pages import PdfPages

    out = tmp_path / "r.pdf"
    build_rundown([], out, date(2026, 11, 20), "Malowopati FM")
    with PdfPages(out) as pages:
        assert pages.count == 1
        img = pages.render(0, dpi=72)
        assert abs(img.width - 595) <= 1 and abs(img.height - 842) <= 1 and not img.landscape  # A4, 72 dpi
        assert len(img.pixels) == img.stride * img.height
        assert min(img.pixels) < 100 < 250 <= max(img.pixels)  # dark text on white paper
        with pytest.raises(RadioDeskError, match="Halaman 2"):
            pages.render(1)
    with pytest.raises(RadioDeskError, match="ditutup"):
        pages.render(0)
    junk = tmp_path / "junk.pdf"
    junk.write_bytes(b"bukan pdf")
    with pytest.raises(RadioDeskError, match="tidak bisa dibuka"):
        PdfPages(junk)
