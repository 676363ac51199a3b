"""Test-wide isolation: no test touches the user's real folders, keyring or display.

- ``RADIO_DESK_HOME`` points every test at its own temporary home (settings, database, recordings).
- ``RADIO_DESK_MODELS`` is shared for the whole run so the 145 MB bundled model is joined once
  (kept in ``.pytest_cache`` between runs).
- The keyring is forced to the "fail" backend, so the file fallback for secrets is what runs.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
os.environ.setdefault("RADIO_DESK_MODELS", str(ROOT / ".pytest_cache" / "models"))
os.environ.setdefault("OMP_NUM_THREADS", "2")


@pytest.fixture(autouse=True)
def isolated_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path / "home"
    monkeypatch.setenv("RADIO_DESK_HOME", str(home))
    return home


@pytest.fixture(autouse=True)
def station_zone_wib() -> Iterator[None]:
    """The station time zone is process-wide (set from the settings): every test starts on WIB."""
    from radio_desk.domain.station_time import DEFAULT_ZONE, set_station_zone

    set_station_zone(DEFAULT_ZONE)
    yield
    set_station_zone(DEFAULT_ZONE)


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "radio-desk.sqlite3"


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Callable[[str], Path]]:
    """``small_disk("2m")``: a tmpfs of that size, a disk that fills up for real (ENOSPC); skipped,
    with the reason, where a tmpfs cannot be mounted (it needs root)."""
    from tests.support.disks import mount_tmpfs, unmount

    mounted: list[Path] = []

    def mount(size: str) -> Path:
        mnt = tmp_path / f"disk{len(mounted)}"
        reason = mount_tmpfs(mnt, size)
        if reason:
            pytest.skip(f"cannot mount a tmpfs (needs root): {reason}")
        mounted.append(mnt)
        return mnt

    yield mount
    for mnt in mounted:
        unmount(mnt)


@pytest.fixture
def tiny_disk(small_disk: Callable[[str], Path]) -> Path:
    """A 600 kB tmpfs (about 3 s of 48 kHz stereo)."""
    return small_disk("600k")
