"""Sync and server benchmarks.

1. 10,000 cases from a desk store (SQLite outbox) to a local server (uvicorn subprocess, SQLite) over
   loopback, end to end (target ≤ 30 s).
2. Server throughput and p50/p95 latency of single-case POST (Open311 form) and GET (one request) with
   PostgreSQL on 127.0.0.1:5432, from a load generator bounded in count and in time.
"""

from __future__ import annotations

import os
import secrets
import tempfile
import threading
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from datetime import UTC, datetime
from pathlib import Path

import httpx

from bench.common import record, summary_ms
from tests.support.server_process import ServerProcess

N_CASES = 10_000
LOAD_REQUESTS = 2_000  # per operation
LOAD_SECONDS = 20.0  # per operation, whichever comes first
LOAD_THREADS = 8


class Server(ServerProcess):
    """The benches' server process: its rate limits far above any load, its warnings on the console."""

    def __init__(self, database: str, home: Path) -> None:
        super().__init__(database, home, rate="1000000", console=True)


def bench_desk_to_server(tmp: Path) -> dict:
    from radio_desk.store import open_store
    from radio_desk.store.models import CaseRow, OutboxRow
    from radio_desk.sync.client import SyncClient
    from radio_desk.sync.outbox import SqlOutbox
    from radio_desk.sync.worker import run_cycle

    store = open_store(tmp / "desk.sqlite3")  # the desk's real database (migrated, WAL), as the app opens it
    outbox = SqlOutbox(store)
    now = datetime.now(UTC)
    with outbox.store.write() as s:
        for i in range(N_CASES):
            cid = uuid.uuid4()
            s.add(
                CaseRow(
                    id=cid,
                    station="bench-fm",
                    received_at=now,
                    channel="on_air",
                    caller_name=f"Penelepon {i}",
                    phone="+6281234567890",
                    category="jalan",
                    urgency="sedang",
                    summary=f"Jalan berlubang nomor {i} di Kecamatan Kapas",
                    status="baru",
                    created_at=now,
                    updated_at=now,
                    kecamatan_code="35.22.01",
                    desa_code="35.22.01.2001",
                    revision=1,
                )
            )
            s.add(OutboxRow(case_id=cid, kind="create", payload='{"revision": 1}', created_at=now))
    with Server(f"sqlite:///{tmp / 'server.sqlite3'}", tmp / "home") as srv:
        key = srv.cli("station", "add", "bench-fm").strip().splitlines()[-1]
        load_before = os.getloadavg()[0]
        started = time.perf_counter()
        with SyncClient(srv.url, key, timeout=60) as client:
            report = run_cycle(outbox, client, batch_size=250)  # push everything, then pull the feed
        elapsed = time.perf_counter() - started
    pending = outbox.pending_count()
    store.close()
    assert report.pushed == N_CASES and pending == 0 and report.pulled >= N_CASES, report.describe()
    return {
        "cases": N_CASES,
        "seconds": round(elapsed, 2),
        "cases_per_s": round(N_CASES / elapsed, 1),
        "batches": report.batches,
        "feed_rows_pulled": report.pulled,
        # the machine is shared: the 1-minute load average says how much CPU the run really had
        "loadavg_1m_before": round(load_before, 2),
        "loadavg_1m_after": round(os.getloadavg()[0], 2),
    }


def _load(fn, count: int, seconds: float) -> tuple[list[float], int, float]:  # type: ignore[no-untyped-def]
    latencies: list[float] = []
    errors = 0
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    counter = iter(range(count))

    def worker() -> None:
        nonlocal errors
        with httpx.Client(timeout=30) as http:
            while time.monotonic() < deadline:
                with lock:
                    i = next(counter, None)
                if i is None:
                    return
                t0 = time.perf_counter()
                ok = fn(http, i)
                dt = time.perf_counter() - t0
                with lock:
                    latencies.append(dt)
                    errors += 0 if ok else 1

    started = time.perf_counter()
    with ThreadPoolExecutor(LOAD_THREADS) as pool:
        for _ in range(LOAD_THREADS):
            pool.submit(worker)
    return latencies, errors, time.perf_counter() - started


def bench_postgres_load(tmp: Path) -> dict | None:
    try:
        import psycopg

        admin = psycopg.connect(
            host="127.0.0.1", dbname="test", user="postgres", autocommit=True, connect_timeout=3
        )
    except Exception as err:
        print(f"PostgreSQL on 127.0.0.1:5432 not reachable ({err}); skipping the load test")
        return None
    name = "rdbench_" + secrets.token_hex(4)
    admin.execute(f'CREATE DATABASE "{name}"')
    try:
        with Server(f"postgresql://postgres@127.0.0.1:5432/{name}", tmp / "pghome") as srv:
            key = srv.cli("station", "add", "bench-fm").strip().splitlines()[-1]
            ids: list[str] = []

            def post(http: httpx.Client, i: int) -> bool:
                r = http.post(
                    srv.url + "/open311/v2/requests.json",
                    headers={"X-API-Key": key},
                    data={
                        "service_code": "jalan",
                        "description": f"Jalan rusak {i}",
                        "attribute[case_uuid]": str(uuid.uuid4()),
                        "attribute[kecamatan]": "35.22.01",
                    },
                )
                if r.status_code == 201:
                    ids.append(r.json()[0]["service_request_id"])
                return r.status_code == 201

            def get(http: httpx.Client, i: int) -> bool:
                r = http.get(
                    f"{srv.url}/open311/v2/requests/{ids[i % len(ids)]}.json", headers={"X-API-Key": key}
                )
                return r.status_code == 200

            post_lat, post_err, post_s = _load(post, LOAD_REQUESTS, LOAD_SECONDS)
            get_lat, get_err, get_s = _load(get, LOAD_REQUESTS, LOAD_SECONDS)
    finally:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
    return {
        "loadavg_1m_after": round(os.getloadavg()[0], 2),
        "post": {**summary_ms(post_lat), "per_s": round(len(post_lat) / post_s, 1), "errors": post_err},
        "get": {**summary_ms(get_lat), "per_s": round(len(get_lat) / get_s, 1), "errors": get_err},
        "threads": LOAD_THREADS,
    }


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="rd-bench-sync-") as d:
        tmp = Path(d)
        metrics: dict = {"desk_to_server_10k": bench_desk_to_server(tmp)}
        pg = bench_postgres_load(tmp)
        if pg:
            metrics["postgres_load"] = pg
    record("sync", metrics, {"desk_to_server_10k.seconds": "<= 30"})


if __name__ == "__main__":
    main()
