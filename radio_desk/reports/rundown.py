"""The "Ayo Mas Bro" dialogue rundown PDF: the editor's ordered list of complaints to air.

Each item carries the read-out summary, a transcript excerpt, the clip's in/out points and the OPD
asked to answer.  Rahasia cases are refused (they must never be aired); phones are masked and
anonymous callers unnamed in every text.  The public edition (the default) names no reporter at all
(:func:`radio_desk.reports.privacy.without_name`); the internal one names those who are not anonymous.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, SimpleDocTemplate, Spacer

from radio_desk.domain import Case
from radio_desk.domain.gazetteer import get_gazetteer
from radio_desk.domain.taxonomy import get_taxonomy
from radio_desk.errors import ValidationError
from radio_desk.reports.fonts import REGULAR, register_fonts
from radio_desk.reports.indonesian import format_date, format_datetime
from radio_desk.reports.layout import simple_table, styles
from radio_desk.reports.privacy import caller_label, check_edition, clean_text, names_shown, without_name


@dataclass
class RundownItem:
    case: Case
    summary: str  # what the host reads out
    excerpt: str = ""  # transcript excerpt
    clip_in: float | None = None  # seconds into the recording
    clip_out: float | None = None
    opd: str | None = None  # OPD code asked to answer (default: the case's)


def _clock(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    s = round(seconds)
    return f"{s // 60:02d}:{s % 60:02d}"


def _clip_text(it: RundownItem) -> str:
    if it.clip_in is None or it.clip_out is None:
        return "tanpa klip"  # no recording, or no clip marked
    return f"{_clock(it.clip_in)} – {_clock(it.clip_out)}"


EDITION_TEXT = {"public": "edisi publik", "internal": "edisi internal (memuat nama pelapor)"}


def build_rundown(
    items: list[RundownItem],
    out: str | Path,
    show_date: date,
    station: str = "",
    *,
    edition: str = "public",
    names: bool | None = None,
) -> None:
    """Write the rundown PDF; ``names`` (default: the edition's) says whether reporters are named."""
    check_edition(edition)
    named = names_shown(edition, names)
    bad = [i + 1 for i, it in enumerate(items) if it.case.rahasia]
    if bad:
        raise ValidationError(
            f"Aduan rahasia tidak boleh masuk rundown siaran (nomor {', '.join(map(str, bad))}).",
            field="rundown",
        )
    for i, it in enumerate(items, 1):
        if it.clip_in is not None and it.clip_out is not None and it.clip_out <= it.clip_in:
            raise ValidationError(f"Klip nomor {i}: titik akhir harus setelah titik awal.", field="clip")
    register_fonts()
    tax, gaz = get_taxonomy(), get_gazetteer()
    st = styles()
    width = A4[0] - 36 * mm
    story: list = []  # type: ignore[type-arg]
    story.append(Paragraph("Rundown Dialog \u201cAyo Mas Bro\u201d", st["title"]))
    total = sum((it.clip_out or 0) - (it.clip_in or 0) for it in items if it.clip_in is not None)
    story.append(
        Paragraph(
            escape(
                f"{format_date(show_date)} · {station} · {len(items)} aduan · total klip {_clock(total)}"
                f" · {EDITION_TEXT[edition]}"
            ),
            st["body"],
        )
    )
    story.append(Spacer(1, 4 * mm))
    if not items:
        story.append(Paragraph("Rundown masih kosong.", st["body"]))
    for i, it in enumerate(items, 1):
        c = it.case if named else without_name(it.case)
        opd = it.opd or c.opd
        place = ", ".join(x for x in (gaz.name(c.desa_code), gaz.name(c.kecamatan_code)) if x) or "-"
        rows = [
            ["", ""],
            ["Pelapor", caller_label(c)],
            ["Diterima", format_datetime(c.received_at)],
            ["Lokasi", place],
            ["Kategori", tax.category_name(c.category) if c.category else "-"],
            ["OPD penjawab", tax.opd_name(opd) if opd else "-"],
            ["Klip", _clip_text(it)],
            ["Dibacakan", clean_text(it.summary, c)],
            ["Cuplikan", clean_text(it.excerpt, c) or "-"],
        ]
        block = [
            Paragraph(f"{i}. {escape(clean_text(c.summary, c)[:90] or 'Aduan')}", st["h2"]),
            simple_table(rows, [32 * mm, width - 32 * mm], header=False),
            Spacer(1, 3 * mm),
        ]
        story.append(KeepTogether(block))

    def footer(canv, doc) -> None:  # type: ignore[no-untyped-def]
        canv.setFont(REGULAR, 7.5)
        canv.drawRightString(A4[0] - 18 * mm, 10 * mm, f"Halaman {doc.page}")
        canv.drawString(18 * mm, 10 * mm, "Ayo Mas Bro · Radio Desk")

    doc = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=18 * mm,
        rightMargin=18 * mm,
        topMargin=15 * mm,
        bottomMargin=18 * mm,
        title="Rundown Ayo Mas Bro",
        initialFontName=REGULAR,  # every font in the PDF is embedded
    )
    try:
        doc.build(story, onFirstPage=footer, onLaterPages=footer)
    except OSError as err:
        raise ValidationError(f"Berkas rundown {out} tidak bisa ditulis: {err.strerror or err}.") from err
