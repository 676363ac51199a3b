"""The "SMS masuk" tab against a real Gammu SMS daemon (files backend, dummy phone): messages the
daemon receives appear in the list, open in the On-Air form as SMS cases and leave the list when saved
(the ticket reply lands in the outbox and is sent), or are discarded with a reason; nothing that
arrives while the desk is closed is lost."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt

from radio_desk.domain import Case, Channel
from radio_desk.domain.sms import SmsState
from radio_desk.store import open_store
from tests.support.smsd import Smsd

LONG = (
    "Selamat pagi, saya mau lapor jalan di Desa Sukorejo Kecamatan Bojonegoro rusak parah, banyak lubang "
    "besar dan kalau hujan jadi kubangan, sudah ada pengendara motor yang jatuh minggu lalu. Mohon segera "
    "diperbaiki oleh dinas pekerjaan umum, anak-anak sekolah lewat situ setiap pagi sebelum matahari terbit. "
    "Terima kasih banyak, semoga cepat ditangani."
)


@pytest.fixture
def smsd(tmp_path: Path) -> Any:
    daemon = Smsd(tmp_path / "smsd")
    yield daemon
    daemon.stop()


def _settings(smsd: Smsd, **extra: Any) -> dict[str, Any]:
    return {
        "sms_inbox_dir": str(smsd.inbox), "sms_outbox_dir": str(smsd.outbox), "sms_replies": True,
        "station_name": "Radio Malowopati", **extra,
    }  # fmt: skip


def test_sms_from_the_daemon_becomes_a_case_or_is_discarded(make_window, qtbot, smsd: Smsd, tmp_path: Path):
    with open_store(tmp_path / "radio-desk.sqlite3") as store:  # the number reported once before
        store.cases.create(
            Case(
                channel=Channel.ON_AIR, phone="+6281298765432", received_at=datetime(2026, 11, 2, tzinfo=UTC)
            )
        )
    parts = smsd.receive("081298765432", LONG)
    assert parts == 3
    smsd.receive("081333444555", "Promo pulsa murah hubungi kami")
    smsd.start()
    smsd.wait_received(parts + 1)

    w = make_window(settings=_settings(smsd))
    sms, desk = w.sms, w.desk
    panel = sms.panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=15000)
    tab = w.ui.tabs.indexOf(panel)
    assert w.ui.tabs.tabText(tab) == "Incoming SMS (2)"
    by_sender = {panel.model.data(panel.model.index(r, 1)): r for r in range(2)}
    row = by_sender["081298765432"]
    assert panel.model.message_at(row).text == LONG  # three parts, joined
    assert panel.model.data(panel.model.index(row, 4)) == "1 time(s)"  # repeat-reporter hint

    # Enter on the message: the On-Air form holds it as an SMS case, suggestions as for a call
    panel.table.setFocus()
    panel.table.selectRow(row)
    qtbot.keyClick(panel.table, Qt.Key.Key_Return)
    assert w.ui.tabs.currentIndex() == 0
    ui = desk.ui
    assert desk.form.channel is Channel.SMS
    assert ui.phoneEdit.text() == "081298765432" and ui.notesEdit.toPlainText() == LONG
    qtbot.waitUntil(lambda: "before" in ui.phoneHintLabel.text(), timeout=5000)
    qtbot.waitUntil(lambda: desk.form.suggestion is not None, timeout=20000)
    desk.accept_suggestion()
    assert desk.form.category == "jalan"
    desk.save()
    msg = panel.model.message_at(row)
    qtbot.waitUntil(lambda: w.services.store.cases.find(msg.case_id) is not None, timeout=5000)
    case = w.services.store.cases.get(msg.case_id)
    assert (case.channel, case.phone, case.category) == (Channel.SMS, "+6281298765432", "jalan")
    assert case.received_at == msg.received_at
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=5000)
    assert w.ui.tabs.tabText(tab) == "Incoming SMS (1)"

    # the ticket number goes back through the daemon
    qtbot.waitUntil(lambda: bool(smsd.sent_files()), timeout=30000)
    (sent,) = smsd.sent_files()
    text = (smsd.sent / sent).read_bytes().decode("utf-16")
    assert f"TEST-FM-{msg.case_id.hex[:8].upper()}" in text and "Sukorejo" not in text

    # the advertisement is discarded, with a reason
    w.ui.tabs.setCurrentIndex(tab)
    panel.discardButton.click()
    assert "why" in panel.messageLabel.text()  # no reason: nothing discarded
    assert panel.model.rowCount() == 1
    panel.reasonEdit.setText("iklan pulsa")
    qtbot.keyClick(panel.reasonEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0, timeout=5000)
    (kept,) = w.services.store.sms.list([SmsState.DISCARDED])
    assert (kept.sender, kept.discard_reason) == ("081333444555", "iklan pulsa")
    assert w.ui.tabs.tabText(tab) == "Incoming SMS"

    # a message arriving now shows up without a restart
    smsd.receive("081234000111", "Air PDAM mati sejak kemarin di Kecamatan Kapas")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=30000)


def test_messages_received_while_the_desk_was_closed_are_there_at_start(make_window, qtbot, smsd: Smsd):
    smsd.start()
    w = make_window(settings=_settings(smsd, sms_replies=False))
    qtbot.waitUntil(lambda: "Reading the Gammu SMSD inbox" in w.sms.panel.stateLabel.text(), timeout=5000)
    w.close()
    n = smsd.receive("081234000222", "Lampu jalan mati di Desa Ngumpak")
    n += smsd.receive("081234000333", LONG)
    smsd.wait_received(n)
    w2 = make_window(settings=_settings(smsd, sms_replies=False))
    panel = w2.sms.panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 2, timeout=15000)
    assert sorted(m.text for m in panel.model.rows) == sorted(["Lampu jalan mati di Desa Ngumpak", LONG])


def test_sms_settings_are_checked_and_saved_with_the_settings_dialog(qtbot, tmp_path: Path) -> None:
    from PySide6.QtWidgets import QPushButton

    from radio_desk.gui.settings_dialog import SettingsDialog
    from radio_desk.gui.sms.settings_box import SmsSettingsDialog, current
    from radio_desk.settings import Settings

    s = Settings(tmp_path / "settings.json")
    assert s["sms_replies"] is False  # off by default
    sub = SmsSettingsDialog(current(s))
    qtbot.addWidget(sub)
    sub.inboxEdit.setText(str(tmp_path / "inbox"))
    sub.repliesCheck.setChecked(True)
    sub.accept()
    assert "outbox" in sub.messageLabel.text() and not sub.result_values  # replies need the outbox
    sub.outboxEdit.setText(str(tmp_path / "outbox"))
    sub.savedEdit.setPlainText("Halo {nama}, tiket {tiket}")
    sub.accept()
    assert "{nama}" in sub.messageLabel.text() and not sub.result_values  # a private field: refused
    sub.savedEdit.setPlainText("Tiket Anda {tiket}. {stasiun}")
    sub.accept()
    assert sub.result_values["sms_reply_saved_template"] == "Tiket Anda {tiket}. {stasiun}"

    d = SettingsDialog(s)
    qtbot.addWidget(d)
    assert d.findChild(QPushButton, "smsSettingsButton") is not None
    d.sms_values = sub.result_values
    d.accept()
    again = Settings(tmp_path / "settings.json")
    assert again["sms_outbox_dir"] == str(tmp_path / "outbox") and again["sms_replies"] is True
    assert {"sms_inbox_dir", "sms_replies", "sms_reply_saved_template"} <= d.changed_keys


def test_indonesian_sms_tab(make_window, qapp) -> None:
    from radio_desk.gui.i18n import install_translators

    loaded = install_translators(qapp, "id")
    try:
        assert "sms_id.qm" in loaded
        w = make_window(start=False)
        panel = w.sms.panel
        assert w.ui.tabs.tabText(w.ui.tabs.indexOf(panel)) == "SMS masuk"
        assert panel.discardButton.text() == "Buang"
        assert panel.model.headerData(4, Qt.Orientation.Horizontal) == "Pernah lapor"
        assert panel.stateLabel.text().startswith("SMS: folder inbox Gammu SMSD belum diatur")
    finally:
        install_translators(qapp, "en")


def test_setting_the_inbox_later_reads_it_and_ctrl3_shows_the_tab(make_window, qtbot, smsd: Smsd):
    n = smsd.receive("081234000444", "Pohon tumbang menutup jalan di Desa Kedungrejo")
    smsd.start()
    smsd.wait_received(n)
    w = make_window()
    panel = w.sms.panel
    assert "no Gammu SMSD inbox" in panel.stateLabel.text() and panel.model.rowCount() == 0
    w.services.settings.update({"sms_inbox_dir": str(smsd.inbox)})
    w.apply_settings({"sms_inbox_dir"})
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=15000)
    assert w.sms.watcher.fs.directories() == [str(smsd.inbox)]  # watched from now on
    assert w.sms.action.shortcut().toString() == "Ctrl+3"
    w.sms.action.trigger()
    assert w.ui.tabs.currentWidget() is panel


def test_an_sms_in_the_form_survives_a_restart_and_is_confirmed_when_saved(make_window, qtbot, smsd: Smsd):
    n = smsd.receive("081234000555", "Jembatan bambu di Dusun Krajan putus terbawa arus")
    smsd.start()
    smsd.wait_received(n)
    w = make_window(settings=_settings(smsd, sms_replies=False))
    panel = w.sms.panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=15000)
    msg = panel.model.message_at(0)
    earlier = w.services.store.cases.create(Case(channel=Channel.ON_AIR, summary="Kasus lama"))
    w.desk.open_case(earlier)  # the form is editing a saved case: the SMS does not push it aside
    panel.open_row(0)
    assert w.desk.editing is not None and w.desk.form_call is None
    assert "editing a saved case" in panel.messageLabel.text()
    w.desk.new_form()
    panel.open_row(0)
    assert w.desk.form_call is not None and w.desk.form_call.case_id == msg.case_id
    w.desk.drafts.runner.wait(5000)
    w.close()  # the form was not saved: its draft holds the SMS case
    w2 = make_window(settings=_settings(smsd, sms_replies=False))
    desk = w2.desk
    qtbot.waitUntil(lambda: desk.form_call is not None, timeout=10000)
    assert desk.form_call.case_id == msg.case_id and desk.ui.phoneEdit.text() == "081234000555"
    qtbot.waitUntil(lambda: w2.sms.panel.model.rowCount() == 1, timeout=10000)  # still waiting
    desk.save()
    qtbot.waitUntil(lambda: w2.sms.panel.model.rowCount() == 0, timeout=10000)
    (done,) = w2.services.store.sms.list([SmsState.CONFIRMED])
    assert done.case_id == msg.case_id
    assert w2.services.store.cases.get(msg.case_id).channel is Channel.SMS


def test_the_most_urgent_message_comes_first_and_a_long_backlog_says_so(qtbot, tmp_path: Path, monkeypatch):
    from radio_desk.gui import sms as sms_gui
    from radio_desk.gui.sms.panel import SmsPanel
    from radio_desk.gui.tasks import TaskRunner
    from radio_desk.store.sms import NewSms

    monkeypatch.setattr(sms_gui.panel, "SHOWN", 3)
    with open_store(tmp_path / "desk.sqlite3") as store:
        rows = [
            ("sedang", "Sampah belum diangkut"), ("darurat", "Banjir masuk rumah, ada lansia terjebak"),
            ("tinggi", "Kabel listrik putus menjuntai"), ("rendah", "Taman kota kotor"),
        ]  # fmt: skip
        store.sms.add(
            NewSms(f"IN20261203_0800{n:02d}_00_0812345678{n:02d}", (), f"0812345678{n:02d}", None, text, 1,
                   datetime(2026, 12, 3, 1, n, tzinfo=UTC), {"evidence": True, "urgency": urg})
            for n, (urg, text) in enumerate(rows)
        )  # fmt: skip
        panel = SmsPanel(store, TaskRunner(synchronous=True), lambda: "Rina")
        qtbot.addWidget(panel)
        panel.refresh()
        assert [m.text for m in panel.model.rows] == [
            "Banjir masuk rumah, ada lansia terjebak",
            "Kabel listrik putus menjuntai",
            "Sampah belum diangkut",
        ]  # fmt: skip  (the oldest three, the emergency first)
        assert panel.countLabel.isVisibleTo(panel) and "3 of 4" in panel.countLabel.text()
