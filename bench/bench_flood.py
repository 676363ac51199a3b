"""A real station's latency while one address floods the server with random API keys, before vs after
the per-address limit (issue 14, item 8), side by side in one run.

Each variant is a real ``radio-desk-server serve`` (SQLite, default rate limits, warnings to a log file):
"before" runs the code of ``RADIO_DESK_BENCH_FLOOD_BASELINE`` (default: the commit before the fix,
extracted with ``git archive``), "after" this tree.  A station posts one case at a time at a steady
10 requests/s (its own address, ``X-Forwarded-For`` through the trusted loopback proxy), first alone,
then while ``FLOOD_THREADS`` threads send ``GET /api/v1/whoami`` with a fresh random key each time from
another address, at the same offered rate for both variants (``FLOOD_RATE``, the independent test's
375/s).  Reported: the station's p50/p95 latency, the flood's requests/s, how many of them reached the
key lookup (answered 403) and how many were turned away first (429), and the log written per second.
"""

from __future__ import annotations

import os
import secrets
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from pathlib import Path

import httpx

from bench.common import ROOT, record, summary_ms
from tests.support.server_process import ServerProcess, wait_healthy

BASELINE = os.environ.get("RADIO_DESK_BENCH_FLOOD_BASELINE", "915d01d")
PHASE_SECONDS = 6.0
STATION_INTERVAL = 0.1  # a desk syncing steadily, well inside its own key's rate
FLOOD_THREADS = 4
FLOOD_RATE = 375.0  # requests/s offered, as in the independent test (3,000 in 8 s); the same for both


class LimitedServer(ServerProcess):
    """The benches' server process, but with the default rate limits, the code of ``code`` and the log
    kept."""

    def __init__(self, database: str, home: Path, code: Path, log: Path) -> None:
        super().__init__(database, home, rate=None)
        self.env["PYTHONPATH"] = str(code)
        self.log = log

    def __enter__(self) -> LimitedServer:
        out = open(self.log, "wb")  # the child keeps it
        cmd = [sys.executable, "-m", "radio_desk.server.cli", "serve", "--port", str(self.port),
               "--database", self.database, "--no-access-log", "--log-level", "warning"]  # fmt: skip
        self.proc = subprocess.Popen(
            cmd, env=self.env, stdout=out, stderr=subprocess.STDOUT, cwd=self.log.parent
        )
        out.close()
        wait_healthy(self.url, 60)
        return self


def _case() -> dict:
    return {
        "case_uuid": str(uuid.uuid4()), "service_code": "jalan", "description": "Jalan berlubang di Kapas.",
        "urgency": "tinggi", "kecamatan_code": "35.22.01", "received_at": "2026-11-23T08:15:00+07:00",
    }  # fmt: skip


def _station(url: str, key: str, seconds: float) -> list[float]:
    latencies: list[float] = []
    headers = {"X-API-Key": key, "X-Forwarded-For": "10.1.1.1"}
    with httpx.Client(base_url=url, timeout=30) as c:
        end = time.monotonic() + seconds
        while time.monotonic() < end:
            t0 = time.perf_counter()
            r = c.post("/api/v1/requests/batch", json={"cases": [_case()]}, headers=headers)
            latencies.append(time.perf_counter() - t0)
            if r.status_code != 200:
                raise RuntimeError(f"station refused: {r.status_code} {r.text[:200]}")
            time.sleep(max(0.0, STATION_INTERVAL - latencies[-1]))
    return latencies


def _phase(srv: LimitedServer, key: str, flood: bool) -> dict:
    stop = threading.Event()
    codes: dict[int, int] = {}
    lock = threading.Lock()

    def flooder() -> None:
        interval = FLOOD_THREADS / FLOOD_RATE
        with httpx.Client(base_url=srv.url, timeout=30) as c:
            due = time.monotonic()
            while not stop.is_set():
                h = {"X-API-Key": "rdk_" + secrets.token_urlsafe(32), "X-Forwarded-For": "10.9.9.9"}
                status = c.get("/api/v1/whoami", headers=h).status_code
                with lock:
                    codes[status] = codes.get(status, 0) + 1
                due += interval  # a steady offered rate; a server that cannot keep up gets less
                time.sleep(max(0.0, due - time.monotonic()))

    threads = [threading.Thread(target=flooder) for _ in range(FLOOD_THREADS if flood else 0)]
    log_before = srv.log.stat().st_size
    started = time.monotonic()
    for t in threads:
        t.start()
    latencies = _station(srv.url, key, PHASE_SECONDS)
    stop.set()
    for t in threads:
        t.join(30)
    elapsed = time.monotonic() - started
    out = {"station": summary_ms(latencies)}
    if flood:
        out["flood"] = {
            "requests_per_s": round(sum(codes.values()) / elapsed),
            "key_lookups_per_s (403)": round(codes.get(403, 0) / elapsed, 1),
            "turned_away_per_s (429)": round(codes.get(429, 0) / elapsed, 1),
        }
    out["log_bytes_per_s"] = round((srv.log.stat().st_size - log_before) / elapsed)
    return out


def _variant(name: str, code: Path, tmp: Path) -> dict:
    work = tmp / name
    work.mkdir()
    srv = LimitedServer(f"sqlite:///{work / 'server.sqlite3'}", work / "home", code, work / "server.log")
    key = srv.cli("station", "add", "stasiun-a").strip().splitlines()[-1]
    with srv:
        _station(srv.url, key, 1.0)  # warm-up: imports, caches, the first connection
        return {"alone": _phase(srv, key, flood=False), "flood": _phase(srv, key, flood=True)}


def _baseline_code(tmp: Path) -> Path | None:
    target = tmp / "baseline-code"
    target.mkdir()
    try:
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", BASELINE, "radio_desk", "resources"],
                                 capture_output=True, check=True, timeout=60).stdout  # fmt: skip
        subprocess.run(["tar", "-x", "-C", str(target)], input=archive, check=True, timeout=60)
    except (OSError, subprocess.SubprocessError) as err:
        print(f"flood bench: no 'before' variant (git archive {BASELINE} failed: {err})")
        return None
    return target


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="rd-bench-flood-") as d:
        tmp = Path(os.environ.get("RADIO_DESK_BENCH_FLOOD_KEEP") or d)
        metrics: dict = {}
        baseline = _baseline_code(tmp)
        if baseline is not None:
            metrics[f"before ({BASELINE})"] = _variant("before", baseline, tmp)
        metrics["after"] = _variant("after", ROOT, tmp)
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    metrics["load_average_1min"] = round(load, 2) if load is not None else None
    after = metrics["after"]["flood"]["station"]["p50_ms"] / metrics["after"]["alone"]["station"]["p50_ms"]
    metrics["after_flood_vs_alone_p50_ratio"] = round(after, 2)
    if baseline is not None:
        b = metrics[f"before ({BASELINE})"]
        metrics["before_flood_vs_alone_p50_ratio"] = round(
            b["flood"]["station"]["p50_ms"] / b["alone"]["station"]["p50_ms"], 2
        )
    record("flood", metrics)


if __name__ == "__main__":
    main()
