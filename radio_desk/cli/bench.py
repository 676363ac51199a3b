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
    asr.add_argument(
        "--pipeline",
        default="windows",
        choices=["windows", "short"],
        help="windows: Whisper's 30-second windows (files, stored text; default); short: the live preview's",
    )
    asr.set_defaults(handler=_asr)

    live = bsub.add_parser(
        "live", parents=[common], help="one call through the real recorder and live transcriber, stored"
    )
    live.add_argument("--audio", required=True, metavar="WAV", help="the call's audio (any format)")
    live.add_argument("--reference", default=None, metavar="TXT", help="reference transcript: adds the WER")
    live.add_argument("--language", default="id", choices=["id", "jw"], help="default: id")
    live.add_argument("--speed", type=float, default=1.0, metavar="X", help="× real time (default 1)")
    live.add_argument("--json", dest="json_out", required=True, metavar="OUT")
    live.add_argument("--threads", type=int, default=2, metavar="N", help="CPU threads (default: 2)")
    live.set_defaults(handler=_live)

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
        help="call sets: dev..dev5, heldout..heldout4 (shipped; the default), a JSONL path or none",
    )
    tri.add_argument(
        "--no-seed", action="store_true", help="measure the desk without the seed model (hints only)"
    )
    tri.add_argument("--limit", type=int, default=None, metavar="N", help="only the first N of each set")
    tri.add_argument("--json", dest="json_out", default=None, metavar="OUT")
    tri.set_defaults(handler=_triage)


def _asr(args: argparse.Namespace) -> int:
    from radio_desk.transcribe.evaluate import run_bench_asr

    return run_bench_asr(args)


def _live(args: argparse.Namespace) -> int:
    from radio_desk.cli.bench_live import run

    return run(args)


def _triage(args: argparse.Namespace) -> int:
    from radio_desk.triage.evaluate import run_bench_triage

    return run_bench_triage(args)
