"""Mail to the OPDs through a real SMTP server (aiosmtpd on a free port): the notice of a forward, the
reminder a day before the follow-up deadline (once), and no personal data in either."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator
from datetime import timedelta
from email import message_from_bytes
from email.message import Message

import pytest
from aiosmtpd.controller import Controller
from server_helpers import Env, make_case
from sqlalchemy import select

from radio_desk.server import notify
from radio_desk.server.accounts import add_account
from radio_desk.server.auth import Role
from radio_desk.server.deadlines import FOLLOW_UP_DAYS


class Inbox:
    def __init__(self) -> None:
        self.messages: list[Message] = []

    async def handle_DATA(self, server, session, envelope):  # type: ignore[no-untyped-def]
        msg = message_from_bytes(envelope.content)
        msg["X-Envelope-To"] = ", ".join(envelope.rcpt_tos)
        self.messages.append(msg)
        return "250 OK"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def smtp() -> Iterator[tuple[Inbox, int]]:
    inbox, port = Inbox(), _free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield inbox, port
    finally:
        controller.stop()


def test_forward_notice_and_deadline_reminder(env: Env, smtp: tuple[Inbox, int]) -> None:
    inbox, port = smtp
    env.settings.smtp_host, env.settings.smtp_port = "127.0.0.1", port
    env.settings.smtp_from = "radio-desk@diskominfo.example.go.id"
    env.settings.public_base_url = "https://lapor.example.go.id"
    with env.app.state.sessionmaker() as s:
        add_account(s, "pu-budi", Role.OPD, "dpubmpr", "budi@pu.example.go.id")
        add_account(s, "pu-tanpa-surel", Role.OPD, "dpubmpr")
        add_account(s, "dinkes-ani", Role.OPD, "dinkes", "ani@dinkes.example.go.id")
    [case] = env.post_cases(env.key_a, [make_case(caller_name="Bu Sri", phone="+6281234567890")])
    rid = case["service_request_id"]
    env.set_status(rid, "terverifikasi")
    assert inbox.messages == []  # verifying mails nobody
    env.set_status(rid, "diteruskan", opd="dpubmpr", note="Mohon survei minggu ini")
    assert len(inbox.messages) == 1
    notice = inbox.messages[0]
    assert notice["X-Envelope-To"] == "budi@pu.example.go.id"  # only the OPD it was forwarded to
    assert f"#{rid}" in notice["Subject"]
    body = notice.get_payload(decode=True).decode("utf-8")
    assert "Mohon survei minggu ini" in body and f"https://lapor.example.go.id/console/aduan/{rid}" in body
    assert "Bu Sri" not in body and "812345" not in body

    # the reminder: nothing while the deadline is far, one mail within the last day, never twice
    cal = env.app.state.calendar
    with env.app.state.sessionmaker() as s:
        from radio_desk.server.models import ServiceRequest

        forwarded = s.get(ServiceRequest, int(rid)).forwarded_at
        due = cal.add_working_days(forwarded, FOLLOW_UP_DAYS)
        assert notify.send_reminders(s, env.settings, cal, now=forwarded + timedelta(hours=1)) == 0
        assert notify.send_reminders(s, env.settings, cal, now=due - timedelta(hours=12)) == 1
        assert notify.send_reminders(s, env.settings, cal, now=due - timedelta(hours=6)) == 0
    assert len(inbox.messages) == 2
    reminder = inbox.messages[1]
    assert "Pengingat" in reminder["Subject"] and reminder["X-Envelope-To"] == "budi@pu.example.go.id"
    assert "Bu Sri" not in reminder.get_payload(decode=True).decode("utf-8")


def test_mail_is_off_by_default(env: Env, smtp: tuple[Inbox, int]) -> None:
    inbox, _port = smtp
    with env.app.state.sessionmaker() as s:
        add_account(s, "pu-budi", Role.OPD, "dpubmpr", "budi@pu.example.go.id")
    [case] = env.post_cases(env.key_a, [make_case()])
    env.set_status(case["service_request_id"], "terverifikasi")
    env.set_status(case["service_request_id"], "diteruskan", opd="dpubmpr")
    assert inbox.messages == []
    out = subprocess.run(
        [sys.executable, "-m", "radio_desk.server.cli", "notify", "--database", env.settings.database_url],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert out.returncode == 0 and "Surel mati" in out.stdout


def test_a_mail_that_cannot_go_is_logged_and_tried_again_next_round(
    env: Env, smtp: tuple[Inbox, int]
) -> None:
    from radio_desk.server.models import AuditEntry, ServiceRequest

    inbox, port = smtp
    env.settings.smtp_host, env.settings.smtp_port = "127.0.0.1", _free_port()  # nothing listens there
    with env.app.state.sessionmaker() as s:
        add_account(s, "pu-budi", Role.OPD, "dpubmpr", "budi@pu.example.go.id")
    [case] = env.post_cases(env.key_a, [make_case()])
    rid = case["service_request_id"]
    env.set_status(rid, "terverifikasi")
    env.set_status(rid, "diteruskan", opd="dpubmpr")  # the forward stands though its notice failed
    cal = env.app.state.calendar
    with env.app.state.sessionmaker() as s:
        due = cal.add_working_days(s.get(ServiceRequest, int(rid)).forwarded_at, FOLLOW_UP_DAYS)
        assert notify.send_reminders(s, env.settings, cal, now=due - timedelta(hours=12)) == 0
        actions = {a for a in s.scalars(select(AuditEntry.action)) if a in ("surel", "pengingat")}
        assert actions == set()  # nothing recorded as sent
        env.settings.smtp_port = port
        assert notify.send_reminders(s, env.settings, cal, now=due - timedelta(hours=11)) == 1
    assert len(inbox.messages) == 1 and "Pengingat" in inbox.messages[0]["Subject"]
