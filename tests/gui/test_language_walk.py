"""Every visible string in the main windows and dialogs is in the interface's language: the windows are
walked (labels, buttons, group titles, tabs, combo items, table headers, tooltips, placeholders, menus)
in Indonesian looking for English left untranslated, and in English looking for Indonesian words that
came from code (data labels such as the transcript's speakers included; names of categories and OPDs
are proper names and stay)."""

from __future__ import annotations

import re
from collections.abc import Iterator

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QLabel,
    QMenu,
    QTabWidget,
    QWidget,
)

from radio_desk.gui.discards_dialog import DiscardsDialog
from radio_desk.gui.i18n import install_translators
from radio_desk.gui.report_dialog import ReportDialog
from radio_desk.gui.settings_dialog import SettingsDialog

ENGLISH = {
    "the",
    "and",
    "of",
    "to",
    "is",
    "for",
    "with",
    "not",
    "from",
    "this",
    "that",
    "no",
    "on",
    "by",
    "are",
    "has",
    "was",
    "who",
    "what",
    "when",
}
INDONESIAN = {
    "yang",
    "dan",
    "tidak",
    "belum",
    "sudah",
    "aduan",
    "panggilan",
    "rekaman",
    "simpan",
    "batal",
    "oleh",
    "penelepon",
    "penyiar",
}
PROPER = ("categoryCombo", "opdCombo", "serverEdit", "rahasia")  # data names; "rahasia" is glossed


def texts(w: QWidget) -> Iterator[tuple[str, str]]:
    name = w.objectName() or type(w).__name__
    yield name, w.toolTip()
    if hasattr(w, "placeholderText"):
        yield name, w.placeholderText()
    if isinstance(w, QLabel | QAbstractButton):
        yield name, w.text()
    if isinstance(w, QGroupBox):
        yield name, w.title()
    if isinstance(w, QComboBox):
        yield from ((name, w.itemText(i)) for i in range(w.count()))
    if isinstance(w, QTabWidget):
        yield from ((name, w.tabText(i)) for i in range(w.count()))
    if isinstance(w, QAbstractItemView) and w.model() is not None and not isinstance(w.parent(), QComboBox):
        m = w.model()
        try:
            cols = m.columnCount(QModelIndex())
        except TypeError:  # a list model
            cols = 1
        yield from ((name, str(m.headerData(c, Qt.Orientation.Horizontal) or "")) for c in range(cols))
    if isinstance(w, QMenu):
        yield from ((name, a.text()) for a in w.actions())
    for child in w.findChildren(QWidget, options=Qt.FindChildOption.FindDirectChildrenOnly):
        yield from texts(child)


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z]+", text.lower()))


def _walk(window) -> list[tuple[str, str]]:
    found = list(texts(window))
    editor = window.ensure_editor()
    for page in (editor.browser, editor.case_page, editor.rundown):
        editor.tabs.setCurrentWidget(page)
        found += texts(editor)
    s = window.services
    for dialog in (
        SettingsDialog(s.settings, window),
        ReportDialog(s.store, s.settings, s.runner, window),
        DiscardsDialog(s, window),
    ):
        found += texts(dialog)
        dialog.done(0)
    return [(n, t) for n, t in found if t.strip() and not any(p in n or p in t for p in PROPER)]


def test_indonesian_interface_has_no_english_left(make_window, qapp):
    install_translators(qapp, "id")
    try:
        found = _walk(make_window(start=False))
    finally:
        install_translators(qapp, "en")
    english = [(n, t) for n, t in found if len(_words(t) & ENGLISH) >= 2 and not _words(t) & INDONESIAN]
    assert english == []
    assert (
        "operatorSwitch",
        "Siapa yang bertugas: suntingan dan perubahan status dicatat atas nama ini",
    ) in found


def test_english_interface_has_no_indonesian_from_code(make_window):
    found = _walk(make_window(start=False))
    indonesian = [(n, t) for n, t in found if _words(t) & INDONESIAN]
    assert indonesian == []
    speakers = [t for n, t in found if n == "speakerCombo"]
    assert speakers[1:3] == ["Caller", "Host"]  # after "(speaker)"
