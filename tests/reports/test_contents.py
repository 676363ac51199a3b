"""Every content item of the weekly report, read back from the PDF (pdftotext, pdffonts, pdfimages)."""

from __future__ import annotations

import re
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from radio_desk.domain import Case, Status, StatusEvent, Urgency
from radio_desk.domain.taxonomy import get_taxonomy
from radio_desk.reports.desk import write_weekly_report
from radio_desk.reports.figures import compute_figures
from radio_desk.reports.indonesian import format_duration_hours, format_int, format_percent
from radio_desk.reports.weekly import (
    INTERNAL_MARK,
    RAHASIA_TAG,
    ReportData,
    build_weekly_report,
    last_review_week,
)
from tests.reports.conftest import AS_OF, END, START, fonts_not_embedded, pdf_text, save_to_sqlite

HEADINGS = (
    "Angka kunci",
    "Grafik",
    "Aduan mendesak dan lewat batas waktu",
    "Aduan per OPD",
    "Lampiran: daftar lengkap aduan",
)


@pytest.fixture(scope="module")
def internal(tmp_path_factory: pytest.TempPathFactory, sample):  # type: ignore[no-untyped-def]
    cases, events = sample
    out = tmp_path_factory.mktemp("contents") / "internal.pdf"
    fig = build_weekly_report(
        ReportData(START, END, cases, events, ["Malowopati FM"], "internal", "Bu Koordinator", AS_OF), out
    )
    return out, fig, pdf_text(out)


def _row(text: str, label: str) -> list[str]:
    line = next(line for line in text.splitlines() if line.strip().startswith(label))
    return line.split()[len(label.split()) :]


def _section(text: str, start: str, end: str) -> str:
    return text[text.index(start) : text.index(end)]


def test_cover_names_period_stations_when_and_by_whom(internal) -> None:  # type: ignore[no-untyped-def]
    _, _, text = internal
    cover = text.split("\f")[0]
    assert re.search(r"Periode\s+Jumat, 13 November 2026 – Kamis, 19 November 2026", cover)
    assert re.search(r"Stasiun\s+Malowopati FM", cover)
    assert re.search(r"Dibuat\s+Jumat, 20 November 2026 08\.00 WIB oleh Bu Koordinator", cover)
    assert "Laporan Mingguan Pengaduan" in cover


def test_key_figures_by_urgency_norms_and_medians(internal, sample) -> None:  # type: ignore[no-untyped-def]
    _, _, text = internal
    cases, events = sample
    f = compute_figures(cases, events, AS_OF)
    for label, n in f.by_urgency.items():
        assert re.search(rf"^\s*{label}\s+{format_int(n)}\s*$", text, re.M), label
    assert _row(text, "Lewat batas 3 hari kerja")[-2:] == [
        format_int(f.overdue_forward),
        format_percent(f.overdue_forward, f.received),
    ]
    assert _row(text, "Lewat batas 5 hari kerja")[-2] == format_int(f.overdue_followup)
    assert " ".join(_row(text, "Median waktu sampai diteruskan")) == format_duration_hours(
        f.median_hours_to_forward
    )
    assert " ".join(_row(text, "Median waktu sampai selesai")) == format_duration_hours(
        f.median_hours_to_resolve
    )
    assert f.overdue_forward > 0 and f.median_hours_to_resolve is not None


def test_sections_in_order_and_charts_are_vector_graphics(internal) -> None:  # type: ignore[no-untyped-def]
    out, _, text = internal
    where = [text.index(h) for h in HEADINGS]
    assert where == sorted(where)
    for title in ("Aduan per hari", "Menurut kategori", "Menurut kecamatan", "Menurut OPD"):
        assert title in _section(text, "Grafik", "Aduan mendesak dan lewat batas waktu"), title
    images = subprocess.run(["pdfimages", "-list", str(out)], capture_output=True, text=True, check=True)
    assert len(images.stdout.strip().splitlines()) == 2  # header lines only: drawn, not pasted bitmaps


def test_urgent_and_overdue_first(internal, sample) -> None:  # type: ignore[no-untyped-def]
    _, fig, text = internal
    cases, _ = sample
    part = _section(text, "Aduan mendesak dan lewat batas waktu", "Aduan per OPD")
    late_open = sum(fig.timings[c.id].open_overdue for c in cases)
    urgent_open = [
        c
        for c in cases
        if not fig.timings[c.id].open_overdue
        and c.urgency in (Urgency.TINGGI, Urgency.DARURAT)
        and not c.status.is_closed
    ]
    assert f"{format_int(late_open + len(urgent_open))} aduan perlu perhatian" in part
    marks = [m.start() for m in re.finditer(r"LEWAT\s", part)]
    assert len(marks) == late_open > 0
    # the open overdue cases are the first rows: every row before the last mark carries one
    rows = [m.start() for m in re.finditer(r"^\s+\d\d/\d\d/2026", part, re.M)]
    assert sum(r < marks[-1] for r in rows) == late_open
    assert len(rows) == late_open + len(urgent_open)


def test_one_section_per_opd_with_counts(internal, sample) -> None:  # type: ignore[no-untyped-def]
    _, fig, text = internal
    cases, _ = sample
    tax = get_taxonomy()
    part = re.sub(r"\s+", " ", _section(text, "Aduan per OPD", "Lampiran: daftar lengkap aduan"))
    for code in {c.opd for c in cases if c.opd}:
        members = [c for c in cases if c.opd == code]
        late = sum(fig.timings[c.id].open_overdue for c in members)
        heading = f"{tax.opd_name(code)} — {format_int(len(members))} aduan, {format_int(late)} lewat batas"
        assert heading in part, heading


def test_appendix_flows_with_repeated_headers_and_every_case(internal, sample) -> None:  # type: ignore[no-untyped-def]
    _, _, text = internal
    cases, _ = sample
    pages = text.split("\f")[:-1]
    first = next(i for i, p in enumerate(pages) if "Lampiran: daftar lengkap aduan" in p)
    appendix = pages[first:]
    assert len(appendix) > 2
    for page in appendix:
        assert re.search(r"No\.\s+Diterima\s+Stasiun\s+Saluran\s+Pelapor", page)
    numbers = [
        int(m) for page in appendix for m in re.findall(r"^\s{1,3}(\d{1,3})\s+\d\d/\d\d/2026", page, re.M)
    ]
    assert numbers == list(range(1, len(cases) + 1))


def test_rahasia_cases_marked_in_every_table_of_the_internal_edition(internal, sample) -> None:  # type: ignore[no-untyped-def]
    _, fig, text = internal
    cases, _ = sample
    secret = [c for c in cases if c.rahasia]
    in_attention = [
        c
        for c in secret
        if fig.timings[c.id].open_overdue
        or (c.urgency in (Urgency.TINGGI, Urgency.DARURAT) and not c.status.is_closed)
    ]
    # appendix + OPD section (+ the attention list) each mark it
    assert text.count(RAHASIA_TAG) == 2 * len(secret) + len(in_attention)
    assert all(INTERNAL_MARK in page for page in text.split("\f")[:-1])


def test_fonts_embedded_and_callers_names_render(tmp_path: Path) -> None:
    names = ["Nguyễn Thị Ánh", "Muhammad Rizqi Ḥasan", "Dewi Ayu Ñoviani", "Łukasz Çelik"]
    cases = [
        Case(station="malowopati-fm", received_at=AS_OF - timedelta(days=2 + i), caller_name=n,
             summary="jalan rusak", category="jalan", opd="dpubmpr")
        for i, n in enumerate(names)
    ]  # fmt: skip
    events = [StatusEvent(c.id, None, Status.BARU, c.received_at) for c in cases]
    out = tmp_path / "fonts.pdf"
    build_weekly_report(ReportData(START, END, cases, events, ["Malowopati FM"], "internal", "x", AS_OF), out)
    assert fonts_not_embedded(out) == []
    text = pdf_text(out)
    for word in " ".join(names).split():  # narrow columns wrap names over lines
        assert word in text, word


def test_thousands_with_dots_in_the_pdf(tmp_path: Path) -> None:
    from radio_desk.reports.sample import sample_cases

    cases, events = sample_cases(1005, START, seed=3)
    out = tmp_path / "big.pdf"
    build_weekly_report(ReportData(START, END, cases, events, [], "internal", "x", AS_OF), out)
    text = pdf_text(out)
    assert _row(text, "Aduan diterima")[0] == format_int(1005) == "1.005"
    assert re.search(r"^\s+1\.005\s+\d\d/\d\d/2026", text, re.M)  # the appendix numbers its rows


def test_station_filter_and_default_review_week(tmp_path: Path) -> None:
    from radio_desk.reports.sample import sample_cases

    cases, events = sample_cases(60, START, stations=("malowopati-fm", "radio-lain"))
    db = tmp_path / "two.sqlite3"
    save_to_sqlite(db, cases, events)
    out = tmp_path / "one-station.pdf"
    fig = write_weekly_report(db, START, END, out, station="malowopati-fm", by="uji")
    assert fig.received == sum(c.station == "malowopati-fm" for c in cases) < len(cases)
    assert _row(pdf_text(out), "Aduan diterima")[0] == format_int(fig.received)
    # the Friday review looks at the last complete Friday-to-Thursday week
    assert last_review_week(date(2026, 11, 20)) == (START, END)  # on the Friday itself
    assert last_review_week(date(2026, 11, 19)) == (date(2026, 11, 6), date(2026, 11, 12))  # Thursday
    assert last_review_week(date(2026, 11, 24)) == (START, END)


def test_csv_never_names_anonim_callers(tmp_path: Path) -> None:
    from radio_desk.reports.csv_export import write_cases_csv

    anon = Case(caller_name="Sutrisno Wibowo", anonim=True, phone="+6281234567890",
                summary="Pak Sutrisno bilang jalan rusak", notes="Wibowo minta ditelepon")  # fmt: skip
    out = tmp_path / "a.csv"
    write_cases_csv([anon], out)
    text = out.read_text(encoding="utf-8-sig")
    assert "Sutrisno" not in text and "Wibowo" not in text and "4567890" not in text
    assert "Anonim" in text


def test_unwritable_target_is_a_clear_error(tmp_path: Path) -> None:
    from radio_desk.errors import ValidationError

    with pytest.raises(ValidationError, match="tidak bisa ditulis"):
        build_weekly_report(ReportData(START, END, [], []), tmp_path / "no-such-folder" / "x.pdf")
