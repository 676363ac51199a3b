"""Playback for the editor's pages: a :class:`~radio_desk.audio.playback.Player` driven from one
audio thread (opening the device or joining the feeder never runs on the GUI thread), its position
polled while it plays.  The case page plays a recording and follows it in the transcript; the rundown
page plays a clip."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal

from radio_desk.audio.playback import Player
from radio_desk.gui.tasks import TaskRunner

POLL_MS = 40


class PlaybackController(QObject):
    loaded = Signal(float)  # a recording is ready to play (its duration)
    started = Signal()
    position = Signal(float)  # seconds: while playing, and after a seek or stop
    stopped = Signal()  # playback ended (stopped, or the end of the file)
    failed = Signal(object)  # an error of the player

    def __init__(
        self, player_factory: Callable[[], Player] = Player, parent: QObject | None = None, *,
        synchronous: bool = False,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.player = player_factory()
        self.ready = False  # a recording is loaded
        self.runner = TaskRunner(self, max_threads=1, synchronous=synchronous)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self.poll)

    @property
    def playing(self) -> bool:
        return self.player.playing

    @property
    def pos(self) -> float:
        return self.player.position

    def load(self, path: Path, is_current: Callable[[], bool] = lambda: True) -> None:
        """Open ``path``; ``loaded`` follows unless ``is_current()`` says another load came since."""
        self.ready = False

        def ready(_: object) -> None:
            if is_current():
                self.ready = True
                self.loaded.emit(self.player.duration)

        self.runner.submit(lambda: self.player.load(path), ready, self.failed.emit)

    def unload(self) -> None:
        self.stop()
        self.ready = False

    def toggle(self) -> None:
        if not self.ready:
            return
        if self.player.playing:
            self.stop()
        else:
            self.play()

    def play(self) -> None:
        self.runner.submit(self.player.play, lambda _: self._started(), self.failed.emit)

    def play_range(self, path: Path, start: float, end: float | None) -> None:
        """Play ``start``–``end`` of ``path`` (a rundown clip), whatever was loaded before."""

        def play() -> None:
            self.player.load(path, start, end)
            self.player.play()

        self.runner.submit(play, None, self.failed.emit)

    def stop(self) -> None:
        if self.ready:
            self.runner.submit(self.player.stop, lambda _: self.poll(), self.failed.emit)
        self._timer.stop()
        self.stopped.emit()

    def seek(self, seconds: float) -> None:
        if self.ready:
            to = max(0.0, seconds)
            self.runner.submit(lambda: self.player.seek(to), lambda _: self.poll(), self.failed.emit)

    def jump(self, delta: float) -> None:
        if self.ready:
            self.seek(self.player.position + delta)

    def play_from(self, seconds: float) -> None:
        """Seek and play (a click on a segment)."""
        if not self.ready:
            return
        self.seek(seconds)
        if not self.player.playing:
            self.play()

    def poll(self) -> None:
        self.position.emit(self.player.position)
        if not self.player.playing and self._timer.isActive():
            self._timer.stop()
            self.stopped.emit()

    def close(self) -> None:
        self._timer.stop()
        self.player.close()

    def _started(self) -> None:
        self._timer.start()
        self.started.emit()
