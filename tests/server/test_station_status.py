"""The station's own actions reach the server (issue 16), end to end: a real ``radio-desk-server serve``
process (SQLite and PostgreSQL), the desk's real store and its real sync cycle.

An accident is verified and forwarded straight to the police on the desk -> the server records both
changes with the station as the author -> the police officer marks it ``diproses`` and ``selesai`` with
the follow-up text -> the desk shows the status with that text.  A change the regency's policy keeps
from stations is refused with the server's message on the case and the server's status read back;
Diskominfo corrects a station's forward and the desk follows.
"""

from __future__ import annotations

import uuid

import httpx
import pytest
import test_faults
from test_faults import ServerProcess, add_station

from radio_desk.domain import Case
from radio_desk.store import Store
from radio_desk.sync.client import SyncClient
from radio_desk.sync.outbox import SqlOutbox
from radio_desk.sync.worker import CycleReport, run_cycle

pytestmark = pytest.mark.slow

FOLLOW_UP = "Korban sudah dibawa ke RSUD; kendaraan diamankan di Pos Lantas Kalitidu."


# the live server (SQLite and PostgreSQL) and the desk's store, shared with test_faults
server = test_faults.server
store = test_faults.desk_store


def _key(srv: ServerProcess, *args: str) -> str:
    return srv.cli(*args).strip().splitlines()[-1]


class Regency:
    """The server with its accounts: the station, a Diskominfo coordinator and a police officer."""

    def __init__(self, srv: ServerProcess) -> None:
        self.srv = srv
        self.station = add_station(srv, "stasiun-a")
        self.coordinator = _key(srv, "user", "add", "sari", "--role", "coordinator")
        self.police = _key(srv, "user", "add", "polres-1", "--role", "opd", "--opd", "polres")
        srv.start()
        self.http = httpx.Client(base_url=srv.url, timeout=30)

    def status(self, key: str, remote_id: str, status: str, note: str = "", opd: str | None = None):  # type: ignore[no-untyped-def]
        body = {"status": status, "note": note, "opd": opd}
        return self.http.post(f"/api/v1/requests/{remote_id}/status", json=body, headers={"X-API-Key": key})

    def case(self, remote_id: str) -> dict:
        r = self.http.get(f"/open311/v2/requests/{remote_id}.json", headers={"X-API-Key": self.coordinator})
        assert r.status_code == 200
        return r.json()[0]

    def feed(self, remote_id: str) -> list[dict]:
        r = self.http.get("/open311/v2/servicerequestupdates.json", headers={"X-API-Key": self.coordinator})
        assert r.status_code == 200
        return [u for u in r.json() if u["service_request_id"] == remote_id]

    def sync(self, store: Store) -> CycleReport:
        with SyncClient(self.srv.url, self.station, timeout=30) as client:
            return run_cycle(SqlOutbox(store), client)


def _accident(store: Store) -> uuid.UUID:
    case = Case(
        station="stasiun-a", caller_name="Pak Darto", phone="081234567890", category="lalu_lintas",
        urgency="darurat", kecamatan_code="35.22.01", summary="Tabrakan motor dan pikap di simpang tiga",
    )  # fmt: skip
    return store.cases.create(case).id


def test_accident_forwarded_by_the_station_followed_up_by_the_police(
    server: ServerProcess, store: Store
) -> None:
    regency = Regency(server)
    cid = _accident(store)
    store.cases.change_status(cid, "terverifikasi", by="operator", note="penelepon di lokasi")
    store.cases.change_status(cid, "diteruskan", by="operator", opd="polres", note="langsung ke Polres")
    first = regency.sync(store)
    assert (first.pushed, first.statuses, first.status_refused) == (1, 2, [])
    remote = store.cases.sync_info(cid).remote_id
    on_server = regency.case(remote)
    assert (on_server["external_status_code"], on_server["opd"]) == ("diteruskan", "polres")
    feed = regency.feed(remote)
    assert [u["external_status_code"] for u in feed] == ["baru", "terverifikasi", "diteruskan"]
    assert "langsung ke Polres" in feed[-1]["description"]
    # the police officer sees it (it is forwarded to the police) and follows it up
    assert regency.status(regency.police, remote, "diproses", "petugas menuju lokasi").status_code == 200
    assert regency.status(regency.police, remote, "selesai", FOLLOW_UP).status_code == 200
    second = regency.sync(store)
    assert second.applied == 2 and second.statuses == 0
    assert store.cases.get(cid).status == "selesai"
    info = store.cases.sync_info(cid)
    assert info.status_note == FOLLOW_UP and not info.dirty and info.status_error is None
    events = [(e.to_status.value, e.by) for e in store.cases.status_events(cid)]
    assert events[-4:] == [
        ("terverifikasi", "operator"), ("diteruskan", "operator"),
        ("diproses", "server"), ("selesai", "server"),
    ]  # fmt: skip
    # nothing more to send or to apply
    third = regency.sync(store)
    assert (third.pushed, third.statuses, third.applied, third.status_refused) == (0, 0, 0, [])


def test_policy_refusal_and_diskominfo_correction(server: ServerProcess, store: Store) -> None:
    regency = Regency(server)
    wrong, rejected = _accident(store), _accident(store)
    regency.sync(store)
    # the default policy: stations verify and forward; rejecting is Diskominfo's
    store.cases.change_status(rejected, "ditolak", by="operator", note="iseng")
    store.cases.change_status(wrong, "terverifikasi", by="operator")
    store.cases.change_status(wrong, "diteruskan", by="operator", opd="dishub")
    report = regency.sync(store)
    assert report.statuses == 2 and [r.case_id for r in report.status_refused] == [rejected]
    info = store.cases.sync_info(rejected)
    assert store.cases.get(rejected).status == "baru"  # the server's status came back
    assert info.status_error is not None and "\u201cDitolak\u201d ditolak server" in info.status_error
    refused_text = info.status_error.split("ditolak server: ", 1)[1]
    assert refused_text and refused_text[0].isupper()  # the server's own sentence, in Indonesian
    assert regency.case(info.remote_id)["external_status_code"] == "baru"
    # Diskominfo takes the wrong forward back and sends it to the police; the desk follows
    remote = store.cases.sync_info(wrong).remote_id
    assert (
        regency.status(regency.coordinator, remote, "terverifikasi", "bukan urusan Dishub").status_code == 200
    )
    assert (
        regency.status(regency.coordinator, remote, "diteruskan", "ke Polres", opd="polres").status_code
        == 200
    )
    regency.sync(store)
    assert store.cases.get(wrong).status.value == "diteruskan"
    assert [e.by for e in store.cases.status_events(wrong)][-2:] == ["server", "server"]
    assert store.cases.sync_info(wrong).status_note == "ke Polres"
    # the refused change is never sent again
    again = regency.sync(store)
    assert (again.statuses, again.status_refused) == (0, [])
