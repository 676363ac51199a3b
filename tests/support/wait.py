"""One way for a test to wait: poll a condition until it holds, instead of sleeping a fixed time.

A fixed ``time.sleep`` is either too short on a loaded machine (the test fails for no reason) or
longer than needed everywhere (the suite is slow).  ``wait_until`` returns as soon as the condition
holds and fails with a message naming what did not happen.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def wait_until(
    predicate: Callable[[], T], timeout: float = 10.0, interval: float = 0.02, *, what: str = ""
) -> T:
    """Call ``predicate`` every ``interval`` seconds until it returns something true, and return that.

    After ``timeout`` seconds an :class:`AssertionError` says what was awaited (``what``, else the
    predicate's name); the predicate is tried once more at the deadline, so a slow machine is not
    failed by the last interval.
    """
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() >= deadline:
            value = predicate()
            if value:
                return value
            name = what or getattr(predicate, "__name__", "a condition")
            raise AssertionError(f"timed out after {timeout:g} s waiting for {name}")
        time.sleep(interval)
