"""Fixtures for the transcription tests: the real bundled model, loaded engines, speech made by espeak-ng.

The bundled whisper-base is joined once into ``RADIO_DESK_MODELS`` (``.pytest_cache/models``, see
tests/conftest.py) and the engines are loaded once per session: loading takes seconds, joining 145 MB
more.  Tests that damage or download models point ``RADIO_DESK_MODELS`` at their own tmp folder.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import numpy as np
import pytest

from radio_desk.transcribe.engine import SAMPLE_RATE
from tests.support.speech import SENTENCE, espeak_wav

# the words of SENTENCE (tests/support/speech.py) whisper-base gets right every time (checked by hand)
KEY_WORDS = ("jalan", "rusak", "mohon", "segera", "umum")
HOST_SENTENCE = "Baik bapak, laporan anda kami teruskan ke dinas kesehatan hari ini."


@contextmanager
def _env(**values: str) -> Iterator[None]:
    old = {k: os.environ.get(k) for k in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for k, v in old.items():
            if v is None:
                os.environ.pop(k, None)
            else:
                os.environ[k] = v


@pytest.fixture(scope="session")
def bundled_model() -> Path:
    from radio_desk.transcribe.models import ensure_bundled_model

    return ensure_bundled_model()


@pytest.fixture(scope="session")
def session_home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A home whose cache keeps the converted openai-whisper checkpoint for the whole session."""
    return tmp_path_factory.mktemp("transcribe-home")


@pytest.fixture(scope="session")
def fw_engine(bundled_model: Path):
    """faster-whisper as shipped (int8 on CPU)."""
    from radio_desk.transcribe import load_engine

    return load_engine("faster-whisper", cpu_threads=2)


@pytest.fixture(scope="session")
def stock_fw32(bundled_model: Path):
    """Stock ``faster_whisper.WhisperModel`` in float32 (no Radio Desk pipeline on top): the same
    arithmetic and the same 30-second windows as openai-whisper on CPU, to prove the conversion."""
    from faster_whisper import WhisperModel

    return WhisperModel(str(bundled_model), device="cpu", compute_type="float32", cpu_threads=2)


@pytest.fixture(scope="session")
def oa_engine(bundled_model: Path, session_home: Path):
    """openai-whisper from the converted bundled weights.

    One torch thread: on this shared 2-core machine two OpenMP threads spin against other processes
    and run several times slower.
    """
    from radio_desk.transcribe import load_engine

    with _env(RADIO_DESK_HOME=str(session_home)):
        return load_engine("openai-whisper", cpu_threads=1)


@pytest.fixture(scope="session")
def speech_wav(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Indonesian test sentence spoken by espeak-ng (22050 Hz WAV)."""
    return espeak_wav(tmp_path_factory.mktemp("speech") / "aduan.wav")


@pytest.fixture(scope="session")
def speech(speech_wav: Path) -> np.ndarray:
    """The sentence at 16 kHz mono float32 (resampled 22050 → 16000 by audio_io)."""
    from radio_desk.transcribe.audio_io import load_audio

    audio = load_audio(speech_wav)
    assert abs(audio.size / SAMPLE_RATE - 7.4) < 1.0
    return audio


@pytest.fixture(scope="session")
def host_speech(tmp_path_factory: pytest.TempPathFactory) -> np.ndarray:
    """The studio host's answer (a second voice for the split-stereo tests), 16 kHz mono."""
    from radio_desk.transcribe.audio_io import load_audio

    return load_audio(espeak_wav(tmp_path_factory.mktemp("host") / "host.wav", HOST_SENTENCE))


def key_words_in(text: str) -> set[str]:
    from radio_desk.transcribe.wer import normalize

    words = set(normalize(text).split())
    return {w for w in KEY_WORDS if w in words}


@pytest.fixture(scope="session")
def heard():
    """``heard(text)``: which of ``KEY_WORDS`` the text contains (normalised like the WER)."""
    return key_words_in


@pytest.fixture(scope="session")
def sentence() -> str:
    return SENTENCE


@pytest.fixture(scope="session")
def key_words() -> set[str]:
    return set(KEY_WORDS)
