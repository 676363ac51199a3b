"""The desk's recording controls: the record button (F9), the call's state and its clock, the
input's name and warnings and the level meter, all following the :class:`RecorderController`.
A call starts and stops here; the :class:`CallBook` says which form it belongs to, its transcript
is :class:`CallTranscripts`' and its recording row is stored as it starts and when it ends."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from radio_desk.audio.recorder import RecorderStatus, fmt_clock
from radio_desk.audio.stream import AudioSubscription
from radio_desk.domain import Recording
from radio_desk.services.calls import Call, store_recording, store_stopped_recording

if TYPE_CHECKING:
    from radio_desk.gui.onair.desk import OnAirDesk

RECORDING_STYLE = "background: #c62828; color: white; font-weight: bold;"


class RecordingControls(QObject):
    def __init__(self, desk: OnAirDesk) -> None:
        super().__init__(desk)
        self.desk, self.ui, self.recorder = desk, desk.ui, desk.recorder
        rc = self.recorder
        self.ui.recordButton.clicked.connect(self.toggle)
        rc.started.connect(self._on_started)
        rc.stopped.connect(self._on_stopped)
        rc.failed.connect(self._on_failed)
        # the input: its name, what is wrong with it, its level
        self.ui.prerollLabel.setText(self.tr("Pre-roll: %d s") % int(desk.settings["preroll_seconds"]))
        rc.opened.connect(self._on_opened)
        rc.open_failed.connect(self._on_open_failed)
        rc.status_changed.connect(self._on_status)

    # -- start and stop ----------------------------------------------------------------------
    def toggle(self) -> None:
        if self.recorder.recording:
            self.stop_call()
        else:
            self.start_call()
        self.ui.recordButton.setChecked(self.recorder.recording or self.desk.live_call is not None)

    def start_call(self) -> None:
        desk, ui = self.desk, self.ui
        if self.recorder.recorder is None:
            desk.status_message.emit(self.tr("No audio input: check Settings → Audio input."))
            ui.audioWarningLabel.setText(self.tr("No audio input open: the call cannot be recorded."))
            return
        call = Call()
        if not self.recorder.start(call.case_id):
            return
        desk.book.start(call)
        ui.callStateLabel.setText(self.tr("Starting…"))
        desk.update_call_labels()

    def stop_call(self) -> None:
        if self.recorder.stop():
            self.ui.callStateLabel.setText(self.tr("Stopping…"))

    def _on_started(self, rec: Recording, sub: AudioSubscription) -> None:
        desk, ui = self.desk, self.ui
        call = desk.book.started(rec)
        ui.recordButton.setChecked(True)
        ui.recordButton.setText(self.tr("Stop (F9)"))
        ui.recordButton.setStyleSheet(RECORDING_STYLE)
        ui.callStateLabel.setText(self.tr("● Recording"))
        desk.transcripts.begin(call, rec, sub)
        store = desk.store
        desk.runner.submit(lambda: store_recording(store, rec), None, desk.store_error)
        desk.drafts.save()

    def _on_stopped(self, rec: Recording) -> None:
        desk, ui = self.desk, self.ui
        call = desk.book.stopped(rec)
        ui.recordButton.setChecked(False)
        ui.recordButton.setText(self.tr("Record (F9)"))
        ui.recordButton.setStyleSheet("")
        ui.callStateLabel.setText(self.tr("Listening"))
        if call is None:
            return
        store = desk.store
        desk.runner.submit(lambda: store_stopped_recording(store, call), None, desk.store_error)
        desk.transcripts.end(call, rec)
        if desk.form_call is not call:
            desk.transcripts.show(desk.form_call)
        desk.update_call_labels()
        desk.drafts.save()

    def _on_failed(self, reason: str) -> None:
        self.ui.audioWarningLabel.setText(reason)
        self.desk.status_message.emit(reason)
        if not self.recorder.recording:
            self.desk.book.start_failed()  # a call that never started goes
        self.ui.recordButton.setChecked(self.recorder.recording)
        self.desk.update_call_labels()

    # -- the input ---------------------------------------------------------------------------
    def _on_opened(self, device: str) -> None:
        self.ui.deviceLabel.setText(self.tr("Input: %s") % device)
        self.ui.audioWarningLabel.setText("")

    def _on_open_failed(self, reason: str) -> None:
        self.ui.deviceLabel.setText(self.tr("Input: none"))
        self.ui.audioWarningLabel.setText(
            self.tr("Audio input not available: %s Choose another input in Settings (Ctrl+,).") % reason
        )

    def _on_status(self, st: RecorderStatus) -> None:
        self.ui.levelMeter.set_levels(st.peak_dbfs, st.rms_dbfs, st.clipping)
        if st.recording:
            self.ui.elapsedLabel.setText(fmt_clock(st.elapsed_s))
        text = " ".join(st.messages())
        if text != self.ui.audioWarningLabel.text():
            self.ui.audioWarningLabel.setText(text)
