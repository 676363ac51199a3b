"""File speed: Radio Desk's file decoding against stock ``transcribe()``, CPU seconds per call, one run.

The calls of :mod:`bench.call_audio`; each call is decoded by every system in turn (interleaved, so a
drifting load weighs on all alike).  Systems: ``stock_vad`` / ``stock_novad`` (the bare library, VAD on
/ off), ``desk_file`` (``radio-desk transcribe``'s decoding) and VAD variants of it, named
``vad:FULL+TEL`` where each side is ``MS/PAD`` (minimum silence and speech pad in ms, for full-band and
telephone-band files) or ``none``; e.g. ``vad:1000/500+2000/600``.  Per call it records CPU and wall
seconds, the load, the audio the VAD kept, the 30-second windows encoded, the tokens decoded, the
guard's retries and the WER (docs/asr-decoding.md, fourth pass).

Run: ``python -m bench.bench_filespeed --systems stock_vad,desk_file,stock_novad [--seed N]``.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from typing import Any

from bench.bench_calls import BEAM, THREADS, paired_diff
from bench.call_audio import GROUPS, SEED, Call, build_calls, clip_errors, ready_to_measure
from bench.common import RESULTS

OUT = RESULTS.parent / "filespeed.json"


class _Counted:
    """A faster-whisper model whose encoder windows are counted (CPU seconds included)."""

    def __init__(self, model: Any) -> None:
        self.model, self.windows = model, 0
        encode = model.encode

        def counted(*args: Any, **kwargs: Any) -> Any:
            self.windows += 1
            return encode(*args, **kwargs)

        model.encode = counted


def _parse_vad(side: str) -> dict | None:
    if side == "none":
        return None
    ms, pad = side.split("/")
    return {"min_silence_duration_ms": int(ms), "speech_pad_ms": int(pad)}


def _system(name: str) -> Callable[[Call], dict]:
    from faster_whisper import WhisperModel

    from radio_desk.transcribe.audio_io import load_audio
    from radio_desk.transcribe.band import TELEPHONE, detect_band
    from radio_desk.transcribe.guarded import GuardedWhisperModel
    from radio_desk.transcribe.models import ensure_bundled_model

    path = str(ensure_bundled_model())
    if name == "desk_file":
        from radio_desk.transcribe import load_engine
        from radio_desk.transcribe.decoding import file_options

        engine = load_engine(cpu_threads=THREADS)
        counted = _Counted(engine._model)

        def desk(call: Call) -> dict:
            result = engine.transcribe(load_audio(call.path), file_options(call.language, beam_size=BEAM))
            return {"text": result.text}

        desk.counted = counted  # type: ignore[attr-defined]
        return desk
    stock = name.startswith("stock_")
    model = (WhisperModel if stock else GuardedWhisperModel)(
        path, device="cpu", compute_type="int8", cpu_threads=THREADS
    )
    counted = _Counted(model)
    if stock:
        vad = {"full": {}, TELEPHONE: {}} if name == "stock_vad" else {"full": None, TELEPHONE: None}
    else:
        full, tel = name.removeprefix("vad:").split("+")
        vad = {"full": _parse_vad(full), TELEPHONE: _parse_vad(tel)}

    def run(call: Call) -> dict:
        audio = load_audio(call.path)
        params = vad["full"] if stock else vad[detect_band(audio)]
        extra: dict = {} if stock else {"temperature": [0.0], "condition_on_previous_text": True}
        segments, info = model.transcribe(
            audio,
            language=call.language,
            beam_size=BEAM,
            vad_filter=params is not None,
            vad_parameters=params or None,
            **extra,
        )
        segments = list(segments)
        return {
            "text": " ".join(s.text.strip() for s in segments),
            "kept_s": round(info.duration_after_vad, 1),
            "tokens": sum(len(s.tokens) for s in segments),
        }

    run.counted = counted  # type: ignore[attr-defined]
    return run


def main(argv: list[str] | None = None) -> None:
    p = argparse.ArgumentParser(prog="python -m bench.bench_filespeed")
    p.add_argument("--systems", default="stock_vad,desk_file")
    p.add_argument("--seed", type=int, default=SEED)
    p.add_argument("--calls", type=int, default=3)
    args, _ = p.parse_known_args(sys.argv[1:] if argv is None else argv)
    if not ready_to_measure("bench_filespeed", THREADS):
        return
    names = [s for s in args.systems.split(",") if s]
    systems = {name: _system(name) for name in names}
    calls = build_calls(args.calls, args.seed)
    results: dict[str, dict[str, dict]] = {name: {} for name in names}
    for call in calls:
        for name, run in systems.items():
            counted = getattr(run, "counted", None)
            windows = counted.windows if counted else 0
            retries = getattr(counted.model, "retries", 0) if counted else 0
            began, cpu = time.perf_counter(), time.process_time()
            out = run(call)
            took, cpu = time.perf_counter() - began, time.process_time() - cpu
            per_clip = clip_errors(call.clip_refs, out["text"])
            errors, words = sum(e for e, _ in per_clip), sum(n for _, n in per_clip)
            results[name][call.name] = {
                "group": call.group,
                "cpu_s": round(cpu, 2),
                "seconds": round(took, 2),
                "load": round(os.getloadavg()[0], 1),
                "audio_s": round(call.seconds, 1),
                "windows": (counted.windows - windows) if counted else None,
                "retries": (getattr(counted.model, "retries", 0) - retries) if counted else None,
                "wer": round(errors / words, 4),
                "per_clip": per_clip,
                **out,
            }
            print(f"{name:24} {call.name:12} WER {errors / words:.3f}  CPU {cpu:6.2f} s  wall {took:6.2f} s")
    summary = summarise(results, calls)
    out_path = OUT if args.seed == SEED else OUT.with_name(f"filespeed-seed{args.seed}.json")
    out_path.write_text(
        json.dumps({"summary": summary, "calls": results}, indent=2, ensure_ascii=False) + "\n"
    )
    print(json.dumps(summary, indent=2))


def summarise(results: dict[str, dict[str, dict]], calls: list[Call]) -> dict:
    out: dict = {"cpu_s": {}, "wall_s": {}, "windows": {}, "wer": {}, "diff_vs_best_stock": {}}
    for name, per_call in results.items():
        out["cpu_s"][name] = round(sum(r["cpu_s"] for r in per_call.values()), 1)
        out["wall_s"][name] = round(sum(r["seconds"] for r in per_call.values()), 1)
        out["windows"][name] = sum(r["windows"] or 0 for r in per_call.values())
        for group in GROUPS:
            rows = [c for r in per_call.values() if r["group"] == group for c in r["per_clip"]]
            if rows:
                wer = sum(e for e, _ in rows) / sum(n for _, n in rows)
                out["wer"].setdefault(group, {})[name] = round(wer, 4)
    loads = [r["load"] for per_call in results.values() for r in per_call.values()]
    out["load_range"] = [min(loads), max(loads)] if loads else []
    stock = [s for s in ("stock_vad", "stock_novad") if s in results]
    for group in GROUPS:
        names = [c.name for c in calls if c.group == group]
        if not stock or not names:
            continue
        best = min(stock, key=lambda s: out["wer"][group][s])
        for ours in (n for n in results if not n.startswith("stock_")):
            a = [c for n in names for c in results[ours][n]["per_clip"]]
            b = [c for n in names for c in results[best][n]["per_clip"]]
            out["diff_vs_best_stock"].setdefault(group, {})[ours] = {"best_stock": best, **paired_diff(a, b)}
    return out


if __name__ == "__main__":
    main()
