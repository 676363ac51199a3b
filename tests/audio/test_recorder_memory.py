"""The recorder's fast tier: the real recorder (ring, writer thread, meter, call writer, files,
watchdog, reopen) fed by an input device in memory instead of PortAudio, so no PulseAudio is needed.

The real-device tests (tests/audio/test_audio_recorder.py, virtual ALSA devices) stay as they are;
these run in well under a second each and pin the recorder's logic exactly: the test thread plays
the input's callback thread, so what was captured, and when "start" happened, is known to the frame.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from radio_desk.audio.memory_input import MemoryBackend, memory_device
from radio_desk.audio.recorder import Recorder, RecorderConfig
from radio_desk.domain import RecordingState
from radio_desk.errors import AudioError
from tests.support.virtual_audio import known_signal
from tests.support.wait import wait_until

RATE = 16_000
BLOCK = 320  # 20 ms
FAST = {"tick": 0.01, "write_interval": 0.02}  # the writer's pace, so the tests need not wait long


def make(tmp_path: Path, backend: MemoryBackend, device: str | None = "Memori", **kw) -> Recorder:
    kw.setdefault("preroll_seconds", 0.5)
    kw = {**FAST, **kw}
    return Recorder(device, backend=backend, recordings_dir=tmp_path / "rec", samplerate=RATE, **kw)


def push(backend: MemoryBackend, frames: np.ndarray) -> None:
    for i in range(0, len(frames), BLOCK):
        backend.stream.push(frames[i : i + BLOCK])


def test_split_recording_is_the_pushed_audio_to_the_frame(tmp_path: Path) -> None:
    backend = MemoryBackend()
    src = known_signal(3, RATE, channels=2, seed=3)
    with make(tmp_path, backend, channel_map="split") as r:
        sub = r.fanout.subscribe(RATE, max_seconds=10)
        push(backend, src[:RATE])  # 1 s before the call: 0.5 s of it is the pre-roll
        rec = r.start_recording()
        push(backend, src[RATE : 2 * RATE])
        done = r.stop_recording()
    data, rate = sf.read(done.path, dtype="int16", always_2d=True)
    assert rate == RATE and data.shape == (int(1.5 * RATE), 2)
    np.testing.assert_array_equal(data, src[RATE // 2 : 2 * RATE])
    assert done.id == rec.id and done.state == RecordingState.COMPLETE
    assert done.duration_s == pytest.approx(1.5) and done.device == "Memori"
    live = []
    while (b := sub.get(0.01)) is not None:
        live.append(b.frames)
    np.testing.assert_array_equal(np.round(np.concatenate(live) * 32768).astype(np.int16), data)
    side = json.loads(Path(done.path).with_suffix(".json").read_text())
    assert side["state"] == "complete" and side["preroll_s"] == 0.5 and side["channel_map"] == "split"


def test_mix_stores_the_average_of_both_channels(tmp_path: Path) -> None:
    backend = MemoryBackend()
    src = known_signal(1, RATE, channels=2, seed=4)
    with make(tmp_path, backend, channel_map="mix", preroll_seconds=0) as r:
        r.start_recording()
        push(backend, src)
        done = r.stop_recording()
    data, _ = sf.read(done.path, dtype="int16", always_2d=True)
    expected = ((src[:, 0].astype(np.int32) + src[:, 1]) // 2).astype(np.int16)[:, None]
    np.testing.assert_array_equal(data, expected)


def test_meter_clipping_silence_and_overflows(tmp_path: Path) -> None:
    backend = MemoryBackend([memory_device(channels=1)])
    with make(tmp_path, backend, channel_map="mono", lost_after=5.0) as r:  # silence is not a lost device
        square = np.where(np.arange(BLOCK * 10) % 32 < 16, 32767, -32768).astype(np.int16)[:, None]
        push(backend, square)
        st = wait_until(lambda: r.status() if r.status().clipping else None, what="clipping shown")
        assert st.peak_dbfs[0] == pytest.approx(0.0, abs=0.1)
        assert any("clipping" in m for m in st.messages())
        backend.stream.push(np.zeros((BLOCK, 1), np.int16), overflow=True)
        wait_until(lambda: r.status().overflow_count == 1, what="the overflow counted")
        for _ in range(10):
            push(backend, np.zeros((BLOCK * 5, 1), np.int16))
        st = wait_until(lambda: r.status() if r.status().rms_dbfs[0] < -100 else None, what="silence")
        assert st.seconds_without_signal > 0 and not st.device_lost


def test_lost_device_is_reopened_and_the_call_is_marked_interrupted(tmp_path: Path) -> None:
    backend = MemoryBackend()
    src = known_signal(2, RATE, channels=2, seed=5)
    events: list[str] = []
    r = make(
        tmp_path, backend, channel_map="split", preroll_seconds=0, lost_after=5.0, first_callback_grace=5.0,
        reopen_interval=0.05, on_event=lambda name, _data: events.append(name),
    )  # fmt: skip
    with r:
        push(backend, src[: RATE // 2])
        r.start_recording()
        push(backend, src[RATE // 2 : RATE])
        backend.stream.die()  # unplugged: the stream ends for good (lost at once, not after lost_after)
        wait_until(lambda: r.status().device_lost, what="the device reported lost")
        assert any("Perangkat input hilang" in m for m in r.status().messages())
        second = backend.wait_for_stream(2)  # the recorder reopened it on its own
        for i in range(RATE, 2 * RATE, BLOCK):
            second.push(src[i : i + BLOCK])
        wait_until(lambda: not r.status().device_lost, what="the device restored")
        assert r.status().device_lost_count == 1
        done = r.stop_recording()
    assert done.state == RecordingState.INTERRUPTED
    assert {"device_lost", "reopen_attempt", "device_restored"} <= set(events)
    side = json.loads(Path(done.path).with_suffix(".json").read_text())
    assert [e["event"] for e in side["events"]] == ["device_lost", "device_restored"]
    data, _ = sf.read(done.path, dtype="int16", always_2d=True)
    np.testing.assert_array_equal(data, src[RATE // 2 : 2 * RATE])  # nothing lost either side


def test_missing_device_falls_back_with_a_warning_and_bad_settings_are_refused(tmp_path: Path) -> None:
    backend = MemoryBackend([memory_device("Mikrofon laptop")])
    with make(tmp_path, backend, device="Mixer USB Studio") as r:
        wait_until(lambda: r.status().device == "Mikrofon laptop", what="the stand-in device")
        assert "Mixer USB Studio" in (r.status().device_warning or "")
    with pytest.raises(AudioError, match="kanal"):
        Recorder(backend=MemoryBackend([memory_device(channels=1)]), channel_map="split").open()
    with pytest.raises(AudioError, match="Pemetaan kanal"):
        RecorderConfig(channel_map="surround")
    with pytest.raises(TypeError, match="unknown settings"):
        Recorder(backend=backend, preroll=3)
    config = RecorderConfig(channel_map="split", preroll_seconds=2.0)
    assert Recorder(backend=backend, config=config, preroll_seconds=1.0).config == RecorderConfig(
        channel_map="split", preroll_seconds=1.0
    )
