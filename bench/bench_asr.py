"""Transcription measured on real speech (``shared/eval/speech``) and live on a real-time stream.

Accuracy and speed, side by side on the same clips with the same weights and the same threads, each
configuration in its own process (``radio-desk bench asr``, so peak memory is each one's own):

  * ``radio_desk``     Radio Desk's file decoding (faster-whisper's 30-second windows, per-language choices);
  * ``radio_desk_short`` the short-window pipeline of the live preview (VAD regions, windows fitted to them);
  * ``faster_plain``   stock ``faster_whisper.WhisperModel.transcribe`` (int8, beam 5, language given, no
                       VAD: faster-whisper's defaults, the "plain run" whose WER is the floor to beat);
  * ``openai_ref``     the reference ``whisper.transcribe`` (converted bundled weights, beam 5, no VAD).

Live mode (its own process): a ~3-minute call of real clips separated by pauses, fed through a real
``Recorder`` at real-time pace; lag of every partial behind the audio, Stop → final transcript, peak
memory with the model loaded, and the live transcript's WER.

With 650 reference words of Indonesian a corpus WER moves by a few points between configurations by
chance alone, so every comparison with ``radio_desk`` also gets a paired bootstrap 95 % interval of the
WER difference over the same clips (``wer_diff_*``: other minus ours; an interval above 0 means ours is
better beyond chance).

Environment: ``RADIO_DESK_BENCH_ASR_LIMIT=N`` (first N clips), ``RADIO_DESK_BENCH_ASR_SKIP=openai_ref,live``.
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import ROOT, SHARED, percentile, record

MANIFEST = SHARED / "eval" / "speech" / "manifest.tsv"
THREADS = 2
CONFIGS = {
    "radio_desk": [],
    "radio_desk_short": ["--pipeline", "short"],
    "faster_plain": ["--plain", "--no-vad"],
    "openai_ref": ["--engine", "openai-whisper", "--no-vad"],
}
CALL_SECONDS = 180.0
RATE = 48_000


def _run_config(name: str, args: list[str], limit: int | None, home: Path) -> dict:
    out = home / f"{name}.json"
    cmd = [sys.executable, "-c", "import sys; from radio_desk.cli import main; sys.exit(main())"]
    cmd += ["bench", "asr", "--manifest", str(MANIFEST), "--threads", str(THREADS), "--json", str(out)]
    cmd += ["--beam-size", "5", *args] + (["--limit", str(limit)] if limit else [])
    env = {**os.environ, "RADIO_DESK_HOME": str(home), "OMP_NUM_THREADS": str(THREADS)}
    began = time.perf_counter()
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{name} failed: {proc.stderr.strip()[-2000:]}")
    report = json.loads(out.read_text(encoding="utf-8"))
    report["wall_s"] = round(time.perf_counter() - began, 1)
    return report


def bench_offline(limit: int | None, skip: set[str]) -> dict:
    home = Path(tempfile.mkdtemp(prefix="radio-desk-bench-asr-"))
    reports = {}
    for name, args in CONFIGS.items():
        if name in skip:
            continue
        print(f"bench_asr: {name} ...", flush=True)
        reports[name] = _run_config(name, args, limit, home)
    metrics: dict = {}
    for name, r in reports.items():
        metrics[name] = {
            "wer_id": r["wer"].get("id"),
            "wer_jv": r["wer"].get("jv"),
            "rtf": r["rtf"],
            "transcribe_s": r["transcribe_s"],
            "peak_rss_mb": r["peak_rss_mb"],
        }
    ours = reports.get("radio_desk")
    for other in ("openai_ref", "faster_plain"):
        if ours and other in reports:
            metrics[f"speedup_vs_{other}"] = round(reports[other]["transcribe_s"] / ours["transcribe_s"], 2)
            for lang in sorted(ours["wer"]):
                metrics[f"wer_diff_{lang}_{other}"] = paired_wer_difference(ours, reports[other], lang)
    metrics["clips"] = len(next(iter(reports.values()))["per_clip"]) if reports else 0
    metrics["audio_s"] = next(iter(reports.values()))["audio_s"] if reports else 0
    return metrics


def paired_wer_difference(ours: dict, other: dict, lang: str, rounds: int = 5000) -> dict:
    """``other``'s corpus WER minus ours on the same clips of ``lang``, with a paired bootstrap 95 % CI."""
    import random

    theirs = {c["file"]: c for c in other["per_clip"] if c["lang"] == lang}
    rows = [
        (c["ref_words"], c["errors"], theirs[c["file"]]["errors"])
        for c in ours["per_clip"]
        if c["lang"] == lang and c["file"] in theirs and c.get("ref_words")
    ]
    if not rows:
        return {}

    def diff(sample: list[tuple[int, int, int]]) -> float:
        return (sum(r[2] for r in sample) - sum(r[1] for r in sample)) / max(1, sum(r[0] for r in sample))

    rng = random.Random(2026)
    boot = sorted(diff(rng.choices(rows, k=len(rows))) for _ in range(rounds))
    return {
        "diff": round(diff(rows), 4),
        "ci95": [round(boot[int(0.025 * rounds)], 4), round(boot[int(0.975 * rounds)], 4)],
    }


# --- live mode -----------------------------------------------------------------------------------


def _call_audio(limit_s: float) -> tuple:
    """Real Indonesian clips with 0.6-1.6 s pauses, up to ``limit_s``: (16 kHz audio, reference text)."""
    import numpy as np

    from radio_desk.transcribe.audio_io import load_audio
    from radio_desk.transcribe.evaluate import read_manifest

    rng = np.random.default_rng(4)
    parts, refs, total = [np.zeros(8000, np.float32)], [], 0.5
    clips = [c for c in read_manifest(MANIFEST) if c.lang == "id"]
    for clip in clips:
        audio = load_audio(clip.path)
        pause = np.zeros(int(rng.uniform(0.6, 1.6) * 16_000), np.float32)
        if total + (audio.size + pause.size) / 16_000 > limit_s:
            break
        parts += [audio, pause]
        refs.append(clip.transcript)
        total += (audio.size + pause.size) / 16_000
    # hang up as the last word ends: that utterance is still to be transcribed at Stop
    return np.concatenate(parts[:-1]), " ".join(refs)


def bench_live() -> dict:
    import numpy as np

    from radio_desk.audio.recorder import Recorder
    from radio_desk.transcribe import TranscribeOptions, load_engine
    from radio_desk.transcribe.audio_io import resample
    from radio_desk.transcribe.evaluate import peak_rss_mb
    from radio_desk.transcribe.live import LiveTranscriber, LiveUpdate
    from radio_desk.transcribe.wer import wer

    audio16, reference = _call_audio(CALL_SECONDS)
    signal = resample(audio16, 16_000, RATE)
    pcm = np.clip(np.round(signal * 32767), -32768, 32767).astype(np.int16)[:, None]
    engine = load_engine(cpu_threads=THREADS)
    folder = Path(tempfile.mkdtemp(prefix="radio-desk-bench-live-"))
    rec = Recorder(preroll_seconds=0.0, recordings_dir=folder)
    rec.open_external(RATE)
    sub = rec.fanout.subscribe(RATE, max_seconds=30)
    rec.start_recording()
    clock = {"t0": 0.0}
    lags: list[float] = []
    final_lags: list[float] = []

    def on_update(u: LiveUpdate) -> None:
        audio_now = time.monotonic() - clock["t0"]  # the stream is real time: wall clock = audio clock
        if u.segment.text and audio_now <= len(signal) / RATE:
            (lags if u.kind == "partial" else final_lags).append(audio_now - u.segment.end)

    live = LiveTranscriber(engine, sub, options=TranscribeOptions(), on_update=on_update)
    live.start()
    block = RATE // 50  # 20 ms, like PortAudio callbacks
    clock["t0"] = t0 = time.monotonic()
    for k, i in enumerate(range(0, len(pcm), block)):
        time.sleep(max(0.0, t0 + k * block / RATE - time.monotonic()))
        rec.feed(pcm[i : i + block])
    stop_at = time.monotonic()
    rec.stop_recording()
    finals = live.finish(timeout=120)
    stop_to_final = time.monotonic() - stop_at
    rec.close()
    text = " ".join(s.text for s in finals)
    return {
        "call_s": round(len(signal) / RATE, 1),
        "partial_lag_median_s": round(statistics.median(lags), 2) if lags else None,
        "partial_lag_p95_s": round(percentile(lags, 0.95), 2) if lags else None,
        "partials": len(lags),
        "partials_skipped": live.partials_skipped,
        "final_lag_median_s": round(statistics.median(final_lags), 2) if final_lags else None,
        "stop_to_final_s": round(stop_to_final, 2),
        "peak_rss_mb": peak_rss_mb(),
        "live_wer_id": round(wer(reference, text), 4),
    }


def main() -> None:
    if not MANIFEST.exists():
        print(f"bench_asr: SKIPPED \u2014 {MANIFEST} not found (the measuring data lives outside the repo)")
        return
    limit = int(os.environ.get("RADIO_DESK_BENCH_ASR_LIMIT", "0")) or None
    skip = {s.strip() for s in os.environ.get("RADIO_DESK_BENCH_ASR_SKIP", "").split(",") if s.strip()}
    metrics: dict = {"offline": bench_offline(limit, skip)}
    if "live" not in skip:
        print("bench_asr: live (3-minute call in real time) ...", flush=True)
        cmd = [sys.executable, "-m", "bench.bench_asr", "--live"]
        env = {**os.environ, "OMP_NUM_THREADS": str(THREADS)}
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
        if proc.returncode != 0:
            raise RuntimeError(f"live benchmark failed: {proc.stderr.strip()[-2000:]}")
        metrics["live"] = json.loads(proc.stdout.strip().splitlines()[-1])
    metrics["load"] = "measured on a 2-core machine shared with other work; figures vary with the load"
    record(
        "asr",
        metrics,
        targets={
            "offline.speedup_vs_openai_ref": ">= 4",
            "offline.radio_desk.rtf": "<= 0.15",
            "offline.radio_desk.wer_id": "< 0.40",
            "offline.radio_desk.wer_jv": "< 0.77",
            "live.partial_lag_median_s": "<= 2.5",
            "live.stop_to_final_s": "<= 3",
            "live.peak_rss_mb": "<= 700",
        },
    )


if __name__ == "__main__":
    if sys.argv[1:] == ["--live"]:
        print(json.dumps(bench_live()))
    else:
        main()
