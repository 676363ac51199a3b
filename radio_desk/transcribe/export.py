"""Transcript export: plain text, SubRip (SRT), WebVTT and JSON.

Speaker labels (Penelepon / Penyiar, from a stereo-split call) become a ``Penelepon:`` prefix in
TXT and SRT and a WebVTT voice tag (``<v Penelepon>``) in VTT.
"""

from __future__ import annotations

import json
from pathlib import Path

from radio_desk.errors import ValidationError
from radio_desk.fsutil import atomic_write
from radio_desk.transcribe.engine import Segment, TranscriptResult

FORMATS = ("txt", "srt", "vtt", "json")


def _clock(seconds: float, sep: str) -> str:
    ms = max(0, round(seconds * 1000))
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def _cue_text(text: str) -> str:
    # A blank line ends a cue in SRT and VTT: keep the text on non-empty lines.
    return "\n".join(line for line in text.strip().splitlines() if line.strip())


def _cues(result: TranscriptResult) -> list[Segment]:
    return [s for s in result.segments if s.text.strip()]


def to_txt(result: TranscriptResult) -> str:
    lines = []
    for s in _cues(result):
        text = " ".join(s.text.split())
        lines.append(f"{s.speaker}: {text}" if s.speaker else text)
    return "\n".join(lines) + ("\n" if lines else "")


def to_srt(result: TranscriptResult) -> str:
    blocks = []
    for i, s in enumerate(_cues(result), 1):
        text = _cue_text(s.text)
        if s.speaker:
            text = f"{s.speaker}: {text}"
        end = max(s.end, s.start + 0.001)
        blocks.append(f"{i}\n{_clock(s.start, ',')} --> {_clock(end, ',')}\n{text}\n")
    return "\n".join(blocks)


def _vtt_escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("-->", "--&gt;")


def to_vtt(result: TranscriptResult) -> str:
    out = ["WEBVTT", ""]
    for s in _cues(result):
        text = _vtt_escape(_cue_text(s.text))
        if s.speaker:
            text = f"<v {_vtt_escape(s.speaker)}>{text}"
        end = max(s.end, s.start + 0.001)
        out += [f"{_clock(s.start, '.')} --> {_clock(end, '.')}", text, ""]
    return "\n".join(out)


def to_json(result: TranscriptResult) -> str:
    doc = {
        "engine": result.engine,
        "model": result.model,
        "language": result.language,
        "duration": round(result.duration, 3),
        "text": result.text,
        "segments": [
            {
                "start": round(s.start, 3),
                "end": round(s.end, 3),
                "text": s.text.strip(),
                "speaker": s.speaker,
                "avg_logprob": s.avg_logprob,
                "no_speech_prob": s.no_speech_prob,
            }
            for s in result.segments
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


_WRITERS = {"txt": to_txt, "srt": to_srt, "vtt": to_vtt, "json": to_json}


def render(result: TranscriptResult, fmt: str) -> str:
    fmt = fmt.lower().lstrip(".")
    if fmt not in _WRITERS:
        raise ValidationError(
            f"Format ekspor '{fmt}' tidak dikenal; pilihan: {', '.join(FORMATS)}.", field="format"
        )
    return _WRITERS[fmt](result)


def format_for_path(path: Path, default: str = "txt") -> str:
    suffix = path.suffix.lower().lstrip(".")
    return suffix if suffix in FORMATS else default


def write_export(result: TranscriptResult, path: str | Path, fmt: str | None = None) -> Path:
    """Write the transcript to ``path`` (format from ``fmt`` or the suffix), atomically, UTF-8."""
    path = Path(path)
    text = render(result, fmt or format_for_path(path))
    with atomic_write(path, newline="\n", durable=False) as f:  # made again from the store at will
        f.write(text)
    return path
