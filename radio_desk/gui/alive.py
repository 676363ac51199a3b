"""Callbacks that outlive their widget: a background job may finish after its window was closed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject


def if_alive(owner: QObject, fn: Callable[..., Any]) -> Callable[..., Any]:
    """``fn``, skipped once ``owner``'s C++ object is gone (the result then has nobody to show it)."""

    def call(*args: Any) -> Any:
        if shiboken6.isValid(owner):
            return fn(*args)
        return None

    return call
