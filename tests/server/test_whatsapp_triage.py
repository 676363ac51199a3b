"""WhatsApp cases get the desk's triage: category, urgency and place suggested from the text by the
speech worker (``radio_desk.server_asr``, real triage engine), stored on the case while it is ``baru``,
never over what a person set.  Real server app on SQLite and PostgreSQL.  (Voice notes: the transcript
is triaged, in test_whatsapp_voice.py.)
"""

from __future__ import annotations

import json

from console_helpers import add_console_user, login
from sqlalchemy import select, update
from wa_graph import WaEnv, delivery, text_message, wa

from radio_desk.server.auth import Role
from radio_desk.server.models import RequestUpdate, ServiceRequest
from radio_desk.server.whatsapp.models import WaMessage
from radio_desk.server.whatsapp.suggestions import claim_triage
from radio_desk.server_asr import triage_waiting
from radio_desk.triage.suggest import Suggester

__all__ = ["wa"]
ROAD = (
    "Selamat siang, saya mau lapor jalan di Desa Ngumpakdalem Kecamatan Dander rusak parah, banyak "
    "lubang besar, kemarin ada motor jatuh. Mohon segera diperbaiki."
)


def _triage(wa: WaEnv) -> int:
    return triage_waiting(wa.env.app.state.sessionmaker, wa.env.settings, Suggester())


def test_a_text_message_gets_category_urgency_and_place_suggested(wa: WaEnv) -> None:
    wa.post(delivery(text_message(ROAD, "wamid.tri1")))
    [case] = wa.cases()
    assert (case.service_code, case.opd, case.kecamatan_code) == ("lainnya", "diskominfo", None)
    assert _triage(wa) == 1
    assert _triage(wa) == 0  # done once
    with wa.env.app.state.sessionmaker() as s:
        case = s.get(ServiceRequest, case.id)
        assert case.status == "baru"  # the coordinator still verifies it
        assert (case.service_code, case.opd) == ("jalan", "dpubmpr")
        assert case.urgency == "tinggi"
        assert (case.kecamatan_code, case.desa_code) == ("35.22.06", "35.22.06.2013")
        msg = s.scalar(select(WaMessage))
        assert msg.triage_state == "done" and json.loads(msg.suggestion)["desa_name"] == "Ngumpakdalem"
        [feed] = s.scalars(select(RequestUpdate).where(RequestUpdate.by == "triase server")).all()
        assert feed.description.startswith("Saran triase") and "Ngumpakdalem, Dander" in feed.description
    # the console's case page shows the suggestion in the history
    add_console_user(wa.env.app.state.sessionmaker, "koordinator", Role.COORDINATOR)
    assert login(wa.env.client, "koordinator").status_code == 303
    page = wa.env.client.get(f"/console/aduan/{case.id}").text
    assert "Saran triase" in page and "Ngumpakdalem" in page


def test_a_suggestion_never_overrides_what_a_person_set(wa: WaEnv) -> None:
    wa.post(delivery(text_message(ROAD, "wamid.tri2"), text_message(ROAD, "wamid.tri3")))
    first, second = wa.cases()
    sm = wa.env.app.state.sessionmaker
    with sm() as s:  # someone set the first case's urgency and place; the second was verified
        s.execute(
            update(ServiceRequest)
            .where(ServiceRequest.id == first.id)
            .values(urgency="rendah", kecamatan_code="35.22.01")
        )
        s.commit()
    wa.env.set_status(str(second.id), "terverifikasi")
    assert _triage(wa) == 1
    with sm() as s:
        one, two = s.get(ServiceRequest, first.id), s.get(ServiceRequest, second.id)
        assert one.service_code == "jalan"  # the category was still the line's default
        assert (one.urgency, one.kecamatan_code, one.desa_code) == ("rendah", "35.22.01", None)
        assert (two.service_code, two.urgency, two.kecamatan_code) == ("lainnya", "sedang", None)
        assert all(m.triage_state == "done" for m in s.scalars(select(WaMessage)))


def test_a_message_without_anything_to_go_on_keeps_the_default(wa: WaEnv) -> None:
    wa.post(delivery(text_message("halo", "wamid.tri4")))
    assert _triage(wa) == 0
    [case] = wa.cases()
    assert (case.service_code, case.urgency) == ("lainnya", "sedang")
    assert claim_triage(wa.env.app.state.sessionmaker, wa.env.settings) is None
