"""The self-test (``radio-desk --self-test``) from the source tree: what it checks and how it fails."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

from radio_desk import selftest
from radio_desk.cli import main
from radio_desk.errors import RadioDeskError
from radio_desk.paths import app_paths


def test_steps_stop_at_the_first_failure_with_one_sentence() -> None:
    ran: list[str] = []

    def ok(ctx: selftest.Context) -> str:
        ran.append("ok")
        return "baik"

    def broken(ctx: selftest.Context) -> str:
        raise RadioDeskError("Model bawaan rusak.")

    lines: list[str] = []
    report = selftest.run_steps(
        [("satu", ok), ("dua", broken), ("tiga", ok)], selftest.Context(), lines.append
    )
    assert not report.ok
    assert ran == ["ok"]
    assert report.skipped == ["tiga"]
    assert lines[1].startswith("[GAGAL] dua") and lines[1].endswith("Model bawaan rusak.")


def test_an_unexpected_error_leaves_a_crash_report() -> None:
    def boom(ctx: selftest.Context) -> str:
        raise ZeroDivisionError("division by zero")

    lines: list[str] = []
    report = selftest.run_steps([("hitung", boom)], selftest.Context(), lines.append)
    assert not report.ok
    assert "kesalahan tak terduga (ZeroDivisionError" in lines[0]
    reports = list(app_paths().crash_reports.glob("crash-*.txt"))
    assert len(reports) == 1
    assert "self-test: hitung" in reports[0].read_text(encoding="utf-8")


@pytest.mark.slow
def test_self_test_passes_from_the_source_tree() -> None:
    # a child process: the window step's QApplication stays out of the test runner
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    command = [sys.executable, "-m", "radio_desk", "--self-test"]
    result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
    out = result.stdout
    assert result.returncode == 0, out + result.stderr
    assert "Uji mandiri BERHASIL: 9 langkah OK" in out
    assert "Traceback" not in out + result.stderr
    assert "selamat pagi" in out.lower() and "kata kunci" in out  # the sample's words came back
    assert "platform offscreen" in out
    assert (app_paths().logs / "self-test.txt").read_text(encoding="utf-8").splitlines()[-1] in out


@pytest.mark.slow
def test_self_test_fails_when_the_key_words_do_not_come_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    meta = tmp_path / "selftest" / "sample-id.json"
    meta.parent.mkdir()
    original = json.loads(selftest.resource_path(*selftest.SAMPLE_META).read_text(encoding="utf-8"))
    meta.write_text(json.dumps({**original, "keywords": ["gempa", "tsunami"], "min_keywords": 1}))
    real = selftest.resource_path

    def fake_resource_path(*parts: str) -> Path:
        return meta if parts == selftest.SAMPLE_META else real(*parts)

    monkeypatch.setattr(selftest, "resource_path", fake_resource_path)
    assert main(["--self-test"]) == 1
    out = capsys.readouterr().out
    assert "[GAGAL] transkripsi" in out
    assert "hanya 0 dari 2 kata kunci" in out
    assert "tidak dijalankan: saran triase, jendela" in out


def teardown_module() -> None:
    # --self-test configures file logging into a test's temporary home; detach it for later tests
    import radio_desk.logs as logs

    root = logging.getLogger()
    for handler in list(root.handlers):
        if isinstance(handler, logging.FileHandler):
            root.removeHandler(handler)
            handler.close()
    logs.detach_logging()
