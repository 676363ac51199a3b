"""The station's own status changes reach the server (issue 16): the desk's store queues them, the
sync cycle sends each once the case has its server number, a refusal is kept on the case with the
server's message and the server's status comes back; the OPD's follow-up text arrives with the status.

Against the real server app on a real loopback port (uvicorn in a thread) and the desk's real store."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select
from threaded_server import threaded_server

from radio_desk.domain import Case
from radio_desk.errors import SyncError
from radio_desk.store import Store
from radio_desk.store.models import OutboxRow
from radio_desk.sync.client import SyncClient
from radio_desk.sync.outbox import SqlOutbox
from radio_desk.sync.status_out import STATUS_CHECK, feed_note
from radio_desk.sync.worker import run_cycle


class Server:
    def __init__(self, url: str, keys: dict[str, str]) -> None:
        self.url, self.keys = url, keys
        self.http = httpx.Client(base_url=url, timeout=10)

    def as_(self, role: str) -> dict[str, str]:
        return {"X-API-Key": self.keys[role]}

    def status(self, remote_id: str, status: str, note: str = "", opd: str | None = None) -> httpx.Response:
        body = {"status": status, "note": note, "opd": opd}
        return self.http.post(f"/api/v1/requests/{remote_id}/status", json=body, headers=self.as_("admin"))

    def case(self, remote_id: str) -> dict:
        r = self.http.get(f"/open311/v2/requests/{remote_id}.json", headers=self.as_("admin"))
        assert r.status_code == 200
        return r.json()[0]

    def client(self, role: str = "station") -> SyncClient:
        return SyncClient(self.url, self.keys[role])


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    with threaded_server(tmp_path) as (url, keys):
        out = Server(url, keys)
        yield out
        out.http.close()


def new_case(store: Store, summary: str = "Jalan berlubang di depan pasar", **over: object) -> uuid.UUID:
    values: dict = dict(
        station="stasiun-a", caller_name="Bu Sri", phone="081234567890", category="jalan",
        kecamatan_code="35.22.01", summary=summary,
    )  # fmt: skip
    values.update(over)
    return store.cases.create(Case(**values)).id


def cycle(store: Store, server: Server):  # type: ignore[no-untyped-def]
    with server.client() as client:
        return run_cycle(SqlOutbox(store), client)


def pending_status_rows(store: Store) -> list[OutboxRow]:
    with store.read() as s:
        return list(s.scalars(select(OutboxRow).where(OutboxRow.kind == "status", OutboxRow.done.is_(False))))


def test_status_waits_for_the_server_number_without_holding_the_case_back(store: Store) -> None:
    cid = new_case(store)
    store.cases.change_status(cid, "terverifikasi", by="editor", note="ditelepon balik")
    outbox = SqlOutbox(store)
    # the case goes in the batch alone; its status change waits for the server's number
    items = outbox.take_batch(10)
    assert [len(i.outbox_ids) for i in items] == [1]
    assert outbox.statuses.due() == []
    [row] = pending_status_rows(store)
    assert row.attempts == 0 and row.next_attempt_at is None  # waiting is not failing
    store.cases.mark_synced(cid, revision=1, remote_id="41")
    [change] = outbox.statuses.due()
    assert change.remote_id == "41"
    assert change.body() == {"status": "terverifikasi", "note": "ditelepon balik", "opd": None}


def test_forward_carries_the_opd_and_the_note(store: Store) -> None:
    cid = new_case(store, category="lalu_lintas")
    store.cases.change_status(cid, "terverifikasi", by="editor")
    store.cases.change_status(cid, "diteruskan", by="editor", opd="polres", note="korban dibawa ke RSUD")
    store.cases.mark_synced(cid, revision=1, remote_id="7")
    changes = SqlOutbox(store).statuses.due()
    assert [c.body() for c in changes] == [
        {"status": "terverifikasi", "note": "", "opd": None},
        {"status": "diteruskan", "note": "korban dibawa ke RSUD", "opd": "polres"},
    ]


def test_station_verifies_and_forwards_its_own_case(store: Store, server: Server) -> None:
    """Default regency policy: a station may verify and forward its own cases; the server records the
    station as the author and the desk's case is in step afterwards."""
    accident = new_case(store, "Tabrakan motor di simpang tiga", category="lalu_lintas", urgency="darurat")
    store.cases.change_status(accident, "terverifikasi", by="editor")
    store.cases.change_status(accident, "diteruskan", by="editor", opd="polres", note="langsung ke Polres")
    first = cycle(store, server)
    assert first.pushed == 1 and first.statuses == 2 and first.status_refused == []
    info = store.cases.sync_info(accident)
    on_server = server.case(info.remote_id)
    assert (on_server["external_status_code"], on_server["opd"]) == ("diteruskan", "polres")
    assert on_server["status_notes"] == "langsung ke Polres"
    assert not info.dirty and info.status_error is None and pending_status_rows(store) == []
    feed = server.http.get(
        "/open311/v2/servicerequestupdates.json", headers=server.as_("admin")
    ).json()  # fmt: skip
    assert [u["external_status_code"] for u in feed] == ["baru", "terverifikasi", "diteruskan"]
    # the echo of its own changes does not move the desk's status, nothing is sent twice
    again = cycle(store, server)
    assert (again.statuses, again.applied, len(again.status_refused)) == (0, 0, 0)
    assert store.cases.get(accident).status == "diteruskan"


def test_refused_change_keeps_the_servers_message_and_takes_the_servers_status(
    store: Store, server: Server
) -> None:
    """Diskominfo rejected the case on the server meanwhile: the station's "verified" is refused by the
    lifecycle, the server's message is on the case, the server's status comes back, it is never sent
    again, and the other case's change goes through in the same cycle."""
    late, other = new_case(store), new_case(store, "Lampu jalan mati di Desa Ngumpak")
    cycle(store, server)
    remote = store.cases.sync_info(late).remote_id
    assert server.status(remote, "ditolak", note="Bukan aduan, salah sambung").status_code == 200
    store.cases.change_status(late, "terverifikasi", by="editor")  # before the desk heard of it
    store.cases.change_status(other, "terverifikasi", by="editor")
    report = cycle(store, server)
    assert report.statuses == 1 and [r.case_id for r in report.status_refused] == [late]
    case, info = store.cases.get(late), store.cases.sync_info(late)
    assert case.status == "ditolak"  # the server is the authority
    assert info.status_error is not None and "Terverifikasi" in info.status_error
    assert "Status tidak bisa diubah dari \u201cDitolak\u201d" in info.status_error  # the server's own words
    assert info.status_note == "Bukan aduan, salah sambung"
    assert report.corrected == 1 and "ditolak server" in report.describe()
    events = store.cases.status_events(late)
    assert [(e.to_status.value, e.by) for e in events][-1] == ("ditolak", "server")
    assert store.cases.get(other).status == "terverifikasi"
    assert server.case(store.cases.sync_info(other).remote_id)["external_status_code"] == "terverifikasi"
    # never retried: the next cycles send nothing and the mark to read the status back is gone
    for _ in range(2):
        later = cycle(store, server)
        assert (later.statuses, later.status_refused, later.corrected) == (0, [], 0)
    assert pending_status_rows(store) == []
    assert SqlOutbox(store).get_state(STATUS_CHECK + str(late)) is None


def test_policy_refusal_is_not_a_key_fault(store: Store, server: Server) -> None:
    """A transition the regency's policy keeps from stations (here: reject) comes back 403 with the
    server's reason; it settles that change only, the key stays good and the sync stays online."""
    cid = new_case(store)
    store.cases.change_status(cid, "ditolak", by="editor", note="iseng")
    report = cycle(store, server)
    assert [r.case_id for r in report.status_refused] == [cid]
    assert store.cases.get(cid).status == "baru"  # the server's
    assert "ditolak server" in (store.cases.sync_info(cid).status_error or "")
    assert pending_status_rows(store) == []


def test_network_fault_keeps_the_change_for_a_retry(store: Store, server: Server) -> None:
    cid = new_case(store)
    cycle(store, server)
    store.cases.change_status(cid, "terverifikasi", by="editor")
    offline = SyncClient("http://127.0.0.1:9", server.keys["station"], timeout=1)
    with offline, pytest.raises(SyncError, match="tidak bisa dihubungi"):
        run_cycle(SqlOutbox(store), offline)
    [row] = pending_status_rows(store)
    assert row.attempts == 1 and "tidak bisa dihubungi" in (row.last_error or "")
    report = cycle(store, server)  # back online: sent once
    assert report.statuses == 1 and pending_status_rows(store) == []
    assert server.case(store.cases.sync_info(cid).remote_id)["external_status_code"] == "terverifikasi"


def test_server_fault_is_retried_not_refused(store: Store) -> None:
    """A 503 (cannot be caused for real on the live server) is a fault to retry, not a refusal."""
    cid = new_case(store)
    store.cases.mark_synced(cid, revision=1, remote_id="5")
    store.outbox.mark_sent([item.id for item in store.outbox.pending()])  # the case is on the server
    store.cases.change_status(cid, "terverifikasi", by="editor")
    calls: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        calls.append(request.url.path)
        return httpx.Response(503, json=[{"code": 503, "description": "sedang pemeliharaan"}])

    client = SyncClient("http://server", "rdk_x", transport=httpx.MockTransport(handler))
    with client, pytest.raises(SyncError, match="HTTP 503"):
        run_cycle(SqlOutbox(store), client)
    assert calls == ["/api/v1/requests/5/status"]
    [row] = pending_status_rows(store)
    assert row.attempts == 1 and store.cases.sync_info(cid).status_error is None


def test_follow_up_text_arrives_with_the_opd_status(store: Store, server: Server) -> None:
    cid = new_case(store)
    cycle(store, server)
    remote = store.cases.sync_info(cid).remote_id
    assert server.status(remote, "terverifikasi").status_code == 200
    assert server.status(remote, "diteruskan", note="Mohon ditindaklanjuti", opd="dpubmpr").status_code == 200
    assert server.status(remote, "selesai", note="Jalan sudah ditambal 3 Desember").status_code == 200
    report = cycle(store, server)
    assert report.applied == 3
    info = store.cases.sync_info(cid)
    assert store.cases.get(cid).status == "selesai"
    assert info.status_note == "Jalan sudah ditambal 3 Desember" and info.status_note_at is not None
    # a local change replaces the server's note of the old status
    store.cases.change_status(cid, "diproses", by="editor")
    assert store.cases.sync_info(cid).status_note is None


def test_feed_note_forms() -> None:
    assert feed_note({"description": "Selesai \u2014 Jalan sudah ditambal"}) == "Jalan sudah ditambal"
    assert feed_note({"description": "Diteruskan: Dinas PUPR \u2014 segera"}) == "segera"
    assert feed_note({"description": "Terverifikasi"}) == ""
    assert feed_note({"status_notes": "  ditambal  ", "description": "x \u2014 y"}) == "ditambal"
    assert feed_note({"status_notes": None, "description": "Selesai"}) == ""


def _feed_row(case_id: uuid.UUID, update_id: int, status: str, description: str = "") -> dict:
    return {
        "update_id": str(update_id), "service_request_id": "41", "case_uuid": str(case_id),
        "external_status_code": status, "description": description or status,
        "updated_datetime": "2026-12-03T08:00:00+00:00",
    }  # fmt: skip


def test_the_feeds_echo_of_our_own_changes_does_not_move_the_case_back(store: Store) -> None:
    """Verified and forwarded on the desk, both taken by the server: the feed then brings
    "terverifikasi" and "diteruskan" back; neither is a change (the first would move the case back)."""
    cid = new_case(store)
    store.cases.mark_synced(cid, revision=1, remote_id="41")
    store.outbox.mark_sent([item.id for item in store.outbox.pending()])
    store.cases.change_status(cid, "terverifikasi", by="editor")
    store.cases.change_status(cid, "diteruskan", by="editor", opd="polres")
    outbox = SqlOutbox(store)
    for change in outbox.statuses.due():
        outbox.statuses.sent(change)
    assert outbox.statuses.due() == []
    rows = [_feed_row(cid, 1, "baru"), _feed_row(cid, 2, "terverifikasi"), _feed_row(cid, 3, "diteruskan")]
    assert outbox.apply_updates(rows) == 0
    assert store.cases.get(cid).status == "diteruskan"
    assert "server" not in [e.by for e in store.cases.status_events(cid)]
    assert not store.cases.sync_info(cid).dirty
    # the OPD's real change after that is applied, with its follow-up text
    assert outbox.apply_updates([_feed_row(cid, 4, "diproses", "Diproses \u2014 petugas ke lokasi")]) == 1
    assert store.cases.sync_info(cid).status_note == "petugas ke lokasi"
    # Diskominfo takes the forward back: a status the desk had before is a real change this time
    assert outbox.apply_updates([_feed_row(cid, 5, "terverifikasi")]) == 1
    assert store.cases.get(cid).status == "terverifikasi"
