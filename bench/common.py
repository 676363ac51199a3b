"""Shared helpers for the benchmarks under bench/.

Each ``bench/bench_<area>.py`` has a ``main()`` that measures, prints its figures and calls
:func:`record` so ``bench/results/latest.json`` holds the newest figures of every benchmark
(``make bench`` runs them all; ``python -m bench.bench_store`` runs one).
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import time
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = Path(os.environ.get("RADIO_DESK_BENCH_RESULTS", ROOT / "bench" / "results" / "latest.json"))
# the measuring data beside the checkout; a git worktree elsewhere names it with RADIO_DESK_SHARED
SHARED = Path(os.environ.get("RADIO_DESK_SHARED", ROOT.parent / "shared"))


def percentile(values: Iterable[float], q: float) -> float:
    data = sorted(values)
    if not data:
        return float("nan")
    k = (len(data) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(data) - 1)
    return data[lo] + (data[hi] - data[lo]) * (k - lo)


def summary_ms(samples_s: Iterable[float]) -> dict[str, float]:
    ms = [s * 1000 for s in samples_s]
    return {
        "p50_ms": round(statistics.median(ms), 3),
        "p95_ms": round(percentile(ms, 0.95), 3),
        "max_ms": round(max(ms), 3),
        "n": len(ms),
    }


def record(name: str, metrics: dict, targets: dict | None = None) -> None:
    """Merge ``metrics`` for benchmark ``name`` into the results file and print a short table."""
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    try:
        data = json.loads(RESULTS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        data = {}
    data.setdefault("machine", {}).update(
        {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}
    )
    entry = {"measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "metrics": metrics}
    if targets:
        entry["targets"] = targets
    data.setdefault("benchmarks", {})[name] = entry
    RESULTS.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"\n== {name} ==")
    for key, value in _flatten(metrics):
        target = (targets or {}).get(key)
        print(f"  {key:<48} {value!s:>14}" + (f"   (target {target})" if target is not None else ""))


def _flatten(d: dict, prefix: str = "") -> list[tuple[str, object]]:
    out: list[tuple[str, object]] = []
    for k, v in d.items():
        key = f"{prefix}{k}"
        if isinstance(v, dict):
            out.extend(_flatten(v, key + "."))
        else:
            out.append((key, v))
    return out
