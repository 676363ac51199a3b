"""The installed app's model: joined at build time inside the app, used in place, never rejoined."""

from __future__ import annotations

from pathlib import Path

import pytest

from radio_desk.errors import ModelError
from radio_desk.paths import app_paths
from radio_desk.transcribe import models


@pytest.fixture
def packaged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A fake install folder carrying a complete-looking model (sparse model.bin of the right size)."""
    monkeypatch.setattr(models, "PACKAGE_DIR", tmp_path / "radio_desk")
    monkeypatch.delenv("RADIO_DESK_MODELS", raising=False)  # the test's own user folder
    folder = tmp_path / "radio_desk" / "_model" / models.BUNDLED_NAME
    folder.mkdir(parents=True)
    with (folder / "model.bin").open("wb") as f:
        f.truncate(models.BUNDLED_SIZE)
    (folder / ".verified").write_text("sha256 ...\n", encoding="utf-8")
    return folder


def test_a_packaged_model_is_used_in_place_without_joining(packaged: Path, monkeypatch) -> None:
    def no_join(*args: object, **kwargs: object) -> Path:
        raise AssertionError("the packaged model must not be joined again")

    monkeypatch.setattr(models, "join_parts", no_join)
    assert models.bundled_model_dir() == packaged
    assert models.ensure_bundled_model() == packaged
    assert not (app_paths().models / models.BUNDLED_NAME).exists()  # no copy in the user's folder


def test_a_corrupt_packaged_model_asks_for_a_reinstall_and_is_left_alone(packaged: Path) -> None:
    with pytest.raises(ModelError, match="pasang ulang Radio Desk"):
        models.verify_bundled_model()
    assert (packaged / ".verified").is_file()  # the install folder may be read-only: not touched


def test_without_a_packaged_model_the_user_folder_is_used(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setattr(models, "PACKAGE_DIR", tmp_path / "radio_desk")
    assert models.bundled_model_dir() == app_paths().models / models.BUNDLED_NAME
