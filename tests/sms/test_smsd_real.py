"""The desk against a real Gammu SMS daemon (gammu-smsd, files backend, dummy phone driver)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from radio_desk.domain import Case, Channel, Status
from radio_desk.domain.sms import SmsState
from radio_desk.services.gammu_files import write_outbox
from radio_desk.services.sms import SmsConfig, SmsGateway
from radio_desk.store import Store, open_store
from radio_desk.triage.suggest import Suggester
from tests.support.smsd import Smsd

LONG = (
    "Selamat pagi, saya mau lapor lampu penerangan jalan umum di depan balai desa mati sudah dua minggu, "
    "jalannya gelap sekali kalau malam dan sudah ada motor yang jatuh karena lubang tidak kelihatan. "
    "Mohon segera diperbaiki oleh dinas terkait, anak-anak sekolah lewat situ tiap pagi sebelum subuh. "
    "Terima kasih banyak."
)
assert 306 < len(LONG) <= 459  # three SMS parts


def gateway(store: Store, smsd: Smsd, **kw: object) -> SmsGateway:
    cfg = SmsConfig(inbox=smsd.inbox, outbox=smsd.outbox, station_name="Radio Malowopati", **kw)  # type: ignore[arg-type]
    return SmsGateway(store, cfg, settle_s=0)


def test_messages_received_by_smsd_wait_in_the_list_multipart_joined(smsd: Smsd, store: Store) -> None:
    smsd.receive("+6281234567890", "Jalan di Desa Kalitidu rusak parah, banyak lubang")
    smsd.receive("081298765432", LONG)
    smsd.receive("TELKOMSEL", "Sisa pulsa Anda Rp 5.000")
    smsd.start()
    files = smsd.wait_received(5)  # 1 + 3 parts + 1
    assert sum("_081298765432_" in f for f in files) == 3

    suggester = Suggester(regency_code="35.22")
    report = gateway(store, smsd).import_new(suggester.suggest)

    assert report.problems == []
    by_sender = {m.sender: m for m in report.new}
    assert set(by_sender) == {"+6281234567890", "081298765432", "TELKOMSEL"}
    long = by_sender["081298765432"]
    assert (long.text, long.parts, long.phone) == (LONG, 3, "+6281298765432")
    assert by_sender["TELKOMSEL"].phone is None  # a network's name, not a number: no phone on the case
    road = by_sender["+6281234567890"]
    assert road.triage is not None and road.triage["category"] == "jalan"
    assert all(m.state is SmsState.WAITING for m in report.new)
    assert [m.sender for m in store.sms.list()] == [m.sender for m in report.new]


@pytest.mark.parametrize("inbox_format", ["detail", "standard"])
def test_other_inbox_formats(tmp_path: Path, store: Store, inbox_format: str) -> None:
    smsd = Smsd(tmp_path / "smsd", inbox_format=inbox_format)
    try:
        smsd.receive("081298765432", LONG)
        smsd.receive("081333444555", "Banjir di Kecamatan Kanor, air masuk rumah warga")
        smsd.start()
        smsd.wait_received(2 if inbox_format == "detail" else 4)  # detail: one file per message
        new = gateway(store, smsd).import_new().new
    finally:
        smsd.stop()
    assert sorted(m.text for m in new) == sorted([LONG, "Banjir di Kecamatan Kanor, air masuk rumah warga"])


def test_nothing_lost_or_doubled_while_the_desk_is_closed(smsd: Smsd, tmp_path: Path) -> None:
    db = tmp_path / "desk.sqlite3"
    smsd.start()
    smsd.receive("081234567001", "Sampah menumpuk di pasar")
    smsd.wait_received(1)
    with open_store(db) as store:
        assert len(gateway(store, smsd).import_new().new) == 1
    # the desk is closed: two more arrive
    smsd.receive("081234567002", "Air PDAM mati tiga hari")
    smsd.receive("081234567003", LONG)
    smsd.wait_received(5)
    with open_store(db) as store:  # the next start imports what came meanwhile, and only that
        g = gateway(store, smsd)
        assert sorted(m.sender for m in g.import_new().new) == ["081234567002", "081234567003"]
        assert g.import_new().new == []
        assert len(store.sms.list()) == 3


def _save_case_for(store: Store, msg_case_id, phone: str) -> Case:  # type: ignore[no-untyped-def]
    case = Case(
        id=msg_case_id, station="malowopati", channel=Channel.SMS, phone=phone, caller_name="Bu Sulastri",
        summary="Lampu jalan mati di depan balai desa", notes="rumah no. 12 RT 03",
    )  # fmt: skip
    return store.cases.create(case, by="operator")


def test_replies_land_in_the_outbox_and_the_daemon_sends_them(smsd: Smsd, store: Store) -> None:
    smsd.start()
    smsd.receive("081298765432", LONG)
    smsd.wait_received(3)
    g = gateway(store, smsd, replies=True, station_code="mlw")
    (msg,) = g.import_new().new
    assert g.write_replies().written == []  # not confirmed yet: nothing goes out

    _save_case_for(store, msg.case_id, "+6281298765432")
    (confirmed,) = g.confirm_saved(by="operator")
    assert confirmed.state is SmsState.CONFIRMED
    (name,) = g.write_replies().written
    assert name.startswith("OUTB") and "_+6281298765432_" in name
    sent = smsd.wait_sent(name)  # the daemon took it from the outbox and sent it through the phone
    text = sent.read_bytes().decode("utf-16")
    ticket = f"MLW-{msg.case_id.hex[:8].upper()}"
    assert text == (
        f"Terima kasih, laporan Anda sudah kami terima dengan nomor tiket {ticket}. "
        "Salam dari Radio Malowopati."
    )
    assert "Transmitted " + name in smsd.log.read_text()
    for private in ("Sulastri", "balai desa", "RT 03"):
        assert private not in text
    assert g.write_replies().written == []  # once

    # the OPD closes the case on the server; its follow-up reaches the desk
    at = datetime.now(UTC)
    store.cases.apply_remote_status(msg.case_id, Status.DITERUSKAN, at=at, by="server")
    assert g.write_replies().written == []  # forwarded is not closed
    store.cases.apply_remote_status(
        msg.case_id, Status.SELESAI, at=at + timedelta(seconds=1), by="DPUPR",
        note="Lampu sudah diganti petugas DPUPR.",
    )  # fmt: skip
    (closed,) = g.write_replies().written
    text = smsd.wait_sent(closed).read_bytes().decode("utf-16")
    assert text == (
        f"Laporan {ticket}: Selesai. Lampu sudah diganti petugas DPUPR. Terima kasih - Radio Malowopati."
    )
    assert g.write_replies().written == []
    assert [k for k, _, _ in store.sms.replies(msg.case_id)] == ["saved", "closed"]


def test_replies_are_off_by_default_and_a_station_closing_sends_nothing(smsd: Smsd, store: Store) -> None:
    from radio_desk.settings import Settings

    cfg = SmsConfig.from_settings(Settings(smsd.root / "settings.json"))
    assert cfg.replies is False and not cfg.replying
    smsd.receive("081298765432", "Jembatan di Desa Ngasem retak")
    smsd.start()
    smsd.wait_received(1)
    g = gateway(store, smsd)  # replies off
    (msg,) = g.import_new().new
    _save_case_for(store, msg.case_id, "+6281298765432")
    g.confirm_saved()
    g.config = SmsConfig(inbox=smsd.inbox, outbox=smsd.outbox, replies=True)  # turned on afterwards
    assert g.write_replies().written == []  # confirmed while replies were off: no ticket, no follow-up
    assert list(smsd.outbox.iterdir()) == []


def test_ticket_reply_waits_for_the_server_number(smsd: Smsd, store: Store) -> None:
    smsd.receive("081298765432", "Jembatan di Desa Ngasem retak")
    smsd.start()
    smsd.wait_received(1)
    g = gateway(store, smsd, replies=True, server_configured=True)
    (msg,) = g.import_new().new
    _save_case_for(store, msg.case_id, "+6281298765432")
    g.confirm_saved()
    assert g.write_replies().written == []  # the case has not reached the server yet
    store.cases.mark_synced(msg.case_id, revision=1, remote_id="4711")
    (name,) = g.write_replies().written
    assert "nomor tiket 4711." in smsd.wait_sent(name).read_bytes().decode("utf-16")


def test_ticket_reply_falls_back_to_the_station_reference(smsd: Smsd, store: Store) -> None:
    smsd.receive("081298765432", "Jembatan di Desa Ngasem retak")
    smsd.start()
    smsd.wait_received(1)
    g = gateway(store, smsd, replies=True, server_configured=True, station_code="mlw")
    (msg,) = g.import_new().new
    _save_case_for(store, msg.case_id, "+6281298765432")
    g.confirm_saved()
    later = datetime.now(UTC) + timedelta(minutes=11)  # the server did not answer in time
    (name,) = g.write_replies(now=later).written
    assert f"MLW-{msg.case_id.hex[:8].upper()}" in (smsd.outbox / name).read_bytes().decode("utf-16")


def test_outbox_file_is_written_as_gammu_smsd_inject_writes_it(smsd: Smsd) -> None:
    text = "Laporan RD-1234: Selesai. Jalan sudah ditambal. Terima kasih – Radio Malowopati."
    injected = smsd.inject("081298765432", text)
    ours = write_outbox(smsd.root, "OUTB20261203_101500_00_081298765432_radiodesk.txt", text)
    assert ours.read_bytes() == (smsd.outbox / injected).read_bytes()
