"""Bar charts drawn with reportlab's own graphics (vector, no image libraries)."""

from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors

from radio_desk.reports.fonts import BOLD, CONDENSED, REGULAR

BAR = colors.HexColor("#2f6f9f")
REST = "(sisanya digabung)"  # not "Lainnya", which is also a category's name


def hbar(title: str, items: list[tuple[str, int]], width: float, top: int = 12) -> Drawing:
    """Horizontal bars, largest first; beyond ``top`` the rest are summed as "Lainnya"."""
    if len(items) > top:
        items = [*items[: top - 1], (REST, sum(v for _, v in items[top - 1 :]))]
    items = list(reversed(items)) or [("(tidak ada data)", 0)]
    row = 14
    height = row * len(items) + 34
    d = Drawing(width, height, initialFontName=REGULAR)  # not reportlab's Helvetica: embedded fonts only
    d.add(String(0, height - 12, title, fontName=BOLD, fontSize=10))
    ch = HorizontalBarChart()
    ch.x, ch.y, ch.width, ch.height = 150, 8, width - 190, row * len(items)
    ch.data = [[v for _, v in items]]
    ch.categoryAxis.categoryNames = [(n if len(n) <= 30 else n[:29] + "…") for n, _ in items]
    ch.categoryAxis.labels.fontName = CONDENSED
    ch.categoryAxis.labels.fontSize = 7.5
    ch.categoryAxis.labels.boxAnchor = "e"
    ch.valueAxis.visible = False
    ch.valueAxis.valueMin = 0
    ch.valueAxis.valueMax = max(1, max(v for _, v in items))
    ch.bars[0].fillColor = BAR
    ch.bars[0].strokeColor = None
    ch.barLabelFormat = lambda v: f"{int(v):,}".replace(",", ".")
    ch.barLabels.fontName = CONDENSED
    ch.barLabels.fontSize = 7
    ch.barLabels.boxAnchor = "w"
    ch.barLabels.dx = 3
    d.add(ch)
    return d


def vbar(title: str, items: list[tuple[str, int]], width: float, height: float = 150) -> Drawing:
    """Vertical bars in the given order (days); labels thinned out when there are many."""
    items = items or [("-", 0)]
    d = Drawing(width, height, initialFontName=REGULAR)
    d.add(String(0, height - 12, title, fontName=BOLD, fontSize=10))
    ch = VerticalBarChart()
    ch.x, ch.y, ch.width, ch.height = 30, 30, width - 40, height - 55
    ch.data = [[v for _, v in items]]
    step = max(1, len(items) // 14)
    ch.categoryAxis.categoryNames = [n if i % step == 0 else "" for i, (n, _) in enumerate(items)]
    ch.categoryAxis.labels.fontName = CONDENSED
    ch.categoryAxis.labels.fontSize = 7
    ch.categoryAxis.labels.angle = 30 if len(items) > 7 else 0
    ch.categoryAxis.labels.boxAnchor = "ne" if len(items) > 7 else "n"
    ch.valueAxis.valueMin = 0
    ch.valueAxis.labels.fontName = CONDENSED
    ch.valueAxis.labels.fontSize = 7
    ch.valueAxis.labelTextFormat = lambda v: f"{int(v):,}".replace(",", ".")
    ch.bars[0].fillColor = BAR
    ch.bars[0].strokeColor = None
    d.add(ch)
    return d
