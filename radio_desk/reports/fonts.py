"""Embedded TrueType fonts (DejaVu, shipped in resources/fonts with its licence) for reportlab.

DejaVu covers Latin with every diacritic, Greek, Cyrillic and more, so any caller's name renders the
same on Linux and Windows; reportlab embeds the subset it uses in each PDF.
"""

from __future__ import annotations

from functools import cache

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from radio_desk.errors import RadioDeskError
from radio_desk.paths import resource_path

REGULAR = "RDSans"
BOLD = "RDSans-Bold"
CONDENSED = "RDSansCondensed"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf", CONDENSED: "DejaVuSansCondensed.ttf"}


@cache
def register_fonts() -> None:
    for name, filename in _FILES.items():
        path = resource_path("fonts", filename)
        try:
            pdfmetrics.registerFont(TTFont(name, str(path)))
        except Exception as err:  # reportlab raises bare TTFError/OSError
            raise RadioDeskError(f"Huruf laporan {path} tidak bisa dimuat: {err}") from err
    addMapping(REGULAR, 0, 0, REGULAR)
    addMapping(REGULAR, 1, 0, BOLD)
    addMapping(REGULAR, 0, 1, REGULAR)
    addMapping(REGULAR, 1, 1, BOLD)


def missing_glyphs(text: str, font: str = REGULAR) -> set[str]:
    """Characters of ``text`` the font cannot draw (whitespace ignored)."""
    register_fonts()
    cmap = pdfmetrics.getFont(font).face.charToGlyph
    return {ch for ch in text if not ch.isspace() and ord(ch) not in cmap}
