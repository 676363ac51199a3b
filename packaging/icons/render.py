"""Render the app icon (resources/icons/radio-desk.svg) to the PNG sizes and the Windows .ico.

Run once after changing the drawing; the outputs are committed so builds need no SVG renderer:

    .venv/bin/python packaging/icons/render.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from PIL import Image
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[2] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def render(svg: Path, size: int, out: Path) -> None:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(svg)).render(painter, QRectF(0, 0, size, size))
    painter.end()
    if not image.save(str(out)):
        raise SystemExit(f"could not write {out}")


def main() -> int:
    QGuiApplication([*sys.argv[:1], "-platform", "offscreen"])
    svg = ICONS / "radio-desk.svg"
    for size in SIZES:
        render(svg, size, ICONS / f"radio-desk-{size}.png")
    render(svg, 256, ICONS / "radio-desk.png")
    Image.open(ICONS / "radio-desk-256.png").save(
        ICONS / "radio-desk.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)]
    )
    print(f"icons written to {ICONS}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
