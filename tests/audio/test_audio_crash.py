"""A recording process killed with SIGKILL mid-call is recovered at the next start."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf
from audio_devices import RATE, STUDIO, locate
from record_process import kill_when_recorded, spawn_recording

from radio_desk.audio.recovery import recover_recordings
from radio_desk.domain import Case, RecordingState
from radio_desk.services.catalog import apply_recovery
from radio_desk.store import open_store

pytestmark = pytest.mark.slow
HERE = Path(__file__).resolve().parent


def test_sigkill_mid_call_is_recovered_within_a_second(virtual_audio, isolated_home, tmp_path):
    database = tmp_path / "studio.sqlite3"
    with open_store(database) as store:
        case_id = store.cases.create(Case(station="fm", summary="jalan rusak")).id
    cmd = [sys.executable, str(HERE / "audio_cli.py"), "record", "--device", STUDIO, "--seconds", "60"]
    cmd += ["--samplerate", str(RATE), "--channel-map", "split", "--preroll", "0", "--no-flac"]
    cmd += ["--case", str(case_id), "--database", str(database)]
    env = dict(os.environ, RADIO_DESK_HOME=str(isolated_home))  # ALSA_CONFIG_PATH comes from the fixture
    proc, path, rec_id = spawn_recording(cmd, env)
    started = time.monotonic()
    try:
        killed = kill_when_recorded(proc, path, 3.0)
    finally:
        if proc.poll() is None:
            proc.kill()
    captured = killed - started
    assert json.loads(path.with_suffix(".json").read_text())["state"] == "recording"

    report = recover_recordings(isolated_home / "data" / "recordings")
    assert [str(r.id) for r in report.recovered] == [rec_id] and not report.problems
    rec = report.recovered[0]
    assert rec.state == RecordingState.RECOVERED and rec.case_id == case_id
    assert abs(rec.duration_s - captured) < 1.0, (rec.duration_s, captured)
    data, rate = sf.read(path, dtype="int16", always_2d=True)  # a valid, readable WAV
    assert rate == RATE and len(data) == round(rec.duration_s * RATE)
    src = virtual_audio.captures[STUDIO].samples
    at = locate(src, data)
    np.testing.assert_array_equal(data, src[at : at + len(data)])
    side = json.loads(path.with_suffix(".json").read_text())
    assert side["state"] == "recovered" and side["case_id"] == str(case_id)
    assert side["events"][-1]["event"] == "recovered"
    assert recover_recordings(isolated_home / "data" / "recordings").recovered == []  # only once

    assert apply_recovery(report, database) == 1  # the row follows: recovered, real length, same case
    with open_store(database) as store:
        (row,) = store.recordings.for_case(case_id)
    assert row.id == rec.id and row.state == RecordingState.RECOVERED
    assert row.duration_s == pytest.approx(rec.duration_s) and row.path == str(path)
