"""``radio-desk bench live``: one call played through the real recorder and live transcriber, stored.

The audio file is fed to a real :class:`~radio_desk.audio.recorder.Recorder` (its injected input: the
callback path, ring, writer, WAV file and fan-out are the real ones) in 20 ms blocks at ``--speed`` ×
real time, at a studio device rate (48 kHz).  The :class:`~radio_desk.transcribe.live.LiveTranscriber`
reads the fan-out as on the desk; at the end the recording and its final transcript are stored in a
real SQLite store in a temporary data folder, the way the desk stores a call, and read back.

Figures: partial lag (wall seconds from the moment the last word of a partial was played to the
moment the partial arrived), Stop → final transcript stored, the process's peak memory, the stored
transcript and, with a reference, its WER.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

from radio_desk.errors import ValidationError

DEVICE_RATE = 48_000
BLOCK_S = 0.02


def _percentile(values: list[float], q: float) -> float:
    data = sorted(values)
    k = (len(data) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(data) - 1)
    return data[lo] + (data[hi] - data[lo]) * (k - lo)


def run_live_bench(
    audio_path: Path,
    *,
    language: str = "id",
    speed: float = 1.0,
    reference: str | None = None,
    threads: int = 2,
    data_dir: Path | None = None,
) -> dict:
    import numpy as np

    from radio_desk.audio.recorder import Recorder
    from radio_desk.services.calls import Call, store_recording, store_segments
    from radio_desk.store import open_store
    from radio_desk.transcribe import TranscribeOptions, load_engine
    from radio_desk.transcribe.audio_io import load_audio, resample
    from radio_desk.transcribe.evaluate import peak_rss_mb
    from radio_desk.transcribe.live import LiveTranscriber, LiveUpdate
    from radio_desk.transcribe.wer import wer

    audio16 = load_audio(audio_path)  # a bad file fails here, before the model is loaded
    signal = resample(audio16, 16_000, DEVICE_RATE)
    pcm = np.clip(np.round(signal * 32767), -32768, 32767).astype(np.int16)[:, None]
    engine = load_engine(cpu_threads=threads)
    folder = Path(data_dir) if data_dir else Path(tempfile.mkdtemp(prefix="radio-desk-bench-live-"))
    store = open_store(folder / "radio-desk.sqlite")
    rec = Recorder(preroll_seconds=0.0, recordings_dir=folder / "recordings")
    rec.open_external(DEVICE_RATE)
    sub = rec.fanout.subscribe(DEVICE_RATE, max_seconds=30)
    call = Call()
    call.recording = rec.start_recording(call.case_id)
    store_recording(store, call.recording)
    call.engine, call.model = engine.name, engine.model_name
    clock = {"t0": 0.0}
    lags: list[float] = []

    def on_update(u: LiveUpdate) -> None:
        if u.kind == "partial" and u.segment.text:
            played_at = clock["t0"] + u.segment.end / speed  # wall time the partial's last audio was fed
            lags.append(time.monotonic() - played_at)

    live = LiveTranscriber(engine, sub, options=TranscribeOptions(language=language), on_update=on_update)
    live.start()
    block = int(DEVICE_RATE * BLOCK_S)
    clock["t0"] = t0 = time.monotonic()
    for k, i in enumerate(range(0, len(pcm), block)):
        time.sleep(max(0.0, t0 + k * BLOCK_S / speed - time.monotonic()))
        rec.feed(pcm[i : i + block])
    stop_at, stop_cpu = time.monotonic(), time.process_time()
    call.recording = rec.stop_recording()
    store_recording(store, call.recording)
    call.segments = live.finish(timeout=600)
    call.transcript_done = True
    store_segments(store, call)
    stop_to_final, stop_cpu = time.monotonic() - stop_at, time.process_time() - stop_cpu
    rec.close()
    stored = store.segments.list_for_recording(call.recording.id)
    transcript = " ".join(s.text for s in stored)  # in time order
    report: dict = {}
    if reference is not None:
        report["wer"] = round(wer(reference, transcript), 4)
    report |= {
        "stop_to_final_s": round(stop_to_final, 2),
        "stop_to_final_cpu_s": round(stop_cpu, 2),  # the process's CPU seconds meanwhile (all threads)
        "partial_lag_median_s": round(statistics.median(lags), 2) if lags else None,
        "partial_lag_p95_s": round(_percentile(lags, 0.95), 2) if lags else None,
        "peak_rss_mb": peak_rss_mb(),
        "transcript": transcript,
        "call_s": round(len(audio16) / 16_000, 1),
        "speed": speed,
        "partials": len(lags),
        "partials_skipped": live.partials_skipped,
        "drafts_skipped": live.drafts_skipped,
        "windows_decoded_during_call": live.windows_decoded,
        "last_window_s": round(live.last_window_s, 2),
        "last_window_decode_s": round(live.last_window_decode_s, 2),
    }
    return report


def run(args: argparse.Namespace) -> int:
    if not args.speed > 0:
        raise ValidationError("--speed harus lebih dari 0 (1 = waktu nyata).", field="speed")
    audio = Path(args.audio)
    if not audio.is_file():
        raise ValidationError(f"Berkas audio {audio} tidak ditemukan.", field="audio")
    reference = None
    if args.reference:
        try:
            reference = Path(args.reference).read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as err:
            raise ValidationError(f"Teks rujukan {args.reference} tidak bisa dibaca: {err}.") from err
    report = run_live_bench(
        audio, language=args.language, speed=args.speed, reference=reference, threads=args.threads
    )
    out = Path(args.json_out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    except OSError as err:
        raise ValidationError(f"Hasil tidak bisa ditulis ke {out}: {err.strerror or err}.") from err
    summary = {k: v for k, v in report.items() if k != "transcript"}
    print(json.dumps(summary, ensure_ascii=False), file=sys.stderr)
    return 0
