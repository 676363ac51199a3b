"""The first-start assistant: station name, audio input (with a 5-second level test), language.
Wraps ``ui/first_start.ui``.  The test opens its own short-lived recorder off the GUI thread."""

from __future__ import annotations

import time

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDialog, QWidget

from radio_desk.audio.error_text import audio_error_text
from radio_desk.audio.recorder import Recorder
from radio_desk.gui.device_list import fill_devices
from radio_desk.gui.generated.ui_first_start import Ui_FirstStartDialog
from radio_desk.gui.i18n import LANGUAGES
from radio_desk.gui.tasks import TaskRunner
from radio_desk.settings import Settings

TEST_SECONDS = 5.0


class FirstStartDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.ui = Ui_FirstStartDialog()
        self.ui.setupUi(self)
        self.runner = TaskRunner(self, max_threads=1)
        self.recorder: Recorder | None = None
        self.best_peak = -120.0
        self.test_ends = 0.0
        ui = self.ui
        # the count comes from the form itself, so the text stays true when a question is added
        ui.introLabel.setText(self.intro_text(ui.firstForm.rowCount()))
        ui.stationNameEdit.setText(settings["station_name"])
        ui.stationNameEdit.textChanged.connect(lambda _t: ui.messageLabel.clear())
        fill_devices(ui.deviceCombo, self.runner, settings["audio_device"])
        for code, label in LANGUAGES.items():
            ui.uiLanguageCombo.addItem(label, code)
        ui.uiLanguageCombo.setCurrentIndex(ui.uiLanguageCombo.findData(settings["ui_language"]))
        ui.testButton.clicked.connect(self.start_test)
        ui.buttonBox.accepted.connect(self.accept)
        ui.buttonBox.rejected.connect(self.reject)
        self.timer = QTimer(self, interval=50)
        self.timer.timeout.connect(self._tick)

    # -- level test ------------------------------------------------------------------------------
    def start_test(self) -> None:
        if self.recorder is not None:
            return
        device = self.ui.deviceCombo.currentData()
        self.ui.testButton.setEnabled(False)
        self.ui.testResultLabel.setText(self.tr("Opening the input… speak or play something."))
        self.best_peak = -120.0
        self.runner.submit(lambda: Recorder(device, preroll_seconds=1.0).open(), self._opened, self._failed)

    def _opened(self, rec: Recorder) -> None:
        self.recorder = rec
        self.test_ends = time.monotonic() + TEST_SECONDS
        self.timer.start()

    def _failed(self, err: object) -> None:
        self.ui.testButton.setEnabled(True)
        self.ui.testResultLabel.setText(self.tr("The input could not be opened: %s") % audio_error_text(err))

    def _tick(self) -> None:
        rec = self.recorder
        if rec is None:
            return
        st = rec.status()
        self.ui.levelMeter.set_levels(st.peak_dbfs, st.rms_dbfs, st.clipping)
        if st.peak_dbfs:
            self.best_peak = max(self.best_peak, max(st.peak_dbfs))
        left = self.test_ends - time.monotonic()
        if left > 0:
            self.ui.testResultLabel.setText(self.tr("Listening… %d s") % (int(left) + 1))
            return
        self.timer.stop()
        self.recorder = None
        self.runner.submit(rec.close)
        self.ui.testButton.setEnabled(True)
        self.ui.testResultLabel.setText(self.verdict(self.best_peak))

    def verdict(self, peak: float) -> str:
        if peak < -50:
            return self.tr("No signal (peak %.0f dBFS): check the mixer and the cable.") % peak
        if peak >= -0.5:
            return self.tr("Too loud (peak %.0f dBFS, clipping): turn the input down.") % peak
        return self.tr("Good level (peak %.0f dBFS).") % peak

    def intro_text(self, questions: int) -> str:
        return self.tr(
            "Welcome to Radio Desk. Answer %n question(s) and the desk is ready; "
            "everything can be changed later in Settings.",
            "",
            questions,
        )

    def accept(self) -> None:
        if not self.ui.stationNameEdit.text().strip():
            # the name is on every report, rundown and case the server receives: it cannot be left out
            self.ui.messageLabel.setText(
                self.tr("Fill in the station name first (for example Radio Malowopati FM).")
            )
            self.ui.stationNameEdit.setFocus()
            return
        self.settings.update(
            {
                "station_name": self.ui.stationNameEdit.text().strip(),
                "audio_device": self.ui.deviceCombo.currentData(),
                "ui_language": self.ui.uiLanguageCombo.currentData(),
                "first_run_done": True,
            }
        )
        super().accept()

    def done(self, result: int) -> None:
        self.timer.stop()
        if self.recorder is not None:
            rec, self.recorder = self.recorder, None
            self.runner.submit(rec.close)
        self.runner.wait(5000)
        super().done(result)
