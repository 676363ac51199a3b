"""``radio-desk bench asr``: word error rate per language, real-time factor and peak memory.

Manifest: a tab-separated file with a header naming at least ``file`` (relative to the manifest's
folder, or absolute), ``transcript``, ``lang`` (``id``, ``jv``/``jw``, ...) and ``duration_s``; other
columns are ignored.  Each clip is transcribed in the manifest's language (Whisper calls Javanese
``jw``); the WER is corpus-level per language after :func:`radio_desk.transcribe.wer.normalize` on both
sides.  The real-time factor is transcription time over audio time (decoding the file excluded); the
peak memory is the process's peak resident set, so it includes the loaded model.
"""

from __future__ import annotations

import argparse
import csv
import json
import resource
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from radio_desk.errors import ValidationError
from radio_desk.transcribe.engine import Engine, TranscribeOptions
from radio_desk.transcribe.wer import WerCounter

REQUIRED_COLUMNS = ("file", "transcript", "lang", "duration_s")
# Manifest language codes → Whisper's (ISO 639-1 "jv" is "jw" in Whisper's vocabulary)
WHISPER_LANGUAGE = {"jv": "jw", "jw": "jw", "id": "id", "ind": "id", "jav": "jw"}


@dataclass(frozen=True)
class Clip:
    path: Path
    transcript: str
    lang: str  # as the manifest spells it: the key of the per-language WER
    duration_s: float

    @property
    def whisper_language(self) -> str:
        return WHISPER_LANGUAGE.get(self.lang, self.lang)


def read_manifest(path: str | Path, limit: int | None = None) -> list[Clip]:
    """The clips of a manifest, checked: every file present, every duration a number."""
    path = Path(path)
    if limit is not None and limit < 1:
        raise ValidationError("--limit harus 1 atau lebih.", field="limit")
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
            missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
            if missing:
                raise ValidationError(
                    f"Manifest {path} tidak punya kolom {', '.join(missing)} "
                    f"(dibutuhkan: {', '.join(REQUIRED_COLUMNS)}, dipisah tab)."
                )
            rows = list(reader)
    except FileNotFoundError as err:
        raise ValidationError(f"Manifest {path} tidak ditemukan.") from err
    except OSError as err:
        raise ValidationError(f"Manifest {path} tidak bisa dibaca: {err.strerror or err}.") from err
    except (UnicodeDecodeError, csv.Error) as err:
        raise ValidationError(f"Manifest {path} bukan TSV UTF-8 yang sah: {err}.") from err
    if limit is not None:
        rows = rows[:limit]
    clips = []
    for line, row in enumerate(rows, start=2):
        name = (row.get("file") or "").strip()
        lang = (row.get("lang") or "").strip().lower()
        if not name or not lang:
            raise ValidationError(f"Manifest {path} baris {line}: kolom file dan lang wajib diisi.")
        try:
            duration = float(row.get("duration_s") or "nan")
        except ValueError:
            duration = float("nan")
        if not duration >= 0:
            raise ValidationError(
                f"Manifest {path} baris {line}: duration_s '{row.get('duration_s')}' bukan angka detik."
            )
        clip_path = Path(name) if Path(name).is_absolute() else path.parent / name
        if not clip_path.is_file():
            raise ValidationError(f"Manifest {path} baris {line}: berkas audio {clip_path} tidak ada.")
        clips.append(Clip(clip_path, row.get("transcript") or "", lang, duration))
    if not clips:
        raise ValidationError(f"Manifest {path} tidak berisi satu klip pun.")
    return clips


def peak_rss_mb() -> float:
    """This program's peak resident memory so far.  On Linux from ``VmHWM``: ``ru_maxrss`` survives
    ``exec``, so a command started from a large process (a test run) would report its parent's peak."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # Linux kilobytes, macOS bytes
    return round(peak / (1024 * 1024 if sys.platform == "darwin" else 1024), 1)


def evaluate(
    engine: Engine,
    clips: list[Clip],
    options: TranscribeOptions | None = None,
    *,
    progress: Callable[[int, Clip, str, float], None] | None = None,
) -> dict:
    """Transcribe every clip in its language; the figures of ``radio-desk bench asr`` plus details."""
    from dataclasses import replace

    from radio_desk.transcribe.audio_io import load_audio

    options = options or TranscribeOptions()
    counters: dict[str, WerCounter] = {}
    audio_s = busy_s = 0.0
    per_clip = []
    for i, clip in enumerate(clips):
        audio = load_audio(clip.path)
        began = time.perf_counter()
        result = engine.transcribe(audio, replace(options, language=clip.whisper_language))
        took = time.perf_counter() - began
        seconds = audio.size / 16_000
        audio_s += seconds
        busy_s += took
        counter = counters.setdefault(clip.lang, WerCounter())
        words_before = counter.ref_words
        errors = counter.add(clip.transcript, result.text)
        per_clip.append(
            {
                "file": clip.path.name,
                "lang": clip.lang,
                "errors": errors,
                "ref_words": counter.ref_words - words_before,
                "seconds": round(took, 3),
                "text": result.text,
            }
        )
        if progress:
            progress(i, clip, result.text, took)
    return {
        "engine": engine.name,
        "model": engine.model_name,
        "wer": {lang: round(c.wer, 4) if c.wer is not None else None for lang, c in sorted(counters.items())},
        "rtf": round(busy_s / audio_s, 4) if audio_s else None,
        "peak_rss_mb": peak_rss_mb(),
        "clips": {lang: c.clips for lang, c in sorted(counters.items())},
        "audio_s": round(audio_s, 2),
        "transcribe_s": round(busy_s, 2),
        "per_clip": per_clip,
    }


def run_bench_asr(args: argparse.Namespace) -> int:
    """The CLI handler: figures on stderr while running, the JSON on stdout (and in ``--json OUT``)."""
    from radio_desk.transcribe import load_engine

    clips = read_manifest(args.manifest, getattr(args, "limit", None))
    threads = int(getattr(args, "threads", 0) or 0)
    engine = load_engine(args.engine, args.model, cpu_threads=threads)
    beam = getattr(args, "beam_size", None)
    options = TranscribeOptions(
        vad=False if getattr(args, "no_vad", False) else None,
        # --plain: stock faster-whisper as shipped (no VAD, previous-text conditioning, sampling fallback)
        **(
            {"condition_on_previous_text": True, "temperature": (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)}
            if getattr(args, "plain", False)
            else {}
        ),
        **({"beam_size": beam} if beam else {}),
        pipeline=getattr(args, "pipeline", "windows") or "windows",
    )

    def show(i: int, clip: Clip, text: str, took: float) -> None:
        print(f"[{i + 1}/{len(clips)}] {clip.path.name} {took:.2f}s: {text}", file=sys.stderr, flush=True)

    report = evaluate(engine, clips, options, progress=show if getattr(args, "verbose", False) else None)
    summary = {k: report[k] for k in ("engine", "model", "wer", "rtf", "peak_rss_mb", "clips", "audio_s")}
    text = json.dumps(summary, ensure_ascii=False)
    if args.json_out:
        out = Path(args.json_out)
        try:
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        except OSError as err:
            raise ValidationError(f"Hasil tidak bisa ditulis ke {out}: {err.strerror or err}.") from err
    print(text)
    return 0
