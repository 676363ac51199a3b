"""Both engines on real audio with the real bundled model; audio loading; bad input."""

from __future__ import annotations

import sys
import time
import wave
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from radio_desk.errors import AudioError, ModelError, NotFoundError
from radio_desk.transcribe import Engine, TranscribeOptions, load_engine
from radio_desk.transcribe.audio_io import load_audio, resample
from radio_desk.transcribe.engine import SAMPLE_RATE

SR = SAMPLE_RATE


# --- the bundled model hears Indonesian ---------------------------------------------------------------


@pytest.mark.slow
def test_bundled_model_transcribes_indonesian_espeak(
    fw_engine: Engine, speech: np.ndarray, heard, key_words: set[str]
) -> None:
    assert isinstance(fw_engine, Engine)
    result = fw_engine.transcribe(speech, TranscribeOptions())
    assert heard(result.text) == key_words, result.text
    assert result.engine == "faster-whisper" and "whisper-base" in result.model
    assert result.segments[0].start < 1.0 and result.segments[-1].end <= result.duration + 0.1


@pytest.mark.slow
def test_openai_engine_transcribes_indonesian_espeak(
    oa_engine: Engine, speech: np.ndarray, heard, key_words: set[str]
) -> None:
    result = oa_engine.transcribe(speech, TranscribeOptions(beam_size=1))
    assert heard(result.text) == key_words, result.text
    assert result.language == "id"


@pytest.mark.slow
def test_javanese_option_is_passed_to_whisper(fw_engine: Engine, speech: np.ndarray) -> None:
    result = fw_engine.transcribe(speech, TranscribeOptions(language="jw"))
    assert result.language == "jw"


# --- silence, music, long audio ------------------------------------------------------------------------


@pytest.mark.parametrize("engine_name", ["fw_engine", "oa_engine"])
@pytest.mark.parametrize("kind", ["digital-silence", "room-noise", "music-chord"])
def test_no_invented_text_without_speech(engine_name: str, kind: str, request: pytest.FixtureRequest) -> None:
    engine: Engine = request.getfixturevalue(engine_name)
    n = 30 * SR
    t = np.arange(n) / SR
    rng = np.random.default_rng(7)
    audio = {
        "digital-silence": np.zeros(n),
        "room-noise": rng.standard_normal(n) * 0.003,
        "music-chord": 0.1
        * sum(np.sin(2 * np.pi * f * t) for f in (220.0, 277.2, 329.6))
        * (0.6 + 0.4 * np.sin(2 * np.pi * 0.5 * t)),
    }[kind].astype(np.float32)
    result = engine.transcribe(audio, TranscribeOptions())
    assert result.segments == [] and result.text == "", result.text
    assert result.duration == pytest.approx(30.0)


def test_empty_array_gives_an_empty_result(fw_engine: Engine, oa_engine: Engine) -> None:
    for engine in (fw_engine, oa_engine):
        result = engine.transcribe(np.zeros(0, np.float32), TranscribeOptions())
        assert result.segments == [] and result.duration == 0.0


@pytest.mark.slow
def test_ten_minutes_of_noise_music_and_three_complaints(
    fw_engine: Engine, speech: np.ndarray, heard
) -> None:
    n = 600 * SR
    rng = np.random.default_rng(3)
    audio = (rng.standard_normal(n) * 0.003).astype(np.float32)
    t = np.arange(120 * SR, 180 * SR) / SR
    audio[120 * SR : 180 * SR] += (0.1 * (np.sin(2 * np.pi * 220 * t) + np.sin(2 * np.pi * 330 * t))).astype(
        np.float32
    )
    starts = (30, 300, 570)
    for s in starts:
        audio[s * SR : s * SR + speech.size] += speech
    began = time.perf_counter()
    result = fw_engine.transcribe(audio, TranscribeOptions())
    elapsed = time.perf_counter() - began
    assert elapsed < 300, elapsed  # a hang guard only: the speed is measured by bench/bench_calls.py
    assert result.duration == pytest.approx(600.0)
    spoken = [s for s in result.segments if s.text.strip()]
    for s in starts:  # each complaint found where it was placed, with its words
        near = [seg for seg in spoken if s - 2 <= seg.start <= s + speech.size / SR]
        assert near, (s, [(x.start, x.text) for x in spoken])
        assert {"jalan", "rusak"} <= heard(" ".join(x.text for x in near))
    for seg in spoken:  # nothing invented in the noise or the music
        assert any(s - 2 <= seg.start <= s + speech.size / SR for s in starts), (seg.start, seg.text)


# --- loading engines -----------------------------------------------------------------------------------


def test_unknown_engine_is_refused() -> None:
    with pytest.raises(ModelError, match="tidak dikenal"):
        load_engine("whisper-cpp")


def test_openai_engine_without_the_extra_says_how_to_install(
    bundled_model: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The extra is installed here; hide it to get the error a studio PC without torch would show.
    monkeypatch.setitem(sys.modules, "whisper", None)
    with pytest.raises(ModelError, match=r"radio-desk\[whisper\]"):
        load_engine("openai-whisper")


def test_faster_whisper_refuses_an_openai_checkpoint(tmp_path: Path) -> None:
    pt = tmp_path / "small.pt"
    pt.write_bytes(b"not really")
    with pytest.raises(ModelError, match="openai-whisper"):
        load_engine("faster-whisper", pt)


# --- audio files ------------------------------------------------------------------------------------


def test_espeak_wav_is_resampled_from_22050(speech_wav: Path, speech: np.ndarray) -> None:
    info = sf.info(str(speech_wav))
    assert info.samplerate == 22050
    assert speech.dtype == np.float32 and speech.ndim == 1
    assert speech.size == pytest.approx(info.frames * SR / 22050, abs=2)


def test_resampler_is_band_limited() -> None:
    rate = 22050
    t = np.arange(rate) / rate
    out_pass = resample(np.sin(2 * np.pi * 1000 * t).astype(np.float32), rate)
    spectrum = np.abs(np.fft.rfft(out_pass[1000:-1000]))
    peak_hz = np.argmax(spectrum) * SR / (out_pass.size - 2000)
    assert abs(peak_hz - 1000) < 5
    assert np.sqrt(np.mean(out_pass[1000:-1000] ** 2)) == pytest.approx(np.sqrt(0.5), rel=0.02)
    # 10 kHz is above the 8 kHz Nyquist limit of 16 kHz audio: it must be filtered, not fold to 6 kHz
    out_stop = resample(np.sin(2 * np.pi * 10_000 * t).astype(np.float32), rate)
    assert np.sqrt(np.mean(out_stop[1000:-1000] ** 2)) < 0.01


def test_formats_and_channels(tmp_path: Path) -> None:
    import av

    t = np.arange(48_000) / 48_000
    left, right = 0.5 * np.sin(2 * np.pi * 440 * t), np.zeros_like(t)
    stereo = np.stack([left, right], axis=1).astype(np.float32)
    sf.write(tmp_path / "call.flac", stereo, 48_000)
    assert load_audio(tmp_path / "call.flac").size == SR
    assert np.abs(load_audio(tmp_path / "call.flac", channel=1)).max() < 1e-3
    assert np.abs(load_audio(tmp_path / "call.flac", channel=0)).max() > 0.45
    with pytest.raises(AudioError, match="kanal 3"):
        load_audio(tmp_path / "call.flac", channel=2)
    # M4A/AAC is not libsndfile's: decoded through FFmpeg (PyAV)
    m4a = tmp_path / "phone.m4a"
    with av.open(str(m4a), "w") as container:
        stream = container.add_stream("aac", rate=44_100)
        stream.layout = "mono"
        mono = (0.5 * np.sin(2 * np.pi * 440 * np.arange(44_100) / 44_100)).astype(np.float32)
        frame = av.AudioFrame.from_ndarray(mono[None, :], format="flt", layout="mono")
        frame.sample_rate = 44_100
        for packet in stream.encode(frame):
            container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
    audio = load_audio(m4a)
    assert abs(audio.size - SR) < 0.1 * SR and np.abs(audio).max() > 0.3


def test_bad_audio_files_give_clear_errors(tmp_path: Path) -> None:
    with pytest.raises(NotFoundError, match="tidak ditemukan"):
        load_audio(tmp_path / "missing.wav")
    empty = tmp_path / "empty.wav"
    empty.write_bytes(b"")
    with pytest.raises(AudioError, match="kosong"):
        load_audio(empty)
    corrupt = tmp_path / "corrupt.wav"
    corrupt.write_bytes(b"RIFF\x10\x00\x00\x00WAVEfmt " + bytes(range(256)) * 20)
    with pytest.raises(AudioError, match="rusak atau formatnya tidak dikenali"):
        load_audio(corrupt)
    noise = tmp_path / "noise.mp3"
    noise.write_bytes(np.random.default_rng(0).bytes(50_000))
    with pytest.raises(AudioError, match=r"rusak|tidak"):
        load_audio(noise)
    no_frames = tmp_path / "zero.wav"
    with wave.open(str(no_frames), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(16_000)
    with pytest.raises(AudioError, match="tidak berisi suara"):
        load_audio(no_frames)
    with pytest.raises(AudioError, match="folder"):
        load_audio(tmp_path)


def test_truncated_wav_still_loads_what_is_there(speech_wav: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.wav"
    data = speech_wav.read_bytes()
    cut.write_bytes(data[: len(data) // 2])  # a recorder killed mid-write
    audio = load_audio(cut)
    assert 0.3 * 7.4 * SR < audio.size < 0.7 * 7.4 * SR


# --- timestamps guard short windows ---------------------------------------------------------------


def test_pieces_starting_after_the_audio_are_dropped(fw_engine) -> None:
    from faster_whisper.tokenizer import Tokenizer

    from radio_desk.transcribe.faster import _timed_parts

    tok = Tokenizer(fw_engine._model.hf_tokenizer, True, task="transcribe", language="id")

    def ts(seconds: float) -> int:
        return tok.timestamp_begin + round(seconds / 0.02)

    said, again = tok.encode(" Berapa nomor pintu masuknya?"), tok.encode(" Berapa nomor pintu")
    # the decoder read the 2-second utterance, then started reading it again "after" its end
    tokens = [ts(0.0), *said, ts(1.9), ts(2.0), *again, tok.eot]
    assert _timed_parts(tokens, tok, 2.1) == [(0.0, 1.9, "Berapa nomor pintu masuknya?")]
    # a second piece inside the audio is kept, with its own times
    parts = _timed_parts([ts(0.0), *said, ts(1.0), ts(1.2), *again, ts(2.0)], tok, 2.5)
    assert [(a, b) for a, b, _ in parts] == [(0.0, 1.0), (1.2, 2.0)]
