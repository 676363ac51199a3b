"""Speech recognition for the desk: the engine loaded in the background, live text during a call,
the final transcript after it.

* :class:`EngineHolder` loads the engine on its own one-thread runner at start-up; the status bar
  shows loading / ready / failed (with the reason).  Until it is ready calls are still recorded;
  their transcript is made once the engine is there.
* :class:`CallTranscriber` runs one call: with ``radio_desk.transcribe.live`` available and live mode
  on, a :class:`LiveTranscriber` turns the recorder's fan-out into partial and final segments (its
  worker thread → a queued Qt signal → the GUI thread); at hang-up ``finish()`` runs on the
  runner.  Without live mode the recording file is transcribed after the call.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Signal

from radio_desk.audio.stream import AudioSubscription
from radio_desk.domain import Recording
from radio_desk.gui.alive import if_alive
from radio_desk.gui.tasks import TaskRunner
from radio_desk.services.transcripts import transcribe_file
from radio_desk.settings import Settings
from radio_desk.transcribe.engine import Engine, Segment, TranscribeOptions

log = logging.getLogger(__name__)

EngineLoader = Callable[[], Engine]
FINISH_TIMEOUT_S = 180.0  # then the live transcriber is taken as stuck and the file is transcribed


def default_loader(settings: Settings) -> EngineLoader:
    def load() -> Engine:
        from radio_desk.transcribe import load_engine

        return load_engine(settings["asr_engine"], settings["asr_model"] or None)

    return load


def options_for(settings: Settings) -> TranscribeOptions:
    return TranscribeOptions(language=settings["asr_language"])


class EngineHolder(QObject):
    state_changed = Signal(str, str)  # "loading" | "ready" | "failed", detail (model name or reason)

    def __init__(self, loader: EngineLoader, parent: QObject | None = None, *, synchronous: bool = False):
        super().__init__(parent)
        self.loader = loader
        self.runner = TaskRunner(self, max_threads=1, synchronous=synchronous)
        self.engine: Engine | None = None
        self.state = "idle"
        self.detail = ""

    def load(self, loader: EngineLoader | None = None) -> None:
        if loader is not None:
            self.loader = loader
        self.engine = None
        self._set("loading", "")
        loader = self.loader

        def job() -> Engine:
            engine = loader()
            if live_available():  # import and warm up here, not at the first call
                with contextlib.suppress(Exception):
                    from faster_whisper.vad import get_vad_model

                    get_vad_model()  # cached: the live transcriber's VAD reuses it
            return engine

        self.runner.submit(job, if_alive(self, self._loaded), if_alive(self, self._failed))

    def _loaded(self, engine: Engine) -> None:
        self.engine = engine
        self._set("ready", str(getattr(engine, "model_name", "")))

    def _failed(self, err: object) -> None:
        log.warning("speech model not loaded: %s", err)
        self._set("failed", str(err) or type(err).__name__)

    def _set(self, state: str, detail: str) -> None:
        self.state, self.detail = state, detail
        self.state_changed.emit(state, detail)


def live_available() -> bool:
    try:
        import radio_desk.transcribe.live  # noqa: F401
    except Exception:  # not there yet, or broken: the transcript is made after the call
        return False
    return True


class _Relay(QObject):
    update = Signal(str, object)  # kind, Segment — emitted on the transcriber's thread, queued to the GUI


class CallTranscriber(QObject):
    """One call's transcript.  Signals arrive on the GUI thread."""

    partial = Signal(object)  # Segment
    final = Signal(object)  # Segment
    finished = Signal(object)  # list[Segment]: the whole transcript
    failed = Signal(str)

    def __init__(
        self, holder: EngineHolder, options: TranscribeOptions, *, live: bool, channel_map: str = "mono",
        parent: QObject | None = None,
    ) -> None:  # fmt: skip
        super().__init__(parent)
        self.holder = holder
        self.options = options
        self.want_live = live
        self.channel_map = channel_map
        self.live: Any = None
        self.recording: Recording | None = None
        self.waiting_for_engine = False
        self.done = False
        self._relay = _Relay(self)
        self._relay.update.connect(self._on_update)

    @property
    def is_live(self) -> bool:
        return self.live is not None

    def begin(self, sub: AudioSubscription) -> None:
        engine = self.holder.engine
        if not (self.want_live and engine is not None and live_available()):
            sub.close()  # nobody reads it: the fan-out must not keep audio for it
            return
        from radio_desk.transcribe.live import LiveTranscriber

        try:
            self.live = LiveTranscriber(
                engine, sub, options=self.options, channel_map=self.channel_map,
                on_update=lambda u: self._relay.update.emit(u.kind, u.segment),
            )  # fmt: skip
            self.live.start()
        except Exception as err:  # live text is a comfort: the file is transcribed after the call
            log.exception("live transcription did not start")
            self.live = None
            sub.close()
            self.failed.emit(str(err))

    def _on_update(self, kind: str, seg: Segment) -> None:
        if self.done:
            return
        (self.final if kind == "final" else self.partial).emit(seg)

    def end(self, recording: Recording) -> None:
        """The call is over: the final transcript, however it is made."""
        self.recording = recording
        live = self.live
        if live is not None:
            # catching up costs less than transcribing the whole file again: give it time on a busy CPU
            self.holder.runner.submit(
                lambda: live.finish(FINISH_TIMEOUT_S),
                if_alive(self, self._finished),
                if_alive(self, self._fallback),
            )
            return
        self._after_call()

    def _fallback(self, err: object) -> None:
        log.warning("live transcription did not finish (%s); transcribing the file", err)
        self.live = None
        self._after_call()

    def _after_call(self) -> None:
        engine, rec = self.holder.engine, self.recording
        if rec is None:
            return
        if engine is None:
            if self.holder.state == "failed":
                self.failed.emit(self.holder.detail)
                return
            self.waiting_for_engine = True  # picked up by engine_ready()
            return
        opts = self.options
        self.holder.runner.submit(
            lambda: transcribe_file(engine, rec, opts),
            if_alive(self, self._finished),
            if_alive(self, self._failed),
        )

    def engine_ready(self) -> None:
        if self.waiting_for_engine:
            self.waiting_for_engine = False
            self._after_call()

    def _finished(self, segments: list[Segment]) -> None:
        self.done = True
        self.finished.emit(list(segments))

    def _failed(self, err: object) -> None:
        self.failed.emit(str(err))

    def cancel(self) -> None:
        if self.live is not None:
            try:
                self.live.cancel()
            except Exception:
                log.exception("cancel of live transcription failed")
