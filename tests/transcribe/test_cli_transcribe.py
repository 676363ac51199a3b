"""``radio-desk transcribe`` through the real command-line entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from radio_desk import cli


@pytest.fixture(autouse=True)
def only_transcribe(monkeypatch: pytest.MonkeyPatch) -> None:
    # Build the parser with this area's subcommand only, so these tests do not depend on the
    # other subcommands' modules.
    monkeypatch.setattr(cli, "COMMANDS", ["transcribe"])


@pytest.mark.slow
def test_transcribe_to_stdout(speech_wav: Path, capsys: pytest.CaptureFixture[str], heard, key_words) -> None:
    assert cli.main(["transcribe", str(speech_wav)]) == 0
    out = capsys.readouterr().out
    assert heard(out) == key_words, out


@pytest.mark.slow
def test_transcribe_srt_to_file(speech_wav: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "aduan.srt"
    assert cli.main(["transcribe", str(speech_wav), "--out", str(out), "--language", "id"]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("1\n00:00:0") and " --> " in text
    assert "segmen" in capsys.readouterr().err


@pytest.mark.slow
def test_transcribe_json_with_openai_engine(
    speech_wav: Path, capsys: pytest.CaptureFixture[str], heard, key_words
) -> None:
    code = cli.main(
        [
            "transcribe",
            str(speech_wav),
            "--engine",
            "openai-whisper",
            "--format",
            "json",
            "--beam-size",
            "1",
            "--threads",
            "1",
        ]
    )
    assert code == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["engine"] == "openai-whisper" and doc["language"] == "id"
    assert heard(doc["text"]) == key_words


def test_bad_file_exits_2_with_indonesian_message(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "rusak.wav"
    bad.write_bytes(b"RIFF????WAVEjunk" * 10)
    assert cli.main(["transcribe", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "rusak.wav" in err and "rusak atau formatnya tidak dikenali" in err
    assert "Traceback" not in err


def test_missing_model_folder_exits_2(
    speech_wav: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["transcribe", str(speech_wav), "--model", str(tmp_path / "tidak-ada")]) == 2
    assert "tidak ditemukan" in capsys.readouterr().err


def test_options_are_validated(speech_wav: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        cli.main(["transcribe", str(speech_wav), "--language", "en"])
    assert cli.main(["transcribe", str(speech_wav), "--beam-size", "0"]) == 2


# --- radio-desk models -------------------------------------------------------------------------------


@pytest.fixture
def models_cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    monkeypatch.setattr(cli, "COMMANDS", ["models"])
    folder = tmp_path / "models"
    monkeypatch.setenv("RADIO_DESK_MODELS", str(folder))
    return folder


def test_models_list_and_verify(models_cli: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["models", "list"]) == 0
    out = capsys.readouterr().out
    assert "terpasang  whisper-base" in out and "tersedia   large-v3-turbo" in out
    assert cli.main(["models", "verify"]) == 0
    assert "SHA-256 cocok" in capsys.readouterr().out


def test_models_download_offline_exits_2_and_keeps_bundled(
    models_cli: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import socket

    from radio_desk.transcribe import download

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    entry = download.CatalogueEntry(
        "small",
        {"faster-whisper": 1},
        {
            "faster-whisper": (
                download.RemoteFile(f"http://127.0.0.1:{port}/model.bin", "model.bin", "0" * 64),
            )
        },
    )
    monkeypatch.setitem(download.CATALOGUE, "small", entry)
    assert cli.main(["models", "download", "small"]) == 2
    assert "Tidak ada koneksi internet" in capsys.readouterr().err
    assert not (models_cli / "faster-whisper" / "small").exists()
