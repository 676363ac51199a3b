"""Whole calls: Radio Desk's transcripts against stock faster-whisper and openai-whisper, in one run.

Calls of about two minutes built from ``shared/eval/speech`` (see :mod:`bench.call_audio`): Indonesian,
the same through a telephone band, Javanese.  The same bundled whisper-base (int8 for CTranslate2),
beam 5, 2 threads, language given, for every system:

  * ``desk_stored``  the transcript the desk stores for a live call: ``radio-desk bench live`` streams
                     the call through the real recorder and live transcriber (at ``--speed``× real time:
                     the stored text does not depend on the speed, only the lags do) into a real store;
  * ``desk_file``    ``radio-desk transcribe`` on the file (Radio Desk's file decoding);
  * ``stock_vad``    ``WhisperModel.transcribe(vad_filter=True)``, everything else stock;
  * ``stock_novad``  ``WhisperModel.transcribe()`` as shipped (no VAD);
  * ``openai``       openai-whisper's ``transcribe`` (the reference; weights converted from the same
                     model), on the first ``--openai-calls`` calls of each group.

WER per group is corpus-level over the group's calls.  ``diff`` is (ours − the better stock run) with a
paired bootstrap 95 % interval over the clips the calls are made of (one word alignment per call; each
error charged to its clip).  RTF = processing time / audio time.

Run: ``python -m bench calls`` or ``python -m bench.bench_calls --calls 4 --systems stock_vad,desk_file``.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.call_audio import (
    GROUPS,
    SEED,
    Call,
    build_calls,
    clip_errors,
    long_call,
    ready_to_measure,
)
from bench.common import RESULTS, ROOT, record

THREADS = 2
BEAM = 5
SYSTEMS = ("desk_stored", "desk_file", "stock_vad", "stock_novad", "openai")
OUT = RESULTS.parent / "calls.json"


def _stock(vad: bool) -> Callable[[Call], str]:
    from faster_whisper import WhisperModel

    from radio_desk.transcribe.audio_io import load_audio
    from radio_desk.transcribe.models import ensure_bundled_model

    model = WhisperModel(str(ensure_bundled_model()), device="cpu", compute_type="int8", cpu_threads=THREADS)

    def run(call: Call) -> str:
        audio = load_audio(call.path)
        segments, _ = model.transcribe(audio, language=call.language, beam_size=BEAM, vad_filter=vad)
        return " ".join(s.text.strip() for s in segments)

    return run


def _desk_file() -> Callable[[Call], str]:
    from radio_desk.transcribe import load_engine
    from radio_desk.transcribe.audio_io import load_audio
    from radio_desk.transcribe.decoding import file_options

    engine = load_engine(cpu_threads=THREADS)

    def run(call: Call) -> str:
        audio = load_audio(call.path)  # what `radio-desk transcribe FILE` does
        return engine.transcribe(audio, file_options(call.language, beam_size=BEAM)).text

    return run


def _openai() -> Callable[[Call], str]:
    from radio_desk.transcribe import TranscribeOptions, load_engine
    from radio_desk.transcribe.audio_io import load_audio

    engine = load_engine("openai-whisper", cpu_threads=THREADS)

    def run(call: Call) -> str:
        opts = TranscribeOptions(
            language=call.language, beam_size=BEAM, vad=False, condition_on_previous_text=True
        )
        return engine.transcribe(load_audio(call.path), opts).text

    return run


def _desk_stored(speed: float, live: dict) -> Callable[[Call], str]:
    home = Path(tempfile.mkdtemp(prefix="radio-desk-bench-calls-"))

    def run(call: Call) -> str:
        ref = home / f"{call.name}.txt"
        ref.write_text(call.reference, encoding="utf-8")
        out = home / f"{call.name}.json"
        cmd = [sys.executable, "-m", "radio_desk", "bench", "live", "--audio", str(call.path)]
        cmd += [
            "--reference",
            str(ref),
            "--language",
            call.language,
            "--speed",
            str(speed),
            "--json",
            str(out),
        ]
        env = {**os.environ, "RADIO_DESK_HOME": str(home / call.name), "OMP_NUM_THREADS": str(THREADS)}
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"bench live failed on {call.name}: {proc.stderr.strip()[-2000:]}")
        report = json.loads(out.read_text(encoding="utf-8"))
        live[call.name] = {k: v for k, v in report.items() if k != "transcript"}
        return report["transcript"]

    return run


def paired_diff(ours: list[tuple[int, int]], best: list[tuple[int, int]], rounds: int = 5000) -> dict:
    """(our WER − the other's) over the same clips, with a paired bootstrap 95 % interval."""
    rows = [(n, a, b) for (a, n), (b, _) in zip(ours, best, strict=True) if n]

    def diff(sample: list[tuple[int, int, int]]) -> float:
        return (sum(r[1] for r in sample) - sum(r[2] for r in sample)) / max(1, sum(r[0] for r in sample))

    rng = random.Random(2026)
    boot = sorted(diff(rng.choices(rows, k=len(rows))) for _ in range(rounds))
    return {
        "diff": round(diff(rows), 4),
        "ci95": [round(boot[int(0.025 * rounds)], 4), round(boot[int(0.975 * rounds)], 4)],
    }


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="python -m bench calls")
    p.add_argument("--calls", type=int, default=3, help="calls per group (default 3)")
    p.add_argument(
        "--seed",
        type=int,
        default=SEED,
        help=f"another seed builds other calls from the same clips (default {SEED}); results then go "
        "to bench/results/calls-seed<N>.json",
    )
    p.add_argument("--systems", default=",".join(SYSTEMS))
    p.add_argument("--groups", default=",".join(GROUPS), help="which groups, in this order")
    p.add_argument("--openai-calls", type=int, default=1, help="calls per group for openai-whisper (slow)")
    p.add_argument("--speed", type=float, default=6.0, help="live stream speed for desk_stored")
    p.add_argument(
        "--realtime-s", type=float, default=180.0, help="a live call this long at real time (0: none)"
    )
    p.add_argument(
        "--keep-previous",
        action="store_true",
        help="keep the other systems' results of the last run (bench/results/calls.json) in the table",
    )
    args, _ = p.parse_known_args(sys.argv[1:] if argv is None else argv)
    if not ready_to_measure("bench_calls", THREADS):
        return
    groups = [g for g in args.groups.split(",") if g]
    calls = sorted(
        (c for c in build_calls(args.calls, args.seed) if c.group in groups),
        key=lambda c: (groups.index(c.group), c.name),
    )
    out_path = OUT if args.seed == SEED else OUT.with_name(f"calls-seed{args.seed}.json")
    systems = [s for s in args.systems.split(",") if s]
    live: dict = {}
    makers: dict[str, Callable[[], Callable[[Call], str]]] = {
        "desk_stored": lambda: _desk_stored(args.speed, live),
        "desk_file": _desk_file,
        "stock_vad": lambda: _stock(True),
        "stock_novad": lambda: _stock(False),
        "openai": _openai,
    }
    # one call at a time, every system on it in turn: a machine whose load drifts during the run
    # weighs on all systems alike (the RTF ratios per call are what is compared)
    runs = {system: makers[system]() for system in systems}
    results: dict[str, dict[str, dict]] = {system: {} for system in systems}
    seen: dict[str, int] = {}
    for call in calls:
        seen[call.group] = seen.get(call.group, 0) + 1
        for system, run in runs.items():
            if system == "openai" and seen[call.group] > args.openai_calls:
                continue
            began, cpu = time.perf_counter(), time.process_time()
            text = run(call)
            took, cpu = time.perf_counter() - began, time.process_time() - cpu
            per_clip = clip_errors(call.clip_refs, text)
            errs = sum(e for e, _ in per_clip)
            n = sum(w for _, w in per_clip)
            results[system][call.name] = {
                "group": call.group,
                "seconds": round(took, 2),
                "cpu_s": round(cpu, 2),
                "load": round(os.getloadavg()[0], 1),
                "audio_s": round(call.seconds, 1),
                "wer": round(errs / n, 4),
                "per_clip": per_clip,
                "text": text,
            }
            print(f"{system:12} {call.name:10} WER {errs / n:.3f}  {took:6.1f} s", flush=True)
        # what is done so far, in case a long run is stopped
        partial = ROOT / "bench" / ".cache" / f"{out_path.stem}.partial.json"
        partial.write_text(json.dumps({"calls": results, "live": live}, ensure_ascii=False) + "\n")
    del runs
    previous_live: dict = {}
    if args.keep_previous and out_path.is_file():
        before = json.loads(out_path.read_text(encoding="utf-8"))
        for system, per_call in before["calls"].items():
            results.setdefault(system, per_call)
        previous_live = before["summary"].get("live", {}) if "desk_stored" not in systems else {}
        if "live_realtime" in before["summary"] and args.realtime_s <= 0:
            previous_live["_realtime"] = before["summary"]["live_realtime"]
    summary = summarise(results, calls)
    summary["live"] = live or previous_live
    if "_realtime" in summary["live"]:
        summary["live_realtime"] = summary["live"].pop("_realtime")
    if args.realtime_s > 0:  # the live targets: a 3-minute call streamed at real time
        call = long_call(args.realtime_s)
        print(f"live at real time: {call.name} ({call.seconds:.0f} s) ...", flush=True)
        realtime: dict = {}
        load_before = os.getloadavg()[0]
        text = _desk_stored(1.0, realtime)(call)
        realtime[call.name]["load_average"] = round((load_before + os.getloadavg()[0]) / 2, 1)
        realtime[call.name]["call"] = call.name
        realtime[call.name]["wer_stored"] = round(
            sum(e for e, _ in clip_errors(call.clip_refs, text))
            / max(1, sum(n for _, n in clip_errors(call.clip_refs, text))),
            4,
        )
        summary["live_realtime"] = realtime[call.name]
    summary["settings"] = {
        "model": "bundled whisper-base int8",
        "beam": BEAM,
        "threads": THREADS,
        "calls_per_group": args.calls,
        "seed": args.seed,
        "openai_calls_per_group": args.openai_calls,
        "live_speed": args.speed,
        "kept_from_previous_run": sorted(set(results) - set(systems)),
    }
    out_path.parent.mkdir(parents=True, exist_ok=True)
    report = json.dumps({"summary": summary, "calls": results}, indent=2, ensure_ascii=False)
    out_path.write_text(report + "\n")
    print_table(summary)
    if args.seed != SEED:  # a check on other calls: latest.json keeps the benchmark's own figures
        return
    record(
        "calls",
        {k: v for k, v in summary.items() if k != "live"},
        targets={
            "live_realtime.stop_to_final_s": "<= 3",
            "live_realtime.partial_lag_median_s": "<= 2.5",
            "live_realtime.peak_rss_mb": "<= 700",
        },
    )


def summarise(results: dict[str, dict[str, dict]], calls: list[Call]) -> dict:
    out: dict = {"wer": {}, "rtf": {}, "diff_vs_best_stock": {}}
    for system, per_call in results.items():
        total = sum(r["seconds"] for r in per_call.values())
        audio = sum(r["audio_s"] for r in per_call.values())
        out["rtf"][system] = round(total / audio, 3) if audio and system != "desk_stored" else None
        if system != "desk_stored" and "stock_vad" in results and system != "stock_vad":
            ratios = [
                r["seconds"] / results["stock_vad"][name]["seconds"]
                for name, r in per_call.items()
                if name in results["stock_vad"] and "cpu_s" in r and "cpu_s" in results["stock_vad"][name]
            ]
            if ratios:  # per call, against stock VAD-on on the same call (run right after it)
                out.setdefault("time_vs_stock_vad_median", {})[system] = round(statistics.median(ratios), 3)
        for group in GROUPS:
            rows = [c for r in per_call.values() if r["group"] == group for c in r["per_clip"]]
            if rows:
                out["wer"].setdefault(group, {})[system] = round(
                    sum(e for e, _ in rows) / sum(n for _, n in rows), 4
                )
    for group in GROUPS:
        names = [c.name for c in calls if c.group == group]
        stock = [s for s in ("stock_vad", "stock_novad") if s in results]
        if not stock:
            continue
        best = min(stock, key=lambda s: out["wer"][group][s])
        for ours in ("desk_stored", "desk_file"):
            if ours in results and all(n in results[ours] for n in names):
                a = [c for n in names for c in results[ours][n]["per_clip"]]
                b = [c for n in names for c in results[best][n]["per_clip"]]
                out["diff_vs_best_stock"].setdefault(group, {})[ours] = {
                    "best_stock": best,
                    **paired_diff(a, b),
                }
    return out


def print_table(summary: dict) -> None:
    systems = [s for s in SYSTEMS if s in summary["rtf"]]
    print("\n" + "group".ljust(8) + "".join(s.rjust(13) for s in systems))
    for group, row in summary["wer"].items():
        print(group.ljust(8) + "".join((f"{row[s]:.3f}" if s in row else "-").rjust(13) for s in systems))
    print(
        "RTF".ljust(8)
        + "".join((f"{summary['rtf'][s]:.3f}" if summary["rtf"][s] else "-").rjust(13) for s in systems)
    )
    if "time_vs_stock_vad_median" in summary:
        print("time / stock VAD-on, median per call:", json.dumps(summary["time_vs_stock_vad_median"]))
    if "live_realtime" in summary:
        print("live, real time:", json.dumps(summary["live_realtime"]))
    for group, d in summary["diff_vs_best_stock"].items():
        for ours, v in d.items():
            print(f"{group:8} {ours} − {v['best_stock']}: {v['diff']:+.4f}  95% CI {v['ci95']}")


if __name__ == "__main__":
    main()
