"""The weekly review report for the Friday management review (PDF).

``build_weekly_report(data, out)`` lays out: cover, key figures, charts, urgent and overdue cases,
one section per OPD, and the full appendix.  ``data`` is plain domain objects (:class:`ReportData`),
so the store is touched only by :func:`radio_desk.reports.data.load_report_data`.
"""

from __future__ import annotations

import getpass
import tempfile
import zlib
from collections.abc import Container, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Frame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
)

from radio_desk.domain import Case, Status, StatusEvent, Urgency, utcnow
from radio_desk.domain.gazetteer import get_gazetteer
from radio_desk.domain.taxonomy import Taxonomy, get_taxonomy
from radio_desk.domain.workdays import NATIONAL
from radio_desk.errors import ValidationError
from radio_desk.reports import charts
from radio_desk.reports.figures import KeyFigures, compute_figures
from radio_desk.reports.fonts import BOLD, REGULAR, register_fonts
from radio_desk.reports.indonesian import (
    format_date,
    format_datetime,
    format_duration_hours,
    format_int,
    format_percent,
    format_short_date,
    format_time,
)
from radio_desk.reports.layout import FlowingTable, simple_table, styles
from radio_desk.reports.privacy import caller_label, clean_text, phone_label, visible_cases

INTERNAL_MARK = "RAHASIA — INTERNAL"
PUBLIC_MARK = "EDISI PUBLIK"
RAHASIA_TAG = "[RAHASIA]"  # next to every rahasia case in every table of the internal edition
MARGIN = 15 * mm
# bars per chart: every category, OPD and kecamatan of a regency (Bojonegoro has 28); only beyond this
# are the smallest summed into one bar, which would otherwise dwarf the others
CHART_ROWS = 32


@dataclass
class ReportData:
    period_from: date
    period_to: date
    cases: list[Case]
    events: list[StatusEvent]
    stations: list[str] = field(default_factory=list)  # names (or codes) shown on the cover
    edition: str = "internal"  # "internal" | "public"
    generated_by: str = field(default_factory=getpass.getuser)
    generated_at: datetime = field(default_factory=utcnow)
    as_of: datetime | None = None  # the moment the norms are judged at; default generated_at
    holidays: Container[date] = NATIONAL  # the days off the norm clocks skip (national + cuti bersama)
    station_sections: bool = False  # one section per station too (the regency's review of all stations)


def last_review_week(today: date) -> tuple[date, date]:
    """The last complete Friday-to-Thursday week before ``today`` (what the Friday review looks at)."""
    end = today - timedelta(days=(today.weekday() - 3) % 7 or 7)  # Thursday = 3; today's week is not over
    return end - timedelta(days=6), end


def write_weekly_report(
    database: str | Path | None,
    start: date,
    end: date,
    out: str | Path,
    *,
    station: str | None = None,
    edition: str = "internal",
    by: str | None = None,
    holidays: Container[date] = NATIONAL,
) -> KeyFigures:
    """Read the period's cases from the database and write the PDF (the CLI and the app's dialog, which
    pass ``holidays`` with the regency's own days from the settings)."""
    from radio_desk.reports.data import load_report_data

    if end < start:
        raise ValidationError("Tanggal akhir periode laporan lebih awal dari tanggal mulai.", field="to")
    cases, events, stations = load_report_data(database, start, end, station)
    data = ReportData(
        start, end, cases, events, stations, edition, by or getpass.getuser(), holidays=holidays
    )
    return build_weekly_report(data, out)


def _p(text: str, style) -> Paragraph:  # type: ignore[no-untyped-def]
    return Paragraph(escape(text), style)


class _SpilledStream(PDFStream):
    """A finished page's compressed content, kept in a temporary file until the PDF is written."""

    def __init__(self, spill, offset: int, length: int) -> None:  # type: ignore[no-untyped-def]
        super().__init__(PDFDictionary({"Filter": PDFArray([PDFName("FlateDecode")])}), b"")
        self.spill, self.offset, self.length = spill, offset, length

    def format(self, document):  # type: ignore[no-untyped-def]
        self.spill.seek(self.offset)
        self.content = self.spill.read(self.length)
        try:
            return super().format(document)
        finally:
            self.content = b""


class _Doc(BaseDocTemplate):
    def __init__(self, out: str, data: ReportData) -> None:
        super().__init__(
            out,
            pagesize=A4,
            leftMargin=MARGIN,
            rightMargin=MARGIN,
            topMargin=20 * mm,
            bottomMargin=16 * mm,
            title="Laporan Mingguan Pengaduan",
            author=data.generated_by,
            subject=_period_text(data),
            creator="Radio Desk",
            initialFontName=REGULAR,  # else every page names Helvetica, a font the PDF does not embed
            pageCompression=1,  # the other streams (page-count form, fonts); pages: see _pack_page
        )
        self.data = data
        # closed after saving, or by build_weekly_report when the build fails
        self._spill = tempfile.TemporaryFile(prefix="radio-desk-pages-")  # noqa: SIM115
        self.setPageCallBack(self._pack_page)
        portrait = Frame(MARGIN, 16 * mm, A4[0] - 2 * MARGIN, A4[1] - 36 * mm, id="p")
        lw, lh = landscape(A4)
        wide = Frame(MARGIN, 16 * mm, lw - 2 * MARGIN, lh - 36 * mm, id="l")
        self.addPageTemplates(
            [
                PageTemplate("portrait", [portrait], onPage=self._furniture, pagesize=A4),
                PageTemplate("landscape", [wide], onPage=self._furniture, pagesize=landscape(A4)),
            ]
        )

    def _furniture(self, canv, doc) -> None:  # type: ignore[no-untyped-def]
        w, h = canv._pagesize
        d = self.data
        canv.saveState()
        canv.setFont(REGULAR, 8)
        canv.setFillColor(colors.HexColor("#444444"))
        canv.drawString(MARGIN, h - 12 * mm, f"Laporan Mingguan Pengaduan · {_period_text(d)}")
        mark = INTERNAL_MARK if d.edition == "internal" else PUBLIC_MARK
        canv.setFont(BOLD, 9)
        canv.setFillColor(
            colors.HexColor("#b00020") if d.edition == "internal" else colors.HexColor("#2f6f9f")
        )
        canv.drawRightString(w - MARGIN, h - 12 * mm, mark)
        canv.setStrokeColor(colors.HexColor("#9aa8b5"))
        canv.line(MARGIN, h - 14 * mm, w - MARGIN, h - 14 * mm)
        canv.line(MARGIN, 12 * mm, w - MARGIN, 12 * mm)
        canv.setFont(REGULAR, 7.5)
        canv.setFillColor(colors.HexColor("#444444"))
        canv.drawString(
            MARGIN, 8 * mm, f"Dibuat {format_datetime(d.generated_at)} oleh {d.generated_by} · Radio Desk"
        )
        # "Halaman n dari N": N is a form filled in after the last page (one pass, no page buffering)
        text = f"Halaman {doc.page} dari "
        canv.drawRightString(w - MARGIN - 18, 8 * mm, text)
        canv.saveState()
        canv.translate(w - MARGIN - 18, 8 * mm)
        canv.doForm("pageCount")
        canv.restoreState()
        if d.edition == "internal":
            canv.setFont(BOLD, 7.5)
            canv.setFillColor(colors.HexColor("#b00020"))
            canv.drawCentredString(w / 2, 4 * mm, f"{INTERNAL_MARK}: jangan disebarkan di luar rapat")
        canv.restoreState()

    def afterFlowable(self, flowable) -> None:  # type: ignore[no-untyped-def]
        pass

    def _pack_page(self, _page_number: int) -> None:
        """Move each finished page out of memory at once: reportlab holds every page's content until
        it saves the file (~20 KB of text a page; a 20,000-case report has 2,000 pages).  The content is
        compressed into a temporary file and read back only while the PDF is written, so memory does
        not grow with the pages.  The stream is marked FlateDecode: reportlab does not compress it again."""
        page = self.canv._doc.Pages.pages[-1]
        if page.stream and not page.Contents:
            data = zlib.compress(page.stream.encode("utf8"))
            offset = self._spill.seek(0, 2)
            self._spill.write(data)
            page.Contents = _SpilledStream(self._spill, offset, len(data))
            page.stream = None

    def _endBuild(self) -> None:
        self._doSave = 0  # reportlab: finish the last page but let us save
        super()._endBuild()
        canv = self.canv
        canv.beginForm("pageCount")
        canv.setFont(REGULAR, 7.5)
        canv.setFillColor(colors.HexColor("#444444"))
        canv.drawString(0, 0, str(canv.getPageNumber() - 1))
        canv.endForm()
        canv.save()


def _period_text(d: ReportData) -> str:
    if d.period_from == d.period_to:
        return format_date(d.period_from)
    return f"{format_date(d.period_from)} – {format_date(d.period_to)}"


def _sort_key(case: Case, fig: KeyFigures) -> tuple:  # type: ignore[type-arg]
    t = fig.timings[case.id]
    return (not t.open_overdue, not t.overdue, -case.urgency.rank, case.received_at)


def build_weekly_report(data: ReportData, out: str | Path) -> KeyFigures:
    """Write the PDF to ``out``; return the figures it prints (for tests and the app's preview)."""
    if data.edition not in ("internal", "public"):
        raise ValidationError(
            f"Edisi laporan \u201c{data.edition}\u201d tidak dikenal: internal atau public."
        )
    if data.period_to < data.period_from:
        raise ValidationError("Tanggal akhir periode laporan lebih awal dari tanggal mulai.", field="to")
    register_fonts()
    tax, gaz = get_taxonomy(), get_gazetteer()
    cases = sorted(visible_cases(data.cases, data.edition), key=lambda c: c.received_at)
    ids = {c.id for c in cases}
    events = [e for e in data.events if e.case_id in ids]
    as_of = data.as_of or data.generated_at
    fig = compute_figures(cases, events, as_of, data.holidays)
    st = styles()
    width = A4[0] - 2 * MARGIN
    story: list = []  # type: ignore[type-arg]

    # -- cover -----------------------------------------------------------------------------------
    story += [Spacer(1, 30 * mm), _p("Laporan Mingguan Pengaduan Masyarakat", st["title"])]
    story.append(_p("Rapat Manajemen Review", st["h2"]))
    rows = [
        ["Periode", _period_text(data)],
        ["Stasiun", ", ".join(data.stations) or "Semua stasiun"],
        ["Edisi", "Internal (memuat aduan rahasia)" if data.edition == "internal" else "Publik"],
        ["Keadaan data per", format_datetime(as_of)],
        ["Dibuat", f"{format_datetime(data.generated_at)} oleh {data.generated_by}"],
        ["Jumlah aduan", format_int(fig.received)],
    ]
    story.append(simple_table([["", ""], *rows], [45 * mm, width - 45 * mm], header=False))
    story.append(Spacer(1, 8 * mm))
    if data.edition == "internal":
        story.append(
            _p(
                f"{INTERNAL_MARK}. Laporan ini memuat aduan yang dirahasiakan pelapornya; "
                "jangan diserahkan kepada pihak di luar rapat.",
                st["body"],
            )
        )
    else:
        story.append(
            _p("Edisi publik: aduan yang bersifat rahasia tidak dimuat dalam laporan ini.", st["body"])
        )
    story.append(
        _p(
            "Nomor telepon ditampilkan tersamar (0811****958); pelapor anonim tidak disebut namanya.",
            st["small"],
        )
    )
    story.append(PageBreak())

    # -- key figures -----------------------------------------------------------------------------
    story.append(_p("Angka kunci", st["h1"]))
    if not cases:
        story.append(_p("Tidak ada aduan yang diterima pada periode ini.", st["body"]))
    n = fig.received
    key_rows = [
        ["Ukuran", "Jumlah", "Persen"],
        ["Aduan diterima", format_int(n), format_percent(n, n)],
        ["Terverifikasi", format_int(fig.verified), format_percent(fig.verified, n)],
        ["Diteruskan ke OPD", format_int(fig.forwarded), format_percent(fig.forwarded, n)],
        ["Selesai", format_int(fig.resolved), format_percent(fig.resolved, n)],
        ["Median waktu sampai diteruskan", format_duration_hours(fig.median_hours_to_forward), ""],
        ["Median waktu sampai selesai", format_duration_hours(fig.median_hours_to_resolve), ""],
        [
            "Lewat batas 3 hari kerja (verifikasi + diteruskan)",
            format_int(fig.overdue_forward),
            format_percent(fig.overdue_forward, n),
        ],
        [
            "Lewat batas 5 hari kerja (tindak lanjut OPD)",
            format_int(fig.overdue_followup),
            format_percent(fig.overdue_followup, fig.forwarded),
        ],
        ["Lewat batas dan masih terbuka", format_int(fig.open_overdue), format_percent(fig.open_overdue, n)],
        ["Mendesak (Tinggi/Darurat) belum selesai", format_int(fig.urgent_open), ""],
    ]
    story.append(simple_table(key_rows, [width - 60 * mm, 30 * mm, 30 * mm]))
    story.append(Spacer(1, 5 * mm))
    half = (width - 8 * mm) / 2
    by_channel = [["Saluran", "Jumlah"], *[[k, format_int(v)] for k, v in fig.by_channel.items()]]
    by_urgency = [["Urgensi", "Jumlah"], *[[k, format_int(v)] for k, v in fig.by_urgency.items()]]
    story.append(_p("Menurut saluran dan urgensi", st["h2"]))
    story.append(simple_table(by_channel, [half - 25 * mm, 25 * mm]))
    story.append(Spacer(1, 3 * mm))
    story.append(simple_table(by_urgency, [half - 25 * mm, 25 * mm]))
    story.append(_p("Menurut status saat ini", st["h2"]))
    story.append(
        simple_table(
            [["Status", "Jumlah"], *[[k, format_int(v)] for k, v in fig.by_status.items()]]
            if fig.by_status
            else [["Status", "Jumlah"], ["-", "0"]],
            [half - 25 * mm, 25 * mm],
        )
    )
    story.append(
        _p(
            "Batas waktu SP4N-LAPOR!: diverifikasi dan diteruskan ke OPD paling lambat 3 hari kerja; "
            "ditindaklanjuti OPD paling lambat 5 hari kerja sejak diteruskan (Sabtu, Minggu "
            "dan hari libur tidak dihitung).",
            st["small"],
        )
    )

    # -- charts ----------------------------------------------------------------------------------
    story.append(PageBreak())
    story.append(_p("Grafik", st["h1"]))
    story.append(
        charts.vbar("Aduan per hari", [(format_short_date(d)[:5], v) for d, v in fig.per_day.items()], width)
    )
    story.append(Spacer(1, 4 * mm))
    story.append(
        charts.hbar(
            "Menurut kategori",
            [(tax.category_name(k) if k else "Tanpa kategori", v) for k, v in fig.by_category.items()],
            width,
            top=CHART_ROWS,
        )
    )
    story.append(CondPageBreak(90 * mm))
    story.append(
        charts.hbar(
            "Menurut kecamatan",
            [(gaz.name(k) or "Tanpa lokasi", v) for k, v in fig.by_kecamatan.items()],
            width,
            top=CHART_ROWS,
        )
    )
    story.append(CondPageBreak(90 * mm))
    story.append(
        charts.hbar(
            "Menurut OPD", [(_opd_short(tax, k), v) for k, v in fig.by_opd.items()], width, top=CHART_ROWS
        )
    )

    # -- urgent and overdue first ----------------------------------------------------------------
    story.append(PageBreak())
    story.append(_p("Aduan mendesak dan lewat batas waktu", st["h1"]))
    attention = sorted((c for c in cases if _needs_attention(c, fig)), key=lambda c: _sort_key(c, fig))
    if attention:
        story.append(
            _p(
                f"{format_int(len(attention))} aduan perlu perhatian: yang lewat batas dan masih terbuka "
                "(baris merah) lebih dulu, lalu menurut urgensi.",
                st["body"],
            )
        )
        story.append(_case_table(attention, fig, tax, gaz, data.edition, width, with_opd=True))
    else:
        story.append(_p("Tidak ada aduan mendesak atau lewat batas waktu yang masih terbuka.", st["body"]))

    # -- one section per OPD ---------------------------------------------------------------------
    story.append(PageBreak())
    story.append(_p("Aduan per OPD", st["h1"]))
    if not cases:
        story.append(_p("Tidak ada aduan pada periode ini.", st["body"]))
    groups: dict[str, list[Case]] = {}
    for c in cases:
        groups.setdefault(c.opd or "", []).append(c)
    for code in sorted(groups, key=lambda k: (k == "", tax.opd_name(k))):
        members = sorted(groups[code], key=lambda c: _sort_key(c, fig))
        late = sum(fig.timings[c.id].open_overdue for c in members)
        story.append(CondPageBreak(40 * mm))
        title = tax.opd_name(code) if code else "Belum ditentukan OPD-nya"
        story.append(
            _p(f"{title} — {format_int(len(members))} aduan, {format_int(late)} lewat batas", st["h2"])
        )
        story.append(_case_table(members, fig, tax, gaz, data.edition, width, with_opd=False))

    # -- one section per station (the regency's review) ------------------------------------------
    if data.station_sections:
        story.append(PageBreak())
        story += _station_sections(cases, fig, tax, gaz, data.edition, width, st)

    # -- appendix (landscape) --------------------------------------------------------------------
    story.append(NextPageTemplate("landscape"))
    story.append(PageBreak())
    story.append(_p("Lampiran: daftar lengkap aduan", st["h1"]))
    if cases:
        story.append(_appendix(cases, fig, tax, gaz, data.edition, landscape(A4)[0] - 2 * MARGIN))
    else:
        story.append(_p("Tidak ada aduan pada periode ini.", st["body"]))

    doc = _Doc(str(out), data)
    try:
        doc.build(story)
    except OSError as err:
        raise ValidationError(f"Berkas laporan {out} tidak bisa ditulis: {err.strerror or err}.") from err
    finally:
        doc._spill.close()
    return fig


def _station_sections(cases, fig, tax, gaz, edition, width, st) -> list:  # type: ignore[no-untyped-def,type-arg]
    """A summary table of every station, then per station the cases that need attention."""
    out: list = []  # type: ignore[type-arg]
    out.append(_p("Aduan per stasiun", st["h1"]))
    if not cases:
        out.append(_p("Tidak ada aduan pada periode ini.", st["body"]))
        return out
    groups: dict[str, list[Case]] = {}
    for c in cases:
        groups.setdefault(c.station, []).append(c)
    rows = [["Stasiun", "Diterima", "Diteruskan", "Selesai", "Lewat batas"]]
    forwarded = {Status.DITERUSKAN, Status.DIPROSES, Status.SELESAI}
    for name in sorted(groups):
        members = groups[name]
        rows.append(
            [
                clean_text(name),
                format_int(len(members)),
                format_int(
                    sum(fig.timings[c.id].forwarded_at is not None or c.status in forwarded for c in members)
                ),
                format_int(sum(c.status == Status.SELESAI for c in members)),
                format_int(sum(fig.timings[c.id].open_overdue for c in members)),
            ]
        )
    out.append(simple_table(rows, [width - 100 * mm, 25 * mm, 25 * mm, 25 * mm, 25 * mm]))
    out.append(
        _p(
            "Per stasiun di bawah ini: aduan yang lewat batas dan masih terbuka, lalu yang mendesak dan "
            "belum selesai (daftar lengkap ada di bagian per OPD dan di lampiran).",
            st["small"],
        )
    )
    for name in sorted(groups):
        members = groups[name]
        late = sum(fig.timings[c.id].open_overdue for c in members)
        attention = sorted((c for c in members if _needs_attention(c, fig)), key=lambda c: _sort_key(c, fig))
        out.append(CondPageBreak(40 * mm))
        out.append(
            _p(
                f"Stasiun {clean_text(name)} — {format_int(len(members))} aduan, "
                f"{format_int(late)} lewat batas",
                st["h2"],
            )
        )
        if attention:
            out.append(_case_table(attention, fig, tax, gaz, edition, width, with_opd=True))
        else:
            out.append(_p("Tidak ada aduan mendesak atau lewat batas yang masih terbuka.", st["body"]))
    return out


def _needs_attention(case: Case, fig: KeyFigures) -> bool:
    return fig.timings[case.id].open_overdue or (
        case.urgency in (Urgency.TINGGI, Urgency.DARURAT) and not case.status.is_closed
    )


def _opd_short(tax: Taxonomy, code: str) -> str:
    return tax.opds[code].short if code in tax.opds else (code or "Belum ditentukan")


def _place(case: Case, gaz) -> str:  # type: ignore[no-untyped-def]
    kec, desa = gaz.name(case.kecamatan_code), gaz.name(case.desa_code)
    return ", ".join(x for x in (desa, kec) if x) or "-"


def _status_text(case: Case, fig: KeyFigures) -> str:
    t = fig.timings[case.id]
    return case.status.label + (" · LEWAT BATAS" if t.open_overdue else (" · terlambat" if t.overdue else ""))


def _case_table(cases: Sequence[Case], fig, tax, gaz, edition, width, with_opd):  # type: ignore[no-untyped-def]
    header = ["Diterima", "Pelapor", "Lokasi", "Kategori", "Urg.", "Ringkasan", "Status"]
    widths = [19 * mm, 24 * mm, 24 * mm, 21 * mm, 13 * mm, 0, 24 * mm]
    if with_opd:
        header.insert(6, "OPD")
        widths.insert(6, 18 * mm)
    widths[5] = width - sum(widths)

    def row(c: Case) -> list[str]:
        cells = [
            f"{format_short_date(c.received_at)} {format_time(c.received_at)}",
            caller_label(c) + (f"\n{RAHASIA_TAG}" if c.rahasia and edition == "internal" else ""),
            _place(c, gaz),
            tax.category_name(c.category) if c.category else "-",
            c.urgency.label,
            clean_text(c.summary, c) or "-",
            _status_text(c, fig),
        ]
        if with_opd:
            cells.insert(6, _opd_short(tax, c.opd or ""))
        return cells

    return FlowingTable(header, cases, row, widths, highlight=lambda c: fig.timings[c.id].open_overdue)


def _appendix(cases, fig, tax, gaz, edition, width):  # type: ignore[no-untyped-def]
    internal = edition == "internal"
    header = [
        "No.",
        "Diterima",
        "Stasiun",
        "Saluran",
        "Pelapor",
        "Lokasi",
        "Kategori",
        "Urg.",
        "OPD",
        "Status",
        "Ringkasan dan catatan",
    ]
    widths = [10 * mm, 20 * mm, 20 * mm, 18 * mm, 30 * mm, 28 * mm, 22 * mm, 13 * mm, 20 * mm, 25 * mm, 0]
    widths[-1] = width - sum(widths)
    index = {c.id: i + 1 for i, c in enumerate(cases)}

    def row(c: Case) -> list[str]:
        who = caller_label(c)
        if internal and c.phone and not c.anonim:
            who += f"\n{phone_label(c)}"
        if internal and c.rahasia:
            who += f"\n{RAHASIA_TAG}"
        text = clean_text(c.summary, c)
        if internal and c.notes:
            text += f"\nCatatan: {clean_text(c.notes, c)}"
        return [
            format_int(index[c.id]),
            f"{format_short_date(c.received_at)} {format_time(c.received_at)}",
            clean_text(c.station),
            c.channel.label,
            who,
            _place(c, gaz),
            tax.category_name(c.category) if c.category else "-",
            c.urgency.label,
            _opd_short(tax, c.opd or ""),
            _status_text(c, fig),
            text or "-",
        ]

    return FlowingTable(header, cases, row, widths, highlight=lambda c: fig.timings[c.id].open_overdue)
