"""Work off the GUI thread, results back on it (after Picard's ``thread.run_task``).

The GUI never waits on audio, disk, model or network work: it hands a callable to
:class:`TaskRunner`, which runs it on a ``QThreadPool`` and calls ``on_done(result)`` or
``on_error(exc)`` back on the thread that owns the runner (the GUI thread).  Tests can build a
synchronous runner so a whole flow runs deterministically without sleeps.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

log = logging.getLogger(__name__)

Callback = Callable[[Any], None]


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted from a pool thread are queued to it."""

    done = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[], Any], relay: _Relay) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._fn = fn
        self._relay = relay

    def run(self) -> None:
        try:
            result = self._fn()
        except BaseException as err:
            self._relay.failed.emit(err)
        else:
            self._relay.done.emit(result)


class TaskRunner(QObject):
    """``submit(fn, on_done=..., on_error=...)``; ``synchronous=True`` runs inline (tests)."""

    def __init__(
        self, parent: QObject | None = None, *, max_threads: int = 2, synchronous: bool = False
    ) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(max_threads)
        self._pending: set[_Relay] = set()

    def submit(
        self,
        fn: Callable[[], Any],
        on_done: Callback | None = None,
        on_error: Callback | None = None,
    ) -> None:
        if self.synchronous:
            try:
                result = fn()
            except Exception as err:
                self._failed(on_error, err)
            else:
                if on_done:
                    on_done(result)
            return
        relay = _Relay()  # created here, so it belongs to the submitting (GUI) thread
        self._pending.add(relay)

        @Slot(object)
        def _done(result: Any) -> None:
            self._pending.discard(relay)
            if on_done:
                on_done(result)

        @Slot(object)
        def _fail(err: object) -> None:
            self._pending.discard(relay)
            self._failed(on_error, err)

        relay.done.connect(_done)
        relay.failed.connect(_fail)
        self.pool.start(_Job(fn, relay))

    @property
    def busy(self) -> bool:
        return bool(self._pending)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until every job has finished (shutdown and tests only, never from a slot)."""
        return self.pool.waitForDone(msecs)

    @staticmethod
    def _failed(on_error: Callback | None, err: object) -> None:
        if on_error:
            on_error(err)
        else:
            log.error("background task failed", exc_info=err if isinstance(err, BaseException) else None)
