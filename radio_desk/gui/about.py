"""Help → About: version and the licences of what Radio Desk bundles."""

from __future__ import annotations

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QCoreApplication, qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from radio_desk import __version__

translate = QCoreApplication.translate  # called with the literal context "About" (lupdate reads it)


def about_html() -> str:
    rows = [
        (
            translate("About", "Speech model"),
            translate("About", "OpenAI whisper-base, converted for CTranslate2 — MIT licence"),
        ),
        (
            translate("About", "Gazetteer"),
            translate(
                "About", "Jawa Timur administrative areas from github.com/cahyadsn/wilayah — MIT licence"
            ),
        ),
        (
            translate("About", "Fonts"),
            translate("About", "DejaVu Sans — free licence (Bitstream Vera derivative)"),
        ),
        ("Qt", translate("About", "Qt %s and PySide6 %s — LGPL v3") % (qVersion(), pyside_version)),
    ]
    items = "".join(f"<tr><td><b>{a}</b>&nbsp;&nbsp;</td><td>{b}</td></tr>" for a, b in rows)
    intro = translate(
        "About", "Records, transcribes and triages citizens' complaints taken on local radio. Works offline."
    )
    licence = translate("About", "Radio Desk is released under the MIT licence. Bundled components:")
    return f"<h3>Radio Desk {__version__}</h3><p>{intro}</p><p>{licence}</p><table>{items}</table>"


def show_about(parent: QWidget) -> None:
    QMessageBox.about(parent, translate("About", "About Radio Desk"), about_html())
