"""Settings dialog and first-start assistant (with its input level test on a virtual device)."""

from __future__ import annotations

import pytest

from radio_desk.gui import first_start
from radio_desk.gui.first_start import FirstStartDialog
from radio_desk.gui.i18n import install_translators
from radio_desk.gui.settings_dialog import SettingsDialog
from radio_desk.settings import Settings


def test_settings_dialog_saves_and_refuses_a_bad_address(qtbot):
    s = Settings()
    d = SettingsDialog(s)
    qtbot.addWidget(d)
    ui = d.ui
    ui.stationNameEdit.setText("Radio Malowopati FM")
    ui.channelMapCombo.setCurrentIndex(ui.channelMapCombo.findData("split"))
    ui.prerollSpin.setValue(15)
    ui.asrLanguageCombo.setCurrentIndex(ui.asrLanguageCombo.findData("jw"))
    ui.serverEdit.setText("aduan.example")
    d.accept()
    assert "http" in ui.messageLabel.text() and d.result() == 0
    assert Settings()["station_name"] == ""  # nothing saved yet
    ui.serverEdit.setText("https://aduan.example")
    ui.keyEdit.setText("rahasia-123")
    ui.uiLanguageCombo.setCurrentIndex(ui.uiLanguageCombo.findData("en"))
    d.accept()
    assert d.result() == 1
    fresh = Settings()
    assert fresh["station_name"] == "Radio Malowopati FM"
    assert fresh["channel_map"] == "split" and fresh["preroll_seconds"] == 15.0
    assert fresh["asr_language"] == "jw" and fresh["ui_language"] == "en"
    assert fresh.server_key() == "rahasia-123"
    assert {"station_name", "channel_map", "ui_language"} <= d.changed_keys


def test_settings_dialog_sets_the_desk_role_in_indonesian(qtbot, qapp):
    """The desk's role (who may reopen a final case) is chosen in the dialog, not only in the file."""
    install_translators(qapp, "id")
    try:
        d = SettingsDialog(Settings())
        qtbot.addWidget(d)
        ui = d.ui
        assert ui.deskRoleLabel.text() == "Peran meja ini"
        assert [ui.deskRoleCombo.itemData(i) for i in range(ui.deskRoleCombo.count())] == [
            "operator",
            "editor",
            "koordinator",
        ]
        assert ui.deskRoleCombo.currentData() == "editor"  # the default
        assert ui.deskRoleCombo.itemText(2).startswith("Koordinator (boleh membuka kembali")
        ui.deskRoleCombo.setCurrentIndex(2)
        d.accept()
    finally:
        install_translators(qapp, "en")
    assert d.result() == 1 and "desk_role" in d.changed_keys
    assert Settings()["desk_role"] == "koordinator"
    again = SettingsDialog(Settings())
    qtbot.addWidget(again)
    assert again.ui.deskRoleCombo.currentData() == "koordinator"


@pytest.mark.slow
def test_first_start_level_test_on_the_input(qtbot, call_device, monkeypatch):
    monkeypatch.setattr(first_start, "TEST_SECONDS", 3.0)  # 1.5 s heard only the 0.5 s lead-in at load 15
    s = Settings()
    d = FirstStartDialog(s)
    qtbot.addWidget(d)
    qtbot.waitUntil(lambda: d.ui.deviceCombo.findData(call_device) >= 0, timeout=5000)
    d.ui.deviceCombo.setCurrentIndex(d.ui.deviceCombo.findData(call_device))
    d.ui.stationNameEdit.setText("Radio Uji")
    d.ui.testButton.click()
    qtbot.waitUntil(
        lambda: d.ui.testButton.isEnabled() and "dBFS" in d.ui.testResultLabel.text(), timeout=15000
    )
    assert d.best_peak > -120
    assert d.verdict(-70).startswith("No signal") and d.verdict(0).startswith("Too loud")
    d.accept()
    fresh = Settings()
    assert (
        fresh["first_run_done"]
        and fresh["audio_device"] == call_device
        and fresh["station_name"] == "Radio Uji"
    )
