"""Faults found in an independent test, each driven through a real ``radio-desk-server serve`` process on
a real database (SQLite and PostgreSQL): characters XML forbids, lone surrogates in a batch, upload
content types, rahasia cases behind tokens and ``duplicate_of``, floods of random keys, the Open311
form key's rate, and the SP4N-LAPOR! clocks over national holidays and cuti bersama."""

from __future__ import annotations

import json
import secrets
import threading
import time
import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from server_helpers import make_case
from sqlalchemy import create_engine, text
from test_faults import DATABASES, ServerProcess, add_station, live_server

from radio_desk.server.config import normalize_database_url
from tests.support.wait import wait_until

pytestmark = pytest.mark.slow


@pytest.fixture(params=DATABASES)
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerProcess]:
    """test_faults' live server, with the data folder (uploads, holidays.txt) inside ``tmp_path``."""
    yield from live_server(request, tmp_path, data_folder=True)


def add_admin(srv: ServerProcess) -> str:
    return srv.cli("user", "add", "admin", "--role", "admin").strip().splitlines()[-1]


def sql(srv: ServerProcess, statement: str, **params) -> None:  # type: ignore[no-untyped-def]
    """Write straight into the server's database: rows stored before a check existed."""
    engine = create_engine(normalize_database_url(srv.database))
    try:
        with engine.begin() as conn:
            conn.execute(text(statement), params)
    finally:
        engine.dispose()


def post_raw(srv: ServerProcess, key: str, body: str) -> httpx.Response:
    """A batch as raw JSON text, so escapes such as ``\\ud800`` reach the server unchanged."""
    return httpx.post(
        srv.url + "/api/v1/requests/batch",
        content=body.encode("ascii"),
        headers={"X-API-Key": key, "Content-Type": "application/json"},
        timeout=30,
    )


def parses(response: httpx.Response) -> ET.Element:
    assert response.headers["content-type"].startswith("text/xml"), response.headers
    return ET.fromstring(response.content)  # raises on any character XML forbids


# ------------------------------------------------------------------------ item 3: characters XML forbids
def test_xml_forbidden_characters_are_refused_and_every_xml_answer_parses(server: ServerProcess) -> None:
    key, admin = add_station(server, "stasiun-a"), add_admin(server)
    server.start()
    h = {"X-API-Key": key}
    good, bad = make_case(), make_case(description="Jalan rusak \ufffe di Kapas")
    r = httpx.post(server.url + "/api/v1/requests/batch", json={"cases": [good, bad]}, headers=h)
    assert r.status_code == 200, r.text
    first, second = r.json()["results"]
    assert first["outcome"] == "created"
    assert second["outcome"] == "error" and second["code"] == 400
    assert "U+FFFE" in second["description"] and "deskripsi" in second["description"]
    form = {"service_code": "jalan", "attribute[case_uuid]": str(uuid.uuid4()), "description": "a\uffffb"}
    r = httpx.post(server.url + "/open311/v2/requests.xml", data=form, headers=h)
    assert r.status_code == 400 and "U+FFFF" in parses(r).findtext("error/description", "")
    r = httpx.post(
        f"{server.url}/api/v1/requests/{first['service_request_id']}/status",
        json={"status": "terverifikasi", "note": "cek \x0b telepon"},
        headers={"X-API-Key": admin},
    )
    assert r.status_code == 400 and "U+000B" in r.text
    # rows written before the check existed (or by another tool) must not break the public feed
    sql(server, "UPDATE service_request SET description = :d", d="lubang\ufffe besar\uffff\x01 sekali")
    sql(server, "UPDATE request_update SET description = :d", d="diterima\x0c\ufffe")
    since = {"start_date": "2026-01-01T00:00:00Z"}  # make_case's date, outside the default 90 days later
    listing = parses(httpx.get(server.url + "/open311/v2/requests.xml", params=since))
    assert listing.findtext("request/description") == "lubang besar sekali"
    feed = parses(httpx.get(server.url + "/open311/v2/servicerequestupdates.xml"))
    assert feed.findtext("request_update/description") == "diterima"
    single = parses(httpx.get(f"{server.url}/open311/v2/requests/{first['service_request_id']}.xml"))
    assert single.findtext("request/description") == "lubang besar sekali"
    as_json = httpx.get(server.url + "/open311/v2/requests.json", params=since).json()
    assert as_json[0]["description"].startswith("lubang")
    # error answers that echo the input
    for path, params in [
        ("/open311/v2/requests.xml", {"status": "\ufffe"}),
        ("/open311/v2/requests.xml", {"service_request_id": "\uffff1"}),
        ("/open311/v2/requests.xml", {"start_date": "2026\ufffe"}),
        ("/open311/v2/services/\ufffe.xml", {}),
        ("/open311/v2/requests/\uffff.xml", {}),
        ("/open311/v2/requests.\ufffe", {}),
    ]:
        r = httpx.get(server.url + path, params=params)
        assert 400 <= r.status_code < 500, (path, r.status_code)
        if path.endswith(".xml"):
            assert parses(r).tag == "errors"


# ---------------------------------------------------------------- item 4: lone surrogates in one item
def test_a_lone_surrogate_is_an_error_of_that_item_only(server: ServerProcess) -> None:
    key, admin = add_station(server, "stasiun-a"), add_admin(server)
    server.start()
    valid1, valid2 = make_case(), make_case()
    items = [
        json.dumps(valid1),
        json.dumps(make_case(description="PLACEHOLDER")).replace("PLACEHOLDER", "jalan \\ud800 rusak"),
        json.dumps(make_case(case_uuid="PLACEHOLDER")).replace("PLACEHOLDER", "\\udfff"),
        json.dumps(make_case(caller_name="PLACEHOLDER")).replace("PLACEHOLDER", "Bu \\udc80Sri"),
        json.dumps(make_case(service_code="PLACEHOLDER")).replace("PLACEHOLDER", "\\ud83d"),
        json.dumps(valid2),
    ]
    r = post_raw(server, key, '{"cases": [' + ", ".join(items) + "]}")
    assert r.status_code == 200, r.text
    results = r.json()["results"]
    assert [x["outcome"] for x in results] == ["created", "error", "error", "error", "error", "created"]
    assert all(x["code"] == 400 for x in results[1:5])
    assert "U+D800" in results[1]["description"] and "deskripsi" in results[1]["description"]
    assert "case_uuid" in results[2]["description"]
    assert "\udfff" not in results[2]["case_uuid"]  # echoed in a form every client can decode
    assert "nama pelapor" in results[3]["description"]
    for case in (valid1, valid2):  # the valid items beside them were stored
        got = httpx.get(f"{server.url}/api/v1/cases/{case['case_uuid']}", headers={"X-API-Key": admin})
        assert got.status_code == 200 and got.json()["description"] == case["description"]
    # the other JSON bodies: a 400 naming the field, never a 500
    rid = results[0]["service_request_id"]
    r = httpx.post(
        f"{server.url}/api/v1/requests/{rid}/status",
        content=b'{"status": "terverifikasi", "note": "\\ud800"}',
        headers={"X-API-Key": admin, "Content-Type": "application/json"},
    )
    assert r.status_code == 400 and "note" in r.text
    r = httpx.post(
        f"{server.url}/api/v1/requests/{rid}/status",
        content=b'{"status": "\\udbff"}',
        headers={"X-API-Key": admin, "Content-Type": "application/json"},
    )
    assert r.status_code == 400 and "status" in r.text
    r = httpx.post(
        f"{server.url}/api/v1/requests/{rid}/uploads",
        content=b'{"kind": "audio", "filename": "a\\ud800.flac", "length": 3}',
        headers={"X-API-Key": key, "Content-Type": "application/json"},
    )
    assert r.status_code == 400 and "filename" in r.text


# ----------------------------------------------------------------------- item 5: upload content types
def _upload(srv: ServerProcess, key: str, rid: str, body: bytes, content_type: str) -> httpx.Response:
    import hashlib

    spec = {
        "kind": "audio", "filename": "panggilan.wav", "length": len(body),
        "sha256": hashlib.sha256(body).hexdigest(), "content_type": content_type,
    }  # fmt: skip
    return httpx.post(f"{srv.url}/api/v1/requests/{rid}/uploads", json=spec, headers={"X-API-Key": key})


def test_upload_content_type_is_one_of_a_few_audio_and_json_types(server: ServerProcess) -> None:
    key, admin = add_station(server, "stasiun-a"), add_admin(server)
    server.start()
    h = {"X-API-Key": key}
    [res] = httpx.post(
        server.url + "/api/v1/requests/batch", json={"cases": [make_case()]}, headers=h
    ).json()["results"]
    rid = res["service_request_id"]
    for bad in ("audio/wav; name=€", "audio/wav\r\nX-Injected: 1", "text/html", "audio/wav; x=\x7f", ""):
        r = _upload(server, key, rid, b"RIFF" + bad.encode("utf-8", "replace"), bad)
        assert r.status_code == 400, (bad, r.status_code, r.text)
        assert "content_type" in r.text and "audio/flac" in r.text
    body = b"RIFF....WAVEfmt "
    r = _upload(server, key, rid, body, "Audio/WAV")
    assert r.status_code == 201, r.text
    location = r.headers["location"]
    r = httpx.patch(
        server.url + location,
        content=body,
        headers={**h, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"},
    )
    assert r.status_code == 204
    got = httpx.get(server.url + location + "/content", headers={"X-API-Key": admin})
    assert got.status_code == 200 and got.content == body
    assert got.headers["content-type"] == "audio/wav"
    # a row stored before the check: the download still works, as a plain byte stream
    for stored in ("audio/wav; name=€", "audio/wav\r\nX-Injected: 1"):
        sql(server, "UPDATE upload SET content_type = :c", c=stored)
        got = httpx.get(server.url + location + "/content", headers={"X-API-Key": admin})
        assert got.status_code == 200 and got.content == body
        assert got.headers["content-type"] == "application/octet-stream"
        assert "x-injected" not in got.headers


# ------------------------------------------------------------ item 9: rahasia behind token, duplicate_of
def test_a_rahasia_case_does_not_exist_for_the_public_behind_a_token_or_duplicate_of(
    server: ServerProcess,
) -> None:
    key_a, key_b, admin = (
        add_station(server, "stasiun-a"),
        add_station(server, "stasiun-b"),
        add_admin(server),
    )
    server.start()
    [secret] = httpx.post(
        server.url + "/api/v1/requests/batch",
        json={"cases": [make_case(rahasia=True, description="Pungli di kantor desa")]},
        headers={"X-API-Key": key_a},
    ).json()["results"]
    [copy] = httpx.post(
        server.url + "/api/v1/requests/batch", json={"cases": [make_case()]}, headers={"X-API-Key": key_b}
    ).json()["results"]
    r = httpx.post(
        f"{server.url}/api/v1/requests/{copy['service_request_id']}/status",
        json={"status": "duplikat", "duplicate_of": int(secret["service_request_id"])},
        headers={"X-API-Key": admin},
    )
    assert r.status_code == 200 and r.json()["duplicate_of"] == secret["service_request_id"]
    # the token of a rahasia case: as unknown as a token that never existed, in both formats
    for fmt in ("json", "xml"):
        r = httpx.get(f"{server.url}/open311/v2/tokens/{secret['token']}.{fmt}")
        never = httpx.get(f"{server.url}/open311/v2/tokens/{secrets.token_hex(16)}.{fmt}")
        assert r.status_code == never.status_code == 404 and r.content == never.content
        r = httpx.get(f"{server.url}/open311/v2/tokens/{copy['token']}.{fmt}")
        assert r.status_code == 200 and copy["service_request_id"] in r.text
    for who in (key_a, admin):  # the owning station and the staff still resolve it
        r = httpx.get(f"{server.url}/open311/v2/tokens/{secret['token']}.json", headers={"X-API-Key": who})
        assert r.status_code == 200 and r.json()[0]["service_request_id"] == secret["service_request_id"]
    r = httpx.get(f"{server.url}/open311/v2/tokens/{secret['token']}.json", headers={"X-API-Key": key_b})
    assert r.status_code == 404
    # duplicate_of points at the rahasia case: hidden from the public and from the other station
    rid = copy["service_request_id"]
    public = httpx.get(f"{server.url}/open311/v2/requests/{rid}.json").json()[0]
    assert public["duplicate_of"] is None and public["external_status_code"] == "duplikat"
    listing = httpx.get(f"{server.url}/open311/v2/requests.json", params={"start_date": "2026-01-01"}).json()
    assert [x["duplicate_of"] for x in listing if x["service_request_id"] == rid] == [None]
    xml_one = parses(httpx.get(f"{server.url}/open311/v2/requests/{rid}.xml"))
    assert xml_one.find("request/duplicate_of") is not None and not xml_one.findtext("request/duplicate_of")
    own = httpx.get(f"{server.url}/open311/v2/requests/{rid}.json", headers={"X-API-Key": key_b}).json()[0]
    assert own["duplicate_of"] is None
    staff = httpx.get(f"{server.url}/open311/v2/requests/{rid}.json", headers={"X-API-Key": admin}).json()[0]
    assert staff["duplicate_of"] == secret["service_request_id"]


# ---------------------------------------------------------------------- item 8: random keys, form keys
def _default_limits(srv: ServerProcess, **env: str) -> None:
    for name in ("RATE", "BURST", "ANON_RATE", "ANON_BURST"):
        srv.env.pop(f"RADIO_DESK_SERVER_{name}", None)
    srv.env.update(env)


def test_random_keys_are_limited_per_address_before_any_lookup(server: ServerProcess, tmp_path: Path) -> None:
    """Defaults: 5/s burst 60 per address for requests without a valid key; a station's own key is not
    slowed by the flood from its own address; the refusal log stays small."""
    _default_limits(server)
    key = add_station(server, "stasiun-a")
    log = tmp_path / "server.log"
    server.start(log)
    codes: dict[int, int] = {}
    started = time.monotonic()
    with httpx.Client(base_url=server.url, timeout=30) as flood:
        for _ in range(600):
            r = flood.get("/api/v1/whoami", headers={"X-API-Key": "rdk_" + secrets.token_urlsafe(32)})
            codes[r.status_code] = codes.get(r.status_code, 0) + 1
        elapsed = time.monotonic() - started
        # the station from the same address, right after the flood: its key is known, keyed rate
        for _ in range(20):
            assert flood.get("/api/v1/whoami", headers={"X-API-Key": key}).json()["name"] == "stasiun-a"
    looked_up = codes.get(403, 0)
    assert set(codes) <= {403, 429} and codes.get(429, 0) > 0, codes
    assert looked_up <= 60 + 5 * elapsed + 5, (codes, elapsed)  # the per-address bucket, not 600 lookups
    server.stop()
    lines = log.read_text(encoding="utf-8", errors="replace").splitlines()
    security = [x for x in lines if "refused" in x]
    assert len([x for x in security if "unknown API key" in x]) <= looked_up
    rate_lines = [x for x in security if "rate limit" in x]
    assert 0 < len(rate_lines) <= 20 + 10 * elapsed + 5, (len(rate_lines), elapsed)
    assert any("suppressed" in x for x in rate_lines)


def test_an_open311_form_key_gets_the_keyed_rate(server: ServerProcess) -> None:
    _default_limits(server, RADIO_DESK_SERVER_ANON_RATE="1", RADIO_DESK_SERVER_ANON_BURST="3")
    key = add_station(server, "stasiun-a")
    server.start()
    with httpx.Client(base_url=server.url, timeout=30) as c:
        for i in range(12):  # the key only in the form body, as in the Open311 spec
            form = {"api_key": key, "service_code": "jalan", "attribute[case_uuid]": str(uuid.uuid4()),
                    "description": f"Lampu jalan mati {i}"}  # fmt: skip
            r = c.post("/open311/v2/requests.json", data=form)
            assert r.status_code == 201, (i, r.status_code, r.text)
        r = c.post(
            "/open311/v2/requests.json",
            data={"api_key": key, "service_code": "jalan", "attribute[case_uuid]": "x" * 10},
        )
        assert r.status_code == 400  # a bad form is still answered (the body reached the app intact)
        public = [c.get("/open311/v2/services.json").status_code for _ in range(8)]
        assert public[:3] == [200, 200, 200] and 429 in public  # no key: the anonymous rate
        # the address's budget is spent now; a multipart form with the key still gets the keyed rate
        form = {"api_key": key, "service_code": "jalan", "attribute[case_uuid]": str(uuid.uuid4())}
        r = c.post("/open311/v2/requests.json", data=form, files={"media": ("foto.txt", b"-")})
        assert r.status_code == 201, r.text


def test_a_flood_of_keys_from_another_address_leaves_a_station_fast(server: ServerProcess) -> None:
    """The flood and the station behind the proxy (``X-Forwarded-For`` from loopback is trusted)."""
    _default_limits(server)
    key = add_station(server, "stasiun-a")
    server.start()
    stop = threading.Event()
    flood_codes: list[int] = []

    def flood() -> None:
        with httpx.Client(base_url=server.url, timeout=30) as c:
            while not stop.is_set():
                r = c.get(
                    "/api/v1/whoami",
                    headers={"X-API-Key": "rdk_" + secrets.token_urlsafe(32), "X-Forwarded-For": "10.9.9.9"},
                )
                flood_codes.append(r.status_code)

    t = threading.Thread(target=flood)
    started = time.monotonic()
    t.start()
    try:
        wait_until(lambda: len(flood_codes) >= 300 or not t.is_alive(), 60, what="the flood well under way")
        with httpx.Client(base_url=server.url, timeout=30) as station:
            for _ in range(100):  # within its own burst: the flood must not cost it a single request
                r = station.get("/api/v1/whoami", headers={"X-API-Key": key, "X-Forwarded-For": "10.1.1.1"})
                assert r.status_code == 200
    finally:
        stop.set()
        t.join(30)
    elapsed = time.monotonic() - started
    assert flood_codes.count(403) <= 60 + 5 * elapsed + 5 and 429 in flood_codes, (len(flood_codes), elapsed)


# ------------------------------------------------------------ item 10: holidays in the server's clocks
def test_server_clocks_skip_national_holidays_cuti_bersama_and_the_regency_days(
    server: ServerProcess, tmp_path: Path
) -> None:
    data = tmp_path / "server-data"
    data.mkdir()
    (data / "holidays.txt").write_text("# hari jadi kabupaten\n2026-03-25\n", encoding="utf-8")
    key, admin = add_station(server, "stasiun-a"), add_admin(server)
    server.start()
    cases = [
        make_case(received_at="2026-03-17T10:00:00+07:00"),  # Nyepi + cuti, Idul Fitri + cuti, regency day
        make_case(received_at="2026-05-13T10:00:00+07:00"),  # Kenaikan + cuti bersama 15 May
        make_case(received_at="2026-05-26T10:00:00+07:00"),  # Idul Adha + cuti 28 May, Pancasila 1 June
    ]
    r = httpx.post(server.url + "/api/v1/requests/batch", json={"cases": cases}, headers={"X-API-Key": key})
    due = []
    for res in r.json()["results"]:
        got = httpx.get(
            f"{server.url}/open311/v2/requests/{res['service_request_id']}.json", headers={"X-API-Key": admin}
        )
        due.append(got.json()[0]["expected_datetime"])
    assert due == ["2026-03-30T03:00:00Z", "2026-05-20T03:00:00Z", "2026-06-03T03:00:00Z"]
