"""The SMS tables (migration 0006), the Gammu file formats and the gateway's rules, without a daemon."""

from __future__ import annotations

import os
import sqlite3
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest

from radio_desk.domain.sms import SmsState, check_template, render_reply
from radio_desk.errors import ValidationError
from radio_desk.services.gammu_files import (
    decode_smsbackup,
    outbox_name,
    parse_inbox_name,
)
from radio_desk.services.sms import SmsConfig, SmsGateway, form_values
from radio_desk.settings import Settings
from radio_desk.store import Store, migrate, open_store
from radio_desk.store.sms import NewSms
from tests.store.schema_steps import downgrade, store_at


def _new(smsd_id: str = "IN20261203_081500_00_081234567890", **kw: object) -> NewSms:
    values: dict[str, object] = dict(
        smsd_id=smsd_id, files=(smsd_id + "_00.txt",), sender="081234567890", phone="+6281234567890",
        text="Jalan rusak", parts=1, received_at=datetime(2026, 12, 3, 1, 15, tzinfo=UTC),
    )  # fmt: skip
    values.update(kw)
    return NewSms(**values)  # type: ignore[arg-type]


def test_upgrade_from_0005_adds_the_sms_tables_and_downgrades(tmp_path: Path) -> None:
    path = tmp_path / "v5.sqlite3"
    store_at(
        path,
        "0005",
        "INSERT INTO cases (id, station, received_at, channel, urgency, summary, notes, status,"
        " created_at, updated_at, place_text) VALUES ('6f1c2b8e-0000-4000-8000-000000000006', 'fm',"
        " '2026-11-02 03:04:05.000000', 'sms', 'sedang', 'Lampu jalan mati', '', 'baru',"
        " '2026-11-02 03:04:05.000000', '2026-11-02 03:04:05.000000', '')",
    )
    with open_store(path) as store:
        assert store.revision() == migrate.head_revision()
        assert len(store.cases.list()) == 1
        assert len(store.sms.add([_new()])) == 1
    downgrade(path, "0005")
    con = sqlite3.connect(path)
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    con.close()
    assert "sms_messages" not in tables and "cases" in tables


def test_a_message_is_imported_once(store: Store) -> None:
    assert len(store.sms.add([_new(), _new()])) == 1
    assert store.sms.add([_new()]) == []
    assert store.sms.known_ids() == {"IN20261203_081500_00_081234567890"}


def test_discard_needs_a_reason_and_keeps_the_message(store: Store) -> None:
    (msg,) = store.sms.add([_new()])
    with pytest.raises(ValidationError, match="alasan"):
        store.sms.discard(msg.id, "   ")
    done = store.sms.discard(msg.id, "iklan pulsa", by="Rina")
    assert (done.state, done.discard_reason, done.decided_by) == (SmsState.DISCARDED, "iklan pulsa", "Rina")
    assert store.sms.list() == []
    (kept,) = store.sms.list([SmsState.DISCARDED])
    assert kept.text == "Jalan rusak"
    with pytest.raises(ValidationError, match="sudah diproses"):
        store.sms.discard(msg.id, "lagi")


def test_repeat_reporter_hint_counts_earlier_cases_from_the_number(store: Store) -> None:
    from radio_desk.domain import Case, Channel

    for day in (1, 2):
        store.cases.create(
            Case(channel=Channel.SMS, phone="+6281234567890", received_at=datetime(2026, 12, day, tzinfo=UTC))
        )
    (msg,) = store.sms.add([_new()])
    assert store.sms.list()[0].earlier_cases == 2
    assert msg.earlier_cases == 0  # the add itself does not count


def test_gammu_inbox_names() -> None:
    info = parse_inbox_name("IN20021130_021531_00_+45409000931640979_00.txt")
    assert info is not None
    assert (info.message_id, info.sender, info.part) == (
        "IN20021130_021531_00_+45409000931640979", "+45409000931640979", 0,
    )  # fmt: skip
    assert info.received_at == datetime(2002, 11, 30, 2, 15, 31)
    for other in ("OUT+4201234567890.txt", "IN2002_x.txt", ".IN20021130_021531_00_1_00.txt.tmp", "notes.txt"):
        assert parse_inbox_name(other) is None


def test_smsbackup_parts_follow_their_concatenation_header() -> None:
    def section(n: int, udh: str, text: str) -> str:
        return (
            f'[SMSBackup00{n}]\nNumber = "0812"\nUDH = {udh}\nCoding = Default_No_Compression\n'
            f"Text00 = {text.encode('utf-16-be').hex().upper()}\n\n"
        )

    data = ("; Gammu\n" + section(0, "050003BF0202", "dunia") + section(1, "050003BF0201", "halo ")).encode()
    assert sorted(decode_smsbackup(data)) == [(1, "halo "), (2, "dunia")]


def test_unreadable_file_is_left_and_named_once(tmp_path: Path, store: Store) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    bad = inbox / "IN20261203_081500_00_081234567890_00.txt"
    bad.write_bytes(b"[SMSBackup000]\nText00 = not hex\n")
    (inbox / "IN20261203_081501_00_081234567891_00.txt").write_text("Banjir", encoding="utf-8")
    g = SmsGateway(store, SmsConfig(inbox=inbox), settle_s=0)
    report = g.import_new()
    assert [m.text for m in report.new] == ["Banjir"]
    assert len(report.problems) == 1 and bad.name in report.problems[0]
    assert bad.exists()
    assert g.import_new().problems == []  # reported once, not at every pass


def test_a_message_still_being_written_waits_for_the_next_pass(tmp_path: Path, store: Store) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    part = inbox / "IN20261203_081500_00_081234567890_00.txt"
    part.write_text("Bagian pertama ", encoding="utf-8")
    now = time.time()
    os.utime(part, (now, now))
    g = SmsGateway(store, SmsConfig(inbox=inbox), settle_s=1.0, clock=lambda: now + 0.2)
    report = g.import_new()
    assert (report.new, report.waiting_files) == ([], 1)
    (inbox / "IN20261203_081500_00_081234567890_01.txt").write_text("bagian kedua", encoding="utf-8")
    g.clock = lambda: time.time() + 2
    (msg,) = g.import_new().new
    assert (msg.text, msg.parts) == ("Bagian pertama bagian kedua", 2)


def test_missing_inbox_folder_is_a_message_not_a_crash(tmp_path: Path, store: Store) -> None:
    report = SmsGateway(store, SmsConfig(inbox=tmp_path / "nope")).import_new()
    assert report.new == [] and "tidak terbaca" in report.problems[0]


def test_templates_name_only_public_fields() -> None:
    with pytest.raises(ValidationError, match=r"\{nama\}"):
        check_template("Halo {nama}, laporan {tiket} diterima")
    with pytest.raises(ValidationError, match="berpasangan"):
        check_template("Laporan {tiket")
    with pytest.raises(ValidationError):
        Settings(Path("/nonexistent/settings.json"))["sms_reply_saved_template"] = "Alamat {alamat}"
    text = render_reply("Laporan {tiket}: {status}. {tindak_lanjut}", tiket="17", status="Selesai",
                        tindak_lanjut="x" * 600)  # fmt: skip
    assert len(text) == 459 and text.endswith("\u2026")


def test_outbox_names_are_what_gammu_reads() -> None:
    when = datetime(2026, 12, 3, 8, 15, 0)
    assert outbox_name("+6281234567890", when, "radiodesk1a2b") == (
        "OUTB20261203_081500_00_+6281234567890_radiodesk1a2b.txt"
    )
    with pytest.raises(ValueError):
        outbox_name("TELKOMSEL", when, "x")


def test_form_values_put_a_non_number_sender_in_the_notes(store: Store) -> None:
    (msg,) = store.sms.add([_new(sender="TELKOMSEL", phone=None, text="Pulsa")])
    assert form_values(msg)["phone"] == "" and form_values(msg)["notes"] == "Pengirim: TELKOMSEL\nPulsa"
    (num,) = store.sms.add([_new(smsd_id="IN20261203_081500_01_0812")])
    assert form_values(num)["phone"] == "081234567890"
