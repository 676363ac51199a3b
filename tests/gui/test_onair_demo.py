"""``radio-desk demo``: a separate home with a week of sample cases and the bundled sample call."""

from __future__ import annotations

import os
from datetime import UTC, datetime, timedelta
from pathlib import Path

import soundfile as sf

from radio_desk.cli.demo import DEMO_CASES, prepare_demo
from radio_desk.gui.demo_input import demo_recorder_factory, sample_call_path
from radio_desk.settings import Settings
from radio_desk.store import open_store


def test_sample_call_is_bundled_and_small():
    info = sf.info(str(sample_call_path()))
    assert info.samplerate == 16000 and info.channels == 1
    assert 15 <= info.duration <= 30
    assert sample_call_path().stat().st_size < 1_000_000


def test_demo_home_is_separate_and_seeded_once(tmp_path, monkeypatch, isolated_home):
    monkeypatch.setenv("RADIO_DESK_DEMO_HOME", str(tmp_path / "demo"))
    db = prepare_demo()
    assert Path(os.environ["RADIO_DESK_HOME"]) == tmp_path / "demo"
    assert db.is_relative_to(tmp_path / "demo")
    with open_store(db) as store:
        cases = store.cases.list(limit=None)
    assert len(cases) == DEMO_CASES
    assert min(c.received_at for c in cases) >= datetime.now(UTC) - timedelta(days=7, minutes=5)
    assert Settings()["station_name"] == "Radio Demo FM"
    prepare_demo()  # a second start does not seed again
    with open_store(db) as store:
        assert store.cases.count() == DEMO_CASES
    assert not (isolated_home / "data").exists() or not any((isolated_home / "data").glob("*.sqlite3"))


def test_demo_input_plays_the_sample_call(make_window, qtbot):
    w = make_window(recorder_factory=demo_recorder_factory(preroll_seconds=2.0))
    desk = w.desk
    qtbot.waitUntil(lambda: desk.recorder.recorder is not None, timeout=10000)
    qtbot.waitUntil(lambda: "Demo" in desk.ui.deviceLabel.text(), timeout=5000)
    # the sample call loops: speech (well above -30 dBFS) comes back within one loop (~28 s)
    qtbot.waitUntil(lambda: max(desk.recorder.last_status.peak_dbfs or (-120,)) > -30, timeout=30000)
