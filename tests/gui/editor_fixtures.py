"""Fixtures for the editor workspace tests: a demo database with real audio cases, and the
workspace built standalone with a synchronous task runner (deterministic, no sleeps)."""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from radio_desk.demo_data import seed_store
from radio_desk.settings import Settings
from radio_desk.store import Store, open_store
from tests.rundown.audio_cases import AudioCase, add_audio_case


@dataclass
class EditorData:
    store: Store
    named: AudioCase  # a named caller, 3 segments of 4 s
    anonim: AudioCase
    rahasia: AudioCase


@pytest.fixture(scope="session")
def editor_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, AudioCase]]:
    """Seeded once per run; each test gets its own copy of the database file."""
    folder = tmp_path_factory.mktemp("editor-template")
    store = open_store(folder / "editor.sqlite3")
    seed_store(store, 80, seed=5)
    cases = _audio_cases(store, folder / "audio")
    with store.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    return folder / "editor.sqlite3", cases


@pytest.fixture
def editor_data(editor_template: tuple[Path, dict[str, AudioCase]], tmp_path: Path) -> EditorData:
    template, cases = editor_template
    db = tmp_path / "editor.sqlite3"
    shutil.copyfile(template, db)
    store = open_store(db)
    yield EditorData(store, cases["named"], cases["anonim"], cases["rahasia"])
    store.close()


def _audio_cases(store: Store, audio: Path) -> dict[str, AudioCase]:
    named = add_audio_case(
        store, audio, ["halo mas saya mau lapor", "jembatan gantung di desa kami putus", "mohon dibantu"],
        caller="Pak Harjono", summary="Jembatan gantung Luwihaji putus", opd="dpubmpr",
    )  # fmt: skip
    anonim = add_audio_case(
        store, audio, ["saya Bu Sumiati dari Luwihaji", "air sumur keruh"], caller="Bu Sumiati", anonim=True,
        category="air_bersih", summary="Air sumur keruh", opd="pdam",
    )  # fmt: skip
    rahasia = add_audio_case(
        store, audio, ["ada pungutan liar"], caller="Pak Wahyu", rahasia=True, category="sosial",
        summary="Pungutan liar di kantor desa",
    )  # fmt: skip
    return {"named": named, "anonim": anonim, "rahasia": rahasia}


@pytest.fixture
def workspace(qtbot, editor_data: EditorData, tmp_path: Path):  # type: ignore[no-untyped-def]
    from radio_desk.gui.editor import EditorWorkspace
    from radio_desk.gui.tasks import TaskRunner

    settings = Settings(tmp_path / "settings.json")
    settings["operator_name"] = "Rina"
    runner = TaskRunner(synchronous=True)
    ws = EditorWorkspace(editor_data.store, settings, runner)
    qtbot.addWidget(ws)
    ws.resize(1400, 900)
    yield ws
    ws.shutdown()


def open_case(ws, case_id: int):  # type: ignore[no-untyped-def]
    """Opens a case in the editor workspace and waits for its page and its audio to load."""
    ws.open_case(case_id)
    ws.runner.wait()
    ws.case_page.playback.runner.wait()
    return ws.case_page
