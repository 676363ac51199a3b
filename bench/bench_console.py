"""Console benchmark (``python -m bench console``): the regency console's pages with 100,000 cases on
PostgreSQL, over the real HTTP server (``radio-desk-server serve`` in a subprocess).

* p50/p95 of ``/console/monitoring`` (+ ``.csv``), ``/console/cari`` (search) and ``/publik``
  (targets: console pages p95 ≤ 150 ms, search ≤ 200 ms);
* side by side, the peers in the same run: ``/api/v1/overdue`` (the server's Python-loop overdue
  listing, what monitoring replaced) and, in the database, the same search as ``ILIKE '%word%'``;
* the regency weekly PDF of 2,000 cases (target ≤ 5 s), both editions.

The cases are written with COPY (~100,000 rows in seconds).  Figures go to ``bench/results/console.json``
and ``bench/results/latest.json``.
"""

from __future__ import annotations

import json
import os
import random
import secrets
import statistics
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import httpx

from bench.bench_sync import Server
from bench.common import ROOT, record, summary_ms

N_CASES = 100_000
REPORT_CASES = 2_000
STATIONS = ["malowopati-fm", "madu-fm", "rbfm", "jtv-bojonegoro", "radio-sabda", "suara-kapas"]
RUNS = int(os.environ.get("BENCH_CONSOLE_RUNS", "60"))
OUT = ROOT / "bench" / "results" / "console.json"
WORDS = {  # category → words of its summaries
    "jalan": ["jalan", "berlubang", "aspal", "rusak", "jembatan", "retak", "jeglongan", "makadam"],
    "drainase": ["saluran", "mampet", "banjir", "genangan", "gorong", "selokan", "tanggul"],
    "pju": ["lampu", "penerangan", "mati", "tiang", "kabel", "gelap"],
    "sampah": ["sampah", "menumpuk", "bau", "tps", "dibakar", "liar"],
    "air": ["pdam", "air", "keruh", "mati", "pipa", "bocor"],
}
FILLER = [
    "sudah",
    "dua",
    "minggu",
    "warga",
    "mohon",
    "segera",
    "ditangani",
    "depan",
    "sekolah",
    "pasar",
    "dekat",
    "masjid",
    "balai",
    "desa",
    "tolong",
    "bapak",
    "ibu",
    "kemarin",
    "malam",
    "pagi",
]
COORDINATOR, PASSWORD = "koordinator-bench", "kata-sandi-bench-console"
SEARCHES = ["jalan berlubang", "lampu", "jeglongan", "saluran mampet", "pdam bocor", "sekolah", "banj"]


def _pg_admin():  # type: ignore[no-untyped-def]
    import psycopg

    return psycopg.connect(
        host="127.0.0.1", dbname="test", user="postgres", autocommit=True, connect_timeout=3
    )


def _cases(now: datetime, review: tuple[date, date], station_ids: list[int], rnd: random.Random):  # type: ignore[no-untyped-def]
    """Rows for COPY: 98,000 over the last year, 2,000 in the review week."""
    from radio_desk.domain.gazetteer import get_gazetteer
    from radio_desk.domain.taxonomy import get_taxonomy
    from radio_desk.domain.workdays import WIB

    tax, gaz = get_taxonomy(), get_gazetteer()
    categories = list(tax.categories)
    kecamatan = [p.code for p in gaz.kecamatan_of(tax.regency_code)]
    week_lo = datetime.combine(review[0], datetime.min.time(), WIB).astimezone(UTC)
    for i in range(N_CASES):
        if i < REPORT_CASES:
            requested = week_lo + timedelta(seconds=rnd.randrange(0, 7 * 86400))
        else:  # the rest of the year, outside the review week (which holds exactly REPORT_CASES)
            requested = now - timedelta(seconds=rnd.randrange(3600, 365 * 86400))
            while week_lo <= requested < week_lo + timedelta(days=7):
                requested = now - timedelta(seconds=rnd.randrange(3600, 365 * 86400))
        cat = rnd.choice(categories)
        words = WORDS.get(cat, FILLER)
        desc = " ".join(rnd.sample(words, 3) + rnd.sample(FILLER, 6))
        age = (now - requested).total_seconds() / 86400
        roll = rnd.random()
        status, fwd, fol, closed, opd, notes = "baru", None, None, None, None, None
        if age < 2 and roll < 0.7:
            status = rnd.choice(["baru", "terverifikasi"])
        elif roll < 0.04:
            status = "baru"
        elif roll < 0.06:
            status = "terverifikasi"
        elif roll < 0.14:
            status = rnd.choice(["ditolak", "duplikat", "bukan_wewenang"])
            closed = requested + timedelta(hours=rnd.uniform(1, 72))
        else:
            opd = tax.default_opd(cat) or "dpubmpr"
            fwd = requested + timedelta(hours=rnd.uniform(1, 120))
            if fwd > now:
                fwd, status, opd = None, "terverifikasi", None
            elif roll < 0.24:
                status = "diteruskan"
            else:
                fol = fwd + timedelta(hours=rnd.uniform(2, 200))
                if fol > now:
                    fol, status = None, "diteruskan"
                elif roll < 0.32:
                    status = "diproses"
                    notes = "Sedang ditangani petugas " + rnd.choice(FILLER)
                else:
                    status, closed = "selesai", fol
                    notes = "Sudah diperbaiki, " + " ".join(rnd.sample(FILLER, 4))
        updated = closed or fol or fwd or requested
        yield (
            str(uuid.UUID(int=rnd.getrandbits(128), version=4)), secrets.token_hex(16),
            rnd.choice(station_ids),
            cat, status, notes, opd, rnd.choice(["on_air", "sms", "whatsapp", "walk_in"]),
            rnd.choice(["rendah", "sedang", "tinggi", "darurat"]), desc, "", None, None, None,
            rnd.choice(kecamatan), None, f"Penelepon {i}", f"+62812{i:07d}", rnd.random() < 0.1,
            rnd.random() < 0.03, None, requested, requested, updated, fwd, fwd, fol, closed,
        )  # fmt: skip


COLUMNS = (
    "case_uuid, token, station_id, service_code, status, status_notes, opd, channel, urgency, description, "
    "notes, address, lat, long, kecamatan_code, desa_code, caller_name, phone, anonim, rahasia, "
    "duplicate_of, requested_datetime, created_at, updated_datetime, verified_at, forwarded_at, "
    "followed_up_at, closed_at"
)


def fill(url: str, review: tuple[date, date]) -> tuple[str, float]:
    """Migrate, add the stations and a coordinator, COPY the cases and their arrival feed rows."""
    import psycopg

    from radio_desk.server.accounts import add_account, set_password
    from radio_desk.server.auth import Role
    from radio_desk.server.db import make_engine, make_sessionmaker, migrate

    engine = make_engine(url)
    migrate(engine)
    with make_sessionmaker(engine)() as s:
        for name in STATIONS:
            add_account(s, name, Role.STATION)
        key = add_account(s, COORDINATOR, Role.COORDINATOR)
        set_password(s, COORDINATOR, PASSWORD, {Role.COORDINATOR})
    engine.dispose()
    t0 = time.perf_counter()
    rnd = random.Random(20261203)
    with psycopg.connect(url) as conn:
        ids = [r[0] for r in conn.execute("SELECT id FROM account WHERE role = 'station' ORDER BY id")]
        with conn.cursor() as cur:
            with cur.copy(f"COPY service_request ({COLUMNS}) FROM STDIN") as copy:
                for row in _cases(datetime.now(UTC), review, ids, rnd):
                    copy.write_row(row)
            cur.execute(
                'INSERT INTO request_update (request_id, status, description, updated_datetime, "by") '
                "SELECT id, 'baru', 'Aduan diterima server Diskominfo.', created_at, 'bench' "
                "FROM service_request"
            )
            cur.execute(
                'INSERT INTO request_update (request_id, status, description, updated_datetime, "by") '
                "SELECT id, 'diteruskan', 'Diteruskan ke OPD', forwarded_at, 'bench' FROM service_request "
                "WHERE forwarded_at IS NOT NULL"
            )
            cur.execute(
                'INSERT INTO request_update (request_id, status, description, updated_datetime, "by") '
                "SELECT id, status, coalesce(status_notes, ''), followed_up_at, 'bench' FROM service_request "
                "WHERE followed_up_at IS NOT NULL"
            )
        conn.commit()
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("VACUUM ANALYZE")
    return key, time.perf_counter() - t0


def _login_of(url: str) -> str:
    """A new API key for the kept database's coordinator (for the peer, /api/v1/overdue)."""
    from radio_desk.server.accounts import rotate_key
    from radio_desk.server.auth import Role
    from radio_desk.server.db import make_engine, make_sessionmaker, migrate

    engine = make_engine(url)
    migrate(engine)
    with make_sessionmaker(engine)() as s:
        key = rotate_key(s, COORDINATOR, {Role.COORDINATOR})
    engine.dispose()
    return key


def console_login(http: httpx.Client) -> None:
    import re

    form = http.get("/console/masuk")
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text)
    assert csrf, form.text[:300]
    r = http.post("/console/masuk", data={"name": COORDINATOR, "password": PASSWORD, "csrf": csrf.group(1)})
    assert r.status_code in (200, 303), r.text[:300]
    assert http.cookies.get("rd_konsol"), "console login failed"


def _cpu_seconds(pid: int) -> float:
    """User + system CPU time of a process (Linux /proc): what a page costs the server whatever the
    machine's load."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


SERVER_PID: int | None = None


def timed(http: httpx.Client, path: str, runs: int, headers: dict | None = None) -> dict:  # type: ignore[type-arg]
    cold = None
    for _ in range(3):  # warm-up: connections, the first template compile, the public page's figures
        t = time.perf_counter()
        r = http.get(path, headers=headers)
        cold = cold if cold is not None else time.perf_counter() - t
        assert r.status_code == 200, (path, r.status_code, r.text[:300])
    samples = []
    cpu0 = _cpu_seconds(SERVER_PID) if SERVER_PID else 0.0
    for _ in range(runs):
        t = time.perf_counter()
        r = http.get(path, headers=headers)
        samples.append(time.perf_counter() - t)
        assert r.status_code == 200, (path, r.status_code)
    out = summary_ms(samples)
    if SERVER_PID:
        out["server_cpu_ms_per_request"] = round((_cpu_seconds(SERVER_PID) - cpu0) * 1000 / runs, 1)
    out["first_ms"] = round((cold or 0) * 1000, 1)
    out["bytes"] = len(r.content)
    return out


def sql_ms(url: str, sql: str, params: dict, runs: int = 15) -> dict:  # type: ignore[type-arg]
    import psycopg

    with psycopg.connect(url) as conn:
        conn.execute(sql, params).fetchall()
        samples = []
        for _ in range(runs):
            t = time.perf_counter()
            conn.execute(sql, params).fetchall()
            samples.append(time.perf_counter() - t)
    return summary_ms(samples)


def bench_report(url: str, review: tuple[date, date], tmp: Path) -> dict:
    from zoneinfo import ZoneInfo

    from radio_desk.domain.workdays import NATIONAL
    from radio_desk.server.db import make_engine, make_sessionmaker
    from radio_desk.server.deadlines import Calendar
    from radio_desk.server.regency_report import write_regency_report

    engine = make_engine(url)
    sm = make_sessionmaker(engine)
    cal = Calendar(ZoneInfo("Asia/Jakarta"), NATIONAL)
    out: dict = {}  # type: ignore[type-arg]
    for edition in ("internal", "public"):
        times, cpu, pages = [], [], 0
        for _ in range(int(os.environ.get("BENCH_CONSOLE_PDF_RUNS", "2"))):
            pdf = tmp / f"regency-{edition}.pdf"
            t, c = time.perf_counter(), time.process_time()
            with sm() as s:
                fig = write_regency_report(s, review[0], review[1], pdf, edition=edition, calendar=cal)
            times.append(time.perf_counter() - t)
            cpu.append(time.process_time() - c)
        import pypdfium2

        pages = len(pypdfium2.PdfDocument(str(pdf)))
        out[edition] = {
            "cases": fig.received,
            "seconds_median": round(statistics.median(times), 2),
            "cpu_seconds_median": round(statistics.median(cpu), 2),
            "pages": pages,
            "pdf_mb": round(pdf.stat().st_size / 1e6, 2),
        }
    engine.dispose()
    return out


def main() -> None:
    from radio_desk.reports.weekly import last_review_week

    try:
        admin = _pg_admin()
    except Exception as err:
        print(f"PostgreSQL on 127.0.0.1:5432 not reachable ({err}); skipping the console benchmark")
        return
    review = last_review_week(date.today())
    keep = os.environ.get("BENCH_CONSOLE_KEEP")  # a database name: filled once, kept, reused
    name = keep or "rdbench_console_" + secrets.token_hex(4)
    url = f"postgresql://postgres@127.0.0.1:5432/{name}"
    exists = admin.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
    if not exists:
        admin.execute(f'CREATE DATABASE "{name}"')
    try:
        if exists:
            key, fill_s = _login_of(url), None
            print(f"reusing the cases of database {name}", flush=True)
        else:
            key, fill_s = fill(url, review)
            print(f"{N_CASES:,} cases written with COPY in {fill_s:.1f} s", flush=True)
        with tempfile.TemporaryDirectory(prefix="bench-console-") as tmpdir:
            tmp = Path(tmpdir)
            pages: dict = {}  # type: ignore[type-arg]
            auth = {"X-API-Key": key}
            with Server(url, tmp / "home") as srv, httpx.Client(base_url=srv.url, timeout=60) as http:
                global SERVER_PID
                SERVER_PID = srv.proc.pid
                console_login(http)
                pages["monitoring"] = timed(http, "/console/monitoring", RUNS)
                pages["monitoring_csv"] = timed(http, "/console/monitoring.csv", RUNS)
                pages["peer_api_overdue_python_loop"] = timed(
                    http, "/api/v1/overdue", max(5, RUNS // 6), auth
                )
                search = {}
                for q in SEARCHES:
                    search[q] = timed(http, "/console/cari?q=" + q.replace(" ", "+"), RUNS)
                pages["search"] = search
                pages["search_all_p95_ms"] = max(v["p95_ms"] for v in search.values())
                pages["publik"] = timed(http, "/publik", RUNS)
                pages["publik_filtered"] = timed(
                    http, "/publik?status=selesai&kategori=jalan&halaman=20", RUNS
                )
                pages["publik_last_page"] = timed(http, "/publik?halaman=4000", RUNS)
            from radio_desk.server.search import PG_DOCUMENT

            pages["sql_fts_jalan_berlubang"] = sql_ms(
                url,
                f"SELECT id FROM service_request WHERE {PG_DOCUMENT} @@ to_tsquery('simple', %(q)s) "
                "ORDER BY requested_datetime DESC, id DESC LIMIT 26",
                {"q": "'jalan':* & 'berlubang':*"},
            )
            pages["peer_sql_ilike_jalan_berlubang"] = sql_ms(
                url,
                "SELECT id FROM service_request WHERE description ILIKE %(a)s AND description ILIKE %(b)s "
                "ORDER BY requested_datetime DESC, id DESC LIMIT 26",
                {"a": "%jalan%", "b": "%berlubang%"},
            )
            report = bench_report(url, review, tmp)
    finally:
        if not keep:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()
    mon, peer = pages["monitoring"]["p50_ms"], pages["peer_api_overdue_python_loop"]["p50_ms"]
    metrics = {
        "cases": N_CASES,
        "copy_seconds": round(fill_s, 1) if fill_s is not None else "reused",
        "load_avg_1m": round(os.getloadavg()[0], 2),
        "pages": pages,
        "ratio_peer_overdue_to_monitoring_p50": round(peer / mon, 2) if mon else None,
        "regency_weekly_pdf": report,
    }
    targets = {
        "pages.monitoring.p95_ms": "<= 150",
        "pages.monitoring_csv.p95_ms": "<= 150",
        "pages.publik.p95_ms": "<= 150",
        "pages.publik_filtered.p95_ms": "<= 150",
        "pages.search_all_p95_ms": "<= 200",
        "regency_weekly_pdf.internal.seconds_median": "<= 5",
    }
    record("console", metrics, targets)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    doc = {"measured_at": time.strftime("%Y-%m-%dT%H:%M:%S%z"), "metrics": metrics, "targets": targets}
    OUT.write_text(json.dumps(doc, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
