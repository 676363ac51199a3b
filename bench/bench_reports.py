"""Weekly review PDF speed and memory: 1,000 cases (target ≤ 3 s), 5,000 and 20,000 (≤ 30 s).

Each size runs in a child process so its peak RSS (ru_maxrss) is its own; memory should grow with the
number of cases held, not with the number of pages (the appendix is laid out one page at a time).
"""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import tempfile

from bench.common import record

CHILD = r"""
import json, os, resource, sys, time
from datetime import UTC, date, datetime
from radio_desk.reports.sample import sample_cases
from radio_desk.reports.weekly import ReportData, build_weekly_report
n, out = int(sys.argv[1]), sys.argv[2]
cases, events = sample_cases(n, date(2026, 11, 13))
rss_data = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t = time.perf_counter()
build_weekly_report(ReportData(date(2026, 11, 13), date(2026, 11, 19), cases, events, ["Malowopati FM"],
                    "internal", "bench", datetime(2026, 11, 20, 1, tzinfo=UTC)), out)
dt = time.perf_counter() - t
print(json.dumps({"s": dt, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "rss_data_mb": rss_data, "bytes": os.path.getsize(out)}))
"""


def _run(n: int, tmp: str) -> dict:
    env = dict(os.environ, RADIO_DESK_HOME=tmp, OMP_NUM_THREADS="1")
    out = os.path.join(tmp, f"r{n}.pdf")
    p = subprocess.run(
        [sys.executable, "-c", CHILD, str(n), out], capture_output=True, text=True, env=env, check=True
    )
    res = json.loads(p.stdout.strip().splitlines()[-1])
    info = subprocess.run(["pdfinfo", out], capture_output=True, text=True).stdout
    res["pages"] = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    return res


def main() -> None:
    sizes = [int(x) for x in os.environ.get("BENCH_REPORT_SIZES", "1000,5000,20000").split(",")]
    metrics: dict = {}
    with tempfile.TemporaryDirectory() as tmp:
        for n in sizes:
            runs = [_run(n, tmp) for _ in range(3 if n <= 1000 else 1)]
            metrics[f"cases_{n}"] = {
                "seconds_median": round(statistics.median(r["s"] for r in runs), 2),
                "peak_rss_mb": round(max(r["rss_mb"] for r in runs), 1),
                "rss_before_layout_mb": round(max(r["rss_data_mb"] for r in runs), 1),
                "pages": runs[0]["pages"],
                "pdf_mb": round(runs[0]["bytes"] / 1e6, 2),
            }
            print(n, metrics[f"cases_{n}"], flush=True)
    if "cases_5000" in metrics and "cases_20000" in metrics:
        a, b = metrics["cases_5000"], metrics["cases_20000"]
        metrics["layout_rss_growth_mb_5k_to_20k"] = round(
            (b["peak_rss_mb"] - b["rss_before_layout_mb"]) - (a["peak_rss_mb"] - a["rss_before_layout_mb"]), 1
        )
    record(
        "reports",
        metrics,
        {"cases_1000.seconds_median": "<= 3", "cases_20000.seconds_median": "<= 30"},
    )


if __name__ == "__main__":
    main()
