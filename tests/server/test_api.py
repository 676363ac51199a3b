"""The whole API, on SQLite and on PostgreSQL (the ``env`` fixture runs each test on both)."""

from __future__ import annotations

import hashlib
import json
import uuid
import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from jsonschema import Draft4Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4
from server_helpers import Env, make_case

from radio_desk.server.accounts import revoke_key
from radio_desk.server.auth import Role

SCHEMAS = Path(__file__).resolve().parent.parent / "contract" / "open311"


def validator(name: str) -> Draft4Validator:
    registry = Registry()
    for f in SCHEMAS.glob("*.json"):
        if f.name != "swagger.json":
            registry = registry.with_resource(
                f.name, Resource.from_contents(json.loads(f.read_text()), DRAFT4)
            )
    schema = json.loads((SCHEMAS / name).read_text())
    return Draft4Validator(schema, registry=registry, format_checker=Draft4Validator.FORMAT_CHECKER)


def assert_valid(name: str, payload: object) -> None:
    errors = list(validator(name).iter_errors(payload))
    assert not errors, [e.message for e in errors[:3]]


# ------------------------------------------------------------------------------------------ services
def test_services_json_xml_and_definition(env: Env) -> None:
    r = env.client.get("/open311/v2/services.json")
    assert r.status_code == 200
    assert_valid("services.json", r.json())
    assert {s["service_code"] for s in r.json()} >= {"jalan", "adminduk", "lainnya"}
    x = env.client.get("/open311/v2/services.xml")
    root = ET.fromstring(x.content)
    assert root.tag == "services" and root.find("service/service_code") is not None
    d = env.client.get("/open311/v2/services/jalan.json")
    assert_valid("service-definition.json", d.json())
    codes = {a["code"] for a in d.json()["attributes"]}
    assert {"urgency", "channel", "station", "case_uuid", "kecamatan", "desa"} <= codes
    assert env.client.get("/open311/v2/services/nope.json").status_code == 404
    bad = env.client.get("/open311/v2/services.csv")
    assert bad.status_code == 404 and bad.json()[0]["code"] == 404


# ---------------------------------------------------------------------------------- posting, idempotency
def test_batch_post_is_idempotent(env: Env) -> None:
    cases = [make_case() for _ in range(5)]
    first = env.post_cases(env.key_a, cases)
    assert [r["outcome"] for r in first] == ["created"] * 5
    again = env.post_cases(env.key_a, cases)
    assert [r["outcome"] for r in again] == ["unchanged"] * 5
    assert [r["service_request_id"] for r in again] == [r["service_request_id"] for r in first]
    listed = env.client.get("/open311/v2/requests.json", headers=env.h(env.key_a)).json()
    assert len(listed) == 5
    assert_valid("requests.json", listed)


def test_open311_form_post_idempotent_and_xml(env: Env) -> None:
    uid = str(uuid.uuid4())
    form = {
        "service_code": "drainase",
        "description": "Selokan mampet",
        "attribute[case_uuid]": uid,
        "attribute[urgency]": "sedang",
        "attribute[kecamatan]": "35.22.02",
        "api_key": env.key_a,
        "first_name": "Pak",
        "last_name": "Budi",
        "phone": "081234567890",
    }
    r1 = env.client.post("/open311/v2/requests.json", data=form)
    assert r1.status_code == 201, r1.text
    r2 = env.client.post("/open311/v2/requests.json", data=form)
    assert r2.status_code == 200
    assert r1.json()[0]["service_request_id"] == r2.json()[0]["service_request_id"]
    token = r1.json()[0]["token"]
    t = env.client.get(f"/open311/v2/tokens/{token}.json")
    assert t.json() == [{"service_request_id": r1.json()[0]["service_request_id"], "token": token}]
    x = env.client.get(f"/open311/v2/requests/{r1.json()[0]['service_request_id']}.xml")
    root = ET.fromstring(x.content)
    assert root.tag == "service_requests" and root.findtext("request/status") == "open"


def test_intake_errors_are_400_in_open311_format(env: Env) -> None:
    res = env.post_cases(
        env.key_a,
        [
            make_case(service_code="bukan"),
            make_case(case_uuid="xyz"),
            make_case(desa_code="35.22.02.2001", kecamatan_code="35.22.01"),
            make_case(),
        ],
    )
    assert [r["outcome"] for r in res] == ["error", "error", "error", "created"]
    assert all(r["code"] == 400 and r["description"] for r in res[:3])
    bad = {"service_code": "bukan"}  # (without attribute[case_uuid]: a post of any Open311 client)
    r = env.client.post("/open311/v2/requests.json", data=bad, headers=env.h(env.key_a))
    assert r.status_code == 400 and r.json()[0]["code"] == 400
    assert r.json()[0]["description"] == "Kategori (service_code) \u201cbukan\u201d tidak dikenal."
    r = env.client.post("/open311/v2/requests.xml", data=bad, headers=env.h(env.key_a))
    assert r.status_code == 400 and ET.fromstring(r.content).tag == "errors"
    r = env.client.post("/open311/v2/requests.json", data={"api_key": env.key_a})
    assert r.status_code == 400 and "service_code" in r.json()[0]["description"]


def test_desk_owns_intake_until_verified(env: Env) -> None:
    case = make_case()
    [res] = env.post_cases(env.key_a, [case])
    [upd] = env.post_cases(env.key_a, [{**case, "urgency": "darurat"}])
    assert upd["outcome"] == "updated"
    env.set_status(res["service_request_id"], "terverifikasi")
    [kept] = env.post_cases(env.key_a, [{**case, "urgency": "rendah"}])
    assert kept["outcome"] == "kept" and kept["status"] == "terverifikasi"
    got = env.client.get(f"/api/v1/cases/{case['case_uuid']}", headers=env.h(env.key_a)).json()
    assert got["urgency"] == "darurat"


# -------------------------------------------------------------------------------- lifecycle and feed
def test_lifecycle_feed_and_filters(env: Env) -> None:
    [a, b] = env.post_cases(env.key_a, [make_case(), make_case(service_code="kesehatan")])
    rid = a["service_request_id"]
    env.set_status(rid, "terverifikasi")
    fwd = env.set_status(rid, "diteruskan", note="Disposisi Kamis")
    assert fwd["agency_responsible"] and fwd["opd"] == "dpubmpr"
    env.set_status(rid, "diproses")
    done = env.set_status(rid, "selesai")
    assert done["status"] == "closed" and done["external_status_code"] == "selesai"
    bad = env.client.post(
        f"/api/v1/requests/{rid}/status", json={"status": "baru"}, headers=env.h(env.key_admin)
    )
    assert bad.status_code == 400
    feed = env.client.get("/open311/v2/servicerequestupdates.json", headers=env.h(env.key_a)).json()
    mine = [u for u in feed if u["service_request_id"] == rid]
    assert [u["external_status_code"] for u in mine] == [
        "baru",
        "terverifikasi",
        "diteruskan",
        "diproses",
        "selesai",
    ]
    assert {
        "update_id",
        "service_request_id",
        "status",
        "updated_datetime",
        "description",
        "external_status_code",
    } <= set(mine[0])
    cursor = int(mine[2]["update_id"])
    after = env.client.get(
        f"/open311/v2/servicerequestupdates.json?after={cursor}", headers=env.h(env.key_a)
    ).json()
    assert [u["external_status_code"] for u in after] == ["diproses", "selesai"]
    xml = env.client.get("/open311/v2/servicerequestupdates.xml", headers=env.h(env.key_a))
    assert ET.fromstring(xml.content).find("request_update/update_id") is not None
    # start_date / end_date select by updated_datetime (inclusive)
    moment = mine[3]["updated_datetime"]
    since = env.client.get(
        "/open311/v2/servicerequestupdates.json", params={"start_date": moment}, headers=env.h(env.key_a)
    ).json()
    assert [u["update_id"] for u in since if u["service_request_id"] == rid] == [
        u["update_id"] for u in mine if u["updated_datetime"] >= moment
    ]
    until = env.client.get(
        "/open311/v2/servicerequestupdates.json",
        params={"end_date": "2001-01-01T00:00:00Z"},
        headers=env.h(env.key_a),
    ).json()
    assert until == []
    bad_date = env.client.get("/open311/v2/servicerequestupdates.xml?start_date=besok")
    assert bad_date.status_code == 400 and ET.fromstring(bad_date.content).findtext("error/code") == "400"
    closed = env.client.get("/open311/v2/requests.json?status=closed", headers=env.h(env.key_a)).json()
    assert [r["service_request_id"] for r in closed] == [rid]
    by_code = env.client.get(
        "/open311/v2/requests.json?service_code=kesehatan", headers=env.h(env.key_a)
    ).json()
    assert [r["service_request_id"] for r in by_code] == [b["service_request_id"]]
    by_id = env.client.get(
        f"/open311/v2/requests.json?service_request_id={rid},{b['service_request_id']}"
    ).json()
    assert len(by_id) == 2
    window = env.client.get("/open311/v2/requests.json?start_date=2030-01-01T00:00:00Z").json()
    assert window == []
    assert env.client.get("/open311/v2/requests.json?start_date=kemarin").status_code == 400


def test_other_endings_and_follow_up_clock(env: Env) -> None:
    """Not our authority / duplicate / rejected close a case, each a feed row; a forwarded case's OPD
    clock (5 working days) shows in the overdue listing under its OPD."""
    [orig, dup, notours, rejected, fwd] = env.post_cases(env.key_a, [make_case() for _ in range(5)])
    no_orig = env.client.post(
        f"/api/v1/requests/{dup['service_request_id']}/status",
        json={"status": "duplikat"},
        headers=env.h(env.key_admin),
    )
    assert no_orig.status_code == 400 and "duplicate_of" in no_orig.json()[0]["description"]
    d = env.set_status(dup["service_request_id"], "duplikat", duplicate_of=int(orig["service_request_id"]))
    assert d["status"] == "closed" and d["duplicate_of"] == orig["service_request_id"]
    env.set_status(notours["service_request_id"], "terverifikasi")
    env.set_status(notours["service_request_id"], "bukan_wewenang", note="urusan provinsi")
    env.set_status(rejected["service_request_id"], "ditolak", note="bukan aduan")
    env.set_status(fwd["service_request_id"], "terverifikasi")
    env.set_status(fwd["service_request_id"], "diteruskan", opd="dinkes")
    feed = env.client.get("/open311/v2/servicerequestupdates.json", headers=env.h(env.key_coord)).json()
    last = {u["service_request_id"]: u for u in feed}
    assert [last[r["service_request_id"]]["external_status_code"] for r in (dup, notours, rejected)] == [
        "duplikat",
        "bukan_wewenang",
        "ditolak",
    ]
    assert all(last[r["service_request_id"]]["status"] == "closed" for r in (dup, notours, rejected))
    assert "urusan provinsi" in last[notours["service_request_id"]]["description"]
    later = (datetime.now(UTC) + timedelta(days=14)).isoformat()
    groups = env.client.get("/api/v1/overdue", params={"now": later}, headers=env.h(env.key_admin)).json()
    by_opd = {g["opd"]: g for g in groups}
    assert [c["service_request_id"] for c in by_opd["dinkes"]["cases"]] == [fwd["service_request_id"]]
    assert by_opd["dinkes"]["cases"][0]["stage"] == "tindak_lanjut"
    listed = {c["service_request_id"] for g in groups for c in g["cases"]}
    assert not listed & {r["service_request_id"] for r in (dup, notours, rejected)}  # closed: no clock
    assert orig["service_request_id"] in listed  # still baru after 14 days: verification overdue


def test_overdue_listing_per_opd(env: Env) -> None:
    [old, _fresh] = env.post_cases(
        env.key_a,
        [
            make_case(received_at="2026-11-02T09:00:00+07:00"),
            make_case(received_at="2026-11-23T09:00:00+07:00"),
        ],
    )
    r = env.client.get("/api/v1/overdue?now=2026-11-23T12:00:00%2B07:00", headers=env.h(env.key_coord))
    assert r.status_code == 200
    groups = r.json()
    ids = [c["service_request_id"] for g in groups for c in g["cases"]]
    assert ids == [old["service_request_id"]]
    assert groups[0]["opd"] == "dpubmpr" and groups[0]["cases"][0]["stage"] == "verifikasi"
    assert env.client.get("/api/v1/overdue", headers=env.h(env.key_a)).status_code == 403


# ------------------------------------------------------------------------------------------ privacy
def test_rahasia_and_anonim_privacy(env: Env) -> None:
    [sec, anon] = env.post_cases(
        env.key_a,
        [make_case(rahasia=True), make_case(anonim=True, caller_name="Siti", phone="+6285700001111")],
    )
    public = env.client.get("/open311/v2/requests.json").json()
    assert [r["service_request_id"] for r in public] == [anon["service_request_id"]]
    assert "caller_name" not in public[0] and "phone" not in public[0]
    assert "Siti" not in json.dumps(public)
    assert env.client.get(f"/open311/v2/requests/{sec['service_request_id']}.json").status_code == 404
    public_feed = env.client.get("/open311/v2/servicerequestupdates.json").json()
    assert sec["service_request_id"] not in {u["service_request_id"] for u in public_feed}
    staff = env.client.get(
        f"/open311/v2/requests/{anon['service_request_id']}.json", headers=env.h(env.key_coord)
    ).json()[0]
    assert staff["caller_name"] == "Siti" and staff["anonim"] is True
    owner = env.client.get(f"/open311/v2/requests/{sec['service_request_id']}.json", headers=env.h(env.key_a))
    assert owner.status_code == 200 and owner.json()[0]["rahasia"] is True
    assert owner.json()[0]["caller_name"] == "Bu Sri"  # not anonim: the station that took the call sees it
    # an anonim reporter's identity goes to staff only, not even back to the station, in JSON or XML
    own_anon = env.client.get(
        f"/open311/v2/requests/{anon['service_request_id']}.json", headers=env.h(env.key_a)
    ).json()[0]
    assert own_anon["anonim"] is True and "caller_name" not in own_anon and "phone" not in own_anon
    for who in ({}, env.h(env.key_a)):
        for url in ("/open311/v2/requests.xml", "/open311/v2/servicerequestupdates.json"):
            body = env.client.get(url, headers=who).text
            assert "Siti" not in body and "85700001111" not in body
    rid = anon["service_request_id"]
    spec = {"kind": "audio", "filename": "a.wav", "length": 3}
    loc = env.client.post(f"/api/v1/requests/{rid}/uploads", json=spec, headers=env.h(env.key_a))
    loc = loc.headers["location"]
    chunk = {"Content-Type": "application/offset+octet-stream", "Upload-Offset": "0"}
    env.client.patch(loc, content=b"abc", headers={**chunk, **env.h(env.key_a)})
    assert env.client.get(loc + "/content", headers=env.h(env.key_a)).status_code == 403  # the voice
    assert env.client.get(loc + "/content", headers=env.h(env.key_coord)).content == b"abc"


# --------------------------------------------------------------------------------------------- auth
def test_only_the_key_hash_is_stored(env: Env) -> None:
    from sqlalchemy import select

    from radio_desk.server.models import Account

    with env.app.state.sessionmaker() as s:
        rows = {a.name: a for a in s.scalars(select(Account))}
        for name, key in (("stasiun-a", env.key_a), ("admin", env.key_admin)):
            stored = [str(v) for v in vars(rows[name]).values()]
            assert key not in stored and not any(key in v for v in stored)
            assert rows[name].key_hash == hashlib.sha256(key.encode()).hexdigest()
    if env.settings.database_url.startswith("sqlite"):
        raw = Path(env.settings.database_url.split("///", 1)[1]).read_bytes()
        assert env.key_a.encode() not in raw


def test_auth_refusals(env: Env, caplog: pytest.LogCaptureFixture) -> None:
    [a] = env.post_cases(env.key_a, [make_case()])
    rid = a["service_request_id"]
    case = make_case()
    assert env.client.post("/api/v1/requests/batch", json={"cases": [case]}).status_code == 403  # no key
    wrong = env.client.post("/api/v1/requests/batch", json={"cases": [case]}, headers=env.h("rdk_wrong"))
    assert wrong.status_code == 403 and wrong.json()[0]["code"] == 403
    with env.app.state.sessionmaker() as s:
        revoke_key(s, "stasiun-b", {Role.STATION})
    caplog.set_level("WARNING", logger="radio_desk.server.security")
    revoked = env.client.post("/api/v1/requests/batch", json={"cases": [case]}, headers=env.h(env.key_b))
    assert revoked.status_code == 403 and "dicabut" in revoked.json()[0]["description"]
    assert "revoked key of stasiun-b" in caplog.text and env.key_b not in caplog.text
    # station A's case touched by station C (fresh key) — read, overwrite, upload, status: all refused
    from radio_desk.server.accounts import add_account

    with env.app.state.sessionmaker() as s:
        key_c = add_account(s, "stasiun-c", Role.STATION)
    h = env.h(key_c)
    assert env.client.get(f"/open311/v2/requests/{rid}.json", headers=h).status_code == 403
    [over] = env.post_cases(key_c, [make_case(case_uuid=a["case_uuid"])])
    assert over["outcome"] == "error" and over["code"] == 403
    assert (
        env.client.post(
            f"/api/v1/requests/{rid}/status", json={"status": "terverifikasi"}, headers=h
        ).status_code
        == 403
    )
    assert (
        env.client.post(
            f"/api/v1/requests/{rid}/status", json={"status": "ditolak"}, headers=env.h(env.key_a)
        ).status_code
        == 403
    )  # a station sets on its own cases only what the regency policy allows (not "ditolak")
    up = env.client.post(
        f"/api/v1/requests/{rid}/uploads", json={"kind": "audio", "filename": "a.wav", "length": 3}, headers=h
    )
    assert up.status_code == 403
    assert env.client.get("/open311/v2/requests.json", headers=h).json() == []  # sees only its own
    assert env.client.get(f"/api/v1/cases/{a['case_uuid']}", headers=h).status_code == 403
    assert key_c not in caplog.text and env.key_a not in caplog.text


def test_characters_postgresql_cannot_store_are_400_not_500(env: Env) -> None:
    """A NUL character is fine for SQLite but refused by PostgreSQL: on both a clear 400/404."""
    [a] = env.post_cases(env.key_a, [make_case()])
    rid = a["service_request_id"]
    admin, station = env.h(env.key_admin), env.h(env.key_a)
    assert env.client.get("/open311/v2/tokens/a%00b.json").status_code == 404
    note = env.client.post(
        f"/api/v1/requests/{rid}/status", json={"status": "terverifikasi", "note": "a\x00b"}, headers=admin
    )
    assert note.status_code == 400 and note.json()[0]["code"] == 400
    assert env.client.get(f"/open311/v2/requests/{rid}.json", headers=admin).json()[0]["status_notes"] is None
    spec = {"kind": "audio", "filename": "a.wav", "length": 3, "content_type": "audio/\x00"}
    up = env.client.post(f"/api/v1/requests/{rid}/uploads", json=spec, headers=station)
    assert up.status_code == 400
    form = {"service_code": "jalan", "attribute[case_uuid]": str(uuid.uuid4()), "address_string": "x\x00"}
    assert env.client.post("/open311/v2/requests.xml", data=form, headers=station).status_code == 400


def test_size_and_rate_limits(env: Env) -> None:
    big = {"cases": [make_case(description="x" * 15_000) for _ in range(80)]}
    r = env.client.post("/api/v1/requests/batch", json=big, headers=env.h(env.key_a))
    assert r.status_code == 413 and r.json()[0]["code"] == 413

    def streamed():  # type: ignore[no-untyped-def]  # no Content-Length: counted as it arrives
        yield b'{"cases": ['
        for _ in range(40):
            yield json.dumps(make_case(description="y" * 30_000)).encode() + b","
        yield b"{}]}"

    r = env.client.post("/api/v1/requests/batch", content=streamed(), headers=env.h(env.key_a))
    assert r.status_code == 413 and r.json()[0]["code"] == 413
    assert env.client.get("/open311/v2/requests.json", headers=env.h(env.key_a)).json() == []
    from radio_desk.server.limits import TokenBucket

    bucket = TokenBucket(rate=1.0, burst=2)
    assert bucket.take("x", now=0.0) == 0 and bucket.take("x", now=0.0) == 0
    assert bucket.take("x", now=0.0) > 0
    assert bucket.take("x", now=1.5) == 0


def test_rate_limit_answers_429(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from fastapi.testclient import TestClient

    from radio_desk.server.accounts import add_account
    from radio_desk.server.app import create_app
    from radio_desk.server.config import ServerSettings

    s = ServerSettings.from_env(str(tmp_path / "s.sqlite3"))
    s.data_dir = tmp_path
    s.anon_rate_per_second, s.anon_rate_burst = 0.01, 3
    s.rate_per_second, s.rate_burst = 0.01, 2
    app = create_app(s)
    with app.state.sessionmaker() as session:
        key = add_account(session, "stasiun-a", Role.STATION)
    c = TestClient(app)
    caplog.set_level("WARNING", logger="radio_desk.server.security")
    codes = [c.get("/open311/v2/services.json").status_code for _ in range(5)]
    assert codes[:3] == [200, 200, 200] and codes[3:] == [429, 429]
    r = c.get("/open311/v2/services.xml")
    assert r.headers["retry-after"] and ET.fromstring(r.content).findtext("error/code") == "429"
    # a key not yet known valid shares the address's budget: refused before it is even looked up
    assert c.get(f"/open311/v2/requests.json?api_key={key}").status_code == 429
    # a valid key has its own bucket (not the address's), also as Open311's api_key parameter
    c = TestClient(create_app(s))  # restarted: every active key is known from the start
    keyed = [c.get(f"/open311/v2/requests.json?api_key={key}").status_code for _ in range(3)]
    assert keyed == [200, 200, 429]
    assert c.get("/open311/v2/services.json").status_code == 200
    assert "rate limit for ip:" in caplog.text and "rate limit for k:" in caplog.text
    assert key not in caplog.text


# ------------------------------------------------------------------------------------------- uploads
def test_resumable_upload(env: Env) -> None:
    [a] = env.post_cases(env.key_a, [make_case()])
    data = bytes(range(256)) * 400
    sha = hashlib.sha256(data).hexdigest()
    h = env.h(env.key_a)
    spec = {"kind": "audio", "filename": "panggilan.flac", "length": len(data), "sha256": sha}
    r = env.client.post(f"/api/v1/requests/{a['service_request_id']}/uploads", json=spec, headers=h)
    assert r.status_code == 201
    loc = r.headers["location"]
    chunk = {"Content-Type": "application/offset+octet-stream", **h}
    assert (
        env.client.patch(loc, content=data[:40_000], headers={**chunk, "Upload-Offset": "0"}).status_code
        == 204
    )
    # the desk restarts: asks again with the same file and resumes where the server is
    again = env.client.post(f"/api/v1/requests/{a['service_request_id']}/uploads", json=spec, headers=h)
    assert again.status_code == 200 and again.headers["location"] == loc
    assert env.client.head(loc, headers=h).headers["upload-offset"] == "40000"
    stale = env.client.patch(loc, content=data[:10], headers={**chunk, "Upload-Offset": "0"})
    assert stale.status_code == 409
    done = env.client.patch(loc, content=data[40_000:], headers={**chunk, "Upload-Offset": "40000"})
    assert done.status_code == 204 and done.headers["upload-offset"] == str(len(data))
    assert env.client.get(loc, headers=h).json()["complete"] is True
    assert env.client.get(loc + "/content", headers=env.h(env.key_admin)).content == data
    assert env.client.head(loc, headers=env.h(env.key_b)).status_code == 403
