"""The demo's audio input: a :class:`Recorder` fed from the bundled sample call, paced in real time.

Everything after the sound card is the real thing (ring, writer, meter, files, live fan-out); only the
PortAudio callback is replaced by a thread that plays ``resources/demo/sample-call.wav`` in a loop
with a few seconds of quiet room noise between plays.
"""

from __future__ import annotations

import threading
import time
from pathlib import Path

import numpy as np
import soundfile as sf
from PySide6.QtCore import QCoreApplication

from radio_desk.audio.recorder import Recorder
from radio_desk.paths import resource_path

BLOCK_S = 0.02
GAP_S = 4.0


def sample_call_path() -> Path:
    return resource_path("demo", "sample-call.wav")


class DemoFeeder:
    def __init__(self, recorder: Recorder, audio: np.ndarray, samplerate: int, *, loop: bool = True) -> None:
        self.recorder, self.samplerate, self.loop = recorder, samplerate, loop
        noise = (np.random.default_rng(7).normal(0, 60, int(GAP_S * samplerate))).astype(np.int16)
        self.audio = np.concatenate([audio.astype(np.int16), noise])[:, None]
        self.position_s = 0.0  # where in the loop the input is (the screenshot script starts a call on cue)
        self._stop = threading.Event()
        self.thread = threading.Thread(target=self._run, name="radio-desk-demo-input", daemon=True)

    def start(self) -> DemoFeeder:
        self.thread.start()
        return self

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        n, total = int(self.samplerate * BLOCK_S), len(self.audio)
        pos, fed, t0 = 0, 0, time.monotonic()
        while not self._stop.is_set() and self.recorder._writer is not None:
            if pos + n <= total:
                block = self.audio[pos : pos + n]
            elif self.loop:
                block = np.concatenate([self.audio[pos:], self.audio[: pos + n - total]])
            else:
                break
            self.recorder.feed(np.ascontiguousarray(block))
            pos, fed = (pos + n) % total, fed + n
            self.position_s = pos / self.samplerate
            delay = t0 + fed / self.samplerate - time.monotonic()
            if delay > 0:
                time.sleep(delay)


def demo_recorder_factory(preroll_seconds: float = 10.0):  # type: ignore[no-untyped-def]
    def make() -> Recorder:
        data, rate = sf.read(str(sample_call_path()), dtype="int16")
        if data.ndim > 1:
            data = data[:, 0]
        name = QCoreApplication.translate("DemoInput", "Demo: sample call")  # shown as the device
        rec = Recorder(name, preroll_seconds=preroll_seconds).open_external(int(rate))
        rec._device_warning = None
        rec.demo_feeder = DemoFeeder(rec, data, int(rate)).start()  # type: ignore[attr-defined]
        return rec

    return make
