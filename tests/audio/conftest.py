"""Audio-area fixtures: virtual ALSA devices on a private PulseAudio (tests/support/virtual_audio.py)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # makes tests/support importable

from audio_devices import LOUD, MONO, RATE, SILENT, SPEAKER, STUDIO
from support.virtual_audio import VirtualAudio, available, known_signal


@pytest.fixture(scope="session")
def virtual_audio(tmp_path_factory: pytest.TempPathFactory) -> Iterator[VirtualAudio]:
    reason = available()
    if reason:
        pytest.skip(f"virtual audio devices unavailable: {reason}")
    va = VirtualAudio(tmp_path_factory.mktemp("virtual-audio"))
    va.start()
    va.add_capture(STUDIO, known_signal(60, RATE, channels=2, seed=1), RATE)
    va.add_capture(MONO, known_signal(60, RATE, channels=1, seed=2), RATE)
    va.add_capture(SILENT, np.zeros((RATE, 1), np.int16), RATE)
    square = np.where(np.arange(RATE * 60) % 96 < 48, 32767, -32768).astype(np.int16)[:, None]
    va.add_capture(LOUD, square, RATE)
    va.add_playback(SPEAKER, RATE, channels=2, dtype="float32")
    va.apply()
    yield va
    va.stop()
