"""Contract: every JSON answer of the Open311 endpoints validates against the GeoReport v2 JSON Schemas
(``tests/contract/open311``, open311.org, CC BY 3.0; POST and token answers against the definitions of
its Swagger description), the update feed, the error lists and the discovery document against
``tests/contract/extensions``; every ``.xml`` answer parses with the spec's root element.  On SQLite and
PostgreSQL."""

from __future__ import annotations

import json
import uuid
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
from jsonschema import Draft4Validator
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT4
from server_helpers import Env, make_case

CONTRACT = Path(__file__).resolve().parent.parent / "contract"
OPEN311 = CONTRACT / "open311"
SWAGGER = json.loads((OPEN311 / "swagger.json").read_text(encoding="utf-8"))


def _registry() -> Registry:
    registry = Registry()
    for f in OPEN311.glob("*.json"):
        if f.name != "swagger.json":
            contents = json.loads(f.read_text(encoding="utf-8"))
            registry = registry.with_resource(f.name, Resource.from_contents(contents, DRAFT4))
    return registry


def _validator(schema: dict[str, Any]) -> Draft4Validator:
    return Draft4Validator(schema, registry=_registry(), format_checker=Draft4Validator.FORMAT_CHECKER)


def schema_file(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


def swagger_list(definition: str) -> dict[str, Any]:
    return {
        "type": "array",
        "items": {"$ref": f"#/definitions/{definition}"},
        "definitions": SWAGGER["definitions"],
    }


def check(schema: dict[str, Any], payload: Any) -> None:
    errors = sorted(_validator(schema).iter_errors(payload), key=lambda e: list(e.path))
    assert not errors, [f"{list(e.path)}: {e.message}" for e in errors[:3]]


SERVICES = schema_file(OPEN311 / "services.json")
DEFINITION = schema_file(OPEN311 / "service-definition.json")
REQUESTS = schema_file(OPEN311 / "requests.json")
UPDATES = schema_file(CONTRACT / "extensions" / "servicerequestupdates.json")
ERRORS = schema_file(CONTRACT / "extensions" / "errors.json")
DISCOVERY = schema_file(CONTRACT / "extensions" / "discovery.json")


def test_schemas_reject_what_they_should() -> None:
    """The validators are live: a request without status, a feed row without update_id fail."""
    with pytest.raises(AssertionError):
        check(REQUESTS, [{"service_request_id": "1", "service_code": "jalan", "requested_datetime": "x"}])
    with pytest.raises(AssertionError):
        check(UPDATES, [{"service_request_id": "1", "status": "open", "description": "",
                         "updated_datetime": "2026-11-23T01:00:00Z"}])  # fmt: skip
    with pytest.raises(AssertionError):
        check(swagger_list("RequestResponse"), [{"service_request_id": 5}])


def _populate(env: Env) -> dict[str, Any]:
    cases = [
        make_case(),
        make_case(service_code="kesehatan", description="x" * 5000, lat=-7.15, long=111.88),
        make_case(rahasia=True),
        make_case(anonim=True, caller_name="Siti", kecamatan_code=None, desa_code=None),
    ]
    results = env.post_cases(env.key_a, cases)
    rid = results[0]["service_request_id"]
    for status, extra in (("terverifikasi", {}), ("diteruskan", {"note": "ke Dinas PU"}), ("selesai", {})):
        env.set_status(rid, status, **extra)
    env.set_status(results[1]["service_request_id"], "ditolak", note="bukan aduan")
    form = {
        "service_code": "drainase",
        "description": "Selokan mampet",
        "attribute[case_uuid]": str(uuid.uuid4()),
        "address_string": "Jl. Veteran, Bojonegoro",
    }
    posted = env.client.post("/open311/v2/requests.json", data=form, headers=env.h(env.key_b))
    assert posted.status_code == 201
    return {"ids": [r["service_request_id"] for r in results], "posted": posted.json()}


def test_every_json_answer_matches_the_open311_schemas(env: Env) -> None:
    data = _populate(env)
    c = env.client
    services = c.get("/open311/v2/services.json").json()
    check(SERVICES, services)
    for service in services:
        check(DEFINITION, c.get(f"/open311/v2/services/{service['service_code']}.json").json())
    check(swagger_list("RequestResponse"), data["posted"])
    anyone = c.post("/open311/v2/requests.json", data={"service_code": "jalan"}, headers=env.h(env.key_a))
    assert anyone.status_code == 201  # no attribute[case_uuid]: a new case, as for any Open311 client
    check(swagger_list("RequestResponse"), anyone.json())
    for url in ("/open311/discovery.json", "/open311/v2/discovery.json"):
        check(DISCOVERY, c.get(url).json())
    token = data["posted"][0]["token"]
    check(swagger_list("TokenResponse"), c.get(f"/open311/v2/tokens/{token}.json").json())
    since = {"start_date": "2000-01-01T00:00:00Z"}
    for who in ({}, env.h(env.key_a), env.h(env.key_b), env.h(env.key_admin)):
        listing = c.get("/open311/v2/requests.json", params=since, headers=who).json()
        assert listing, who
        check(REQUESTS, listing)
        check(REQUESTS, c.get("/open311/v2/requests.json?status=closed", headers=who).json())
        for rid in data["ids"][:2] if who != env.h(env.key_b) else []:  # B may not read A's cases
            check(REQUESTS, c.get(f"/open311/v2/requests/{rid}.json", headers=who).json())
        feed = c.get("/open311/v2/servicerequestupdates.json", headers=who).json()
        assert feed
        check(UPDATES, feed)
    admin_feed = c.get("/open311/v2/servicerequestupdates.json", headers=env.h(env.key_admin)).json()
    assert {u["status"] for u in admin_feed} == {"open", "closed"}


@pytest.mark.parametrize(
    ("method", "url", "key", "code"),
    [
        ("get", "/open311/v2/services/tidak-ada.{f}", None, 404),
        ("get", "/open311/v2/requests/999999.{f}", None, 404),
        ("get", "/open311/v2/requests/abc.{f}", None, 404),
        ("get", "/open311/v2/tokens/tidak-ada.{f}", None, 404),
        ("get", "/open311/v2/requests.{f}?start_date=kemarin", None, 400),
        ("get", "/open311/v2/requests.{f}?status=hilang", None, 400),
        ("get", "/open311/v2/servicerequestupdates.{f}?after=-1", None, 400),
        ("post", "/open311/v2/requests.{f}", None, 403),
        ("post", "/open311/v2/requests.{f}", "wrong", 403),
        ("post", "/open311/v2/requests.{f}", "a", 400),
        ("post", "/open311/v2/requests.{f}", "admin", 403),  # staff keys do not post cases
        ("get", "/open311/v2/requests/{rid}.{f}", "b", 403),
        ("get", "/open311/v2/requests/{secret}.{f}", None, 404),
    ],
)
def test_errors_are_the_spec_list_in_json_and_xml(
    env: Env, method: str, url: str, key: str | None, code: int
) -> None:
    [mine, secret] = env.post_cases(env.key_a, [make_case(), make_case(rahasia=True)])
    keys = {None: {}, "wrong": env.h("rdk_salah"), "a": env.h(env.key_a), "b": env.h(env.key_b)}
    keys["admin"] = env.h(env.key_admin)
    form = {"service_code": "jalan", "attribute[case_uuid]": str(uuid.uuid4())}
    for fmt in ("json", "xml"):
        target = url.format(f=fmt, rid=mine["service_request_id"], secret=secret["service_request_id"])
        if method == "post":
            body = {"service_code": "tidak-ada"} if key == "a" else form
            r = env.client.post(target, data=body, headers=keys[key])
        else:
            r = env.client.get(target, headers=keys[key])
        assert r.status_code == code, (fmt, r.text)
        if fmt == "json":
            check(ERRORS, r.json())
            assert r.json()[0]["code"] == code
        else:
            root = ET.fromstring(r.content)
            assert root.tag == "errors" and root.findtext("error/code") == str(code)
            assert root.findtext("error/description")


def test_every_xml_answer_parses_with_the_spec_root(env: Env) -> None:
    data = _populate(env)
    rid = data["ids"][0]
    token = data["posted"][0]["token"]
    admin = env.h(env.key_admin)
    expected = {
        "/open311/v2/services.xml": ("services", "service/service_code"),
        "/open311/v2/services/jalan.xml": ("service_definition", "attributes/attribute/code"),
        "/open311/v2/requests.xml": ("service_requests", "request/service_request_id"),
        f"/open311/v2/requests/{rid}.xml": ("service_requests", "request/status"),
        f"/open311/v2/tokens/{token}.xml": ("service_requests", "request/service_request_id"),
        "/open311/v2/servicerequestupdates.xml": ("service_request_updates", "request_update/update_id"),
        "/open311/discovery.xml": ("discovery", "endpoints/endpoint/formats/format"),
    }
    for url, (root_tag, path) in expected.items():
        r = env.client.get(url, headers=admin)
        assert r.status_code == 200 and r.headers["content-type"].startswith("text/xml"), url
        root = ET.fromstring(r.content)
        assert root.tag == root_tag and root.findtext(path), url
    form = {"service_code": "jalan", "attribute[case_uuid]": str(uuid.uuid4())}
    r = env.client.post("/open311/v2/requests.xml", data=form, headers=env.h(env.key_a))
    root = ET.fromstring(r.content)
    assert r.status_code == 201 and root.tag == "service_requests" and root.findtext("request/token")
