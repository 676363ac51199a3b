"""The weekly review report for the Friday management review (PDF).

``build_weekly_report(data, out)`` lays out, one function each in :mod:`.sections`: cover, key
figures, charts, urgent and overdue cases, one section per OPD (per station for the regency), and the
full appendix.  ``data`` is plain domain objects (:class:`ReportData`): this package never touches a
database, so the server builds the regency's report with it without the desk's store.  The desk's
entry point, which reads the desk's database first, is :func:`radio_desk.reports.desk.write_weekly_report`.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.pagesizes import A4, landscape
from reportlab.platypus import NextPageTemplate, PageBreak

from radio_desk.domain.gazetteer import get_gazetteer
from radio_desk.domain.taxonomy import get_taxonomy
from radio_desk.errors import ValidationError
from radio_desk.reports.figures import KeyFigures, compute_figures
from radio_desk.reports.fonts import register_fonts
from radio_desk.reports.layout import styles
from radio_desk.reports.period import last_review_week
from radio_desk.reports.privacy import as_printed, check_edition
from radio_desk.reports.weekly import sections
from radio_desk.reports.weekly.document import WeeklyDocument
from radio_desk.reports.weekly.model import (
    INTERNAL_MARK,
    MARGIN,
    PUBLIC_MARK,
    RAHASIA_TAG,
    ReportData,
)
from radio_desk.reports.weekly.sections import CHART_ROWS, Sheet

_Doc = WeeklyDocument  # the name the memory benchmark patches

__all__ = [
    "CHART_ROWS",
    "INTERNAL_MARK",
    "PUBLIC_MARK",
    "RAHASIA_TAG",
    "ReportData",
    "build_weekly_report",
    "last_review_week",
]


def check_period(data: ReportData) -> None:
    check_edition(data.edition)
    if data.period_to < data.period_from:
        raise ValidationError("Tanggal akhir periode laporan lebih awal dari tanggal mulai.", field="to")


def build_weekly_report(data: ReportData, out: str | Path) -> KeyFigures:
    """Write the PDF to ``out``; return the figures it prints (for tests and the app's preview)."""
    check_period(data)
    register_fonts()
    cases = sorted(as_printed(data.cases, data.edition, data.reporter_names), key=lambda c: c.received_at)
    ids = {c.id for c in cases}
    events = [e for e in data.events if e.case_id in ids]
    fig = compute_figures(cases, events, data.as_of or data.generated_at, data.holidays)
    sh = Sheet(data, cases, fig, get_taxonomy(), get_gazetteer(), styles(), A4[0] - 2 * MARGIN)
    story = [
        *sections.cover(sh),
        PageBreak(),
        *sections.key_figures(sh),
        PageBreak(),
        *sections.chart_pages(sh),
        PageBreak(),
        *sections.attention(sh),
        PageBreak(),
        *sections.per_opd(sh),
    ]
    if data.station_sections:
        story += [PageBreak(), *sections.per_station(sh)]
    story += [NextPageTemplate("landscape"), PageBreak()]
    story += sections.appendix(sh, landscape(A4)[0] - 2 * MARGIN)
    doc = _Doc(str(out), data)
    try:
        doc.build(story)
    except OSError as err:
        raise ValidationError(f"Berkas laporan {out} tidak bisa ditulis: {err.strerror or err}.") from err
    finally:
        doc._spill.close()
    return fig
