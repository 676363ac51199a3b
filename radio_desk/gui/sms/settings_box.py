"""Settings of SMS at the studio: the Gammu SMSD's inbox and outbox folders, replies on or off, and the
station's reply templates.  A dialog of its own, opened from the Settings dialog (its values are saved
with the other settings when that dialog is accepted) and from the "SMS masuk" tab."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from radio_desk.domain.sms import REPLY_FIELDS, check_template
from radio_desk.errors import ValidationError
from radio_desk.settings import Settings

KEYS = (
    "sms_inbox_dir", "sms_outbox_dir", "sms_replies", "sms_reply_saved_template", "sms_reply_closed_template",
)  # fmt: skip


class SmsSettingsDialog(QDialog):
    def __init__(self, values: dict[str, Any], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("SMS (Gammu SMSD)"))
        self.inboxEdit = self._folder_row(values["sms_inbox_dir"], "smsInboxEdit")
        self.outboxEdit = self._folder_row(values["sms_outbox_dir"], "smsOutboxEdit")
        self.repliesCheck = QCheckBox(self.tr("Reply to the sender: the ticket number, later the follow-up"))
        self.repliesCheck.setObjectName("smsRepliesCheck")
        self.repliesCheck.setChecked(bool(values["sms_replies"]))
        self.savedEdit = self._template(values["sms_reply_saved_template"], "smsSavedTemplateEdit")
        self.closedEdit = self._template(values["sms_reply_closed_template"], "smsClosedTemplateEdit")
        fields = ", ".join("{" + k + "}" for k in REPLY_FIELDS)
        note = QLabel(
            self.tr(
                "Fields a reply may contain: %1. The reporter's name, place, notes and the summary are never "
                "sent."
            ).replace("%1", fields)
        )
        note.setWordWrap(True)
        self.messageLabel = QLabel()
        self.messageLabel.setObjectName("smsSettingsMessage")
        self.messageLabel.setWordWrap(True)
        self.messageLabel.setStyleSheet("color: #b42318;")

        form = QFormLayout()
        form.addRow(self.tr("Inbox folder (InboxPath)"), self.inboxEdit.parentWidget())
        form.addRow(self.tr("Outbox folder (OutboxPath)"), self.outboxEdit.parentWidget())
        form.addRow("", self.repliesCheck)
        form.addRow(self.tr("When the case is saved"), self.savedEdit)
        form.addRow(self.tr("When the OPD closes it"), self.closedEdit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.messageLabel)
        layout.addWidget(buttons)
        self.resize(640, self.sizeHint().height())
        self.result_values: dict[str, Any] = {}

    def _folder_row(self, value: str, name: str) -> QLineEdit:
        row = QWidget(self)
        edit = QLineEdit(value, row)
        edit.setObjectName(name)
        edit.setPlaceholderText(self.tr("empty: not used"))
        choose = QPushButton(self.tr("Choose…"), row)
        choose.clicked.connect(lambda: self._choose(edit))
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(edit, 1)
        lay.addWidget(choose)
        return edit

    def _template(self, value: str, name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(value, self)
        edit.setObjectName(name)
        edit.setFixedHeight(3 * edit.fontMetrics().lineSpacing() + 12)
        return edit

    def _choose(self, edit: QLineEdit) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Gammu SMSD folder"), edit.text())
        if folder:
            edit.setText(folder)

    def values(self) -> dict[str, Any]:
        return {
            "sms_inbox_dir": self.inboxEdit.text().strip(),
            "sms_outbox_dir": self.outboxEdit.text().strip(),
            "sms_replies": self.repliesCheck.isChecked(),
            "sms_reply_saved_template": self.savedEdit.toPlainText().strip(),
            "sms_reply_closed_template": self.closedEdit.toPlainText().strip(),
        }

    def accept(self) -> None:
        v = self.values()
        try:
            check_template(v["sms_reply_saved_template"])
            check_template(v["sms_reply_closed_template"])
        except ValidationError as err:
            self.messageLabel.setText(str(err))
            return
        if v["sms_replies"] and not v["sms_outbox_dir"]:
            self.messageLabel.setText(self.tr("Replies need the SMSD's outbox folder."))
            return
        self.result_values = v
        super().accept()


def current(settings: Settings) -> dict[str, Any]:
    return {k: settings[k] for k in KEYS}


def add_sms_row(dialog: Any) -> None:
    """Into the Settings dialog: a "SMS (Gammu SMSD)…" button; what it sets is saved with the rest
    (``dialog.sms_values``, merged into the dialog's values)."""
    dialog.sms_values = {}
    box = QGroupBox(QCoreApplication.translate("SmsSettingsDialog", "SMS at the studio"), dialog)
    label = QLabel(box)
    label.setWordWrap(True)
    button = QPushButton(QCoreApplication.translate("SmsSettingsDialog", "SMS (Gammu SMSD)…"), box)
    button.setObjectName("smsSettingsButton")

    def show() -> None:
        v = {**current(dialog.settings), **dialog.sms_values}
        inbox = v["sms_inbox_dir"] or QCoreApplication.translate("SmsSettingsDialog", "not set")
        replies = (
            QCoreApplication.translate("SmsSettingsDialog", "replies on")
            if v["sms_replies"]
            else QCoreApplication.translate("SmsSettingsDialog", "replies off")
        )
        label.setText(
            QCoreApplication.translate("SmsSettingsDialog", "Inbox: %1; %2")
            .replace("%1", inbox)
            .replace("%2", replies)
        )

    def open_dialog() -> None:
        sub = SmsSettingsDialog({**current(dialog.settings), **dialog.sms_values}, dialog)
        if sub.exec():
            dialog.sms_values = sub.result_values
            show()

    button.clicked.connect(open_dialog)
    lay = QHBoxLayout(box)
    lay.addWidget(label, 1)
    lay.addWidget(button)
    layout = dialog.ui.dialogLayout
    layout.insertWidget(layout.indexOf(dialog.ui.messageLabel), box)
    show()
