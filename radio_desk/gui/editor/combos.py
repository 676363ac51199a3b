"""Filling a choice list from (data, label) pairs and choosing by data: the browser's filters, the
case page's intake and the rundown's OPD."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtWidgets import QComboBox


def fill_combo(combo: QComboBox, items: Iterable[tuple[Any, str]], first: str | None = None) -> None:
    """``items`` in ``combo``, after ``first`` (data ``None``: "all …", "(none)") when given; the
    combo stays silent while it is filled."""
    combo.blockSignals(True)
    combo.clear()
    if first is not None:
        combo.addItem(first, None)
    for code, label in items:
        combo.addItem(label, code)
    combo.blockSignals(False)


def select_data(combo: QComboBox, code: Any) -> None:
    """Choose the item holding ``code``, else the first."""
    i = combo.findData(code)
    combo.setCurrentIndex(i if i >= 0 else 0)
