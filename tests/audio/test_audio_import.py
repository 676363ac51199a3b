"""Importing existing audio files: every supported format, and a clear refusal for the rest."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from audio_cli import run
from support.phone_audio import PHONE_FORMATS, TONE_HZ, dominant_hz, make_phone_file

from radio_desk.audio.importer import import_audio_file
from radio_desk.domain import Channel, RecordingState
from radio_desk.errors import AudioError, NotFoundError
from radio_desk.store import open_store

ROOT = Path(__file__).resolve().parents[2]


def tone(seconds: float = 1.5, rate: int = 48000) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)


@pytest.mark.parametrize(
    ("name", "fmt", "subtype", "stored"),
    [
        ("call.wav", "WAV", "PCM_16", "wav"),
        ("call.flac", "FLAC", "PCM_16", "flac"),
        ("voice-note.opus", "OGG", "OPUS", "ogg"),
        ("voice.ogg", "OGG", "VORBIS", "ogg"),
        ("call.mp3", "MP3", "MPEG_LAYER_III", "mp3"),
    ],
)
def test_import_native_formats(tmp_path, name, fmt, subtype, stored):
    src = tmp_path / name
    sf.write(src, tone(), 48000, format=fmt, subtype=subtype)
    imp = import_audio_file(src, tmp_path / "rec")
    rec = imp.recording
    assert rec.format == stored and rec.state == RecordingState.COMPLETE
    assert rec.duration_s == pytest.approx(1.5, abs=0.1) and rec.channels == 1
    assert sf.info(rec.path).frames > 0 and rec.sha256
    assert imp.channel == (Channel.WHATSAPP if name.endswith((".opus", ".ogg")) else Channel.ON_AIR)


@pytest.mark.parametrize("suffix", sorted(PHONE_FORMATS))
def test_import_phone_formats_without_ffmpeg(tmp_path, suffix, monkeypatch):
    """M4A/AAC/AMR are decoded by PyAV's bundled FFmpeg libraries: no ``ffmpeg`` program on PATH."""
    monkeypatch.setenv("PATH", str(tmp_path / "no-tools"))
    src = make_phone_file(tmp_path / f"pesan-suara{suffix}")
    imp = import_audio_file(src, tmp_path / "rec")
    rec = imp.recording
    assert rec.format == "flac" and Path(rec.path).suffix == ".flac"
    assert rec.samplerate == PHONE_FORMATS[suffix][2] and rec.channels == 1
    assert rec.duration_s == pytest.approx(1.5, abs=0.1)
    data, rate = sf.read(rec.path, dtype="float32")
    assert rate == rec.samplerate and len(data) == round(rec.duration_s * rate)
    assert dominant_hz(data, rate) == pytest.approx(TONE_HZ, abs=10)  # the caller's audio, not noise
    assert imp.channel == Channel.WHATSAPP


def test_cli_imports_phone_recordings_with_no_ffmpeg_installed(tmp_path):
    """The real ``radio-desk import`` in a process whose PATH has no ffmpeg, as on a studio PC."""
    database = tmp_path / "studio.sqlite3"
    files = [str(make_phone_file(tmp_path / f"telepon{suffix}")) for suffix in (".m4a", ".aac", ".amr")]
    env = dict(os.environ, PATH=str(tmp_path / "no-tools"), RADIO_DESK_HOME=str(tmp_path / "home"))
    out = subprocess.run(
        [sys.executable, "-m", "radio_desk", "import", *files, "--database", str(database)],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=120,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "ffmpeg" not in out.stderr and "Traceback" not in out.stderr
    with open_store(database) as store:
        cases = store.cases.list(limit=None)
        notes = sorted(c.notes for c in cases)
        assert notes == [f"Diimpor dari telepon{s}" for s in (".aac", ".amr", ".m4a")]
        recs = [r for c in cases for r in store.recordings.for_case(c.id)]
    assert sorted(r.samplerate for r in recs) == [8_000, 44_100, 44_100]
    assert all(r.format == "flac" and Path(r.path).exists() for r in recs)


def test_truncated_phone_recording_is_refused(tmp_path):
    src = make_phone_file(tmp_path / "putus.m4a")
    src.write_bytes(src.read_bytes()[: src.stat().st_size // 3])  # the upload broke off
    with pytest.raises(AudioError, match=r"putus\.m4a.*tidak bisa diimpor: isinya rusak"):
        import_audio_file(src, tmp_path / "rec")
    assert not [p for p in (tmp_path / "rec").rglob("*") if p.is_file()]


def test_corrupt_and_unsupported_files_are_refused_with_the_reason(tmp_path):
    corrupt = tmp_path / "rusak.mp3"
    corrupt.write_bytes(np.random.default_rng(0).bytes(20000))
    with pytest.raises(AudioError, match=r"rusak\.mp3.*tidak bisa diimpor: isinya rusak"):
        import_audio_file(corrupt, tmp_path / "rec")
    text = tmp_path / "catatan.txt"
    text.write_text("bukan audio")
    with pytest.raises(AudioError, match=r"catatan\.txt.*format '\.txt' tidak didukung"):
        import_audio_file(text, tmp_path / "rec")
    empty = tmp_path / "kosong.wav"
    empty.write_bytes(b"")
    with pytest.raises(AudioError, match=r"kosong\.wav.*kosong"):
        import_audio_file(empty, tmp_path / "rec")
    with pytest.raises(NotFoundError, match="tidak ditemukan"):
        import_audio_file(tmp_path / "nope.wav", tmp_path / "rec")
    assert not list((tmp_path / "rec").rglob("*.mp3"))  # nothing half-imported


def test_cli_import_reports_bad_files_and_keeps_going(tmp_path, capsys):
    good = tmp_path / "ok.flac"
    sf.write(good, tone(), 48000, format="FLAC")
    bad = tmp_path / "rusak.wav"
    bad.write_bytes(b"RIFF\x00\x00\x00\x00WAVEjunk")
    assert run(["import", str(bad), str(good)]) == 2
    out, err = capsys.readouterr()
    assert "rusak.wav" in err and "Traceback" not in err
    assert "ok.flac: 1.5 detik" in out


def test_cli_import_makes_one_case_per_file(tmp_path, capsys):
    database = tmp_path / "studio.sqlite3"
    names = []
    for name, fmt, subtype in [
        ("a.wav", "WAV", "PCM_16"),
        ("wa.opus", "OGG", "OPUS"),
        ("c.mp3", "MP3", None),
    ]:
        sf.write(tmp_path / name, tone(), 48000, format=fmt, subtype=subtype)
        names.append(str(tmp_path / name))
    assert run(["import", *names, "--database", str(database)]) == 0
    err = capsys.readouterr().err
    assert "peringatan" not in err, err
    with open_store(database) as store:
        cases = store.cases.list(limit=None)
        assert len(cases) == 3
        by_note = {c.notes: c for c in cases}
        wa = by_note["Diimpor dari wa.opus"]
        assert wa.channel == Channel.WHATSAPP
        (rec,) = store.recordings.for_case(wa.id)
    assert rec.format == "ogg" and Path(rec.path).exists() and rec.duration_s == pytest.approx(1.5, abs=0.1)


def test_import_onto_a_full_disk_names_the_file_and_leaves_nothing(tmp_path, tiny_disk):
    big = tmp_path / "panjang.wav"
    sf.write(big, np.tile(tone(), 8), 48000, subtype="PCM_16")  # ~1.1 MB: more than the 600 kB disk
    with pytest.raises(AudioError, match=r"panjang\.wav.*disk penuh"):
        import_audio_file(big, tiny_disk)
    assert [p for p in tiny_disk.rglob("*") if p.is_file()] == []
    assert big.exists()  # the source is never touched
