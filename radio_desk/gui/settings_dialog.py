"""Settings: station, home regency, time zone, named operators and this desk's role; audio input and
channel mapping, pre-roll; engine / model / language; central server address and key (with a
connection test run off the GUI thread); how long daily backups are kept; interface language.
Wraps ``ui/settings_dialog.ui``."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QDialog, QWidget

from radio_desk.errors import ValidationError
from radio_desk.gui.alive import if_alive
from radio_desk.gui.device_list import fill_devices
from radio_desk.gui.generated.ui_settings_dialog import Ui_SettingsDialog
from radio_desk.gui.i18n import LANGUAGES
from radio_desk.gui.sms.settings_box import add_sms_row
from radio_desk.gui.tasks import TaskRunner
from radio_desk.settings import Settings
from radio_desk.sync.connection_check import ConnectionVerdict, check_connection
from radio_desk.transcribe.engine import LANGUAGES as ASR_LANGUAGES

REGENCIES = {"35.22": "Kabupaten Bojonegoro", "35.13": "Kabupaten Probolinggo"}
DESK_ROLES = {  # who may do what at this desk (services/case_status.py): no login, a setting
    "operator": QT_TRANSLATE_NOOP("SettingsDialog", "Operator (on-air calls)"),
    "editor": QT_TRANSLATE_NOOP("SettingsDialog", "Editor (cases, rundown)"),
    "koordinator": QT_TRANSLATE_NOOP("SettingsDialog", "Coordinator (may reopen a final case)"),
}
TIME_ZONES = {
    "Asia/Jakarta": QT_TRANSLATE_NOOP("SettingsDialog", "WIB (UTC+7, western Indonesia)"),
    "Asia/Makassar": QT_TRANSLATE_NOOP("SettingsDialog", "WITA (UTC+8, central Indonesia)"),
    "Asia/Jayapura": QT_TRANSLATE_NOOP("SettingsDialog", "WIT (UTC+9, eastern Indonesia)"),
}


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.ui = Ui_SettingsDialog()
        self.ui.setupUi(self)
        self.runner = TaskRunner(self, max_threads=1)
        self.changed_keys: set[str] = set()
        ui, s = self.ui, settings
        ui.stationNameEdit.setText(s["station_name"])
        for zone, label in TIME_ZONES.items():
            ui.timezoneCombo.addItem(self.tr(label), zone)
        ui.timezoneCombo.setCurrentIndex(max(0, ui.timezoneCombo.findData(s["timezone"])))
        ui.operatorsEdit.setPlainText("\n".join(s["operators"]))
        self._fill_operators(s["operator_name"])
        ui.operatorsEdit.textChanged.connect(lambda: self._fill_operators(ui.operatorCombo.currentData()))
        for role, label in DESK_ROLES.items():
            ui.deskRoleCombo.addItem(self.tr(label), role)
        ui.deskRoleCombo.setCurrentIndex(max(0, ui.deskRoleCombo.findData(s["desk_role"])))
        ui.backupDaysSpin.setValue(int(s["backup_days"]))
        for code, name in REGENCIES.items():
            ui.regencyCombo.addItem(name, code)
        if ui.regencyCombo.findData(s["home_regency"]) < 0:
            ui.regencyCombo.addItem(s["home_regency"], s["home_regency"])
        ui.regencyCombo.setCurrentIndex(ui.regencyCombo.findData(s["home_regency"]))
        fill_devices(ui.deviceCombo, self.runner, s["audio_device"])
        for code, label in (
            ("mono", self.tr("Mono")),
            ("mix", self.tr("Stereo mixed to mono")),
            ("split", self.tr("Two channels: 1 caller (phone hybrid), 2 host")),
        ):
            ui.channelMapCombo.addItem(label, code)
        ui.channelMapCombo.setCurrentIndex(ui.channelMapCombo.findData(s["channel_map"]))
        ui.prerollSpin.setValue(float(s["preroll_seconds"]))
        for engine in ("faster-whisper", "openai-whisper"):
            ui.engineCombo.addItem(engine, engine)
        ui.engineCombo.setCurrentIndex(ui.engineCombo.findData(s["asr_engine"]))
        ui.modelEdit.setText(s["asr_model"] or "")
        for code, label in ASR_LANGUAGES.items():
            ui.asrLanguageCombo.addItem(label, code)
        ui.asrLanguageCombo.setCurrentIndex(ui.asrLanguageCombo.findData(s["asr_language"]))
        ui.liveCheck.setChecked(bool(s["asr_live"]))
        ui.serverEdit.setText(s["server_url"])
        self._had_key = bool(s.server_key())
        ui.keyEdit.setPlaceholderText(self.tr("(stored)") if self._had_key else "")
        for code, label in LANGUAGES.items():
            ui.uiLanguageCombo.addItem(label, code)
        ui.uiLanguageCombo.setCurrentIndex(ui.uiLanguageCombo.findData(s["ui_language"]))
        ui.testConnectionButton.clicked.connect(self.test_connection)
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        add_sms_row(self)  # SMS at the studio: its own dialog, saved with these settings

    def operator_names(self) -> list[str]:
        return [line.strip() for line in self.ui.operatorsEdit.toPlainText().splitlines() if line.strip()]

    def _fill_operators(self, current: str | None) -> None:
        combo = self.ui.operatorCombo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("(nobody named)"), "")
        for name in self.operator_names():
            combo.addItem(name, name)
        if current and combo.findData(current) < 0:
            combo.addItem(current, current)  # the one on duty stays until changed
        combo.setCurrentIndex(max(0, combo.findData(current or "")))
        combo.blockSignals(False)

    # -- connection test -------------------------------------------------------------------------
    def test_connection(self) -> None:
        """Ask the server (off the GUI thread) with the address and key as typed (else the stored key)."""
        url, typed = self.ui.serverEdit.text().strip(), self.ui.keyEdit.text().strip()
        settings = self.settings
        self.ui.testConnectionButton.setEnabled(False)
        self.ui.connectionResultLabel.setStyleSheet("")
        self.ui.connectionResultLabel.setText(self.tr("Testing the connection…"))

        def job() -> ConnectionVerdict:
            return check_connection(url, typed or settings.server_key())

        self.runner.submit(job, if_alive(self, self._tested), if_alive(self, self._test_failed))

    def _tested(self, verdict: ConnectionVerdict) -> None:
        self.ui.testConnectionButton.setEnabled(True)
        self.ui.connectionResultLabel.setText(verdict.message)
        colour = "#1e7b34" if verdict.ok else "#b42318"
        self.ui.connectionResultLabel.setStyleSheet(f"color: {colour}; font-weight: bold;")
        wanted = self.sizeHint().height()
        if wanted > self.height():  # a long answer: grow rather than cut it off
            self.resize(self.width(), wanted)

    def _test_failed(self, err: object) -> None:
        self.ui.testConnectionButton.setEnabled(True)
        self.ui.connectionResultLabel.setText(self.tr("The connection test failed: %s") % err)

    def values(self) -> dict[str, Any]:
        ui = self.ui
        return {
            "station_name": ui.stationNameEdit.text().strip(),
            "timezone": ui.timezoneCombo.currentData(),
            "operators": self.operator_names(),
            "operator_name": ui.operatorCombo.currentData() or "",
            "desk_role": ui.deskRoleCombo.currentData(),
            "backup_days": ui.backupDaysSpin.value(),
            "home_regency": ui.regencyCombo.currentData(),
            "audio_device": ui.deviceCombo.currentData(),
            "channel_map": ui.channelMapCombo.currentData(),
            "preroll_seconds": ui.prerollSpin.value(),
            "asr_engine": ui.engineCombo.currentData(),
            "asr_model": ui.modelEdit.text().strip() or None,
            "asr_language": ui.asrLanguageCombo.currentData(),
            "asr_live": ui.liveCheck.isChecked(),
            "server_url": ui.serverEdit.text().strip(),
            "ui_language": ui.uiLanguageCombo.currentData(),
            **self.sms_values,
        }

    def accept(self) -> None:
        values = self.values()
        url = values["server_url"]
        if url and not url.startswith(("http://", "https://")):
            self.ui.messageLabel.setText(self.tr("The server address must start with http:// or https://."))
            return
        try:
            old = self.settings.as_dict()
            self.settings.update(values)
            key = self.ui.keyEdit.text().strip()
            if key:
                where = self.settings.set_server_key(key)
                self.changed_keys.add("server_key:" + where)
        except (ValidationError, OSError) as err:
            self.ui.messageLabel.setText(str(err))
            return
        self.changed_keys |= {k for k, v in values.items() if old.get(k) != v}
        super().accept()

    def done(self, result: int) -> None:
        self.runner.wait(5000)  # the device list job must not outlive the dialog
        super().done(result)
