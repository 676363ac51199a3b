"""The self-test's window step (``radio-desk --self-test``, see :mod:`radio_desk.cli.selftest`).

The window step is what only an installed app can get wrong: the Qt platform plugin (xcb on Linux,
windows on Windows), fonts and the interface translations must be inside the bundle.  It opens a small
window with the app icon, waits until the display system shows it, and closes it.  Without any display
(no ``DISPLAY`` on Linux) it says so and passes: Qt would otherwise abort the process without a word.
"""

from __future__ import annotations

import os
import sys
import time

from radio_desk.errors import RadioDeskError
from radio_desk.selftest import Context

WINDOW_TIMEOUT_S = 10.0


def _no_display() -> bool:
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return False
    return not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"))


def _expected_platform() -> str | None:
    """On Linux, the display plugin to try, with "offscreen" as a fallback Qt falls back to instead of
    aborting the process, so a missing plugin library becomes a clear message."""
    if os.environ.get("QT_QPA_PLATFORM") or not sys.platform.startswith("linux"):
        return None
    wanted = "wayland" if os.environ.get("WAYLAND_DISPLAY") and not os.environ.get("DISPLAY") else "xcb"
    os.environ["QT_QPA_PLATFORM"] = f"{wanted};offscreen"
    return wanted


def step_window(ctx: Context) -> str:
    if _no_display():
        return "tidak ada layar (DISPLAY kosong): jendela tidak diuji"
    from PySide6.QtCore import QCoreApplication, QEventLoop
    from PySide6.QtGui import QGuiApplication, QIcon
    from PySide6.QtWidgets import QApplication, QLabel

    from radio_desk.gui.i18n import install_translators
    from radio_desk.paths import resource_path

    wanted = _expected_platform()
    started = time.perf_counter()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    if wanted and QGuiApplication.platformName() != wanted:
        raise RadioDeskError(
            f"Plugin tampilan Qt '{wanted}' tidak dapat dimuat (pustaka sistem hilang? di Debian/Ubuntu: "
            "libxcb-cursor0, libxkbcommon-x11-0, libegl1). Jendela aplikasi tidak akan tampil."
        )
    loaded = install_translators(app)
    window = QLabel("Radio Desk: uji mandiri")
    window.setWindowIcon(QIcon(str(resource_path("icons", "radio-desk.png"))))
    window.resize(360, 120)
    window.show()
    deadline = started + WINDOW_TIMEOUT_S
    handle = window.windowHandle()
    while not (handle is not None and handle.isExposed()) and time.perf_counter() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
        handle = window.windowHandle()
    shown = handle is not None and handle.isExposed()
    seconds = time.perf_counter() - started
    platform_name = QGuiApplication.platformName()
    window.close()
    window.deleteLater()
    QCoreApplication.processEvents()
    if not shown and platform_name != "offscreen":
        raise RadioDeskError(
            f"Jendela tidak tampil dalam {WINDOW_TIMEOUT_S:.0f} detik (platform Qt '{platform_name}'). "
            "Periksa tampilan/driver grafis."
        )
    ctx.values["window_seconds"] = seconds
    return (
        f"platform {platform_name}, jendela tampil dalam {seconds:.2f} s, "
        f"{len(loaded)} terjemahan antarmuka dimuat"
    )
