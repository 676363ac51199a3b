"""Who is on duty: a quick switch in the status bar (every tab) among the station's named operators
(Settings → Operators).  Not a login: it names the person that saves, edits and changes statuses, in
the case history, the status events sent to the server and the reports (``operator_name``)."""

from __future__ import annotations

from PySide6.QtWidgets import QComboBox, QLabel, QStatusBar, QWidget

from radio_desk.gui.tasks import TaskRunner
from radio_desk.settings import Settings


def bar_row_height(label: QLabel) -> int:
    """Height of a control that must not make the status bar taller than its text labels."""
    return label.fontMetrics().height() + 6


class OperatorSwitch(QWidget):
    def __init__(self, bar: QStatusBar, settings: Settings, runner: TaskRunner) -> None:
        super().__init__(bar)
        self.settings, self.runner = settings, runner
        self.label = QLabel(self.tr("On duty:"))
        self.combo = QComboBox()
        self.combo.setObjectName("operatorSwitch")
        self.combo.setToolTip(
            self.tr("Who is on duty: edits and status changes are recorded under this name")
        )
        self.combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.combo.setMaximumHeight(bar_row_height(self.label))  # the status bar stays one text line high
        bar.addPermanentWidget(self.label)
        bar.addPermanentWidget(self.combo)
        self.refresh()
        self.combo.activated.connect(self._chosen)

    def refresh(self) -> None:
        """Fill from the settings (after Settings changed the list)."""
        names, current = self.settings["operators"], self.settings["operator_name"]
        combo = self.combo
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("(choose)") if names else self.tr("(name operators in Settings)"), "")
        for name in names:
            combo.addItem(name, name)
        if current and combo.findData(current) < 0:
            combo.addItem(current, current)
        combo.setCurrentIndex(max(0, combo.findData(current)))
        combo.blockSignals(False)
        self._mark()

    def _mark(self) -> None:
        nobody = not self.combo.currentData()
        self.combo.setStyleSheet("color: #b54708; font-weight: bold;" if nobody else "")

    def _chosen(self, index: int) -> None:
        name = self.combo.itemData(index) or ""
        self.settings["operator_name"] = name
        self._mark()
        self.runner.submit(self.settings.save)  # a small file, but disk all the same: off the GUI thread
        self.window().statusBar().showMessage(
            self.tr("On duty: %s") % name if name else self.tr("Nobody named on duty"), 5000
        )

    def current(self) -> str:
        return self.combo.currentData() or ""
