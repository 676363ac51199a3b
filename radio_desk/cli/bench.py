"""``radio-desk bench``: measurements that scripts and the benchmarks under bench/ call."""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("bench", help="measure transcription accuracy and speed, triage accuracy")
    bsub = p.add_subparsers(dest="bench_command", metavar="WHAT", required=True)

    asr = bsub.add_parser("asr", parents=[common], help="word error rate, real-time factor, peak memory")
    asr.add_argument("--manifest", required=True, metavar="TSV", help="file, transcript, lang, duration_s")
    asr.add_argument("--engine", default="faster-whisper", choices=["faster-whisper", "openai-whisper"])
    asr.add_argument("--model", default=None, metavar="PATH|NAME", help="default: the bundled whisper-base")
    asr.add_argument("--limit", type=int, default=None, help="only the first N clips")
    asr.add_argument("--json", dest="json_out", default=None, metavar="OUT")
    asr.add_argument("--threads", type=int, default=0, metavar="N", help="CPU threads (default: automatic)")
    asr.add_argument("--beam-size", type=int, default=None, metavar="N", help="default: the engine's")
    asr.add_argument("--no-vad", action="store_true", help="no voice-activity trimming (the plain reference)")
    asr.add_argument("--plain", action="store_true", help="stock faster-whisper transcribe(), for comparison")
    asr.set_defaults(handler=_asr)

    tri = bsub.add_parser(
        "triage",
        parents=[common],
        help="category, place, urgency and summary figures on the call sets (and a CSV), next to a peer",
    )
    tri.add_argument("--test", default=None, metavar="CSV", help="written complaints: text, category...")
    tri.add_argument("--train", default=None, metavar="CSV")
    tri.add_argument("--regency", default=None, metavar="CODE")
    tri.add_argument(
        "--calls",
        nargs="+",
        default=None,
        metavar="SET",
        help="call sets: dev, heldout (the shipped ones, the default), a JSONL path, or none",
    )
    tri.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N of each set")
    tri.add_argument("--json", dest="json_out", default=None, metavar="OUT")
    tri.set_defaults(handler=_triage)


def _asr(args: argparse.Namespace) -> int:
    from radio_desk.transcribe.evaluate import run_bench_asr

    return run_bench_asr(args)


def _triage(args: argparse.Namespace) -> int:
    from radio_desk.triage.evaluate import run_bench_triage

    return run_bench_triage(args)
