"""The GUI's handle on the :class:`~radio_desk.audio.recorder.Recorder`.

Opening the device and start/stop wait on the recorder's writer thread (tens of milliseconds, more
when a driver hangs), so they run on a one-thread :class:`TaskRunner` of their own: F9 is never
queued behind a model load or a database job.  A 20 Hz timer reads the recorder's lock-free status
snapshot for the level meter.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from radio_desk.audio.error_text import audio_error_text
from radio_desk.audio.recorder import Recorder, RecorderStatus
from radio_desk.audio.stream import AudioSubscription
from radio_desk.domain import Recording
from radio_desk.gui.alive import if_alive
from radio_desk.gui.tasks import TaskRunner

log = logging.getLogger(__name__)

RecorderFactory = Callable[[], Recorder]


class RecorderController(QObject):
    status_changed = Signal(object)  # RecorderStatus
    opened = Signal(str)  # device name
    open_failed = Signal(str)  # Indonesian reason
    started = Signal(object, object)  # Recording, AudioSubscription
    stopped = Signal(object)  # Recording
    failed = Signal(str)  # start/stop failed: the reason

    def __init__(
        self, factory: RecorderFactory, parent: QObject | None = None, *, poll_ms: int = 50,
        synchronous: bool = False,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.factory = factory
        self.recorder: Recorder | None = None
        self.runner = TaskRunner(self, max_threads=1, synchronous=synchronous)
        self.busy = False  # a start or stop is on its way
        self.recording = False
        self.last_status = RecorderStatus()
        self.timer = QTimer(self)
        self.timer.setInterval(poll_ms)
        self.timer.timeout.connect(self._poll)

    # -- device ----------------------------------------------------------------------------------
    def open(self) -> None:
        def job() -> Recorder:
            rec = self.factory()
            return rec.open()  # a demo recorder already fed externally returns at once

        self.runner.submit(job, if_alive(self, self._opened), if_alive(self, self._open_failed))

    def reopen(self, factory: RecorderFactory | None = None) -> None:
        """New settings: close the current device (not during a call) and open again."""
        if self.recording or self.busy:
            return
        if factory is not None:
            self.factory = factory
        old, self.recorder = self.recorder, None
        self.timer.stop()
        if old is not None:
            self.runner.submit(old.close, lambda _r: self.open(), self._open_failed)
        else:
            self.open()

    def _opened(self, rec: Recorder) -> None:
        self.recorder = rec
        self.timer.start()
        self._poll()
        self.opened.emit(rec.status().device or rec.device_name or "")

    def _open_failed(self, err: object) -> None:
        log.warning("audio input not opened: %s", err)
        self.open_failed.emit(audio_error_text(err))  # PortAudio's English in Indonesian

    # -- calls -----------------------------------------------------------------------------------
    def start(self, case_id: uuid.UUID | None = None) -> bool:
        rec = self.recorder
        if rec is None or self.busy or self.recording:
            return False
        self.busy = True

        def job() -> tuple[Recording, AudioSubscription]:
            sub = rec.fanout.subscribe(rec.samplerate, max_seconds=60.0)
            try:
                return rec.start_recording(case_id), sub
            except BaseException:
                rec.fanout.unsubscribe(sub)
                raise

        self.runner.submit(job, if_alive(self, self._started), if_alive(self, self._failed))
        return True

    def stop(self) -> bool:
        rec = self.recorder
        if rec is None or self.busy or not self.recording:
            return False
        self.busy = True
        self.runner.submit(rec.stop_recording, if_alive(self, self._stopped), if_alive(self, self._failed))
        return True

    def _started(self, result: tuple[Recording, AudioSubscription]) -> None:
        self.busy, self.recording = False, True
        self.started.emit(*result)

    def _stopped(self, recording: Recording) -> None:
        self.busy, self.recording = False, False
        self.stopped.emit(recording)

    def _failed(self, err: object) -> None:
        self.busy = False
        if self.recorder is not None:
            self.recording = self.recorder.recording is not None
        self.failed.emit(audio_error_text(err))

    # -- status ----------------------------------------------------------------------------------
    def _poll(self) -> None:
        if self.recorder is not None:
            self.last_status = self.recorder.status()
            self.status_changed.emit(self.last_status)

    def close(self, timeout_ms: int = 15_000) -> Any:
        """Shutdown only: finish a running call and release the device (blocks)."""
        self.timer.stop()
        self.runner.wait(timeout_ms)
        rec, self.recorder = self.recorder, None
        return rec.close() if rec is not None else None
