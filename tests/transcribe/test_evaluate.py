"""``radio-desk bench asr`` on a tiny manifest made here (real espeak-ng speech, the real model)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from radio_desk import cli
from radio_desk.errors import ValidationError
from radio_desk.transcribe import Engine
from radio_desk.transcribe.evaluate import evaluate, read_manifest


@pytest.fixture(autouse=True)
def only_bench(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli, "COMMANDS", ["bench"])


@pytest.fixture
def manifest(tmp_path: Path, speech_wav: Path, sentence: str) -> Path:
    clips = tmp_path / "eval" / "clips"
    clips.mkdir(parents=True)
    shutil.copy(speech_wav, clips / "aduan.wav")
    shutil.copy(speech_wav, clips / "aduan-jv.wav")
    rows = [
        "file\ttranscript\tlang\tduration_s\tspeaker",
        f"clips/aduan.wav\t{sentence}\tid\t7.4\tespeak",
        f"clips/aduan-jv.wav\t{sentence.upper()}\tjv\t7.4\tespeak",
    ]
    path = tmp_path / "eval" / "manifest.tsv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_manifest_paths_are_relative_to_it_and_javanese_is_jw(manifest: Path) -> None:
    clips = read_manifest(manifest)
    assert [c.path for c in clips] == [
        manifest.parent / "clips/aduan.wav",
        manifest.parent / "clips/aduan-jv.wav",
    ]
    assert [(c.lang, c.whisper_language) for c in clips] == [("id", "id"), ("jv", "jw")]
    assert len(read_manifest(manifest, limit=1)) == 1


@pytest.mark.slow
def test_wer_per_language_rtf_and_memory(fw_engine: Engine, manifest: Path) -> None:
    report = evaluate(fw_engine, read_manifest(manifest))
    assert set(report["wer"]) == {"id", "jv"}
    # espeak-ng is robotic: about half the words come back exactly ("diperbaiki" → "di perpai ki")
    assert 0 < report["wer"]["id"] <= 0.7, report["per_clip"]
    assert report["clips"] == {"id": 1, "jv": 1}
    assert 0 < report["rtf"] < 5 and report["peak_rss_mb"] > 100
    assert report["audio_s"] == pytest.approx(2 * 7.4, abs=1.0)


@pytest.mark.slow
def test_bench_asr_cli_writes_the_json(
    manifest: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "res" / "asr.json"
    assert cli.main(["bench", "asr", "--manifest", str(manifest), "--limit", "1", "--json", str(out)]) == 0
    printed = json.loads(capsys.readouterr().out)
    saved = json.loads(out.read_text(encoding="utf-8"))
    for doc in (printed, saved):
        assert {"engine", "model", "wer", "rtf", "peak_rss_mb"} <= set(doc)
        assert doc["engine"] == "faster-whisper" and "whisper-base" in doc["model"]
        assert list(doc["wer"]) == ["id"] and doc["wer"]["id"] <= 0.7
    assert len(saved["per_clip"]) == 1
    clip = saved["per_clip"][0]
    assert clip["ref_words"] > 0 and 0 <= clip["errors"] <= clip["ref_words"] + len(clip["text"].split())


def test_paired_wer_difference_tells_chance_from_a_real_gap() -> None:
    from bench.bench_asr import paired_wer_difference

    def report(errors: list[int]) -> dict:
        return {
            "per_clip": [
                {"file": f"{i}.wav", "lang": "id", "ref_words": 10, "errors": e} for i, e in enumerate(errors)
            ]
        }

    ours = report([3, 4, 2, 5, 3, 4, 2, 3, 4, 3])
    worse = paired_wer_difference(ours, report([5, 6, 4, 7, 5, 6, 4, 5, 6, 5]), "id")
    assert worse["diff"] == pytest.approx(0.2) and worse["ci95"][0] > 0  # 2 more errors on every clip
    same = paired_wer_difference(ours, report([4, 3, 3, 4, 2, 5, 3, 2, 3, 4]), "id")
    assert same["ci95"][0] < 0 < same["ci95"][1]  # shuffled errors: no difference beyond chance
    assert paired_wer_difference(ours, report([1]), "jv") == {}


def test_bad_manifests_get_clear_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "m.tsv"
    bad.write_text("file\ttext\nx.wav\thalo\n", encoding="utf-8")
    assert cli.main(["bench", "asr", "--manifest", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "tidak punya kolom transcript, lang, duration_s" in err and "Traceback" not in err
    cases = {
        "file\ttranscript\tlang\tduration_s\nhilang.wav\thalo\tid\t1.0\n": "tidak ada",
        "file\ttranscript\tlang\tduration_s\nm.tsv\thalo\tid\tlama\n": "bukan angka",
        "file\ttranscript\tlang\tduration_s\n": "tidak berisi satu klip",
    }
    for text, message in cases.items():
        bad.write_text(text, encoding="utf-8")
        with pytest.raises(ValidationError, match=message):
            read_manifest(bad)
    with pytest.raises(ValidationError, match="tidak ditemukan"):
        read_manifest(tmp_path / "none.tsv")


def test_peak_memory_is_the_programs_own_not_its_parents(tmp_path) -> None:
    """ru_maxrss survives exec: a command started from a large process (a test run) must not report
    its parent's peak as its own."""
    import subprocess
    import sys

    child = "from radio_desk.transcribe.evaluate import peak_rss_mb; print(peak_rss_mb())"
    parent = (
        "import os, sys\n"
        "ballast = bytearray(400 * 1024 * 1024)\n"
        "for i in range(0, len(ballast), 4096): ballast[i] = 1\n"
        f"os.execv(sys.executable, [sys.executable, '-c', {child!r}])\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", parent], capture_output=True, text=True, timeout=120, check=True
    )
    assert 0 < float(out.stdout) < 300, out.stdout
