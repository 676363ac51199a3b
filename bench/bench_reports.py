"""Weekly review PDF speed and memory: 1,000 cases (target ≤ 3 s), 5,000 and 20,000 (≤ 30 s).

Each size runs in a child process so its peak RSS (ru_maxrss) is its own; memory should grow with the
number of cases held, not with the number of pages (the appendix is laid out one page at a time).
``rss_growth_kb_per_page`` is the current RSS growth per page once the appendix runs: the few KB of each
finished, compressed page that reportlab holds until it saves the file.
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
from radio_desk.reports import weekly
n, out = int(sys.argv[1]), sys.argv[2]
cases, events = sample_cases(n, date(2026, 11, 13))
samples = []  # (page, current RSS in MB) every 100 pages: does memory grow with the pages laid out?
def after_page(doc):
    if doc.page % 100 == 0:
        with open("/proc/self/statm") as fh:
            samples.append((doc.page, int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20))
weekly._Doc.afterPage = after_page
rss_data = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
t = time.perf_counter()
build_weekly_report(ReportData(date(2026, 11, 13), date(2026, 11, 19), cases, events, ["Malowopati FM"],
                    "internal", "bench", datetime(2026, 11, 20, 1, tzinfo=UTC)), out)
dt = time.perf_counter() - t
print(json.dumps({"s": dt, "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "rss_data_mb": rss_data, "bytes": os.path.getsize(out), "samples": samples}))
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


def _kb_per_page(samples: list[list[float]]) -> float | None:
    """Current RSS growth per page laid out, from page 200 (past the figures and charts) to the last
    sample: what holding every finished page until the PDF is saved costs (reportlab keeps each page's
    compressed content stream; the layout itself holds one page of table rows at a time)."""
    late = [s for s in samples if s[0] >= 200]
    if len(late) < 2:
        return None
    (p0, m0), (p1, m1) = late[0], late[-1]
    return round((m1 - m0) * 1024 / (p1 - p0), 1)


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
            growth = _kb_per_page(runs[0]["samples"])
            if growth is not None:
                metrics[f"cases_{n}"]["rss_growth_kb_per_page"] = growth
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
