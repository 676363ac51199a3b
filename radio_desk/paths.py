"""Where Radio Desk keeps its files.

Everything lives in the user's folders (platformdirs).  ``RADIO_DESK_HOME`` moves all of them under
one folder: tests, benchmarks and the demo use it so they never touch a real station's data.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

APP_NAME = "RadioDesk"
APP_AUTHOR = "RadioDesk"
PACKAGE_DIR = Path(__file__).resolve().parent


@dataclass(frozen=True)
class AppPaths:
    data: Path  # database, recordings
    config: Path  # settings
    cache: Path  # waveforms, converted models
    logs: Path

    @property
    def database(self) -> Path:
        return self.data / "radio-desk.sqlite3"

    @property
    def recordings(self) -> Path:
        return self.data / "recordings"

    @property
    def models(self) -> Path:
        # RADIO_DESK_MODELS shares one joined model between test runs and isolated homes
        override = os.environ.get("RADIO_DESK_MODELS")
        return Path(override) if override else self.data / "models"

    @property
    def settings_file(self) -> Path:
        return self.config / "settings.json"

    @property
    def crash_reports(self) -> Path:
        return self.logs / "crash"

    def ensure(self) -> AppPaths:
        for p in (self.data, self.config, self.cache, self.logs, self.recordings, self.models):
            p.mkdir(parents=True, exist_ok=True)
        return self


def app_paths() -> AppPaths:
    home = os.environ.get("RADIO_DESK_HOME")
    if home:
        root = Path(home).expanduser()
        return AppPaths(root / "data", root / "config", root / "cache", root / "logs")
    return AppPaths(
        Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)),
        Path(platformdirs.user_config_dir(APP_NAME, APP_AUTHOR)),
        Path(platformdirs.user_cache_dir(APP_NAME, APP_AUTHOR)),
        Path(platformdirs.user_log_dir(APP_NAME, APP_AUTHOR)),
    )


def resource_path(*parts: str) -> Path:
    """A file under ``resources/``: inside the installed package, or at the top of a source checkout."""
    for base in (PACKAGE_DIR / "_resources", PACKAGE_DIR.parent / "resources"):
        candidate = base.joinpath(*parts)
        if candidate.exists():
            return candidate
    return (PACKAGE_DIR.parent / "resources").joinpath(*parts)


def ui_path(name: str) -> Path:
    """A Qt Designer form under ``ui/``."""
    for base in (PACKAGE_DIR / "_ui", PACKAGE_DIR.parent / "ui"):
        candidate = base / name
        if candidate.exists():
            return candidate
    return PACKAGE_DIR.parent / "ui" / name
