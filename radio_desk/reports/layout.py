"""Shared page furniture and a table that flows over any number of pages with repeated headers.

:class:`FlowingTable` formats its rows lazily, one page at a time, so a 20,000-case appendix costs
linear time and holds only one page of table objects in memory.  Cell text is wrapped here (long
words are broken too), so nothing runs past the column edge.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, PageBreak, Table, TableStyle

from radio_desk.reports.fonts import BOLD, CONDENSED, REGULAR

CELL_FONT, CELL_SIZE, CELL_LEADING, PAD = CONDENSED, 7.5, 9.0, 2.5
MAX_CELL_LINES = 40  # a cell longer than this is cut with a visible marker (a row must fit a page)


def wrap_text(text: str, width: float, font: str = CELL_FONT, size: float = CELL_SIZE) -> list[str]:
    lines: list[str] = []
    for para in (text or "").splitlines() or [""]:
        line = ""
        for word in para.split():
            cand = f"{line} {word}" if line else word
            if stringWidth(cand, font, size) <= width:
                line = cand
                continue
            if line:
                lines.append(line)
            while stringWidth(word, font, size) > width:  # break a word wider than the column
                cut = len(word)
                while cut > 1 and stringWidth(word[:cut], font, size) > width:
                    cut = max(1, int(cut * 0.8)) if cut > 8 else cut - 1
                lines.append(word[:cut])
                word = word[cut:]
            line = word
        lines.append(line)
    if len(lines) > MAX_CELL_LINES:
        lines = [*lines[: MAX_CELL_LINES - 1], "… (teks dipotong)"]
    return lines


def styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("body", fontName=REGULAR, fontSize=9.5, leading=12.5, spaceAfter=4)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=8, leading=10),
        "title": ParagraphStyle("title", parent=base, fontName=BOLD, fontSize=22, leading=27, spaceAfter=10),
        "h1": ParagraphStyle(
            "h1", parent=base, fontName=BOLD, fontSize=14, leading=18, spaceBefore=8, spaceAfter=6
        ),
        "h2": ParagraphStyle(
            "h2", parent=base, fontName=BOLD, fontSize=11, leading=14, spaceBefore=8, spaceAfter=4
        ),
    }


HEADER_BG = colors.HexColor("#dde6ee")
GRID = colors.HexColor("#9aa8b5")


class FlowingTable(Flowable):
    """Rows (sequence of items) rendered by ``row_fn`` into cell strings, split page by page."""

    def __init__(
        self,
        header: Sequence[str],
        items: Sequence[object],
        row_fn: Callable[[object], Sequence[str]],
        col_widths: Sequence[float],
        start: int = 0,
        highlight: Callable[[object], bool] | None = None,
    ) -> None:
        super().__init__()
        self.header, self.items, self.row_fn = list(header), items, row_fn
        self.col_widths, self.start, self.highlight = list(col_widths), start, highlight
        self._head = [self._cells(header, BOLD)]

    def _cells(self, values: Sequence[str], font: str = CELL_FONT) -> list[str]:
        return [
            "\n".join(wrap_text(str(v), w - 2 * PAD, font))
            for v, w in zip(values, self.col_widths, strict=True)
        ]

    @staticmethod
    def _height(row: list[str]) -> float:
        return max(c.count("\n") + 1 for c in row) * CELL_LEADING + 2 * PAD + 1

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        # Always claim more than the frame so the document asks us to split: we lay out per page.
        return sum(self.col_widths), availHeight + 1

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        rows: list[list[str]] = []
        marks: list[int] = []
        used = self._height(self._head[0])
        i = self.start
        while i < len(self.items):
            row = self._cells(self.row_fn(self.items[i]))
            h = self._height(row)
            if used + h > availHeight:
                break
            if self.highlight and self.highlight(self.items[i]):
                marks.append(len(rows) + 1)
            rows.append(row)
            used += h
            i += 1
        if not rows:
            return []  # not even one row fits: next frame
        out: list[Flowable] = [self._table(rows, marks)]
        if i < len(self.items):  # the page is full: the rest starts on the next page under a new header
            out.append(PageBreak())
            out.append(FlowingTable(self.header, self.items, self.row_fn, self.col_widths, i, self.highlight))
        return out

    def _table(self, rows: list[list[str]], marks: list[int]) -> Table:
        t = Table(self._head + rows, colWidths=self.col_widths, repeatRows=1, hAlign="LEFT")
        cmds = [
            ("FONT", (0, 0), (-1, 0), BOLD, CELL_SIZE, CELL_LEADING),
            ("FONT", (0, 1), (-1, -1), CELL_FONT, CELL_SIZE, CELL_LEADING),
            ("BACKGROUND", (0, 0), (-1, 0), HEADER_BG),
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), PAD),
            ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
            ("TOPPADDING", (0, 0), (-1, -1), PAD),
            ("BOTTOMPADDING", (0, 0), (-1, -1), PAD),
        ]
        cmds += [("BACKGROUND", (0, r), (-1, r), colors.HexColor("#fde2e1")) for r in marks]
        t.setStyle(TableStyle(cmds))
        return t

    def draw(self) -> None:  # pragma: no cover - never drawn whole, always split first
        pass


def simple_table(rows: list[list[str]], col_widths: list[float], header: bool = True) -> Table:
    """A small table (figures): all rows known, header row shaded."""
    ft = FlowingTable(rows[0], rows[1:], lambda r: r, col_widths)  # reuse wrapping
    if header:
        return ft._table([ft._cells(r) for r in rows[1:]], [])
    body = [
        [
            "\n".join(wrap_text(str(v), w - 12, BOLD if i == 0 else REGULAR, 8.5))
            for i, (v, w) in enumerate(zip(r, col_widths, strict=True))
        ]
        for r in rows[1:]
    ]
    t = Table(body, colWidths=col_widths, hAlign="LEFT")
    t.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 8.5, 11),
                ("FONT", (0, 0), (0, -1), BOLD, 8.5, 11),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, GRID),
            ]
        )
    )
    return t
