"""The weekly report's document: portrait and landscape pages, their furniture (edition mark, period,
"Halaman n dari N") and finished pages moved out of memory as they are laid out."""

from __future__ import annotations

import tempfile
import zlib

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream
from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate

from radio_desk.reports.fonts import BOLD, REGULAR
from radio_desk.reports.indonesian import format_datetime
from radio_desk.reports.weekly.model import INTERNAL_MARK, MARGIN, PUBLIC_MARK, ReportData, period_text


class SpilledStream(PDFStream):
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


class WeeklyDocument(BaseDocTemplate):
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
            subject=period_text(data),
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
        canv.drawString(MARGIN, h - 12 * mm, f"Laporan Mingguan Pengaduan · {period_text(d)}")
        mark = INTERNAL_MARK if d.internal else PUBLIC_MARK
        canv.setFont(BOLD, 9)
        canv.setFillColor(colors.HexColor("#b00020") if d.internal else colors.HexColor("#2f6f9f"))
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
        if d.internal:
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
            page.Contents = SpilledStream(self._spill, offset, len(data))
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
