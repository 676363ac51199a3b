"""Who may make which status change (server/permissions.py), through a real ``radio-desk-server serve``
process on SQLite and PostgreSQL: OPD accounts on the cases forwarded to them, stations on their own
cases within the regency policy, staff on everything, and the refusals logged without personal data."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from server_helpers import make_case
from test_faults import DATABASES, ServerProcess, add_station, live_server

pytestmark = pytest.mark.slow


@pytest.fixture(params=DATABASES)
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerProcess]:
    yield from live_server(request, tmp_path, data_folder=True)


def add_user(srv: ServerProcess, name: str, role: str, opd: str | None = None) -> str:
    out = srv.cli("user", "add", name, "--role", role, *(["--opd", opd] if opd else []))
    key = out.strip().splitlines()[-1]
    assert key.startswith("rdk_") and " " not in key
    return key


class Api:
    def __init__(self, srv: ServerProcess) -> None:
        self.url = srv.url

    def post(self, key: str, cases: list[dict]) -> list[dict]:
        r = httpx.post(self.url + "/api/v1/requests/batch", json={"cases": cases}, headers={"X-API-Key": key})
        assert r.status_code == 200, r.text
        return r.json()["results"]

    def status(self, key: str, rid: str, status: str, **extra) -> httpx.Response:  # type: ignore[no-untyped-def]
        return httpx.post(
            f"{self.url}/api/v1/requests/{rid}/status",
            json={"status": status, **extra},
            headers={"X-API-Key": key},
            timeout=30,
        )

    def get(self, key: str | None, rid: str) -> httpx.Response:
        headers = {"X-API-Key": key} if key else {}
        return httpx.get(f"{self.url}/open311/v2/requests/{rid}.json", headers=headers, timeout=30)

    def listing(self, key: str) -> list[dict]:
        r = httpx.get(
            self.url + "/open311/v2/requests.json",
            params={"start_date": "2020-01-01T00:00:00Z"},
            headers={"X-API-Key": key},
            timeout=30,
        )
        assert r.status_code == 200, r.text
        return r.json()

    def feed(self, key: str) -> list[dict]:
        r = httpx.get(self.url + "/open311/v2/servicerequestupdates.json", headers={"X-API-Key": key})
        assert r.status_code == 200
        return r.json()


def test_opd_acts_only_on_cases_forwarded_to_it(server: ServerProcess, tmp_path: Path) -> None:
    station = add_station(server, "stasiun-a")
    coord = add_user(server, "sari", "coordinator")
    opd_a = add_user(server, "pu-budi", "opd", "dpubmpr")
    opd_b = add_user(server, "dinkes-ani", "opd", "dinkes")
    server.start(log=tmp_path / "server.log")
    api = Api(server)
    one, two, three = api.post(station, [make_case(), make_case(), make_case(caller_name="Bu Rahayu")])
    r1, r2, r3 = one["service_request_id"], two["service_request_id"], three["service_request_id"]
    for rid, opd in ((r1, "dpubmpr"), (r2, "dinkes")):
        assert api.status(coord, rid, "terverifikasi").status_code == 200
        assert api.status(coord, rid, "diteruskan", opd=opd, note="mohon ditindaklanjuti").status_code == 200

    # OPD A: its own forwarded case — diproses, then selesai with the follow-up text
    assert api.get(opd_a, r1).status_code == 200
    r = api.status(opd_a, r1, "diproses", note="tim survei dijadwalkan")
    assert r.status_code == 200, r.text
    assert r.json()["external_status_code"] == "diproses"
    r = api.status(opd_a, r1, "selesai", note="Lubang ditambal 2 Desember")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["status_notes"] == "Lubang ditambal 2 Desember"
    assert body["tindak_lanjut"] == "Lubang ditambal 2 Desember"
    # what the station's desk receives: the status and the note, authored by the OPD
    seen = api.get(station, r1).json()[0]
    assert seen["external_status_code"] == "selesai" and seen["status_notes"] == "Lubang ditambal 2 Desember"

    # OPD A never sees or touches OPD B's case, nor a case not forwarded at all
    assert api.get(opd_a, r2).status_code == 403
    assert api.status(opd_a, r2, "diproses").status_code == 403
    assert api.get(opd_a, r3).status_code == 403
    assert api.status(opd_a, r3, "terverifikasi").status_code == 403
    assert {c["service_request_id"] for c in api.listing(opd_a)} == {r1}
    assert {u["service_request_id"] for u in api.feed(opd_a)} == {r1}
    # ... and OPDs don't forward, reject or verify
    assert api.status(opd_b, r2, "ditolak").status_code == 403
    assert api.status(opd_b, r2, "diproses", opd="dpubmpr").status_code == 403

    # hand back as not its authority: a reason is required; the case returns to terverifikasi, no OPD
    assert api.status(opd_b, r2, "bukan_wewenang").status_code == 400
    r = api.status(opd_b, r2, "bukan_wewenang", note="Puskesmas bukan pengelola jalan")
    assert r.status_code == 200, r.text
    back = api.get(coord, r2).json()[0]
    assert back["external_status_code"] == "terverifikasi" and back["opd"] is None
    assert api.get(opd_b, r2).status_code == 403  # no longer its case
    # Diskominfo forwards it again, to the right OPD
    assert api.status(coord, r2, "diteruskan", opd="dpubmpr").status_code == 200
    assert api.get(opd_a, r2).status_code == 200
    feed = [u for u in api.feed(coord) if u["service_request_id"] == r2]
    assert any("Dikembalikan oleh" in u["description"] for u in feed)

    server.stop()
    log = (tmp_path / "server.log").read_text(encoding="utf-8")
    assert "refused: pu-budi (opd) tried to change case" in log
    assert "Bu Rahayu" not in log and "Bu Sri" not in log and "+62812" not in log and "rdk_" not in log


def test_station_changes_its_own_cases_within_the_policy(server: ServerProcess) -> None:
    key_a, key_b = add_station(server, "stasiun-a"), add_station(server, "stasiun-b")
    coord = add_user(server, "sari", "coordinator")
    police = add_user(server, "polres-jaga", "opd", "polres")
    server.start()
    api = Api(server)
    [acc], [other] = api.post(key_a, [make_case(service_code="lalu_lintas")]), api.post(key_b, [make_case()])
    rid = acc["service_request_id"]
    r = api.status(key_a, rid, "terverifikasi", note="dicek penyiar")
    assert r.status_code == 200, r.text
    assert api.status(key_a, rid, "terverifikasi", note="dicek penyiar").status_code == 200  # a retry
    r = api.status(key_a, rid, "diteruskan", opd="polres", note="kecelakaan di jalan raya")
    assert r.status_code == 200, r.text
    assert r.json()["agency_responsible"]
    feed = [u for u in api.feed(coord) if u["service_request_id"] == rid]
    assert [u["external_status_code"] for u in feed] == [
        "baru",
        "terverifikasi",
        "diteruskan",
    ]  # one row each
    # recorded with the station as author (the audit of the feed rows is the update's "by")
    assert api.get(police, rid).status_code == 200  # the police see the accident forwarded to them

    # what the policy does not allow, and other stations' cases: 403
    assert api.status(key_a, rid, "selesai").status_code == 403
    assert api.status(key_a, other["service_request_id"], "terverifikasi").status_code == 403
    # Diskominfo corrects the station: takes the forward back and rejects the case
    assert api.status(coord, rid, "terverifikasi", note="bukan kecelakaan").status_code == 200
    assert api.status(coord, rid, "ditolak").status_code == 200
    assert api.get(police, rid).status_code == 403


def test_station_policy_setting(server: ServerProcess) -> None:
    key = add_station(server, "stasiun-a")
    server.env["RADIO_DESK_STATION_TRANSITIONS"] = "terverifikasi"
    server.start()
    api = Api(server)
    [case] = api.post(key, [make_case()])
    rid = case["service_request_id"]
    assert api.status(key, rid, "terverifikasi").status_code == 200
    r = api.status(key, rid, "diteruskan", opd="polres")
    assert r.status_code == 403
    assert "Kebijakan kabupaten" in r.json()[0]["description"]


def test_public_changes_nothing(server: ServerProcess) -> None:
    key = add_station(server, "stasiun-a")
    server.start()
    api = Api(server)
    [case] = api.post(key, [make_case()])
    r = httpx.post(
        f"{server.url}/api/v1/requests/{case['service_request_id']}/status", json={"status": "selesai"}
    )
    assert r.status_code == 403


def test_user_add_opd_needs_a_known_code(server: ServerProcess) -> None:
    import subprocess

    with pytest.raises(subprocess.CalledProcessError) as err:
        server.cli("user", "add", "x", "--role", "opd")
    assert "kode OPD" in err.value.stderr
    with pytest.raises(subprocess.CalledProcessError) as err:
        server.cli("user", "add", "x", "--role", "opd", "--opd", "tidakada")
    assert "tidak dikenal" in err.value.stderr
