"""One case the server cannot take must not hold back the others (issue 14, item 1).

A real ``radio-desk-server serve`` process (SQLite and PostgreSQL), the desk's real store and its real
sync cycle: 300 cases with one that is too large (or refused for good) -> the 299 arrive, the bad one
is reported by its id with the reason (cycle report, worker snapshot, the case itself), it is not
resent every cycle, and it goes out once the operator has edited it.
"""

from __future__ import annotations

import uuid

import httpx
import pytest
import test_faults
from sqlalchemy import update
from test_faults import ServerProcess, add_station, all_cases

from radio_desk.domain import Case, limits
from radio_desk.store import Store
from radio_desk.store.models import CaseRow
from radio_desk.sync.client import SyncClient
from radio_desk.sync.outbox import SqlOutbox
from radio_desk.sync.worker import SyncWorker, run_cycle
from tests.support.wait import wait_until

pytestmark = pytest.mark.slow


# the live server (SQLite and PostgreSQL) and the desk's store, shared with test_faults
server = test_faults.server
store = test_faults.desk_store


def _cases(store: Store, n: int) -> list[uuid.UUID]:
    ids = []
    for i in range(n):
        case = Case(
            station="stasiun-a", caller_name=f"Pelapor {i}", phone="081234567890", category="jalan",
            summary=f"Jalan berlubang nomor {i}", kecamatan_code="35.22.01",
        )  # fmt: skip
        ids.append(store.cases.create(case).id)
    return ids


def _force_notes(store: Store, case_id: uuid.UUID, notes: str) -> None:
    """A case as an older desk stored it (it accepted 1,000,000 characters of notes): bypass checks."""
    with store.write() as s:
        s.execute(update(CaseRow).where(CaseRow.id == case_id).values(notes=notes))


def _on_server(srv: ServerProcess, admin: str) -> set[str]:
    return {c["case_uuid"] for c in all_cases(srv, admin)}


def _start(srv: ServerProcess) -> tuple[str, str]:
    key = add_station(srv, "stasiun-a")
    admin = srv.cli("user", "add", "admin", "--role", "admin").strip().splitlines()[-1]
    srv.start()
    return key, admin


# (notes of the bad case, what the desk says): a million characters with dashes are over the server's
# body limit even alone (too large); a million plain letters fit in one request but are too long.
BAD_NOTES = {
    "1M-chars-over-1MiB": ("catatan \u2014 panjang " * 55_556, "terlalu besar"),
    "1M-chars-under-1MiB": ("catatan panjang " * 62_500, "terlalu panjang"),
    "25k-chars": ("catatan panjang " * 1_563, "terlalu panjang"),
}


@pytest.mark.parametrize("bad_notes", BAD_NOTES)
def test_one_bad_case_does_not_block_the_other_299(
    server: ServerProcess, store: Store, bad_notes: str
) -> None:
    notes, why = BAD_NOTES[bad_notes]
    key, admin = _start(server)
    ids = _cases(store, 300)
    bad = ids[137]
    _force_notes(store, bad, notes)
    outbox = SqlOutbox(store)
    with SyncClient(server.url, key, timeout=30) as client:
        report = run_cycle(outbox, client)
    arrived = _on_server(server, admin)
    assert arrived == {str(i) for i in ids if i != bad}  # the 299, and not the bad one
    assert report.pushed == 299 and report.refused == 1
    text = report.describe()
    assert str(bad) in text  # which case ...
    info = store.cases.sync_info(bad)
    assert info.error and info.error_at is not None  # ... and why, on the case itself
    assert why in info.error and why in text and "atatan" in info.error
    assert outbox.pending_count() == 1
    refused = outbox.refused_cases()
    assert [r.case_id for r in refused] == [bad] and refused[0].reason == info.error

    # the next cycles do not send it again (nothing has changed), nor do they fail
    with SyncClient(server.url, key, timeout=30) as client:
        again = run_cycle(outbox, client)
    assert again.pushed == 0 and again.refused == 0 and outbox.pending_count() == 1
    assert str(bad) in again.describe()  # still said: it is waiting for an edit

    # the operator shortens the notes: it goes out at the next cycle and the error is gone
    store.cases.update(bad, {"notes": "Catatan diringkas oleh operator."}, by="operator")
    with SyncClient(server.url, key, timeout=30) as client:
        fixed = run_cycle(outbox, client)
    assert fixed.pushed == 1 and outbox.pending_count() == 0
    assert store.cases.sync_info(bad).error is None and outbox.refused_cases() == []
    assert str(bad) in _on_server(server, admin)


def test_worker_snapshot_names_the_refused_case(server: ServerProcess, store: Store) -> None:
    """What the status bar shows: the worker stays online, names the case and says why."""
    key, _admin = _start(server)
    ids = _cases(store, 20)
    _force_notes(store, ids[3], "x" * 25_000)
    worker = SyncWorker(SqlOutbox(store), lambda: SyncClient(server.url, key), interval=0.2)
    worker.start()
    try:
        snap = wait_until(
            lambda: (s := worker.snapshot()).online and s.pending == 1 and s,
            30,
            what="the worker online with the refused case left pending",
        )
        assert [r.case_id for r in snap.refused] == [ids[3]]
        assert str(ids[3]) in snap.message and "terlalu panjang" in snap.message
    finally:
        worker.stop()


def test_server_with_a_smaller_body_limit_gets_halved_batches(server: ServerProcess, store: Store) -> None:
    """A server configured tighter than the desk knows: batches refused with 413 are split until they
    fit; nothing is lost and nothing is refused."""
    server.env["RADIO_DESK_SERVER_MAX_BODY"] = str(64 * 1024)
    key, admin = _start(server)
    ids = _cases(store, 120)
    for cid in ids:
        store.cases.update(cid, {"notes": "Catatan lengkap dari penelepon. " * 300})  # ~9.6 kB each
    outbox = SqlOutbox(store)
    with SyncClient(server.url, key, timeout=30) as client:
        report = run_cycle(outbox, client)
    assert report.pushed == 120 and report.refused == 0 and outbox.pending_count() == 0
    assert _on_server(server, admin) == {str(i) for i in ids}


def test_a_case_at_every_limit_fits_in_one_request(server: ServerProcess, store: Store) -> None:
    """A case with every text at its limit, in the costliest characters a server takes (4 bytes of
    UTF-8 each), goes out in one request."""
    key, admin = _start(server)
    radio = "\U0001f4fb"
    case = Case(
        station="s" * limits.STATION, caller_name=radio * limits.CALLER_NAME, phone="081234567890",
        category="jalan", summary=radio * limits.SUMMARY, notes=radio * limits.NOTES,
    )  # fmt: skip
    cid = store.cases.create(case).id
    with SyncClient(server.url, key, timeout=30) as client:
        report = run_cycle(SqlOutbox(store), client)
    assert report.pushed == 1 and report.refused == 0
    assert _on_server(server, admin) == {str(cid)}
    body = httpx.get(f"{server.url}/api/v1/cases/{cid}", headers={"X-API-Key": admin}, timeout=30).json()
    assert body["description"].startswith(radio * 3999)  # Open311 shows 4000 characters of it
