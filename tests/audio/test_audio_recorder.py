"""The recorder on real PortAudio capture from virtual ALSA devices."""

from __future__ import annotations

import json
import time
from pathlib import Path

import numpy as np
import pytest
import sounddevice as sd
import soundfile as sf
from audio_devices import LOUD, MONO, RATE, SILENT, STUDIO, locate

from radio_desk.audio.recorder import Recorder
from radio_desk.domain import RecordingState
from radio_desk.errors import AudioError
from tests.support.wait import wait_until

pytestmark = pytest.mark.slow


def make(tmp_path: Path, device: str = STUDIO, **kw) -> Recorder:
    kw.setdefault("samplerate", RATE)
    kw.setdefault("preroll_seconds", 1.0)
    return Recorder(device, recordings_dir=tmp_path / "rec", **kw)


def test_split_recording_matches_the_source_bit_for_bit(virtual_audio, tmp_path):
    src = virtual_audio.captures[STUDIO].samples
    with make(tmp_path, channel_map="split") as r:
        assert wait_until(lambda: r.ring.write_pos > 1.5 * RATE)  # pre-roll is full
        sub = r.fanout.subscribe(RATE, max_seconds=60)
        rec = r.start_recording()
        wait_until(lambda: r.status().elapsed_s >= 3.0, what="3 s recorded (1 s of it pre-roll)")
        done = r.stop_recording()
    data, rate = sf.read(done.path, dtype="int16", always_2d=True)
    assert rate == RATE and data.shape[1] == 2
    assert done.state == RecordingState.COMPLETE and done.id == rec.id
    assert 2.9 < done.duration_s < 3.6  # 1 s pre-roll + ~2 s
    at = locate(src, data)
    assert at >= 0, "recorded audio is not a slice of the source"
    np.testing.assert_array_equal(data, src[at : at + len(data)])
    # every written frame went to the live subscriber too, in order
    blocks = []
    while (b := sub.get(0.01)) is not None:
        blocks.append(b)
    assert blocks[0].start_frame == 0 and sub.dropped_frames == 0
    live = np.concatenate([b.frames for b in blocks])
    np.testing.assert_array_equal(np.round(live * 32768).astype(np.int16), data)
    assert sub.closed
    side = json.loads(Path(done.path).with_suffix(".json").read_text())
    assert side["state"] == "complete" and side["channel_map"] == "split" and side["preroll_s"] == 1.0


def test_mixdown_and_mono(virtual_audio, tmp_path):
    src = virtual_audio.captures[STUDIO].samples
    with make(tmp_path, channel_map="mix") as r:
        assert wait_until(lambda: r.ring.write_pos > 0.5 * RATE)
        r.start_recording()
        wait_until(lambda: r.status().elapsed_s >= 2.0, what="2 s recorded")
        done = r.stop_recording()
    data, _ = sf.read(done.path, dtype="int16", always_2d=True)
    mixed = ((src[:, 0].astype(np.int32) + src[:, 1]) // 2).astype(np.int16)[:, None]
    at = locate(mixed, data)
    assert data.shape[1] == 1 and at >= 0
    np.testing.assert_array_equal(data, mixed[at : at + len(data)])

    mono = virtual_audio.captures[MONO].samples
    with make(tmp_path, MONO, channel_map="mono") as r:
        assert wait_until(lambda: r.ring.write_pos > 0.5 * RATE)
        r.start_recording()
        wait_until(lambda: r.status().elapsed_s >= 2.0, what="2 s recorded")
        done = r.stop_recording()
    data, _ = sf.read(done.path, dtype="int16", always_2d=True)
    at = locate(mono, data)
    assert at >= 0
    np.testing.assert_array_equal(data, mono[at : at + len(data)])


def test_live_status_levels_and_rate(virtual_audio, tmp_path):
    with make(tmp_path, channel_map="split") as r:
        assert wait_until(lambda: r.status().peak_dbfs != ())
        stamps = set()
        t0 = time.monotonic()
        while time.monotonic() - t0 < 1.0:  # what a GUI polling at 100 Hz would see
            stamps.add(r.status().updated_at)
            time.sleep(0.01)
        assert len(stamps) >= 20  # a fresh snapshot at 20 Hz or more
        st = r.status()
        assert st.monitoring and not st.recording and st.device == STUDIO
        assert all(-16 < p < -5 for p in st.peak_dbfs), st.peak_dbfs  # 0.4..0.42 of full scale
        assert all(-25 < x < -8 for x in st.rms_dbfs), st.rms_dbfs
        assert st.seconds_without_signal < 0.5 and not st.clipping
        assert st.free_disk_minutes is not None and st.free_disk_minutes > 0
        r.start_recording()
        assert wait_until(lambda: r.status().elapsed_s > 1.2)
        st = r.status()
        assert st.recording and st.path and st.recording_id
        r.stop_recording()


def test_device_lost_is_marked_and_reopened(virtual_audio, tmp_path):
    src = virtual_audio.captures[STUDIO].samples
    with make(tmp_path, channel_map="split", reopen_interval=0.5, first_callback_grace=1.5) as r:
        assert wait_until(lambda: r.ring.write_pos > 0.5 * RATE)
        r.start_recording()
        wait_until(lambda: r.status().elapsed_s >= 2.0, what="2 s recorded")
        safe = int((r.status().elapsed_s - 0.1) * RATE)  # written before the device is pulled
        virtual_audio.unplug()
        try:
            assert wait_until(lambda: r.status().device_lost, timeout=4)
            st = r.status()
            assert any("Perangkat input hilang" in m for m in st.messages())
            before = st.elapsed_s
            time.sleep(1.0)
            assert r.status().elapsed_s == pytest.approx(before, abs=0.05)  # nothing arrives...
        finally:
            virtual_audio.replug()
        assert wait_until(lambda: not r.status().device_lost, timeout=10)  # ...until it is back
        assert wait_until(lambda: r.status().elapsed_s > before + 0.5)
        done = r.stop_recording()
        assert r.status().device_lost_count == 1
    assert done.state == RecordingState.INTERRUPTED
    side = json.loads(Path(done.path).with_suffix(".json").read_text())
    events = [e["event"] for e in side["events"]]
    assert events[0] == "device_lost" and "device_restored" in events
    data, _ = sf.read(done.path, dtype="int16", always_2d=True)
    lost_at = int(side["events"][0]["at_s"] * RATE)
    at = locate(src, data)
    # what came before is intact (a device being pulled may garble its very last period)
    np.testing.assert_array_equal(data[:safe], src[at : at + safe])
    assert len(data) > lost_at + RATE // 2


def test_vanished_device_falls_back_with_warning(virtual_audio, tmp_path):
    with make(tmp_path, "Mixer USB Studio 2", channel_map="mono") as r:
        st = r.status()
        assert st.device != "Mixer USB Studio 2"
        assert "Mixer USB Studio 2" in (r._device_warning or "")
        assert wait_until(lambda: r.status().device_warning is not None)
        assert any("tidak ditemukan" in m for m in r.status().messages())
        r.start_recording()
        wait_until(lambda: r.status().elapsed_s >= 1.5, what="1.5 s recorded")
        done = r.stop_recording()
    assert sf.info(done.path).frames > 0


def test_overflow_flags_are_counted_and_shown(virtual_audio, tmp_path):
    # PulseAudio buffers server-side, so a real input overflow cannot be provoked here; feed the real
    # callback PortAudio's own flag object, the way PortAudio reports one.
    with make(tmp_path, channel_map="split") as r:
        assert wait_until(lambda: r.ring.write_pos > 0)
        block = np.zeros((256, 2), np.int16)
        for _ in range(3):
            r._callback(block, 256, None, sd.CallbackFlags(0x2))  # paInputOverflow
        assert wait_until(lambda: r.status().overflow_count == 3)
        assert any("meluap 3 kali" in m for m in r.status().messages())
        assert wait_until(lambda: r.status().peak_dbfs and r.status().peak_dbfs[0] > -30)  # still running


def test_writer_stall_drops_audio_visibly_but_keeps_the_file_valid(virtual_audio, tmp_path):
    with make(tmp_path, channel_map="split", preroll_seconds=0.0, headroom_seconds=0.5) as r:
        assert wait_until(lambda: r.ring.write_pos > 0)
        r.start_recording()
        r._call(lambda: time.sleep(1.5))  # the writer is busy (a slow disk) for longer than the ring
        assert wait_until(lambda: r.status().dropped_frames > 0)
        assert any("terlewat" in m for m in r.status().messages())
        done = r.stop_recording()
    assert sf.info(done.path).frames > 0


def test_full_disk_keeps_what_fit_and_the_app_working(virtual_audio, tmp_path, tiny_disk):
    r = Recorder(STUDIO, samplerate=RATE, channel_map="split", preroll_seconds=0.5, recordings_dir=tiny_disk)
    with r:
        assert wait_until(lambda: r.ring.write_pos > 0.5 * RATE)
        st = r.status()
        assert st.low_disk and st.free_disk_minutes < 1  # 600 kB = ~3 s of 48 kHz stereo
        assert any("Ruang disk hampir habis" in m for m in st.messages())
        rec = r.start_recording()
        assert wait_until(lambda: r.status().error is not None, timeout=10)
        msg = r.status().error
        assert "disk penuh" in msg and rec.path in msg
        peak_before = r.status().updated_at
        assert wait_until(lambda: r.status().updated_at > peak_before)  # still listening, still metering
        done = r.stop_recording()
        assert done.state == RecordingState.INTERRUPTED
        with pytest.raises(AudioError, match="tidak bisa dibuat"):
            r.start_recording()  # a clear refusal, not a crash
    data, _ = sf.read(done.path, dtype="int16", always_2d=True)  # what fit is a valid, readable WAV
    assert 1.5 * RATE < len(data) < 3.5 * RATE
    src = virtual_audio.captures[STUDIO].samples
    at = locate(src, data)
    np.testing.assert_array_equal(data, src[at : at + len(data)])


def test_preroll_starts_the_file_before_the_key_press(virtual_audio, tmp_path):
    src = virtual_audio.captures[STUDIO].samples
    with make(tmp_path, channel_map="split", preroll_seconds=1.5) as r:
        assert wait_until(lambda: r.ring.write_pos > 2.5 * RATE)
        pressed_at = r.ring.write_pos  # the device played src[0:] from the moment it opened
        r.start_recording()
        wait_until(lambda: r.status().elapsed_s >= 1.8, what="0.3 s recorded after the pre-roll")
        done = r.stop_recording()
    data, _ = sf.read(done.path, dtype="int16", always_2d=True)
    at = locate(src, data)
    assert 0 <= pressed_at - at - int(1.5 * RATE) < 0.05 * RATE  # starts 1.5 s before the press


def test_silence_and_clipping_are_signalled(virtual_audio, tmp_path):
    with make(tmp_path, SILENT) as r:
        assert wait_until(lambda: r.status().seconds_without_signal > 1.2)
        st = r.status()
        assert st.peak_dbfs == (-120.0,) and not st.clipping
        assert any("Tidak ada sinyal selama 1 detik" in m for m in st.messages(silence_warn_s=1))
    with make(tmp_path, LOUD) as r:
        assert wait_until(lambda: r.status().clipping)
        st = r.status()
        assert st.peak_dbfs[0] == 0.0 and st.seconds_without_signal < 0.5
        assert any("clipping" in m for m in st.messages())


def test_non_blocking_start_and_stop_take_the_moment_of_the_call(tmp_path):
    """For a GUI thread: the futures resolve later, but the call starts and ends where they were asked."""
    from concurrent.futures import Future

    from support.virtual_audio import known_signal

    x = known_signal(2, RATE, channels=2, seed=5)
    r = Recorder("feed", channel_map="split", preroll_seconds=0.5, recordings_dir=tmp_path / "rec")
    r.open_external(RATE)
    try:
        r.feed(x[:RATE])
        started = r.start_recording_async()
        assert isinstance(started, Future)
        r.feed(x[RATE : RATE + RATE // 2])  # audio arriving before the writer took the request
        rec = started.result(10)
        assert rec.state == RecordingState.RECORDING and Path(rec.path).exists()
        stopped = r.stop_recording_async()
        r.feed(x[RATE + RATE // 2 :])  # after the stop: not part of the call
        done = stopped.result(10)
    finally:
        r.close()
    data, _ = sf.read(done.path, dtype="int16", always_2d=True)
    np.testing.assert_array_equal(data, x[RATE // 2 : RATE + RATE // 2])
    assert done.state == RecordingState.COMPLETE and done.duration_s == pytest.approx(1.0)
    with pytest.raises(AudioError, match="belum dibuka"):
        r.start_recording_async()
    with pytest.raises(AudioError, match="Pre-roll"):
        Recorder("feed", preroll_seconds=-1)
