"""Interface language: Indonesian by default, English as the fallback.

Source strings in the code and the Designer forms are English; every part of the GUI has its own
``resources/translations/<part>_id.ts`` (edited with Qt Linguist, compiled to ``.qm`` by
``scripts/build-translations.sh``).  All ``*_<lang>.qm`` files are loaded, so an untranslated string
falls back to English rather than to nothing.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from radio_desk.paths import resource_path

log = logging.getLogger(__name__)

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
DEFAULT_LANGUAGE = "id"

_installed: list[QTranslator] = []


def install_translators(app: QCoreApplication, language: str = DEFAULT_LANGUAGE) -> list[str]:
    """Load every translation for ``language``; returns the files loaded (empty for English)."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    QLocale.setDefault(QLocale(QLocale.Language.Indonesian if language == "id" else QLocale.Language.English))
    if language == "en":
        return []
    loaded: list[str] = []
    qt = QTranslator(app)
    if qt.load(f"qtbase_{language}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(qt)
        _installed.append(qt)
    folder = resource_path("translations")
    for qm in sorted(folder.glob(f"*_{language}.qm")):
        tr = QTranslator(app)
        if tr.load(str(qm)):
            app.installTranslator(tr)
            _installed.append(tr)
            loaded.append(qm.name)
        else:
            log.warning("translation %s could not be loaded", qm)
    return loaded
