"""A waveform strip: peaks, the playing position, segment boundaries and an optional clip selection.

Click to seek (``seekRequested``); with ``selectable`` on, dragging marks a clip
(``selectionChanged(in, out)``).  Painting only reads precomputed peaks, never the audio file.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QWidget


class WaveformView(QWidget):
    seekRequested = Signal(float)
    selectionChanged = Signal(float, float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(80)
        self.setMouseTracking(False)
        self._peaks = np.zeros((0, 2), np.float32)
        self._duration = 0.0
        self._position: float | None = None
        self._marks: list[float] = []
        self._selection: tuple[float, float] | None = None
        self._drag_from: float | None = None
        self._message = ""
        self.selectable = False
        self._outline_key: tuple[int, ...] | None = None
        self._outline_cache: QPolygonF | None = None

    # -- data --------------------------------------------------------------------------------
    def set_waveform(self, peaks: np.ndarray, duration: float) -> None:
        self._peaks, self._duration, self._message = peaks, max(0.0, duration), ""
        self.update()

    def set_message(self, text: str) -> None:
        """Shown instead of the waveform (loading, missing file)."""
        self._peaks, self._message = np.zeros((0, 2), np.float32), text
        self.update()

    def clear(self) -> None:
        self._peaks, self._duration, self._position, self._selection = (
            np.zeros((0, 2), np.float32),
            0.0,
            None,
            None,
        )
        self._marks = []
        self._message = ""
        self.update()

    def set_duration(self, seconds: float) -> None:
        self._duration = max(0.0, seconds)
        self.update()

    @property
    def duration(self) -> float:
        return self._duration

    @property
    def has_peaks(self) -> bool:
        return len(self._peaks) > 0

    def set_position(self, seconds: float | None) -> None:
        if seconds != self._position:
            self._position = seconds
            self.update()

    def set_marks(self, seconds: list[float]) -> None:
        self._marks = list(seconds)
        self.update()

    def set_selection(self, clip_in: float | None, clip_out: float | None) -> None:
        self._selection = None if clip_in is None or clip_out is None else (clip_in, clip_out)
        self.update()

    @property
    def selection(self) -> tuple[float, float] | None:
        return self._selection

    # -- geometry ----------------------------------------------------------------------------
    def _x(self, seconds: float) -> float:
        return 0.0 if self._duration <= 0 else seconds / self._duration * self.width()

    def _seconds(self, x: float) -> float:
        if self._duration <= 0 or self.width() <= 0:
            return 0.0
        return max(0.0, min(self._duration, x / self.width() * self._duration))

    # -- events ------------------------------------------------------------------------------
    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._duration > 0:
            t = self._seconds(event.position().x())
            self._drag_from = t
            self.seekRequested.emit(t)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.selectable and self._drag_from is not None:
            t = self._seconds(event.position().x())
            self._selection = (min(self._drag_from, t), max(self._drag_from, t))
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self.selectable and self._drag_from is not None and self._selection is not None:
            a, b = self._selection
            if b - a >= 0.1:
                self.selectionChanged.emit(round(a, 1), round(b, 1))
        self._drag_from = None

    def _outline(self, w: int, h: int) -> QPolygonF:
        """The waveform as one polygon, one column per pixel; cached until the size or data change
        (the playing cursor repaints many times a second)."""
        key = (w, h, id(self._peaks), len(self._peaks))
        if self._outline_key == key and self._outline_cache is not None:
            return self._outline_cache
        n, mid = len(self._peaks), h / 2
        edges = np.linspace(0, n, w + 1).astype(int)
        top = QPolygonF()
        bottom: list[QPointF] = []
        for x in range(w):
            lo, hi = edges[x], max(edges[x + 1], edges[x] + 1)
            chunk = self._peaks[lo:hi]
            if not len(chunk):
                continue
            top.append(QPointF(x, mid - float(chunk[:, 1].max()) * mid * 0.95))
            bottom.append(QPointF(x, mid - float(chunk[:, 0].min()) * mid * 0.95))
        for pt in reversed(bottom):
            top.append(pt)
        self._outline_key, self._outline_cache = key, top
        return top

    def paintEvent(self, _event: QPaintEvent) -> None:
        p = QPainter(self)
        w, h = self.width(), self.height()
        pal = self.palette()
        p.fillRect(self.rect(), pal.base())
        if self._selection is not None:
            a, b = self._selection
            p.fillRect(QRectF(self._x(a), 0, max(1.0, self._x(b) - self._x(a)), h), QColor(255, 196, 0, 90))
        if len(self._peaks) and w > 0:
            p.setPen(Qt.PenStyle.NoPen)
            p.setBrush(pal.highlight().color().darker(110))
            p.drawPolygon(self._outline(w, h))
        else:
            p.setPen(pal.placeholderText().color())
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, self._message)
        p.setPen(QPen(pal.mid().color(), 1, Qt.PenStyle.DotLine))
        for t in self._marks:
            p.drawLine(QPointF(self._x(t), 0), QPointF(self._x(t), h))
        if self._position is not None and self._duration > 0:
            p.setPen(QPen(QColor(220, 30, 30), 2))
            x = self._x(self._position)
            p.drawLine(QPointF(x, 0), QPointF(x, h))
        p.end()
