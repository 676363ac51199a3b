"""A second Radio Desk process must never touch a recording another live process is writing.

Real ``radio-desk record`` processes on a virtual ALSA device, the real store, ``kill -9``: the second
start leaves the first call alone, and once the first process is killed the next start recovers the
call at its full length; a second start during FLAC archiving leaves the ``.flac.part`` alone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from audio_devices import MONO, RATE, STUDIO
from record_process import kill_when_recorded, seconds_on_disk, spawn_recording

from radio_desk.audio.sidecar import read_sidecar, recording_from_dict, write_sidecar
from radio_desk.domain import Case, RecordingState
from radio_desk.store import open_store
from tests.support.wait import wait_until

pytestmark = pytest.mark.slow
HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]


def radio_desk(*args: str) -> list[str]:
    return [sys.executable, "-m", "radio_desk", *args]


def env_for(home: Path) -> dict[str, str]:
    return dict(os.environ, RADIO_DESK_HOME=str(home))  # ALSA_CONFIG_PATH comes from the fixture


def start_recording(home: Path, database: Path, *extra: str) -> tuple[subprocess.Popen, Path, str]:
    """A real ``radio-desk record`` process; returns once it prints the file it writes."""
    cmd = radio_desk("record", "--device", STUDIO, "--samplerate", str(RATE), "--preroll", "0")
    cmd += ["--database", str(database), *extra]
    return spawn_recording(cmd, env_for(home), cwd=ROOT)


def record_once(home: Path, database: Path, seconds: float = 0.5) -> subprocess.CompletedProcess[str]:
    """A whole second start: ``radio-desk record`` on another input, to the end."""
    cmd = radio_desk("record", "--device", MONO, "--samplerate", str(RATE), "--preroll", "0")
    cmd += ["--seconds", str(seconds), "--no-flac", "--database", str(database)]
    out = subprocess.run(cmd, capture_output=True, text=True, env=env_for(home), cwd=ROOT, timeout=60)
    assert out.returncode == 0, out.stderr
    assert "Traceback" not in out.stderr
    return out


def test_second_start_leaves_a_live_call_alone_and_kill_9_then_recovers_it_whole(
    virtual_audio, isolated_home, tmp_path
):
    database = tmp_path / "studio.sqlite3"
    with open_store(database) as store:
        case_id = store.cases.create(Case(station="fm", summary="lampu jalan mati")).id
    first, path, rec_id = start_recording(
        isolated_home, database, "--seconds", "60", "--no-flac", "--case", str(case_id)
    )
    started = time.monotonic()
    try:
        wait_until(lambda: seconds_on_disk(path) >= 4.0, timeout=30, what="4 s of audio on disk")
        second = record_once(isolated_home, database)  # recovery runs at its start
        assert "dipulihkan" not in second.stderr, second.stderr
        side = read_sidecar(path.with_suffix(".json"))
        assert side["state"] == "recording", side  # the live call was not taken for a crashed one
        assert not any(e["event"] == "recovered" for e in side["events"])
        with open_store(database) as store:
            assert store.recordings.get(recording_from_dict(side).id).state == RecordingState.RECORDING
        killed = kill_when_recorded(first, path, seconds_on_disk(path) + 2.0)
    finally:
        if first.poll() is None:
            first.kill()
    captured = killed - started
    assert captured > 6.5

    restart = record_once(isolated_home, database)
    assert "1 rekaman yang terputus dipulihkan" in restart.stderr, restart.stderr
    side = read_sidecar(path.with_suffix(".json"))
    assert side["state"] == "recovered" and side["id"] == rec_id
    assert abs(side["duration_s"] - captured) < 1.0, (side["duration_s"], captured)
    assert sf.info(str(path)).frames == round(side["duration_s"] * RATE)
    with open_store(database) as store:
        (row,) = store.recordings.for_case(case_id)
    assert row.state == RecordingState.RECOVERED
    assert row.duration_s == pytest.approx(side["duration_s"])
    assert not path.with_suffix(".lock").exists()  # the dead writer's lock file is cleaned up


ARCHIVE_CHILD = """
import sys, threading
from pathlib import Path
from radio_desk.audio import archive
from radio_desk.audio.sidecar import read_sidecar, recording_from_dict

wav = Path(sys.argv[1])
rec = recording_from_dict(read_sidecar(wav.with_suffix(".json")))
rec.path = str(wav)
same = archive._same_audio

def slow_verify(a, b):  # archiving a call takes milliseconds: hold it at the verification step
    print("verifying", flush=True)
    sys.stdin.readline()
    return same(a, b)

archive._same_audio = slow_verify
done = archive.archive_to_flac(rec)
print("archived", done.path, flush=True)
"""


def test_second_start_during_flac_archiving_leaves_the_part_file_alone(
    virtual_audio, isolated_home, tmp_path
):
    database = tmp_path / "studio.sqlite3"
    proc, wav, _ = start_recording(isolated_home, database, "--seconds", "1.5", "--no-flac")
    assert proc.wait(30) == 0, proc.stderr.read()
    archiver = subprocess.Popen(
        [sys.executable, "-c", ARCHIVE_CHILD, str(wav)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        env=env_for(isolated_home), cwd=ROOT,
    )  # fmt: skip
    try:
        assert archiver.stdout.readline().strip() == "verifying", archiver.stderr.read()
        part = wav.with_suffix(".flac.part")
        assert part.exists()
        record_once(isolated_home, database)  # the second start, while the FLAC is being verified
        assert part.exists(), "the second start deleted the FLAC being archived"
        archiver.stdin.write("\n")
        archiver.stdin.flush()
        line = archiver.stdout.readline()
        assert archiver.wait(30) == 0, archiver.stderr.read()
    finally:
        if archiver.poll() is None:
            archiver.kill()
    flac = wav.with_suffix(".flac")
    assert line.split() == ["archived", str(flac)]
    assert flac.exists() and not wav.exists() and not part.exists()
    assert read_sidecar(flac.with_suffix(".json"))["format"] == "flac"


def test_a_recovered_call_shorter_than_its_file_is_repaired_again(isolated_home, tmp_path):
    """What an older version left behind: a second start marked a live call ``recovered`` at 4.26 s,
    the first process went on writing to 10.5 s and was then killed."""
    database = tmp_path / "studio.sqlite3"
    with open_store(database) as store:
        case_id = store.cases.create(Case(station="fm", summary="jalan berlubang")).id
    folder = isolated_home / "data" / "recordings" / "2026" / "01" / "05"
    folder.mkdir(parents=True)
    wav = folder / "20260105T081500Z_0badcafe.wav"
    x = (np.random.default_rng(3).standard_normal((int(10.5 * RATE), 1)) * 3000).astype(np.int16)
    sf.write(wav, x, RATE, subtype="PCM_16")
    from radio_desk.domain import Recording

    rec = Recording(
        case_id=case_id, path=str(wav), samplerate=RATE, channels=1, duration_s=4.26,
        state=RecordingState.RECOVERED,
    )  # fmt: skip
    write_sidecar(wav, rec, preroll_s=0.0, events=[{"event": "recovered", "at_s": 4.26}], error=None)
    with open_store(database) as store:
        store.recordings.save(rec)

    restart = record_once(isolated_home, database)
    assert "1 rekaman yang terputus dipulihkan" in restart.stderr, restart.stderr
    side = json.loads(wav.with_suffix(".json").read_text())
    assert side["state"] == "recovered" and side["duration_s"] == pytest.approx(10.5)
    assert [e["event"] for e in side["events"]] == ["recovered", "recovered"]
    with open_store(database) as store:
        (row,) = store.recordings.for_case(case_id)
    assert row.duration_s == pytest.approx(10.5) and row.state == RecordingState.RECOVERED
    record_once(isolated_home, database)  # repaired once: the next start leaves it alone
    assert json.loads(wav.with_suffix(".json").read_text())["events"] == side["events"]


def test_recovery_in_the_same_process_leaves_its_own_live_call_alone(tmp_path):
    """The app runs recovery in a worker thread while the operator may already be recording."""
    from radio_desk.audio.recorder import Recorder
    from radio_desk.audio.recovery import recover_recordings

    folder = tmp_path / "rec"
    r = Recorder("feed", preroll_seconds=0, recordings_dir=folder).open_external(RATE)
    try:
        rec = r.start_recording()
        r.feed(np.zeros((RATE, 1), np.int16))
        wait_until(lambda: r.status().elapsed_s >= 1.0, what="a second written")
        assert recover_recordings(folder).recovered == []
        assert read_sidecar(Path(rec.path).with_suffix(".json"))["state"] == "recording"
        done = r.stop_recording()
    finally:
        r.close()
    assert done.state == RecordingState.COMPLETE and done.duration_s == pytest.approx(1.0)
    assert not Path(rec.path).with_suffix(".lock").exists()  # released at stop
    assert recover_recordings(folder).recovered == []
