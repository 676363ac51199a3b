"""A horizontal peak/RMS meter per channel, painted from :class:`RecorderStatus` figures (dBFS)."""

from __future__ import annotations

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QSizePolicy, QWidget

FLOOR_DB = -60.0


def _fraction(db: float) -> float:
    return max(0.0, min(1.0, (db - FLOOR_DB) / -FLOOR_DB))


class LevelMeter(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.peaks: tuple[float, ...] = ()
        self.rms: tuple[float, ...] = ()
        self.clipping = False
        self.setMinimumHeight(22)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(self.tr("Input level"))

    def sizeHint(self) -> QSize:
        return QSize(240, 26)

    def set_levels(self, peaks: tuple[float, ...], rms: tuple[float, ...], clipping: bool) -> None:
        if (peaks, rms, clipping) != (self.peaks, self.rms, self.clipping):
            self.peaks, self.rms, self.clipping = peaks, rms, clipping
            self.update()

    def paintEvent(self, _event: object) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor("#202428"))
        n = max(1, len(self.peaks))
        h = (self.height() - 2) / n
        w = self.width() - 2
        for i in range(len(self.peaks)):
            y = 1 + i * h
            rms = _fraction(self.rms[i] if i < len(self.rms) else FLOOR_DB)
            peak = _fraction(self.peaks[i])
            colour = (
                QColor("#d9342b") if self.clipping else QColor("#3fb950") if peak < 0.9 else QColor("#e3b341")
            )
            p.fillRect(QRectF(1, y + 1, w * rms, h - 2), colour)
            p.fillRect(QRectF(1 + w * peak - 2, y + 1, 3, h - 2), QColor("#f0f0f0"))
        # -18 dBFS (nominal) and -6 dBFS marks
        p.setPen(QColor("#777"))
        for db in (-18.0, -6.0):
            x = 1 + w * _fraction(db)
            p.drawLine(int(x), 0, int(x), self.height())
        if self.clipping:
            p.setPen(Qt.GlobalColor.white)
            p.drawText(
                self.rect().adjusted(0, 0, -6, 0),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                "CLIP",
            )
        p.end()
