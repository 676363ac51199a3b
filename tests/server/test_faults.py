"""Faults with a real server process (uvicorn on a free 127.0.0.1 port): SIGKILL mid-batch and
restart, connection refused, timeouts, the same batch twice, two stations posting at once."""

from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from server_helpers import make_case, truncate_pg

from radio_desk.errors import SyncError
from radio_desk.store import Store, open_store
from radio_desk.sync.client import SyncClient
from tests.support.server_process import ServerProcess, free_port
from tests.support.wait import wait_until

pytestmark = pytest.mark.slow


DATABASES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def live_server(
    request: pytest.FixtureRequest, tmp_path: Path, *, data_folder: bool = False
) -> Iterator[ServerProcess]:
    """The body of a ``server`` fixture parametrised over DATABASES: a ServerProcess on SQLite or
    PostgreSQL, stopped (and PostgreSQL emptied) afterwards; ``data_folder`` puts the server's data
    folder (uploads, holidays.txt) inside ``tmp_path``."""
    database = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    if request.param == "postgres":
        database = request.getfixturevalue("pg_url")
    srv = ServerProcess(database, tmp_path / "home")
    if data_folder:
        srv.env["RADIO_DESK_SERVER_DATA"] = str(tmp_path / "server-data")
    try:
        yield srv
    finally:
        srv.stop()
        if request.param == "postgres":
            truncate_pg(database)


@pytest.fixture(params=DATABASES)
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerProcess]:
    yield from live_server(request, tmp_path)


@pytest.fixture
def desk_store(tmp_path: Path) -> Iterator[Store]:
    """A desk's own store beside the server (the sync tests of other modules use it as ``store``)."""
    s = open_store(tmp_path / "desk.sqlite3")
    yield s
    s.close()


def add_station(srv: ServerProcess, name: str) -> str:
    out = srv.cli("station", "add", name)
    key = out.strip().splitlines()[-1]
    assert key.startswith("rdk_") and " " not in key  # alone on the last line
    return key


def all_cases(srv: ServerProcess, admin_key: str) -> list[dict]:
    """Every case on the server, from the "received" rows of the update feed (paged by cursor)."""
    received: list[dict] = []
    after = 0
    while True:
        r = httpx.get(
            srv.url + "/open311/v2/servicerequestupdates.json",
            params={"after": after},
            headers={"X-API-Key": admin_key},
            timeout=30,
        )
        assert r.status_code == 200
        page = r.json()
        if not page:
            return received
        received += [
            u for u in page if u["external_status_code"] == "baru" and "diterima" in u["description"]
        ]
        after = int(page[-1]["update_id"])


def push_until_done(client: SyncClient, batches: list[list[dict]], give_up: float = 60) -> list[dict]:
    results: list[dict] = []
    deadline = time.monotonic() + give_up
    for batch in batches:
        while True:
            try:
                results.extend(client.push(batch))
                break
            except SyncError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.2)  # a desk's retry pause: each try is a push, not a look at a state
    return results


def test_killed_mid_batch_then_restarted(server: ServerProcess) -> None:
    key = add_station(server, "stasiun-a")
    admin = server.cli("user", "add", "admin", "--role", "admin").strip().splitlines()[-1]
    server.start()
    cases = [make_case() for _ in range(4000)]
    batches = [cases[i : i + 250] for i in range(0, len(cases), 250)]
    sent: list[dict] = []
    errors: list[str] = []

    def pusher() -> None:
        with SyncClient(server.url, key, timeout=5) as client:
            for batch in batches:
                try:
                    sent.extend(client.push(batch))
                except SyncError as err:
                    errors.append(str(err))
                    return

    t = threading.Thread(target=pusher)
    t.start()
    # two batches acknowledged (polled often: the kill must land while the next one is in flight) ...
    wait_until(lambda: len(sent) >= 500 or errors, 30, 0.002, what="two batches acknowledged")
    server.kill()  # ... then kill -9 while the next one is in flight
    t.join(30)
    assert errors and (
        "tidak bisa dihubungi" in errors[0] or "terputus" in errors[0] or "tepat waktu" in errors[0]
    )
    server.start()
    with SyncClient(server.url, key, timeout=10) as client:
        results = push_until_done(client, batches)  # the desk resends everything not acknowledged
    assert len(results) == len(cases)
    ids = [r["service_request_id"] for r in results]
    assert len(set(ids)) == len(cases)
    stored = all_cases(server, admin)
    assert sorted(c["case_uuid"] for c in stored) == sorted(c["case_uuid"] for c in cases)
    for earlier in sent:  # what was acknowledged before the crash kept its number
        assert (
            dict(zip([r["case_uuid"] for r in results], ids, strict=True))[earlier["case_uuid"]]
            == earlier["service_request_id"]
        )


def follow_feed(
    srv: ServerProcess, key: str, posting: threading.Event, seen: list[str], pause: float = 0.0
) -> None:
    """Follow the update feed with its cursor (``after=<update_id>``) as a desk does, adding each update
    id to ``seen``, until a page comes back empty once ``posting`` is cleared; ``pause``: the wait after
    an empty page meanwhile (0: ask again at once)."""
    after = 0
    with httpx.Client(base_url=srv.url, headers={"X-API-Key": key}, timeout=30) as http:
        while True:
            still_posting = posting.is_set()
            page = http.get("/open311/v2/servicerequestupdates.json", params={"after": after}).json()
            seen.extend(u["update_id"] for u in page)
            if page:
                after = int(page[-1]["update_id"])
            elif not still_posting:
                return
            elif pause:
                time.sleep(pause)


def followed_while(
    srv: ServerProcess, key: str, writers: list[threading.Thread], pause: float = 0.0
) -> list[str]:
    """Run ``writers`` to their end while a desk follows the feed (:func:`follow_feed`); the update ids
    it saw, in the order it saw them."""
    seen: list[str] = []
    posting = threading.Event()
    posting.set()
    reader = threading.Thread(target=follow_feed, args=(srv, key, posting, seen, pause))
    reader.start()
    for t in writers:
        t.start()
    for t in writers:
        t.join(120)
    posting.clear()
    reader.join(60)
    return seen


def whole_feed(srv: ServerProcess, key: str) -> list[dict]:
    """The update feed from its start in one answer."""
    return httpx.get(
        srv.url + "/open311/v2/servicerequestupdates.json", headers={"X-API-Key": key}, timeout=30
    ).json()


def test_two_stations_at_once_and_batches_twice(server: ServerProcess) -> None:
    keys = [add_station(server, "stasiun-a"), add_station(server, "stasiun-b")]
    admin = server.cli("user", "add", "admin", "--role", "admin").strip().splitlines()[-1]
    server.start()
    per_station = [[make_case() for _ in range(300)] for _ in keys]
    outcomes: list[list[dict]] = [[], []]

    def run(i: int) -> None:
        batches = [per_station[i][j : j + 100] for j in range(0, 300, 100)]
        with SyncClient(server.url, keys[i], timeout=30) as client:
            outcomes[i] = push_until_done(client, batches + batches)  # every batch sent twice

    # update ids seen by a desk following the feed with its cursor meanwhile
    followed = followed_while(
        server, admin, [threading.Thread(target=run, args=(i,)) for i in range(2)], 0.005
    )
    for i in range(2):
        assert [r["outcome"] for r in outcomes[i]] == ["created"] * 300 + ["unchanged"] * 300
        first, second = outcomes[i][:300], outcomes[i][300:]
        assert [r["service_request_id"] for r in first] == [r["service_request_id"] for r in second]
    stored = all_cases(server, admin)
    assert len(stored) == 600
    assert len({c["service_request_id"] for c in stored}) == 600
    # the cursor never skipped a row written by a concurrent transaction
    full = whole_feed(server, admin)
    assert len(full) == 600 and followed == [u["update_id"] for u in full]
    for i, key in enumerate(keys):  # each station sees exactly its own 300
        own = httpx.get(
            server.url + "/open311/v2/requests.json",
            params={"start_date": "2000-01-01T00:00:00Z"},
            headers={"X-API-Key": key},
        ).json()
        assert sorted(c["case_uuid"] for c in own) == sorted(c["case_uuid"] for c in per_station[i])


def test_connection_refused_and_timeout() -> None:
    port = free_port()  # nothing listens there
    with (
        SyncClient(f"http://127.0.0.1:{port}", "rdk_x", timeout=2) as client,
        pytest.raises(SyncError, match="tidak bisa dihubungi"),
    ):
        client.push([make_case()])
    # a server that accepts the connection and never answers
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    try:
        url = f"http://127.0.0.1:{listener.getsockname()[1]}"
        started = time.monotonic()
        with SyncClient(url, "rdk_x", timeout=0.5) as client, pytest.raises(SyncError, match="tepat waktu"):
            client.pull(None)
        assert time.monotonic() - started < 5
    finally:
        listener.close()


def test_revoked_key_refused_by_running_server(server: ServerProcess) -> None:
    key = add_station(server, "stasiun-a")
    server.start()
    with SyncClient(server.url, key) as client:
        assert client.whoami() == {"name": "stasiun-a", "role": "station"}
        server.cli("station", "revoke", "stasiun-a")
        with pytest.raises(SyncError, match="menolak kunci"):
            client.push([make_case()])
    rotated = server.cli("station", "rotate", "stasiun-a").strip().splitlines()[-1]
    with SyncClient(server.url, rotated) as client:
        assert client.push([make_case()])[0]["outcome"] == "created"


def test_logs_never_show_a_key(tmp_path: Path) -> None:
    """Open311 allows ``?api_key=``: the access log and the refusal log must not repeat it."""
    srv = ServerProcess(f"sqlite:///{tmp_path / 's.sqlite3'}", tmp_path / "home")
    key = add_station(srv, "stasiun-a")
    srv.cli("station", "revoke", "stasiun-a")
    log = tmp_path / "server.log"
    try:
        srv.start(log)
        r = httpx.get(srv.url + "/open311/v2/requests.json", params={"api_key": key})
        assert r.status_code == 403  # revoked
        wrong = "rdk_" + "x" * 43
        r = httpx.post(srv.url + "/api/v1/requests/batch", json={"cases": []}, headers={"X-API-Key": wrong})
        assert r.status_code == 403
    finally:
        srv.stop()
    text = log.read_text(encoding="utf-8", errors="replace")
    assert "api_key=***" in text and "revoked key of stasiun-a" in text and "unknown API key" in text
    assert key not in text and wrong not in text


def test_serve_with_zero_configuration(tmp_path: Path) -> None:
    """No --database: an embedded SQLite file in the data folder; the account commands find it too."""
    home = tmp_path / "home"
    srv = ServerProcess(None, home)
    key = add_station(srv, "stasiun-a")
    db = home / "data" / "server" / "radio-desk-server.sqlite3"
    assert db.is_file()
    try:
        srv.start()
        with SyncClient(srv.url, key) as client:
            assert client.push([make_case()])[0]["outcome"] == "created"
        assert "stasiun-a" in srv.cli("station", "list")
    finally:
        srv.stop()
    # --database before the subcommand is honoured as well as after it
    other = tmp_path / "other.sqlite3"
    out = subprocess.run(
        [sys.executable, "-m", "radio_desk.server.cli", "--database", str(other), "station", "add", "b"],
        env=srv.env, capture_output=True, text=True, timeout=60, check=True,
    ).stdout  # fmt: skip
    assert other.is_file() and out.strip().splitlines()[-1].startswith("rdk_")
    assert " b " not in srv.cli("station", "list")


def _queue_cases(engine, n: int) -> list[str]:  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    from sqlalchemy.orm import Session

    from radio_desk.store.models import CaseRow, OutboxRow

    now = datetime.now(UTC)
    ids = []
    with Session(engine) as s:
        for i in range(n):
            case = make_case()
            cid = uuid.UUID(case["case_uuid"])
            ids.append(str(cid))
            s.add(
                CaseRow(
                    id=cid, station="stasiun-a", received_at=now, channel="on_air", caller_name="Bu Sri",
                    category="jalan", urgency="tinggi", summary=f"Jalan berlubang {i}", status="baru",
                    created_at=now, updated_at=now, revision=1,
                )
            )  # fmt: skip
            s.add(OutboxRow(case_id=cid, kind="create", payload='{"revision": 1}', created_at=now))
        s.commit()
    return ids


def test_desk_outbox_survives_server_killed_mid_sync(server: ServerProcess, tmp_path: Path) -> None:
    """The desk's own cycle: server killed mid-run, desk restarted, server restarted -> exactly once."""
    from radio_desk.store import open_store
    from radio_desk.sync.outbox import SqlOutbox
    from radio_desk.sync.worker import run_cycle

    key = add_station(server, "stasiun-a")
    admin = server.cli("user", "add", "admin", "--role", "admin").strip().splitlines()[-1]
    server.start()
    store = open_store(tmp_path / "desk.sqlite3")
    ids = _queue_cases(store.engine, 2000)
    outbox = SqlOutbox(store)
    failure: list[Exception] = []

    def sync() -> None:
        try:
            with SyncClient(server.url, key, timeout=5) as client:
                run_cycle(outbox, client, batch_size=100)
        except SyncError as err:
            failure.append(err)

    t = threading.Thread(target=sync)
    t.start()
    wait_until(lambda: outbox.pending_count() <= 1800 or failure, 60, 0.005, what="two batches sent")
    server.kill()
    t.join(60)
    left = outbox.pending_count()
    assert failure and 0 < left < 2000
    store.close()
    server.start()
    store = open_store(tmp_path / "desk.sqlite3")  # the desk starts again too
    try:
        outbox = SqlOutbox(store)
        with SyncClient(server.url, key, timeout=30) as client:
            report = run_cycle(outbox, client, batch_size=100)
        assert outbox.pending_count() == 0 and report.refused == 0 and report.pushed == left
    finally:
        store.close()
    stored = all_cases(server, admin)
    assert sorted(c["case_uuid"] for c in stored) == sorted(ids)  # each exactly once


def test_feed_cursor_never_skips_under_concurrent_writers(server: ServerProcess) -> None:
    """Many small transactions at once (single Open311 POSTs from several desks) while a desk follows the
    feed with ``after=<update_id>``: it must see every row (PostgreSQL allocates ids before commit)."""
    key = add_station(server, "stasiun-a")
    admin = server.cli("user", "add", "admin", "--role", "admin").strip().splitlines()[-1]
    server.start()

    def post(n: int) -> None:
        with httpx.Client(base_url=server.url, headers={"X-API-Key": key}, timeout=30) as http:
            for _ in range(n):
                form = {"service_code": "jalan", "attribute[case_uuid]": str(uuid.uuid4())}
                assert http.post("/open311/v2/requests.json", data=form).status_code == 201

    followed = followed_while(server, admin, [threading.Thread(target=post, args=(50,)) for _ in range(6)])
    full = whole_feed(server, admin)
    assert len(full) == 300
    assert sorted(set(followed), key=int) == [u["update_id"] for u in full]
