"""Page images of a PDF for the app's report preview (PDFium through pypdfium2; no Qt, no system tools).

PDFium is not thread-safe, so every call on a :class:`PdfPages` holds one module-wide lock; pages are
rendered one at a time on demand, so a 2,000-page report previews as fast as a 10-page one.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from pathlib import Path

from radio_desk.errors import RadioDeskError

_LOCK = threading.Lock()
POINTS_PER_INCH = 72.0


@dataclass(frozen=True)
class PageImage:
    """One rendered page: 8-bit BGR rows of ``stride`` bytes (what ``QImage.Format_BGR888`` reads)."""

    index: int
    width: int
    height: int
    stride: int
    pixels: bytes
    landscape: bool


class PdfPages:
    """An open PDF whose pages can be counted and rendered; close it when done (or use ``with``)."""

    def __init__(self, path: str | Path) -> None:
        import pypdfium2 as pdfium

        self.path = Path(path)
        try:
            with _LOCK:
                self._pdf: pdfium.PdfDocument | None = pdfium.PdfDocument(str(self.path))
                self.count = len(self._pdf)
        except (OSError, pdfium.PdfiumError) as err:
            raise RadioDeskError(f"Berkas PDF {self.path} tidak bisa dibuka untuk pratinjau: {err}.") from err

    def render(self, index: int, dpi: float = 96.0) -> PageImage:
        if not 0 <= index < self.count:
            raise RadioDeskError(f"Halaman {index + 1} tidak ada (PDF ini {self.count} halaman).")
        with _LOCK:
            if self._pdf is None:
                raise RadioDeskError("Pratinjau sudah ditutup.")
            page = self._pdf[index]
            try:
                w, h = page.get_size()
                bitmap = page.render(scale=dpi / POINTS_PER_INCH)
                image = PageImage(
                    index, bitmap.width, bitmap.height, bitmap.stride, bytes(bitmap.buffer), w > h
                )
            finally:
                page.close()
        return image

    def close(self) -> None:
        with _LOCK:
            if self._pdf is not None:
                self._pdf.close()
                self._pdf = None

    def __enter__(self) -> PdfPages:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
