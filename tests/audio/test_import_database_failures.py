"""``radio-desk import`` and ``radio-desk demo seed`` when the database cannot be written (issue 14,
item 7): a non-zero exit with a clear Indonesian message, no traceback, and no copied audio left
behind that no case will ever point to.  The full disk is real: the database lives on a small tmpfs
filled to the last byte (``small_disk``, needs root; skipped with the reason otherwise).
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import soundfile as sf

from radio_desk.store import open_store
from tests.store.test_damaged_database import overwrite_pages, populated
from tests.support.disks import fill_disk


def tone(seconds: float = 1.5, rate: int = 48000) -> np.ndarray:
    t = np.arange(int(seconds * rate)) / rate
    return (0.3 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)


def radio_desk(home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "RADIO_DESK_HOME": str(home)}
    return subprocess.run(
        [sys.executable, "-m", "radio_desk", *args], env=env, capture_output=True, text=True, timeout=300
    )


def imported_files(home: Path) -> list[Path]:
    return sorted(p for p in (home / "data" / "recordings").rglob("*") if p.is_file())


def full_database(folder: Path) -> Path:
    db = folder / "radio-desk.sqlite3"
    open_store(db).close()  # a working, migrated database ...
    fill_disk(folder)  # ... on a disk that then fills up
    return db


def test_import_when_the_case_cannot_be_written_exits_non_zero_and_leaves_nothing(
    tmp_path: Path, small_disk
) -> None:
    home = tmp_path / "home"  # recordings on the normal disk: the copy succeeds, the database write fails
    db = full_database(small_disk("1m"))
    call = tmp_path / "telepon.wav"
    sf.write(call, tone(), 48000)
    out = radio_desk(home, "import", str(call), "--database", str(db))
    assert out.returncode != 0, out.stdout
    assert "Traceback" not in out.stderr
    assert "telepon.wav" in out.stderr and "Disk penuh" in out.stderr
    assert "tidak diimpor" in out.stderr
    assert imported_files(home) == []  # the copy and its sidecar are gone: nothing uncatalogued
    assert call.exists()  # the source is never touched
    os.remove(db.parent / "filler.bin")  # space again: the same import now works
    again = radio_desk(home, "import", str(call), "--database", str(db))
    assert again.returncode == 0, again.stderr
    with open_store(db) as store:
        (case,) = store.cases.list()
        (rec,) = store.recordings.for_case(case.id)
    assert [p.name for p in imported_files(home)] == sorted(
        [Path(rec.path).name, Path(rec.path).stem + ".json"]
    )


def test_import_into_a_damaged_database_exits_non_zero(tmp_path: Path) -> None:
    home = tmp_path / "home"
    db = populated(tmp_path / "radio-desk.sqlite3", n=100)
    overwrite_pages(db)
    call = tmp_path / "telepon.wav"
    sf.write(call, tone(), 48000)
    out = radio_desk(home, "import", str(call), "--database", str(db))
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "telepon.wav" in out.stderr and "rusak" in out.stderr
    assert imported_files(home) == []


def test_demo_seed_on_a_full_disk_is_a_clear_message(tmp_path: Path, small_disk) -> None:
    disk = small_disk("2m")
    out = radio_desk(
        tmp_path / "home", "demo", "seed", "--cases", "3000", "--database", str(disk / "demo.sqlite3")
    )
    assert out.returncode == 2, out.stdout
    assert "Traceback" not in out.stderr and "sqlalchemy" not in out.stderr.lower()
    assert out.stderr.startswith(
        f"radio-desk: Disk penuh: basis data {disk / 'demo.sqlite3'} tidak bisa ditulis"
    )
    with open_store(disk / "demo.sqlite3", upgrade=False) as store:  # what was added before is intact
        assert store.cases.count() > 0


@pytest.mark.parametrize("size", ["300k"])
def test_demo_seed_when_even_the_schema_does_not_fit(tmp_path: Path, small_disk, size: str) -> None:
    disk = small_disk(size)
    fill_disk(disk)
    out = radio_desk(
        tmp_path / "home", "demo", "seed", "--cases", "5", "--database", str(disk / "demo.sqlite3")
    )
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert "Disk penuh" in out.stderr


def test_db_upgrade_on_a_full_disk_is_a_clear_message(tmp_path: Path, small_disk) -> None:
    disk = small_disk("100k")
    fill_disk(disk)
    out = radio_desk(tmp_path / "home", "db", "upgrade", "--database", str(disk / "baru.sqlite3"))
    assert out.returncode == 2 and "Traceback" not in out.stderr
    assert out.stderr.startswith(f"radio-desk: Disk penuh: basis data {disk / 'baru.sqlite3'}")
