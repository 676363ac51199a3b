"""Transcript export formats."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from radio_desk.errors import ValidationError
from radio_desk.transcribe.engine import Segment, TranscriptResult
from radio_desk.transcribe.export import render, to_json, to_srt, to_txt, to_vtt, write_export

RESULT = TranscriptResult(
    segments=[
        Segment(0.0, 2.5, " Halo, selamat pagi.", "Penyiar"),
        Segment(
            2.5, 3661.042, "Jalan di desa <Sukorejo> rusak & berlubang --> bahaya", "Penelepon", -0.3, 0.01
        ),
        Segment(3661.5, 3662.0, "   "),  # blank text: never a cue
    ],
    language="id",
    duration=3662.0,
    engine="faster-whisper",
    model="whisper-base (bawaan)",
)


def test_txt_one_line_per_segment_with_speaker() -> None:
    assert to_txt(RESULT) == (
        "Penyiar: Halo, selamat pagi.\nPenelepon: Jalan di desa <Sukorejo> rusak & berlubang --> bahaya\n"
    )


def test_srt_numbering_and_clock() -> None:
    srt = to_srt(RESULT)
    blocks = srt.strip().split("\n\n")
    assert len(blocks) == 2
    assert blocks[0] == "1\n00:00:00,000 --> 00:00:02,500\nPenyiar: Halo, selamat pagi."
    assert blocks[1].splitlines()[:2] == ["2", "00:00:02,500 --> 01:01:01,042"]


def test_vtt_header_voice_tags_and_escaping() -> None:
    vtt = to_vtt(RESULT)
    assert vtt.startswith("WEBVTT\n\n")
    assert "00:00:02.500 --> 01:01:01.042\n" in vtt
    assert "<v Penelepon>Jalan di desa &lt;Sukorejo&gt; rusak &amp; berlubang --&gt; bahaya" in vtt
    assert vtt.count("-->") == 2  # the arrow inside the text is escaped


def test_json_round_trip() -> None:
    doc = json.loads(to_json(RESULT))
    assert doc["engine"] == "faster-whisper" and doc["language"] == "id"
    assert doc["segments"][1]["speaker"] == "Penelepon"
    assert doc["segments"][1]["end"] == 3661.042
    assert doc["text"].startswith("Halo, selamat pagi. Jalan")


def test_empty_transcript_exports_cleanly() -> None:
    empty = TranscriptResult([], "id", 30.0, "openai-whisper", "x")
    assert to_txt(empty) == "" and to_srt(empty) == "" and to_vtt(empty) == "WEBVTT\n"
    assert json.loads(to_json(empty))["segments"] == []


def test_write_export_picks_format_from_suffix(tmp_path: Path) -> None:
    out = write_export(RESULT, tmp_path / "sub" / "call.srt")
    assert out.read_text(encoding="utf-8").startswith("1\n00:00:00,000")
    assert list(out.parent.iterdir()) == [out]  # no temporary file left


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValidationError, match="Format ekspor 'docx' tidak dikenal"):
        render(RESULT, "docx")
