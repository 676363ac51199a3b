"""Linux desktop integration files and the icon set: valid, and naming the same app id and icon."""

from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image

ROOT = Path(__file__).resolve().parents[2]
LINUX = ROOT / "packaging" / "linux"
ICONS = ROOT / "resources" / "icons"
APP_ID = "id.radiodesk.RadioDesk"


def _desktop() -> dict[str, str]:
    text = (LINUX / "radio-desk.desktop").read_text(encoding="utf-8")
    return dict(re.findall(r"^([A-Za-z\[\]]+)=(.*)$", text, re.MULTILINE))


def test_desktop_entry_starts_the_app_without_arguments_and_names_the_icon() -> None:
    entry = _desktop()
    assert entry["Exec"] == "radio-desk"  # the app takes no file arguments
    assert entry["Icon"] == APP_ID
    build = (LINUX / "build.sh").read_text(encoding="utf-8")
    assert f"apps/{APP_ID}.png" in build and f"apps/{APP_ID}.svg" in build


def test_metainfo_points_at_the_desktop_entry() -> None:
    root = ET.parse(LINUX / f"{APP_ID}.metainfo.xml").getroot()
    assert root.findtext("id") == APP_ID
    assert root.find("launchable").text == "radio-desk.desktop"
    import radio_desk

    assert root.find("releases/release").get("version") == radio_desk.__version__


@pytest.mark.parametrize("size", [16, 24, 32, 48, 64, 128, 256, 512])
def test_icon_sizes_are_square_pngs_of_that_size(size: int) -> None:
    with Image.open(ICONS / f"radio-desk-{size}.png") as img:
        assert img.format == "PNG" and img.size == (size, size)
        assert img.getpixel((0, 0))[3] == 0  # transparent corner: the rounded tile
        assert img.getpixel((size // 2, size - size // 5))[3] == 255


def test_windows_icon_holds_the_usual_sizes() -> None:
    with Image.open(ICONS / "radio-desk.ico") as ico:
        assert {(16, 16), (32, 32), (48, 48), (256, 256)} <= set(ico.info["sizes"])


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils missing")
def test_desktop_file_validates() -> None:
    result = subprocess.run(
        ["desktop-file-validate", str(LINUX / "radio-desk.desktop")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in result.stdout.lower()


@pytest.mark.skipif(shutil.which("appstreamcli") is None, reason="appstream missing")
def test_metainfo_validates() -> None:
    result = subprocess.run(
        ["appstreamcli", "validate", "--no-net", str(LINUX / f"{APP_ID}.metainfo.xml")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
