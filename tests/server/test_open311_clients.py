"""Any Open311 client against a real ``radio-desk-server serve`` process (SQLite and PostgreSQL):

* the ``georeport`` package from PyPI (0.3.1, pinned) reads services, definitions and requests in
  JSON and in XML; it has no call that creates a request (its README says so), so posting is tested
* with raw form posts shaped like FixMyStreet's Open311 client (perllib/Open311.pm): urlencoded
  ``api_key``, ``service_code``, ``lat``/``long`` or ``address_string``, ``description``,
  ``first_name``, ``last_name``, ``email``, ``phone``, ``media_url``, ``attribute[...]``, to
  ``requests.xml``, the answer read as FixMyStreet reads it (``request/service_request_id``);
* the discovery document, followed to the endpoint like a client would.

Every JSON answer is checked against the GeoReport v2 schemas in ``tests/contract``."""

from __future__ import annotations

import uuid
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from georeport import GeoReport
from server_helpers import make_case
from test_contract import DEFINITION, DISCOVERY, ERRORS, REQUESTS, SERVICES, UPDATES, check, swagger_list
from test_faults import DATABASES, ServerProcess, add_station, live_server

pytestmark = pytest.mark.slow


@pytest.fixture(params=DATABASES)
def server(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[ServerProcess]:
    yield from live_server(request, tmp_path, data_folder=True)


def fixmystreet_form(key: str, **over: object) -> dict[str, object]:
    """One report as FixMyStreet's Open311 client sends it (title, detail and link in the description,
    the name split in two, its own fields as attribute[...])."""
    form: dict[str, object] = {
        "api_key": key,
        "service_code": "jalan",
        "description": "Jalan berlubang\n\nLubang besar di depan pasar, sudah sebulan.\n\n"
        "https://lapor.example.id/report/17\n",
        "first_name": "Budi",
        "last_name": "Santoso",
        "email": "budi@example.id",
        "phone": "081234567890",
        "lat": "-7.150975",
        "long": "111.881860",
        "media_url": "https://lapor.example.id/photo/17.0.full.jpeg",
        "attribute[fixmystreet_id]": "17",
        "attribute[title]": "Jalan berlubang",
        "attribute[report_url]": "https://lapor.example.id/report/17",
    }
    form.update(over)
    return form


def post_xml(srv: ServerProcess, form: dict[str, object]) -> httpx.Response:
    return httpx.post(srv.url + "/open311/v2/requests.xml", data=form, timeout=30)


def fixmystreet_reads_id(response: httpx.Response) -> str:
    """What FixMyStreet takes from the answer: the first request's service_request_id."""
    root = ET.fromstring(response.content)
    assert root.tag == "service_requests", response.text
    request_id = root.findtext("request/service_request_id")
    assert request_id and request_id.isdigit(), response.text
    return request_id


def test_fixmystreet_shaped_posts_each_make_a_new_case(server: ServerProcess) -> None:
    server.start()
    key = add_station(server, "lapor-web")
    admin = server.cli("user", "add", "admin", "--role", "admin").strip().splitlines()[-1]

    first = post_xml(server, fixmystreet_form(key))
    assert first.status_code == 201, first.text
    again = post_xml(server, fixmystreet_form(key))  # the same report sent again: no UUID, a new case
    assert again.status_code == 201
    ids = [fixmystreet_reads_id(first), fixmystreet_reads_id(again)]
    assert ids[0] != ids[1]
    postcode_only = fixmystreet_form(key, address_string="Jl. Veteran 12, Bojonegoro")
    del postcode_only["lat"], postcode_only["long"]
    third = post_xml(
        server, postcode_only | {"media_url": ["https://x.example/1.jpg", "https://x.example/2.jpg"]}
    )
    assert third.status_code == 201, third.text
    ids.append(fixmystreet_reads_id(third))

    as_json = httpx.post(server.url + "/open311/v2/requests.json", data=fixmystreet_form(key), timeout=30)
    assert as_json.status_code == 201
    check(swagger_list("RequestResponse"), as_json.json())

    # a client that wants idempotency sends the UUID: 201, then 200 with the same number
    uid = str(uuid.uuid4())
    with_uuid = fixmystreet_form(key, **{"attribute[case_uuid]": uid, "attribute[kecamatan]": "35.22.01"})
    r1, r2 = post_xml(server, with_uuid), post_xml(server, with_uuid)
    assert (r1.status_code, r2.status_code) == (201, 200)
    assert fixmystreet_reads_id(r1) == fixmystreet_reads_id(r2)

    # the token answer, as FixMyStreet would look it up
    token = ET.fromstring(first.content).findtext("request/token")
    t = httpx.get(f"{server.url}/open311/v2/tokens/{token}.xml", timeout=30)
    assert ET.fromstring(t.content).findtext("request/service_request_id") == ids[0]

    # stored as sent: the name, phone and position; e-mail, photos and the client's own attributes
    # in the notes, the kecamatan from address_id (our answers give the code there)
    staff = {"X-API-Key": admin}
    got = httpx.get(f"{server.url}/open311/v2/requests/{ids[0]}.json", headers=staff, timeout=30).json()
    check(REQUESTS, got)
    [case] = got
    assert case["caller_name"] == "Budi Santoso" and case["phone"] == "081234567890"
    assert (case["lat"], case["long"]) == (-7.150975, 111.88186)
    assert case["description"].startswith("Jalan berlubang\n\nLubang besar")
    assert case["station"] == "lapor-web" and case["status"] == "open"
    assert case["case_uuid"] and case["case_uuid"] != uid
    for line in (
        "Email pelapor: budi@example.id",
        "Foto/media: https://lapor.example.id/photo/17.0.full.jpeg",
        "attribute[fixmystreet_id]: 17",
        "attribute[report_url]: https://lapor.example.id/report/17",
    ):
        assert line in case["notes"]  # fmt: skip
    third_case = httpx.get(
        f"{server.url}/open311/v2/requests/{ids[2]}.json", headers=staff, timeout=30
    ).json()[0]
    assert third_case["address"] == "Jl. Veteran 12, Bojonegoro" and third_case["lat"] is None
    assert "Foto/media: https://x.example/2.jpg" in third_case["notes"]
    by_code = post_xml(server, fixmystreet_form(key, address_id="35.22.01.2001"))
    coded = httpx.get(
        f"{server.url}/open311/v2/requests/{fixmystreet_reads_id(by_code)}.json", headers=staff, timeout=30
    ).json()[0]
    assert (coded["kecamatan_code"], coded["desa_code"]) == ("35.22.01", "35.22.01.2001")

    # the public sees the cases, never the reporter
    public = httpx.get(f"{server.url}/open311/v2/requests.json", timeout=30).json()
    check(REQUESTS, public)
    assert {c["service_request_id"] for c in public} >= set(ids)
    assert all("caller_name" not in c and "notes" not in c for c in public)
    # FixMyStreet then polls the update feed with its key and a date window
    feed = httpx.get(
        f"{server.url}/open311/v2/servicerequestupdates.json",
        params={"api_key": key, "start_date": "2000-01-01T00:00:00Z", "end_date": "2100-01-01T00:00:00Z"},
        timeout=30,
    ).json()
    check(UPDATES, feed)
    assert {u["service_request_id"] for u in feed} >= set(ids)
    xml_feed = httpx.get(f"{server.url}/open311/v2/servicerequestupdates.xml?api_key={key}", timeout=30)
    assert ET.fromstring(xml_feed.content).findtext("request_update/update_id")


def test_fixmystreet_shaped_posts_are_checked_like_the_desks(server: ServerProcess) -> None:
    server.start()
    key = add_station(server, "lapor-web")
    admin = server.cli("user", "add", "admin", "--role", "admin").strip().splitlines()[-1]
    refusals = [
        (
            fixmystreet_form(key, service_code="lampu-jalan"),
            400,
            "Kategori (service_code) \u201clampu-jalan\u201d",
        ),
        (fixmystreet_form(key, lat="95"), 400, "Isian lat di luar rentang"),
        (fixmystreet_form(key, description="a\x00b"), 400, "deskripsi memuat karakter NUL"),
        (fixmystreet_form(key, email="b\ufffe@x.id"), 400, "Isian email memuat karakter"),
        (fixmystreet_form(key, phone="0" * 40), 400, "nomor telepon terlalu panjang"),
        (fixmystreet_form(key, **{"attribute[urgency]": "segera"}), 400, "Urgensi \u201csegera\u201d"),
        (fixmystreet_form("rdk_bukan-kunci"), 403, "Kunci API tidak dikenal."),
        (fixmystreet_form(admin), 403, "Hanya kunci stasiun"),
        ({k: v for k, v in fixmystreet_form(key).items() if k != "api_key"}, 403, "Kunci API wajib"),
    ]
    for form, code, words in refusals:
        r = post_xml(server, form)
        assert r.status_code == code, (form, r.text)
        root = ET.fromstring(r.content)
        assert root.tag == "errors" and root.findtext("error/code") == str(code)
        assert words in root.findtext("error/description", ""), r.text
        j = httpx.post(server.url + "/open311/v2/requests.json", data=form, timeout=30)
        assert j.status_code == code
        check(ERRORS, j.json())
    # nothing of that was stored
    feed = httpx.get(f"{server.url}/open311/v2/servicerequestupdates.json", headers={"X-API-Key": admin})
    assert feed.json() == []
    # the key in the header or as the query parameter works as well as the form field
    form = {k: v for k, v in fixmystreet_form(key).items() if k != "api_key"}
    assert (
        httpx.post(
            server.url + "/open311/v2/requests.json", data=form, headers={"X-API-Key": key}
        ).status_code
        == 201
    )
    assert httpx.post(f"{server.url}/open311/v2/requests.json?api_key={key}", data=form).status_code == 201


def test_open311_posts_have_the_same_rate_limits(server: ServerProcess) -> None:
    """Keyless and unknown-key posts count against the client address, a valid key against its own
    bucket (also as the form's api_key), from a real process configured by its environment."""
    server.env.update(
        RADIO_DESK_SERVER_ANON_RATE="0.01", RADIO_DESK_SERVER_ANON_BURST="3",
        RADIO_DESK_SERVER_RATE="0.01", RADIO_DESK_SERVER_BURST="4",
    )  # fmt: skip
    key = add_station(server, "lapor-web")  # before the start: known valid from the first request
    server.start()
    anon = [post_xml(server, fixmystreet_form("rdk_acak")).status_code for _ in range(5)]
    assert anon == [403, 403, 403, 429, 429]
    keyed = [post_xml(server, fixmystreet_form(key)).status_code for _ in range(6)]
    assert keyed == [201, 201, 201, 201, 429, 429]
    limited = post_xml(server, fixmystreet_form(key))
    assert limited.headers["retry-after"] and ET.fromstring(limited.content).findtext("error/code") == "429"


def test_georeport_client_reads_json_and_xml(server: ServerProcess) -> None:
    server.start()
    key = add_station(server, "stasiun-a")
    cases = [
        make_case(),
        make_case(service_code="kesehatan", lat=-7.15, long=111.88),
        make_case(rahasia=True),
    ]
    r = httpx.post(server.url + "/api/v1/requests/batch", json={"cases": cases}, headers={"X-API-Key": key})
    posted = [c["service_request_id"] for c in r.json()["results"]]
    root = server.url + "/open311/v2"
    as_json, as_xml = GeoReport(root), GeoReport(root, output_format="xml")

    services = as_json.get_service_list()
    check(SERVICES, services)
    codes = [s["service_code"] for s in services]
    assert [s["service_code"] for s in as_xml.get_service_list()] == codes
    definition = as_json.get_service_definition("jalan")
    check(DEFINITION, definition)
    xml_definition = as_xml.get_service_definition("jalan")
    assert xml_definition["service_code"] == "jalan"
    xml_codes = [a["code"] for a in xml_definition["attributes"]["attribute"]]
    assert xml_codes == [a["code"] for a in definition["attributes"]]
    assert next(a for a in definition["attributes"] if a["code"] == "case_uuid")["required"] is False

    listed = as_json.get_service_requests(start_date="2000-01-01T00:00:00Z")
    check(REQUESTS, listed)
    assert {c["service_request_id"] for c in listed} == set(posted[:2])  # the rahasia case is not public
    xml_listed = as_xml.get_service_requests(start_date="2000-01-01T00:00:00Z")
    assert {c["service_request_id"] for c in xml_listed} == set(posted[:2])
    one = as_json.get_service_request(posted[1])
    check(REQUESTS, [one])
    assert one["service_code"] == "kesehatan" and one["lat"] == -7.15
    xml_one = as_xml.get_service_request(posted[1])
    assert (xml_one["service_code"], xml_one["lat"]) == ("kesehatan", "-7.15")
    only = as_json.get_service_requests(service_request_id=posted[0])
    assert [c["service_request_id"] for c in only] == [posted[0]]
    closed = as_json.get_service_requests(status="closed")
    assert closed == []
    with pytest.raises(Exception, match="404"):  # the package raises requests' HTTPError
        as_json.get_service_request(posted[2])  # rahasia: does not exist for the public
    # what the package cannot do: create a request (so the posts above are raw FixMyStreet-shaped forms)
    assert not [name for name in dir(GeoReport) if "post" in name or "create" in name or "submit" in name]


def test_discovery_document_leads_to_the_endpoint(server: ServerProcess) -> None:
    server.env.update(
        RADIO_DESK_SERVER_OPEN311_CONTACT="Diskominfo Bojonegoro, (0353) 881826",
        RADIO_DESK_SERVER_OPEN311_KEY_SERVICE="Kunci API: surat ke Diskominfo",
        RADIO_DESK_SERVER_OPEN311_TYPE="test",
    )
    server.start()
    doc = httpx.get(server.url + "/open311/discovery.json", timeout=30).json()
    check(DISCOVERY, doc)
    assert doc["contact"] == "Diskominfo Bojonegoro, (0353) 881826"
    assert doc["key_service"] == "Kunci API: surat ke Diskominfo"
    [endpoint] = doc["endpoints"]
    assert endpoint["type"] == "test" and endpoint["url"] == server.url + "/open311/v2"
    assert set(endpoint["formats"]) == {"application/json", "text/xml"}
    # a client follows it: each advertised format answers at the advertised url
    for media_type, ext in (("application/json", "json"), ("text/xml", "xml")):
        r = httpx.get(f"{endpoint['url']}/services.{ext}", timeout=30)
        assert r.status_code == 200 and r.headers["content-type"].startswith(media_type)
    xml = ET.fromstring(httpx.get(server.url + "/open311/discovery.xml", timeout=30).content)
    assert xml.tag == "discovery" and xml.findtext("contact") == doc["contact"]
    assert xml.findtext("endpoints/endpoint/specification") == "http://wiki.open311.org/GeoReport_v2"
    assert [f.text for f in xml.findall("endpoints/endpoint/formats/format")] == endpoint["formats"]
    assert xml.findtext("endpoints/endpoint/type") == "test"
    assert httpx.get(server.url + "/open311/v2/discovery.json", timeout=30).json() == doc
    # behind a reverse proxy the configured public address is what clients are told
    server.stop()
    server.env["RADIO_DESK_SERVER_PUBLIC_URL"] = "https://lapor.bojonegorokab.go.id"
    server.start()
    doc = httpx.get(server.url + "/open311/discovery.json", timeout=30).json()
    assert doc["endpoints"][0]["url"] == "https://lapor.bojonegorokab.go.id/open311/v2"
    check(DISCOVERY, doc)
