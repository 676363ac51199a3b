"""Local store at scale: 100,000 cases with transcripts (bulk-loaded from demo_data), then
full-text search latency, the filtered first page of the newest 100 cases, size per case, and what the
start-up integrity check (``PRAGMA quick_check`` in ``open_store``) costs next to a bare quick_check and
to opening without it (warm page cache: the file was just written).

``python -m bench store`` (env ``BENCH_STORE_CASES`` to change the count).  The database lives in a
temporary folder and is deleted afterwards.
"""

from __future__ import annotations

import os
import random
import sqlite3
import tempfile
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from bench.common import record, summary_ms
from radio_desk.demo_data import make_case
from radio_desk.domain import Status, Urgency
from radio_desk.domain.phone import normalize_phone
from radio_desk.store import CaseFilter, open_store
from radio_desk.store.validate import place_text

QUERIES = [
    "jalan rusak", "air pdam mati", "bolong", "puskesmas obat", "ktp", "kecelakaan ambulans", "sampah",
    "lampu pju", "listrik padam", "dalane", "banjir", "sekolah atap bocor", "bansos lansia", "jal", "puskes",
    '"air PDAM"', "mati tiga hari", "Dander", "Kalitidu sampah", "selokan mampet",
]  # fmt: skip


def _ts(dt: datetime) -> str:
    return dt.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def bulk_load(path: Path, n: int, seed: int = 7) -> float:
    """Insert ``n`` demo cases (+ recording, transcript, creation event) through raw executemany."""
    store = open_store(path)
    villages = store.gazetteer.villages_of_regency("35.22")
    gaz = store.gazetteer
    store.close()
    rng = random.Random(seed)
    generated = [make_case(rng, villages, "demo-fm", days=365) for _ in range(n)]
    generated.sort(key=lambda g: g[0].received_at)  # insertion order ~ arrival order, as in real life
    con = sqlite3.connect(path, isolation_level=None)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    t0 = time.perf_counter()
    con.execute("BEGIN")
    for start in range(0, n, 5000):
        cases, recs, segs, events, attach = [], [], [], [], []
        for case, sentences, path_ in generated[start : start + 5000]:
            cid, rid = str(case.id), str(uuid.uuid4())
            status = path_[-1]
            cases.append((
                cid, case.station, _ts(case.received_at), case.channel.value, case.caller_name,
                normalize_phone(case.phone), int(case.anonim), int(case.rahasia), case.kecamatan_code,
                case.desa_code, place_text(case, gaz), case.category, case.urgency.value, case.summary, "",
                status.value, _ts(case.received_at), _ts(case.received_at),
            ))  # fmt: skip
            recs.append((rid, f"demo/{cid}.wav", _ts(case.received_at), 4.0 * len(sentences)))
            segs.extend((rid, 4.0 * i, 4.0 * i + 3.8, s) for i, s in enumerate(sentences))
            events.extend((cid, None if i == 0 else path_[i - 1].value, st.value, _ts(case.received_at))
                          for i, st in enumerate(path_))  # fmt: skip
            attach.append((cid, rid))
        con.executemany(
            "INSERT INTO cases (id, station, received_at, channel, caller_name, phone, anonim, rahasia,"
            " kecamatan_code, desa_code, place_text, category, urgency, summary, notes, status, created_at,"
            " updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            cases,
        )
        con.executemany(
            "INSERT INTO recordings (id, path, format, samplerate, channels, channel_map, state, started_at,"
            " duration_s) VALUES (?, ?, 'wav', 48000, 1, 'mono', 'complete', ?, ?)",
            recs,
        )
        con.executemany(
            "INSERT INTO transcript_segments (recording_id, start_s, end_s, text) VALUES (?,?,?,?)", segs
        )
        con.executemany("UPDATE recordings SET case_id = ? WHERE id = ?", attach)  # one FTS refresh per case
        con.executemany(
            "INSERT INTO status_events (case_id, from_status, to_status, at) VALUES (?,?,?,?)", events
        )
    con.execute("COMMIT")
    con.execute("PRAGMA optimize")
    con.execute("INSERT INTO case_fts(case_fts) VALUES ('optimize')")
    con.close()
    return time.perf_counter() - t0


CPU: list[float] = []  # process CPU time of every timed call: what it costs without other processes


def _timed(fn, repeats: int) -> list[float]:  # type: ignore[no-untyped-def]
    out = []
    for _ in range(repeats):
        c = time.process_time()
        t = time.perf_counter()
        fn()
        out.append(time.perf_counter() - t)
        CPU.append(time.process_time() - c)
    return out


def _bare_quick_check(path: Path) -> None:
    con = sqlite3.connect(path)
    try:
        assert con.execute("PRAGMA quick_check").fetchall() == [("ok",)]
    finally:
        con.close()


def _cpu_of(fn):  # type: ignore[no-untyped-def]
    """(wall samples, CPU samples) of the timed calls ``fn`` makes."""
    CPU.clear()
    wall = fn()
    return wall, list(CPU)


def main() -> None:
    n = int(os.environ.get("BENCH_STORE_CASES", "100000"))
    with tempfile.TemporaryDirectory(prefix="bench-store-") as tmp:
        os.environ.setdefault("RADIO_DESK_HOME", tmp)
        path = Path(tmp) / "bench.sqlite3"
        load_s = bulk_load(path, n)
        store = open_store(path)
        kec = store.gazetteer.kecamatan_of("35.22")
        week_ago = datetime.now(UTC) - timedelta(days=7)
        filters = [
            None,
            CaseFilter(status=Status.BARU),
            CaseFilter(category="jalan"),
            CaseFilter(kecamatan_code=kec[3].code),
            CaseFilter(urgency=[Urgency.TINGGI, Urgency.DARURAT], closed=False),
            CaseFilter(received_from=week_ago, category="air_bersih"),
            CaseFilter(station="demo-fm", anonim=False, rahasia=False),
            CaseFilter(text="jalan rusak", closed=False),
            CaseFilter(kecamatan_code=kec[5].code, category="kesehatan", status=Status.SELESAI),
        ]
        for q in QUERIES[:3]:  # warm the page cache once
            store.cases.search(q)
        load_before = os.getloadavg()[0]
        search_rel, search_new, pages, hits = [], [], [], 0
        cpu_rel, cpu_new, cpu_pages = [], [], []
        for _ in range(5):
            for q in QUERIES:
                w, c = _cpu_of(lambda q=q: _timed(lambda: store.cases.search(q, limit=50), 1))
                search_rel, cpu_rel = search_rel + w, cpu_rel + c
                w, c = _cpu_of(lambda q=q: _timed(lambda: store.cases.search(q, limit=50, order="newest"), 1))
                search_new, cpu_new = search_new + w, cpu_new + c
            for f in filters:
                w, c = _cpu_of(lambda f=f: _timed(lambda: store.cases.list(f, limit=100), 1))
                pages, cpu_pages = pages + w, cpu_pages + c
        hits = sum(len(store.cases.search(q, limit=50)) for q in QUERIES)
        count_ms = _timed(lambda: store.cases.count(CaseFilter(category="jalan")), 5)
        store.close()
        open_checked = _timed(lambda: open_store(path).close(), 5)
        open_unchecked = _timed(lambda: open_store(path, check=False).close(), 5)
        bare_check = _timed(lambda: _bare_quick_check(path), 5)
        size = path.stat().st_size + sum(p.stat().st_size for p in Path(tmp).glob("bench.sqlite3-*"))
    record(
        "store",
        {
            "cases": n,
            "bulk_load_s": round(load_s, 1),
            "search_relevance": summary_ms(search_rel),
            "search_newest": summary_ms(search_new),
            "search_hits_per_20_queries": hits,
            "first_page_100_filtered": summary_ms(pages),
            # CPU time of the same calls: the wall figures on a machine shared with other work
            "search_relevance_cpu": summary_ms(cpu_rel),
            "search_newest_cpu": summary_ms(cpu_new),
            "first_page_100_filtered_cpu": summary_ms(cpu_pages),
            "load_average_1min": round((load_before + os.getloadavg()[0]) / 2, 2),
            "count_category": summary_ms(count_ms),
            "db_bytes_per_case": round(size / max(n, 1)),
            "open_store_with_quick_check": summary_ms(open_checked),
            "open_store_without_check": summary_ms(open_unchecked),
            "bare_sqlite_quick_check": summary_ms(bare_check),
        },
        {"search_relevance.p95_ms": 50, "first_page_100_filtered.p95_ms": 30},
    )


if __name__ == "__main__":
    main()
