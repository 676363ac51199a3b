"""Fill an input-device combo box from PortAudio's list, off the GUI thread."""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QComboBox

from radio_desk.gui.tasks import TaskRunner


def fill_devices(combo: QComboBox, runner: TaskRunner, current: str | None) -> None:
    combo.clear()
    combo.addItem(QCoreApplication.translate("DeviceList", "System default input"), None)
    if current:
        combo.addItem(current, current)
        combo.setCurrentIndex(1)

    def job() -> list[str]:
        from radio_desk.audio.devices import list_input_devices

        return [d.name for d in list_input_devices()]

    def done(names: list[str]) -> None:
        if not shiboken6.isValid(combo):  # the dialog closed before PortAudio answered
            return
        for name in names:
            if combo.findData(name) < 0:
                combo.addItem(name, name)
        if current and combo.findData(current) >= 0:
            combo.setCurrentIndex(combo.findData(current))

    runner.submit(job, done, lambda _e: None)
