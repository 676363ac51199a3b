"""The WhatsApp line: Meta's webhook (signature, verification), messages → cases in the console's queue,
idempotent retries, replies through a local server speaking the Cloud API's JSON, privacy.

Real server app, real SQLite and PostgreSQL (the ``env`` fixture), a real HTTP server as Graph API.
The voice notes, transcribed with the real model, are in test_whatsapp_voice.py.
"""

from __future__ import annotations

import json
import logging
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from console_helpers import add_console_user, login
from fastapi.testclient import TestClient
from server_helpers import Env
from sqlalchemy import select, update
from wa_graph import PHONE_ID, SECRET, TEXT, TOKEN, VERIFY, WaEnv, delivery, text_message, wa

from radio_desk.server.auth import Role
from radio_desk.server.models import utcnow
from radio_desk.server.whatsapp.models import WaMessage, WaOutbox
from radio_desk.server.whatsapp.signature import sign
from tests.support.wait import wait_until

__all__ = ["wa"]  # the fixture


def test_verification_get_answers_the_challenge_only_with_the_token(wa: WaEnv, caplog) -> None:  # type: ignore[no-untyped-def]
    c = wa.env.client
    ok = {"hub.mode": "subscribe", "hub.verify_token": VERIFY, "hub.challenge": "1158201444"}
    r = c.get("/webhooks/whatsapp", params=ok)
    assert r.status_code == 200 and r.text == "1158201444"
    assert r.headers["content-type"].startswith("text/plain")
    with caplog.at_level(logging.WARNING, "radio_desk.server.security"):
        assert c.get("/webhooks/whatsapp", params=ok | {"hub.verify_token": "salah"}).status_code == 403
        assert c.get("/webhooks/whatsapp", params=ok | {"hub.mode": "unsubscribe"}).status_code == 403
        assert c.get("/webhooks/whatsapp").status_code == 403
        wa.env.settings.whatsapp.verify_token = None
        assert c.get("/webhooks/whatsapp", params=ok).status_code == 403
    ours = "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("radio_desk"))
    assert "wrong verify token" in ours
    assert "salah" not in ours and VERIFY not in ours  # the client's own request log may show them


def test_signature_is_checked_over_the_raw_body(wa: WaEnv, caplog) -> None:  # type: ignore[no-untyped-def]
    doc = delivery(text_message(TEXT, "wamid.sig1"))
    with caplog.at_level(logging.WARNING, "radio_desk.server.security"):
        assert wa.post(doc, secret=None).status_code == 403
        assert wa.post(doc, secret="rahasia-lain").status_code == 403
        body = json.dumps(doc).encode()  # signed, then one byte changed
        r = wa.env.client.post(
            "/webhooks/whatsapp",
            content=body.replace(b"Senin", b"Selasa"),
            headers={"X-Hub-Signature-256": sign(SECRET, body), "Content-Type": "application/json"},
        )
        assert r.status_code == 403
    assert wa.cases() == []
    assert caplog.text.count("X-Hub-Signature-256") == 3
    for private in (SECRET, "Veteran", "6281234567890", "Bu Sri"):
        assert private not in caplog.text
    assert wa.post(doc).status_code == 200
    assert len(wa.cases()) == 1


def test_text_message_becomes_a_case_in_the_verification_queue(wa: WaEnv) -> None:
    r = wa.post(delivery(text_message(TEXT, "wamid.HBgLNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjA=")))
    assert r.status_code == 200
    [case] = wa.cases()
    assert (case.channel, case.status) == ("whatsapp", "baru")
    assert (case.service_code, case.opd) == ("lainnya", "diskominfo")
    assert case.description == TEXT
    assert (case.phone, case.caller_name) == ("+6281234567890", "Bu Sri")
    assert case.station.name == "lapor-kanda-wa" and case.station.role == "station"
    assert case.requested_datetime.timestamp() == 1764732000
    # the coordinator's queue lists it
    add_console_user(wa.env.app.state.sessionmaker, "koordinator", Role.COORDINATOR)
    assert login(wa.env.client, "koordinator").status_code == 303
    page = wa.env.client.get("/console/")
    assert page.status_code == 200
    assert "Lampu jalan di Jl. Veteran" in page.text and "lapor-kanda-wa" in page.text
    assert "WhatsApp" in wa.env.client.get(f"/console/aduan/{case.id}").text
    # the ticket goes out in the documented shape, with the bearer token
    result = wa.round()
    assert result.sent == 1
    [msg] = wa.graph.sent
    assert msg["messaging_product"] == "whatsapp" and msg["to"] == "6281234567890"
    assert msg["type"] == "text" and f"nomor tiket {case.id}" in msg["text"]["body"]
    assert ("POST", f"/v23.0/{PHONE_ID}/messages", f"Bearer {TOKEN}") in wa.graph.requests
    assert wa.outbox()[0].wa_reply_id == "wamid.keluar.1"
    assert wa.round().sent == 0  # sent once


def test_a_retried_delivery_makes_no_second_case_and_no_second_ticket(wa: WaEnv) -> None:
    doc = delivery(text_message(TEXT, "wamid.retry1"), text_message("Air PDAM keruh.", "wamid.retry2"))
    for _ in range(3):
        assert wa.post(doc).status_code == 200
    # the same message again in another delivery, with a status receipt beside it
    receipt = {"id": "wamid.keluar.1", "status": "read"}
    again = delivery(text_message(TEXT, "wamid.retry1"), statuses=[receipt])
    assert wa.post(again).status_code == 200
    assert [c.description for c in wa.cases()] == [TEXT, "Air PDAM keruh."]
    wa.round()
    assert len(wa.graph.sent) == 2
    with wa.env.app.state.sessionmaker() as s:
        assert len(s.scalars(select(WaMessage)).all()) == 2


@pytest.mark.parametrize(
    "doc",
    [
        {"object": "whatsapp_business_account", "entry": "bukan daftar"},
        {"entry": [{"changes": [{"value": {"contacts": [{"profile": "x", "wa_id": 5}], "messages": "x"}}]}]},
        {"entry": [{"changes": [{"value": {"messages": [{"id": 1, "from": None, "type": "text"}]}}]}]},
        {
            "entry": [
                {
                    "changes": [
                        {
                            "value": {
                                "messages": [
                                    {
                                        "id": "wamid.x",
                                        "from": "62",
                                        "type": "text",
                                        "text": "bukan objek",
                                        "timestamp": "kemarin",
                                    }
                                ]
                            }
                        }
                    ]
                }
            ]
        },
        [1, 2, 3],
    ],
)
def test_odd_payloads_are_answered_200_without_a_case(wa: WaEnv, doc) -> None:  # type: ignore[no-untyped-def]
    assert wa.post(doc).status_code == 200
    assert wa.cases() == []


def test_concurrent_retries_of_one_message_make_one_case(wa: WaEnv) -> None:
    """Meta may deliver the same message again while the first delivery is still being answered."""
    doc = delivery(text_message(TEXT, "wamid.race1"))
    barrier = threading.Barrier(4)

    def deliver() -> int:
        with TestClient(wa.env.app) as client:  # its own connection per thread
            barrier.wait()
            return wa.post(doc, client=client).status_code

    with ThreadPoolExecutor(4) as pool:
        codes = list(pool.map(lambda _: deliver(), range(4)))
    assert codes == [200] * 4
    assert len(wa.cases()) == 1 and len(wa.outbox()) == 1
    wa.round()  # whatever the four servers' workers left
    assert len(wa.graph.sent) == 1  # claimed by one worker only


def test_status_receipts_alone_make_nothing(wa: WaEnv) -> None:
    doc = delivery(statuses=[{"id": "wamid.keluar.1", "status": "delivered", "timestamp": "1764732100",
                              "recipient_id": "6281234567890"}])  # fmt: skip
    assert wa.post(doc).status_code == 200
    assert wa.post({"object": "whatsapp_business_account", "entry": "bukan daftar"}).status_code == 200
    assert wa.cases() == [] and wa.outbox() == []


def test_reporter_hears_each_status_and_the_follow_up_never_private_details(wa: WaEnv) -> None:
    wa.post(delivery(text_message(TEXT, "wamid.status1")))
    [case] = wa.cases()
    rid = str(case.id)
    wa.round()
    wa.env.set_status(rid, "terverifikasi")
    wa.round()
    wa.env.set_status(rid, "diteruskan", opd="dpubmpr")
    wa.round()
    wa.env.set_status(rid, "diproses", note="Tim dijadwalkan Rabu.")
    wa.env.set_status(rid, "selesai", note="Lampu diganti Rabu. Info Bu Sri 081298765432.")
    wa.round()  # two changes in one read: only the latest is told
    bodies = [m["text"]["body"] for m in wa.graph.sent]
    assert len(bodies) == 4, bodies
    assert "diverifikasi" in bodies[1]
    assert "diteruskan" in bodies[2] and "Pekerjaan Umum" in bodies[2]
    assert "selesai" in bodies[3] and "Lampu diganti Rabu" in bodies[3]
    assert all(m["to"] == "6281234567890" for m in wa.graph.sent)
    for body in bodies:  # no name, no number, no summary
        assert "Bu Sri" not in body and "081298765432" not in body and "Veteran" not in body
    assert "0812****432" in bodies[3]
    wa.env.set_status(rid, "diproses", note="Dibuka lagi.")
    wa.env.set_status(rid, "selesai", note="Sudah.")
    wa.round()
    assert len(wa.graph.sent) == 4  # each status once per case


def test_failed_sends_are_retried_and_refusals_kept(wa: WaEnv, caplog) -> None:  # type: ignore[no-untyped-def]
    wa.graph.fail_sends = [(500, {"error": {"message": "Service unavailable", "code": 2}})] * 2
    wa.post(delivery(text_message(TEXT, "wamid.fail1")))
    with caplog.at_level(logging.WARNING, "radio_desk.server.whatsapp"):
        assert wa.round().sent == 0
    [item] = wa.outbox()
    assert item.sent_at is None and item.attempts == 1 and item.next_attempt_at > utcnow()
    assert "HTTP 500" in item.error
    assert wa.round().sent == 0  # not due yet: nothing sent, no attempt
    assert wa.outbox()[0].attempts == 1

    def make_due() -> None:
        with wa.env.app.state.sessionmaker() as s:
            s.execute(update(WaOutbox).values(next_attempt_at=utcnow() - timedelta(seconds=1)))
            s.commit()

    make_due()
    assert wa.round().sent == 0  # second failure
    make_due()
    assert wa.round().sent == 1
    assert wa.outbox()[0].attempts == 3 and wa.outbox()[0].sent_at is not None
    # Meta refuses a message for good (outside the 24-hour window): kept, marked, not retried
    wa.graph.fail_sends = [(400, {"error": {"message": "Re-engagement message", "code": 131047}})]
    wa.post(delivery(text_message("Sampah menumpuk.", "wamid.fail2")))
    wa.round()
    refused = wa.outbox()[1]
    assert refused.gave_up_at is not None and refused.sent_at is None and "131047" in refused.error
    assert "6281234567890" not in caplog.text and "Bu Sri" not in caplog.text


def test_anonim_and_rahasia_tags(wa: WaEnv) -> None:
    wa.post(delivery(text_message("#anonim #rahasia Ada pungli di kantor desa Kapas.", "wamid.priv1")))
    [case] = wa.cases()
    assert case.anonim and case.rahasia
    assert case.description == "Ada pungli di kantor desa Kapas."
    assert case.phone == "+6281234567890"  # kept, for staff only
    c = wa.env.client
    assert c.get("/open311/v2/requests.json").json() == []  # rahasia: not public
    assert c.get(f"/open311/v2/requests/{case.id}.json").status_code == 404
    staff = c.get(f"/open311/v2/requests/{case.id}.json", headers=wa.env.h(wa.env.key_admin)).json()[0]
    assert staff["phone"] == "+6281234567890"
    # forwarded to an OPD: the OPD acts on it without the anonymous reporter's identity
    wa.env.set_status(str(case.id), "terverifikasi")
    wa.env.set_status(str(case.id), "diteruskan", opd="inspektorat")
    add_console_user(wa.env.app.state.sessionmaker, "insp", Role.OPD, "inspektorat")
    assert login(c, "insp").status_code == 303
    page = c.get(f"/console/aduan/{case.id}").text
    assert "pungli" in page and "Bu Sri" not in page and "81234567890" not in page
    wa.round()
    assert all("pungli" not in m["text"]["body"] for m in wa.graph.sent)
    wa.env.set_status(str(case.id), "selesai", note="Oknum sudah diperiksa.")
    wa.round()
    assert "Tindak lanjut" not in wa.graph.sent[-1]["text"]["body"]  # rahasia: no follow-up via Meta


def test_other_message_types_get_a_hint_and_no_case(wa: WaEnv) -> None:
    image = {"from": "6281234567890", "id": "wamid.img1", "timestamp": "1764732000", "type": "image",
             "image": {"id": "1234", "mime_type": "image/jpeg", "sha256": "x"}}  # fmt: skip
    wa.post(delivery(image))
    wa.post(delivery(image))
    assert wa.cases() == []
    wa.round()
    [msg] = wa.graph.sent
    assert "hanya menerima pesan teks dan pesan suara" in msg["text"]["body"]


def test_not_configured_line_refuses(env: Env) -> None:
    env.settings.whatsapp.app_secret = None
    body = json.dumps(delivery(text_message(TEXT, "wamid.off"))).encode()
    r = env.client.post("/webhooks/whatsapp", content=body, headers={"X-Hub-Signature-256": sign("x", body)})
    assert r.status_code == 404


def test_the_server_runs_the_worker_and_a_webhook_wakes_it(wa: WaEnv) -> None:
    wa.env.settings.whatsapp.poll_seconds = 30.0  # only the wake-up can make it quick
    with TestClient(wa.env.app) as client:
        assert wa.post(delivery(text_message(TEXT, "wamid.live1")), client=client).status_code == 200
        wait_until(lambda: wa.graph.sent, timeout=10, what="the ticket sent by the server's own worker")
    assert "nomor tiket" in wa.graph.sent[0]["text"]["body"]
