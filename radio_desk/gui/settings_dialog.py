"""Settings: audio input and channel mapping, pre-roll, engine / model / language, station and home
regency, central server address and key, interface language.  Wraps ``ui/settings_dialog.ui``."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QDialog, QWidget

from radio_desk.errors import ValidationError
from radio_desk.gui.device_list import fill_devices
from radio_desk.gui.generated.ui_settings_dialog import Ui_SettingsDialog
from radio_desk.gui.i18n import LANGUAGES
from radio_desk.gui.sms.settings_box import add_sms_row
from radio_desk.gui.tasks import TaskRunner
from radio_desk.settings import Settings
from radio_desk.transcribe.engine import LANGUAGES as ASR_LANGUAGES

REGENCIES = {"35.22": "Kabupaten Bojonegoro", "35.13": "Kabupaten Probolinggo"}


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
        ui.operatorEdit.setText(s["operator_name"])
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
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        add_sms_row(self)  # SMS at the studio: its own dialog, saved with these settings

    def values(self) -> dict[str, Any]:
        ui = self.ui
        return {
            "station_name": ui.stationNameEdit.text().strip(),
            "operator_name": ui.operatorEdit.text().strip(),
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
