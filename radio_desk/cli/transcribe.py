"""``radio-desk transcribe FILE``: transcribe an audio file with either engine and any model."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from radio_desk.errors import ValidationError


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "transcribe",
        parents=[common],
        help="transcribe an audio file (TXT, SRT, VTT or JSON)",
        description="Transcribe an audio file offline with Whisper. Default: faster-whisper with the "
        "bundled whisper-base, Indonesian.",
    )
    p.add_argument("file", metavar="FILE", help="audio file (WAV, FLAC, OGG, MP3, M4A, ...)")
    p.add_argument("--engine", default="faster-whisper", choices=["faster-whisper", "openai-whisper"])
    p.add_argument(
        "--model",
        default=None,
        metavar="PATH|NAME",
        help="model folder, or small/medium/large-v3-turbo once downloaded (default: bundled whisper-base)",
    )
    p.add_argument("--language", default="id", choices=["id", "jw", "auto"], help="default: id")
    p.add_argument("--format", default=None, choices=["txt", "srt", "vtt", "json"], help="default: txt")
    p.add_argument("--out", default=None, metavar="FILE", help="write here instead of standard output")
    p.add_argument(
        "--channel",
        default=None,
        choices=["left", "right"],
        help="transcribe one channel of a stereo file (default: mix to mono)",
    )
    p.add_argument("--beam-size", type=int, default=5, metavar="N", help="1 = greedy (default: 5)")
    p.add_argument("--no-vad", action="store_true", help="do not skip silence/music (not recommended)")
    p.add_argument("--threads", type=int, default=0, metavar="N", help="CPU threads (default: automatic)")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from radio_desk.transcribe import load_engine
    from radio_desk.transcribe.audio_io import load_audio
    from radio_desk.transcribe.decoding import file_options
    from radio_desk.transcribe.export import format_for_path, render, write_export

    if args.beam_size < 1:
        raise ValidationError("--beam-size harus 1 atau lebih.", field="beam_size")
    out = Path(args.out) if args.out else None
    fmt = args.format or (format_for_path(out) if out else "txt")
    channel = {"left": 0, "right": 1}.get(args.channel) if args.channel else None
    audio = load_audio(args.file, channel=channel)  # fail fast on a bad file, before loading a model
    started = time.perf_counter()
    engine = load_engine(args.engine, args.model, cpu_threads=args.threads)
    options = file_options(
        None if args.language == "auto" else args.language,
        beam_size=args.beam_size,
        vad=False if args.no_vad else None,  # None: the choice measured for the language
    )
    result = engine.transcribe(audio, options)
    elapsed = time.perf_counter() - started
    if out:
        write_export(result, out, fmt)
        print(
            f"{len(result.segments)} segmen, {result.duration:.1f} detik audio, {elapsed:.1f} detik "
            f"({engine.name}, {engine.model_name}) → {out}",
            file=sys.stderr,
        )
    else:
        sys.stdout.write(render(result, fmt))
        sys.stdout.flush()
    return 0
