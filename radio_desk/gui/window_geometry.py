"""Window size that fits the screen, and window/splitter geometry remembered across restarts.

The first start sizes the window to the screen's available area (a 1366×768 studio PC with a task bar
included); later starts restore what the operator left (``QSettings`` in the config folder, INI format:
a few hundred bytes, read once at start and written once at close).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QRect, QSettings, QSize
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QWidget

PREFERRED = QSize(1400, 900)
# before a window is first shown its frame is unknown: keep room for a title bar and borders
FRAME_ALLOWANCE = QSize(16, 40)
GEOMETRY_KEY = "window/geometry"
STATE_KEY = "window/state"


def fit_size(preferred: QSize, available: QRect, frame: QSize = FRAME_ALLOWANCE) -> QSize:
    """``preferred``, shrunk so the window with its frame lies within ``available``."""
    return QSize(
        min(preferred.width(), available.width() - frame.width()),
        min(preferred.height(), available.height() - frame.height()),
    )


def available_geometry(widget: QWidget) -> QRect:
    screen = widget.screen() or QApplication.primaryScreen()
    return screen.availableGeometry() if screen is not None else QRect(0, 0, 1366, 728)


def fit_to_screen(window: QWidget, available: QRect | None = None) -> None:
    """Size and place ``window`` inside the available area (the default on a first start)."""
    area = available if available is not None else available_geometry(window)
    frame = (
        window.frameGeometry().size() - window.geometry().size() if window.isVisible() else FRAME_ALLOWANCE
    )
    size = fit_size(PREFERRED, area, frame.expandedTo(QSize(0, 0)))
    window.resize(size)
    x = area.x() + max(0, (area.width() - frame.width() - window.width()) // 2)
    y = area.y() + max(0, (area.height() - frame.height() - window.height()) // 2)
    window.move(x, y)


def splitter_key(splitter: QSplitter) -> str:
    owner = splitter.parentWidget()
    while owner is not None and isinstance(owner, QSplitter):
        owner = owner.parentWidget()
    return f"splitters/{owner.objectName() if owner is not None else ''}.{splitter.objectName()}"


class GeometryMemory:
    """Saves and restores a main window's geometry and the splitters under given widgets."""

    def __init__(self, config_dir: Path) -> None:
        self.settings = QSettings(str(config_dir / "window.ini"), QSettings.Format.IniFormat)

    def restore_window(self, window: QMainWindow) -> bool:
        geometry = self.settings.value(GEOMETRY_KEY)
        restored = bool(geometry) and window.restoreGeometry(geometry)
        state = self.settings.value(STATE_KEY)
        if state:
            window.restoreState(state)
        if restored:  # a window saved on a bigger monitor never comes back larger than this screen
            area = available_geometry(window)
            if window.width() > area.width() or window.height() > area.height():
                window.resize(window.size().boundedTo(area.size()))
                window.move(area.topLeft())
        return restored

    def restore_splitters(self, root: QWidget) -> None:
        for splitter in root.findChildren(QSplitter):
            state = self.settings.value(splitter_key(splitter))
            if state:
                splitter.restoreState(state)

    def save(self, window: QMainWindow, roots: list[QWidget]) -> None:
        self.settings.setValue(GEOMETRY_KEY, window.saveGeometry())
        self.settings.setValue(STATE_KEY, window.saveState())
        for root in roots:
            for splitter in root.findChildren(QSplitter):
                self.settings.setValue(splitter_key(splitter), splitter.saveState())
        self.settings.sync()
