"""The status bar: audio input, speech model, sync and free disk, each a label of its own.

Sync figures come from the database (the outbox count), so they are read on a worker every few
seconds; the recorder's snapshot is already in memory and arrives with the 20 Hz status signal.
"""

from __future__ import annotations

import logging
import shutil
from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QPainter, QPaintEvent
from PySide6.QtWidgets import QLabel, QStatusBar, QWidget

from radio_desk.audio.recorder import RecorderStatus
from radio_desk.domain.station_time import clock
from radio_desk.gui.alive import if_alive
from radio_desk.gui.data_labels import model_label
from radio_desk.gui.tasks import TaskRunner

log = logging.getLogger(__name__)

SYNC_POLL_MS = 5000
SHRUNK_WIDTH = 70  # a label's least width: the bar never widens the window past a 1366 px screen


class ShrinkingLabel(QLabel):
    """A one-line label that gives up width when the window is narrow: the text is cut with "…" and
    the whole of it is in the tooltip (unless a tooltip of its own is set)."""

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), SHRUNK_WIDTH), hint.height())

    def setText(self, text: str) -> None:
        if not self.toolTip() or self.toolTip() == self.text():
            self.setToolTip(text)
        super().setText(text)

    def paintEvent(self, event: QPaintEvent) -> None:
        rect = self.contentsRect()
        if self.fontMetrics().horizontalAdvance(self.text()) <= rect.width():
            super().paintEvent(event)
            return
        text = self.fontMetrics().elidedText(self.text(), Qt.TextElideMode.ElideRight, rect.width())
        painter = QPainter(self)
        self.style().drawItemText(
            painter,
            rect,
            int(self.alignment()),
            self.palette(),
            self.isEnabled(),
            text,
            self.foregroundRole(),
        )


class StatusPanel(QWidget):
    """Owns the permanent labels of a :class:`QStatusBar`."""

    def __init__(self, bar: QStatusBar, runner: TaskRunner, data_dir: Path) -> None:
        super().__init__(bar)
        self.bar, self.runner, self.data_dir = bar, runner, data_dir
        self.audio = ShrinkingLabel(self.tr("Audio: opening…"))
        self.model = ShrinkingLabel(self.tr("Speech model: loading…"))
        self.sync = ShrinkingLabel(self.tr("Sync: —"))
        self.disk = ShrinkingLabel("")
        # a call being recorded, seen from every tab (F9 works in the editor too)
        self.recording = QLabel("")
        self.recording.setObjectName("recordingIndicator")
        self.recording.setStyleSheet("color: white; background: #c62828; font-weight: bold; padding: 0 6px;")
        self.recording.hide()
        for label in (self.recording, self.audio, self.model, self.sync, self.disk):
            label.setContentsMargins(6, 0, 6, 0)
            bar.addPermanentWidget(label)
        self.sync_source: Any = None  # callable returning a radio_desk.sync.worker.SyncSnapshot
        self._refused_seen: set[object] = set()  # refused cases already announced in the bar
        self._polling = False
        self.timer = QTimer(self, interval=SYNC_POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()
        self._disk_minutes: float | None = None

    # -- audio -----------------------------------------------------------------------------------
    def set_audio(self, text: str, ok: bool = True) -> None:
        self.audio.setText(text)
        self.audio.setStyleSheet("" if ok else "color: #b42318; font-weight: bold;")

    def on_recorder_status(self, st: RecorderStatus) -> None:
        self.show_recording(st.elapsed_s if st.recording else None)
        if st.device_lost:
            self.set_audio(self.tr("Audio: input lost, reopening…"), ok=False)
        elif st.device:
            self.set_audio(self.tr("Audio: %s (%d Hz)") % (st.device, st.samplerate))
        self._disk_minutes = st.free_disk_minutes

    def show_recording(self, elapsed_s: float | None) -> None:
        """``elapsed_s`` of the call being recorded, or ``None`` when nothing is recorded."""
        if elapsed_s is None:
            self.recording.hide()
            return
        s = int(elapsed_s)
        clock = (
            f"{s // 60:02d}:{s % 60:02d}" if s < 3600 else f"{s // 3600}:{s % 3600 // 60:02d}:{s % 60:02d}"
        )
        text = self.tr("● Recording %s") % clock
        if text != self.recording.text():
            self.recording.setText(text)
        self.recording.show()

    # -- model -----------------------------------------------------------------------------------
    def set_model_state(self, state: str, detail: str) -> None:
        if state == "loading":
            self.model.setText(self.tr("Speech model: loading…"))
            self.model.setStyleSheet("color: #8a6d00;")
        elif state == "ready":
            self.model.setText(self.tr("Speech model: ready (%s)") % model_label(detail))
            self.model.setStyleSheet("color: #1e7b34;")
        else:
            self.model.setText(self.tr("Speech model: failed"))
            self.model.setToolTip(detail)
            self.model.setStyleSheet("color: #b42318; font-weight: bold;")
            self.bar.showMessage(self.tr("Speech model failed to load: %s") % detail, 15000)

    # -- sync and disk ---------------------------------------------------------------------------
    def poll(self) -> None:
        if self._polling:
            return
        self._polling = True
        source, folder = self.sync_source, self.data_dir

        def job() -> tuple[Any, float]:
            snap = source() if source is not None else None
            try:
                free = shutil.disk_usage(folder).free
            except OSError:
                free = -1
            return snap, free

        self.runner.submit(job, if_alive(self, self._polled), if_alive(self, self._poll_failed))

    def _poll_failed(self, err: object) -> None:
        self._polling = False
        log.warning("status poll failed: %s", err)

    def _polled(self, result: tuple[Any, float]) -> None:
        self._polling = False
        snap, free = result
        if snap is not None:
            self._show_sync(snap)
        if free >= 0:
            gb = free / 1e9
            text = self.tr("Disk: %.1f GB free") % gb
            if self._disk_minutes is not None:
                text += self.tr(" (~%d h of recording)") % int(self._disk_minutes // 60)
            self.disk.setText(text)
            low = self._disk_minutes is not None and self._disk_minutes < 30
            self.disk.setStyleSheet("color: #b42318; font-weight: bold;" if low else "")

    def _show_sync(self, snap: Any) -> None:
        last = snap.last_success
        when = clock(last) if isinstance(last, datetime) else self.tr("never")
        state = self.tr("online") if snap.online else self.tr("offline")
        if snap.busy:
            state = self.tr("syncing")
        text = self.tr("Sync: %s, %d waiting, last %s") % (state, snap.pending, when)
        if not snap.online and not snap.busy and snap.retry_in is not None:
            text += self.tr(", next try in %d s") % round(snap.retry_in)
        refused = list(snap.refused)
        tip = snap.message
        if refused:
            # which case and why, right where the operator looks: the label, its tooltip, and once per
            # newly refused case a message in the bar
            text += self.tr(", %n not accepted", "", len(refused))
            tip += "\n\n" + "\n".join(self.tr("Not sent: %s") % r.describe() for r in refused)
            new = [r for r in refused if (r.case_id, r.at) not in self._refused_seen]
            if new:
                self.bar.showMessage(self.tr("Not sent: %s") % new[0].describe(), 30000)
            self._refused_seen = {(r.case_id, r.at) for r in refused}
        self.sync.setText(text)
        self.sync.setToolTip(tip)
        self.sync.setStyleSheet("color: #b42318; font-weight: bold;" if refused else "")
