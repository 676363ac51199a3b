"""GUI fixtures: the On-Air window on a real store, real recorder, real Whisper model, offscreen Qt.

* ``speech_16k`` — an Indonesian complaint spoken by espeak-ng (made once per session).
* ``engine`` — the bundled whisper-base loaded once per session (faster-whisper, int8).
* ``make_window`` — builds :class:`MainWindow` with a recorder factory of the test's choice: the demo
  input (the real :class:`Recorder` fed from a WAV in real time) or a virtual ALSA device.
* ``call_device`` — a virtual ALSA capture device playing ``speech_16k`` (tests/support/virtual_audio).
* ``indonesian`` — the interface in Indonesian for one test (the translators it loaded), English after.
"""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # makes tests/support importable

CALL_TEXT = (
    "Selamat siang. Saya Budi dari desa Sukorejo, kecamatan Bojonegoro. Jalan di desa Sukorejo rusak parah, "
    "mohon segera diperbaiki oleh dinas pekerjaan umum."
)
CALL_DEVICE = "rd_onair_call"
DEVICE_RATE = 48_000


def espeak(text: str, out: Path, rate: int) -> np.ndarray:
    raw = out.with_suffix(".espeak.wav")
    subprocess.run(["espeak-ng", "-v", "id", "-s", "150", "-w", str(raw), text], check=True)
    # -D: no dither, so the same text gives the same audio (and the same transcript) in every run
    subprocess.run(["sox", "-D", str(raw), "-r", str(rate), "-c", "1", "-b", "16", str(out)], check=True)
    import soundfile as sf

    data, _ = sf.read(str(out), dtype="int16")
    return data


@pytest.fixture(scope="session")
def speech_48k(tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:
    return espeak(CALL_TEXT, tmp_path_factory.mktemp("speech") / "call48.wav", DEVICE_RATE)


@pytest.fixture(scope="session")
def engine() -> Any:
    from radio_desk.transcribe import load_engine
    from radio_desk.transcribe.models import ensure_bundled_model

    ensure_bundled_model()
    return load_engine("faster-whisper", cpu_threads=2)


@pytest.fixture(scope="session")
def call_device(tmp_path_factory: pytest.TempPathFactory, speech_48k: np.ndarray) -> Iterator[str]:
    from support.virtual_audio import VirtualAudio, available

    reason = available()
    if reason:
        pytest.skip(f"virtual audio devices unavailable: {reason}")
    va = VirtualAudio(tmp_path_factory.mktemp("gui-audio"))
    va.start()
    lead_in = np.zeros(int(0.5 * DEVICE_RATE), np.int16)
    va.add_capture(CALL_DEVICE, np.concatenate([lead_in, speech_48k])[:, None], DEVICE_RATE)
    va.apply()
    yield CALL_DEVICE
    va.stop()


def demo_factory(wav: Path | None = None, loop: bool = True) -> Callable[[], Any]:
    """The real Recorder fed from a WAV (the demo input) — no sound card needed."""
    import soundfile as sf

    from radio_desk.audio.recorder import Recorder
    from radio_desk.gui.demo_input import DemoFeeder, sample_call_path

    def make() -> Recorder:
        data, rate = sf.read(str(wav or sample_call_path()), dtype="int16")
        rec = Recorder("test input", preroll_seconds=2.0).open_external(int(rate))
        DemoFeeder(rec, data, int(rate), loop=loop).start()
        return rec

    return make


@pytest.fixture
def make_window(qtbot: Any, tmp_path: Path, engine: Any) -> Iterator[Callable[..., Any]]:
    from radio_desk.gui.main_window import MainWindow
    from radio_desk.gui.services import Services
    from radio_desk.gui.tasks import TaskRunner
    from radio_desk.settings import Settings
    from radio_desk.store import open_store

    windows: list[Any] = []

    def make(
        *, recorder_factory: Callable[[], Any] | str | None = "demo",
        engine_loader: Callable[[], Any] | None = None, settings: dict[str, Any] | None = None,
        start: bool = True,
    ) -> Any:  # fmt: skip
        s = Settings()
        s.update({"first_run_done": True, "station_code": "test-fm", **(settings or {})})
        store = open_store(tmp_path / "radio-desk.sqlite3")
        services = Services(
            store, s, TaskRunner(max_threads=2),
            recorder_factory=demo_factory() if recorder_factory == "demo" else recorder_factory,
            engine_loader=engine_loader or (lambda: engine), start_sync=False,
        )  # fmt: skip
        window = MainWindow(services)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        # focus events (Tab out of a field) need an active window; offscreen activation can be late
        for _ in range(3):
            window.activateWindow()
            window.raise_()
            try:
                qtbot.waitUntil(window.isActiveWindow, timeout=2000)
                break
            except qtbot.TimeoutError:
                continue
        if start:
            window.start()
        windows.append(window)
        return window

    yield make
    for w in windows:
        if w.isVisible():
            w.close()
        w.services.store.close()


@pytest.fixture
def indonesian(qapp: Any) -> Iterator[list[str]]:
    from radio_desk.gui.i18n import install_translators

    loaded = install_translators(qapp, "id")
    yield loaded
    install_translators(qapp, "en")
