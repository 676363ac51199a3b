"""Playback to a virtual output device, and the record/devices commands end to end."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from audio_cli import run
from audio_devices import RATE, SPEAKER, STUDIO, locate

from radio_desk.audio.playback import Player
from radio_desk.domain import Case, RecordingState
from radio_desk.errors import AudioError, NotFoundError
from radio_desk.store import open_store
from tests.support.wait import wait_until

pytestmark = pytest.mark.slow


def test_play_a_segment_exactly(virtual_audio, tmp_path):
    x = np.random.default_rng(5).integers(-20000, 20000, size=(RATE * 3, 2), dtype=np.int16)
    path = tmp_path / "call.wav"
    sf.write(path, x, RATE, subtype="PCM_16")
    out = virtual_audio.playbacks[SPEAKER]
    p = Player(SPEAKER)
    p.load(path, start=1.0, end=1.5)
    assert p.duration == pytest.approx(0.5)
    before = len(out.played())
    p.play()
    assert p.wait(timeout=10)
    assert p.position == pytest.approx(1.5, abs=1e-3)
    played = out.played()[before:]
    seg = x[RATE : RATE + RATE // 2].astype(np.float32) / 32768
    at = locate(played, seg)
    assert at >= 0, "the segment was not played"
    np.testing.assert_array_equal(played[at : at + len(seg)], seg)
    assert not played[at + len(seg) :].any()  # nothing after the segment's end (only silence)
    assert p.underruns == 0


def test_stop_and_seek(virtual_audio, tmp_path):
    path = tmp_path / "long.wav"
    sf.write(path, np.zeros((RATE * 20, 1), np.int16), RATE, subtype="PCM_16")
    p = Player(SPEAKER)
    p.load(path)
    p.play()
    wait_until(lambda: p.position >= 0.4, what="0.4 s played")
    p.stop()
    assert not p.playing and 0.1 < p.position < 1.5
    p.seek(12.0)
    assert p.position == pytest.approx(12.0)
    p.play()
    wait_until(lambda: p.position > 12.1, what="playing on from 12 s")
    assert p.playing
    p.seek(5.0)  # while playing: keeps playing from there
    assert p.playing and 5.0 <= p.position < 6.0
    p.close()
    with pytest.raises(NotFoundError):
        p.load(tmp_path / "missing.wav")
    (tmp_path / "bad.wav").write_bytes(b"nope")
    with pytest.raises(AudioError, match=r"bad\.wav"):
        p.load(tmp_path / "bad.wav")


def test_cli_devices_and_record(virtual_audio, isolated_home, capsys):
    assert run(["devices"]) == 0
    out = capsys.readouterr().out
    assert STUDIO in out and "2 kanal" in out
    args = ["record", "--device", STUDIO, "--seconds", "1.5", "--samplerate", str(RATE)]
    code = run([*args, "--channel-map", "split", "--preroll", "0", "--flac"])
    out = capsys.readouterr().out
    assert code == 0
    lines = dict(line.split(": ", 1) for line in out.strip().splitlines())
    rec_id = lines["ID rekaman"]
    final = Path(lines["Selesai"].split(" (")[0])
    assert final.suffix == ".flac" and final.exists() and not final.with_suffix(".wav").exists()
    assert 1.3 < sf.info(final).duration < 2.0
    side = json.loads(final.with_suffix(".json").read_text())
    assert side["id"] == rec_id and side["state"] == "complete" and side["format"] == "flac"
    assert str(isolated_home) in str(final)


def test_cli_record_rejects_bad_arguments(virtual_audio, capsys):
    assert run(["record", "--seconds", "2", "--case", "bukan-uuid"]) == 2
    assert "bukan UUID" in capsys.readouterr().err
    assert run(["record", "--seconds", "0"]) == 2


def test_cli_record_into_a_database_attaches_to_the_case(virtual_audio, tmp_path, capsys):
    database = tmp_path / "studio.sqlite3"
    with open_store(database) as store:
        case_id = store.cases.create(Case(station="fm", summary="air mati")).id
    args = ["record", "--device", STUDIO, "--seconds", "1", "--samplerate", str(RATE), "--preroll", "0"]
    assert run([*args, "--flac", "--case", str(case_id), "--database", str(database)]) == 0
    out, err = capsys.readouterr()
    assert "peringatan" not in err, err
    rec_id = uuid.UUID(dict(line.split(": ", 1) for line in out.strip().splitlines())["ID rekaman"])
    with open_store(database) as store:
        (rec,) = store.recordings.for_case(case_id)
    assert rec.id == rec_id and rec.state == RecordingState.COMPLETE and rec.format == "flac"
    assert Path(rec.path).exists() and rec.sha256 and 0.8 < rec.duration_s < 1.6

    unknown = uuid.uuid4()  # a case the database does not know: refused before anything is recorded
    assert run([*args, "--case", str(unknown), "--database", str(database)]) == 2
    assert f"Aduan {unknown} tidak ada" in capsys.readouterr().err
