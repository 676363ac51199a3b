"""Status replies after Meta's 24-hour window: the approved template instead of free-form text.

Real server app on SQLite and PostgreSQL; the local Graph API server refuses a late text with 131047
as Meta does and checks each template against its "approved" list (name, language, parameters).
"""

from __future__ import annotations

import json
import time
from datetime import timedelta

import pytest
from sqlalchemy import update
from wa_graph import TEXT, WaEnv, delivery, text_message, wa

from radio_desk.errors import ValidationError
from radio_desk.server.models import utcnow
from radio_desk.server.whatsapp.models import WaMessage
from radio_desk.server.whatsapp.settings import WhatsAppSettings

__all__ = ["wa"]
TEMPLATES = {"terverifikasi": "aduan_terverifikasi", "diteruskan": "aduan_diteruskan",
             "diproses": "aduan_diproses", "selesai": "aduan_selesai"}  # fmt: skip
APPROVED = {"aduan_terverifikasi": 1, "aduan_diteruskan": 2, "aduan_diproses": 2, "aduan_selesai": 3}
REPORTER = "6281234567890"


def _posts(wa: WaEnv) -> int:
    return sum(1 for method, path, _ in wa.graph.requests if method == "POST" and path.endswith("/messages"))


def _arrived(wa: WaEnv, body: str, mid: str) -> str:
    """A message that arrives now (ticket sent as text); the case number."""
    wa.graph.enforce_window, wa.graph.approved = True, dict(APPROVED)
    wa.env.settings.whatsapp.templates = dict(TEMPLATES)
    wa.post(delivery(text_message(body, mid, ts=str(int(time.time())))))
    assert wa.round().sent == 1 and wa.graph.sent[-1]["type"] == "text"  # the ticket, inside the window
    return str(wa.cases()[-1].id)


def _time_passes(wa: WaEnv, hours: float, *, server_knows: bool = True) -> None:
    """The reporter's last message ``hours`` ago, for Meta and (unless not) in the server's records."""
    wa.graph.last_inbound[REPORTER] = time.time() - hours * 3600
    if server_knows:
        with wa.env.app.state.sessionmaker() as s:
            s.execute(update(WaMessage).values(sent_at=utcnow() - timedelta(hours=hours)))
            s.commit()


def _template(doc: dict) -> tuple[str, str, list[str]]:
    t = doc["template"]
    [body] = t["components"]
    assert body["type"] == "body" and all(p["type"] == "text" for p in body["parameters"])
    return t["name"], t["language"]["code"], [p["text"] for p in body["parameters"]]


def test_inside_the_window_a_status_is_free_form_text(wa: WaEnv) -> None:
    rid = _arrived(wa, TEXT, "wamid.win1")
    _time_passes(wa, 23)
    wa.env.set_status(rid, "terverifikasi")
    assert wa.round().sent == 1
    assert wa.graph.sent[-1]["type"] == "text" and "diverifikasi" in wa.graph.sent[-1]["text"]["body"]


def test_outside_the_window_the_status_goes_as_its_template_at_once(wa: WaEnv) -> None:
    rid = _arrived(wa, TEXT, "wamid.win2")
    _time_passes(wa, 25)
    before = _posts(wa)
    wa.env.set_status(rid, "terverifikasi")
    wa.env.set_status(rid, "diteruskan", opd="dpubmpr")  # two changes in one read: the latest is told
    assert wa.round().sent == 1
    assert _posts(wa) == before + 1  # no text tried first: the server knew the window had closed
    doc = wa.graph.sent[-1]
    assert (doc["messaging_product"], doc["to"], doc["type"]) == ("whatsapp", REPORTER, "template")
    name, language, params = _template(doc)
    assert (name, language) == ("aduan_diteruskan", "id")
    assert params[0] == rid and "Pekerjaan Umum" in params[1]
    [_, status] = wa.outbox()
    assert status.sent_at is not None and status.wa_reply_id and status.gave_up_at is None


def test_meta_saying_131047_to_a_text_gets_the_template_in_the_same_round(wa: WaEnv) -> None:
    rid = _arrived(wa, TEXT, "wamid.win3")
    _time_passes(wa, 30, server_knows=False)  # the server's clock says open, Meta says closed
    before = _posts(wa)
    wa.env.set_status(rid, "terverifikasi")
    assert wa.round().sent == 1
    assert _posts(wa) == before + 2  # the text, refused; then the template
    assert _template(wa.graph.sent[-1]) == ("aduan_terverifikasi", "id", [rid])
    assert wa.outbox()[-1].sent_at is not None and wa.outbox()[-1].error is None


def test_a_status_without_a_template_is_kept_as_given_up_with_the_reason(wa: WaEnv) -> None:
    rid = _arrived(wa, TEXT, "wamid.win4")
    _time_passes(wa, 25)
    wa.env.set_status(rid, "terverifikasi")
    wa.round()
    wa.env.set_status(rid, "ditolak", note="Bukan aduan.")
    assert wa.round().sent == 0  # no template for ditolak: the text is tried and refused
    item = wa.outbox()[-1]
    assert item.gave_up_at is not None and item.sent_at is None
    assert "131047" in item.error and "templat status ditolak tidak diatur" in item.error


@pytest.mark.parametrize("rahasia", [False, True])
def test_the_follow_up_parameter_is_masked_one_line_and_never_private(wa: WaEnv, rahasia: bool) -> None:
    text = ("#rahasia " if rahasia else "") + TEXT
    rid = _arrived(wa, text, f"wamid.win5{rahasia}")
    _time_passes(wa, 48)
    wa.env.set_status(rid, "terverifikasi")
    wa.env.set_status(rid, "diteruskan", opd="dpubmpr")  # two changes in one read: the latest is told
    wa.env.set_status(rid, "selesai", note="Lampu diganti Rabu.\n\nInfo Bu Sri 081298765432.")
    assert wa.round().sent == 1
    name, _, params = _template(wa.graph.sent[-1])
    assert name == "aduan_selesai" and params[:2] == [rid, params[1]] and "Pekerjaan Umum" in params[1]
    if rahasia:
        assert params[2] == "-"
    else:
        assert params[2].startswith("Lampu diganti Rabu. Info") and "0812****432" in params[2]
    sent = json.dumps(wa.graph.sent[-1])
    for private in ("Bu Sri", "081298765432", "Veteran", "lapor-kanda"):
        assert private not in sent


def test_template_names_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RADIO_DESK_WHATSAPP_TEMPLATES", "diteruskan=aduan_diteruskan, selesai=aduan_selesai")
    monkeypatch.setenv("RADIO_DESK_WHATSAPP_TEMPLATE_SELESAI", "aduan_selesai_v2")
    ws = WhatsAppSettings.from_env()
    assert ws.templates == {"diteruskan": "aduan_diteruskan", "selesai": "aduan_selesai_v2"}
    assert ws.template_language == "id"
    monkeypatch.setenv("RADIO_DESK_WHATSAPP_TEMPLATES", "dibuang=aduan_dibuang")
    with pytest.raises(ValidationError, match="tidak punya templat WhatsApp"):
        WhatsAppSettings.from_env()
    monkeypatch.setenv("RADIO_DESK_WHATSAPP_TEMPLATES", "selesai")
    with pytest.raises(ValidationError, match="status=nama_templat"):
        WhatsAppSettings.from_env()
    monkeypatch.delenv("RADIO_DESK_WHATSAPP_TEMPLATES")
    monkeypatch.setenv("RADIO_DESK_WHATSAPP_TEMPLATE_SELESAI", "Aduan Selesai")
    with pytest.raises(ValidationError, match="tidak sah"):
        WhatsAppSettings.from_env()
