"""The weekly report's sections, one function each: cover, key figures, charts, urgent and overdue
cases, one section per OPD, one per station (the regency's review) and the landscape appendix.

Each takes the :class:`Sheet` (the report's data, the cases as this edition prints them, their
figures, the taxonomy, gazetteer and styles) and returns its flowables.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any
from xml.sax.saxutils import escape

from reportlab.lib.units import mm
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer

from radio_desk.domain import Case, Status, Urgency
from radio_desk.domain.gazetteer import Gazetteer
from radio_desk.domain.taxonomy import Taxonomy
from radio_desk.reports import charts
from radio_desk.reports.figures import KeyFigures
from radio_desk.reports.indonesian import (
    format_datetime,
    format_duration_hours,
    format_int,
    format_percent,
    format_short_date,
    format_time,
)
from radio_desk.reports.layout import FlowingTable, simple_table
from radio_desk.reports.privacy import caller_label, clean_text, names_shown, phone_label
from radio_desk.reports.weekly.model import INTERNAL_MARK, RAHASIA_TAG, ReportData, period_text

# bars per chart: every category, OPD and kecamatan of a regency (Bojonegoro has 28); only beyond this
# are the smallest summed into one bar, which would otherwise dwarf the others
CHART_ROWS = 32
NO_CASES = "Tidak ada aduan pada periode ini."


@dataclass
class Sheet:
    """What every section prints with."""

    data: ReportData
    cases: list[Case]  # as this edition prints them (privacy.as_printed), in received order
    fig: KeyFigures
    tax: Taxonomy
    gaz: Gazetteer
    st: dict[str, Any]  # paragraph styles (layout.styles)
    width: float  # of a portrait frame

    @property
    def internal(self) -> bool:
        return self.data.internal


Story = list[Flowable]


def _p(text: str, style) -> Paragraph:  # type: ignore[no-untyped-def]
    return Paragraph(escape(text), style)


def cover(sh: Sheet) -> Story:
    data, st = sh.data, sh.st
    rows = [
        ["Periode", period_text(data)],
        ["Stasiun", ", ".join(data.stations) or "Semua stasiun"],
        ["Edisi", "Internal (memuat aduan rahasia)" if sh.internal else "Publik"],
        ["Keadaan data per", format_datetime(data.as_of or data.generated_at)],
        ["Dibuat", f"{format_datetime(data.generated_at)} oleh {data.generated_by}"],
        ["Jumlah aduan", format_int(sh.fig.received)],
    ]
    story: Story = [
        Spacer(1, 30 * mm),
        _p("Laporan Mingguan Pengaduan Masyarakat", st["title"]),
        _p("Rapat Manajemen Review", st["h2"]),
        simple_table([["", ""], *rows], [45 * mm, sh.width - 45 * mm], header=False),
        Spacer(1, 8 * mm),
    ]
    if sh.internal:
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
    if names_shown(data.edition, data.reporter_names):
        privacy = "Nomor telepon ditampilkan tersamar (0811****958); pelapor anonim tidak disebut namanya."
    else:
        privacy = "Nama dan nomor telepon pelapor tidak dimuat dalam edisi ini."
    story.append(_p(privacy, st["small"]))
    return story


def key_figures(sh: Sheet) -> Story:
    fig, st, width = sh.fig, sh.st, sh.width
    story: Story = [_p("Angka kunci", st["h1"])]
    if not sh.cases:
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
    half = (width - 8 * mm) / 2

    def counts(title: str, counted: dict[str, int], empty: list[list[str]] | None = None) -> Flowable:
        rows = [[k, format_int(v)] for k, v in counted.items()] or empty or []
        return simple_table([[title, "Jumlah"], *rows], [half - 25 * mm, 25 * mm])

    story += [
        simple_table(key_rows, [width - 60 * mm, 30 * mm, 30 * mm]),
        Spacer(1, 5 * mm),
        _p("Menurut saluran dan urgensi", st["h2"]),
        counts("Saluran", fig.by_channel),
        Spacer(1, 3 * mm),
        counts("Urgensi", fig.by_urgency),
        _p("Menurut status saat ini", st["h2"]),
        counts("Status", fig.by_status, empty=[["-", "0"]]),
        _p(
            "Batas waktu SP4N-LAPOR!: diverifikasi dan diteruskan ke OPD paling lambat 3 hari kerja; "
            "ditindaklanjuti OPD paling lambat 5 hari kerja sejak diteruskan (Sabtu, Minggu "
            "dan hari libur tidak dihitung).",
            st["small"],
        ),
    ]
    return story


def chart_pages(sh: Sheet) -> Story:
    fig, tax, gaz, width = sh.fig, sh.tax, sh.gaz, sh.width
    return [
        _p("Grafik", sh.st["h1"]),
        charts.vbar("Aduan per hari", [(format_short_date(d)[:5], v) for d, v in fig.per_day.items()], width),
        Spacer(1, 4 * mm),
        charts.hbar(
            "Menurut kategori",
            [(tax.category_name(k) if k else "Tanpa kategori", v) for k, v in fig.by_category.items()],
            width,
            top=CHART_ROWS,
        ),
        CondPageBreak(90 * mm),
        charts.hbar(
            "Menurut kecamatan",
            [(gaz.name(k) or "Tanpa lokasi", v) for k, v in fig.by_kecamatan.items()],
            width,
            top=CHART_ROWS,
        ),
        CondPageBreak(90 * mm),
        charts.hbar(
            "Menurut OPD", [(_opd_short(tax, k), v) for k, v in fig.by_opd.items()], width, top=CHART_ROWS
        ),
    ]


def attention(sh: Sheet) -> Story:
    """Urgent and overdue cases first: overdue and still open (red rows), then by urgency."""
    st = sh.st
    story: Story = [_p("Aduan mendesak dan lewat batas waktu", st["h1"])]
    cases = _needing_attention(sh.cases, sh.fig)
    if not cases:
        story.append(_p("Tidak ada aduan mendesak atau lewat batas waktu yang masih terbuka.", st["body"]))
        return story
    story.append(
        _p(
            f"{format_int(len(cases))} aduan perlu perhatian: yang lewat batas dan masih terbuka "
            "(baris merah) lebih dulu, lalu menurut urgensi.",
            st["body"],
        )
    )
    story.append(case_table(sh, cases, with_opd=True))
    return story


def per_opd(sh: Sheet) -> Story:
    tax, fig = sh.tax, sh.fig
    story: Story = [_p("Aduan per OPD", sh.st["h1"])]
    if not sh.cases:
        story.append(_p(NO_CASES, sh.st["body"]))
    groups = _grouped(sh.cases, lambda c: c.opd or "")
    for code in sorted(groups, key=lambda k: (k == "", tax.opd_name(k))):
        members = sorted(groups[code], key=lambda c: _sort_key(c, fig))
        late = sum(fig.timings[c.id].open_overdue for c in members)
        title = tax.opd_name(code) if code else "Belum ditentukan OPD-nya"
        story += [
            CondPageBreak(40 * mm),
            _p(f"{title} — {format_int(len(members))} aduan, {format_int(late)} lewat batas", sh.st["h2"]),
            case_table(sh, members, with_opd=False),
        ]
    return story


def per_station(sh: Sheet) -> Story:
    """A summary table of every station, then per station the cases that need attention."""
    fig, st = sh.fig, sh.st
    out: Story = [_p("Aduan per stasiun", st["h1"])]
    if not sh.cases:
        out.append(_p(NO_CASES, st["body"]))
        return out
    groups = _grouped(sh.cases, lambda c: c.station)
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
    out.append(simple_table(rows, [sh.width - 100 * mm, 25 * mm, 25 * mm, 25 * mm, 25 * mm]))
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
        needing = _needing_attention(members, fig)
        out.append(CondPageBreak(40 * mm))
        out.append(
            _p(
                f"Stasiun {clean_text(name)} — {format_int(len(members))} aduan, "
                f"{format_int(late)} lewat batas",
                st["h2"],
            )
        )
        if needing:
            out.append(case_table(sh, needing, with_opd=True))
        else:
            out.append(_p("Tidak ada aduan mendesak atau lewat batas yang masih terbuka.", st["body"]))
    return out


def appendix(sh: Sheet, width: float) -> Story:
    """The full list of cases (on landscape pages ``width`` wide)."""
    story: Story = [_p("Lampiran: daftar lengkap aduan", sh.st["h1"])]
    story.append(appendix_table(sh, width) if sh.cases else _p(NO_CASES, sh.st["body"]))
    return story


# -- the tables ------------------------------------------------------------------------------------
def case_table(sh: Sheet, cases: Sequence[Case], with_opd: bool) -> FlowingTable:
    tax, gaz, fig = sh.tax, sh.gaz, sh.fig
    header = ["Diterima", "Pelapor", "Lokasi", "Kategori", "Urg.", "Ringkasan", "Status"]
    widths = [19 * mm, 24 * mm, 24 * mm, 21 * mm, 13 * mm, 0, 24 * mm]
    if with_opd:
        header.insert(6, "OPD")
        widths.insert(6, 18 * mm)
    widths[5] = sh.width - sum(widths)

    def row(c: Case) -> list[str]:
        cells = [
            f"{format_short_date(c.received_at)} {format_time(c.received_at)}",
            caller_label(c) + (f"\n{RAHASIA_TAG}" if c.rahasia and sh.internal else ""),
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


def appendix_table(sh: Sheet, width: float) -> FlowingTable:
    tax, gaz, fig, internal = sh.tax, sh.gaz, sh.fig, sh.internal
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
    index = {c.id: i + 1 for i, c in enumerate(sh.cases)}

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

    return FlowingTable(header, sh.cases, row, widths, highlight=lambda c: fig.timings[c.id].open_overdue)


# -- small helpers ---------------------------------------------------------------------------------
def _grouped(cases: Sequence[Case], key) -> dict[str, list[Case]]:  # type: ignore[no-untyped-def]
    groups: dict[str, list[Case]] = {}
    for c in cases:
        groups.setdefault(key(c), []).append(c)
    return groups


def _sort_key(case: Case, fig: KeyFigures) -> tuple:  # type: ignore[type-arg]
    t = fig.timings[case.id]
    return (not t.open_overdue, not t.overdue, -case.urgency.rank, case.received_at)


def _needs_attention(case: Case, fig: KeyFigures) -> bool:
    return fig.timings[case.id].open_overdue or (
        case.urgency in (Urgency.TINGGI, Urgency.DARURAT) and not case.status.is_closed
    )


def _needing_attention(cases: Sequence[Case], fig: KeyFigures) -> list[Case]:
    return sorted((c for c in cases if _needs_attention(c, fig)), key=lambda c: _sort_key(c, fig))


def _opd_short(tax: Taxonomy, code: str) -> str:
    return tax.opds[code].short if code in tax.opds else (code or "Belum ditentukan")


def _place(case: Case, gaz: Gazetteer) -> str:
    kec, desa = gaz.name(case.kecamatan_code), gaz.name(case.desa_code)
    return ", ".join(x for x in (desa, kec) if x) or "-"


def _status_text(case: Case, fig: KeyFigures) -> str:
    t = fig.timings[case.id]
    return case.status.label + (" · LEWAT BATAS" if t.open_overdue else (" · terlambat" if t.overdue else ""))
