"""SMS at the studio in the main window: the "SMS masuk" tab, its SMSD watcher, and the way a message
goes into the On-Air form.  The main window calls :class:`SmsDesk` at four points (build, start,
settings changed, close); everything else is here."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction, QKeySequence

from radio_desk.domain import Case
from radio_desk.domain.phone import local_format
from radio_desk.domain.sms import SmsMessage
from radio_desk.gui.onair.calls import Call
from radio_desk.gui.sms.panel import SmsPanel
from radio_desk.gui.sms.watcher import SmsWatcher
from radio_desk.services.sms import ImportReport, ReplyReport, SmsConfig, form_values

if TYPE_CHECKING:
    from radio_desk.gui.main_window import MainWindow

log = logging.getLogger(__name__)

SMS_SETTINGS = frozenset(
    {
        "sms_inbox_dir", "sms_outbox_dir", "sms_replies", "sms_reply_saved_template",
        "sms_reply_closed_template", "station_name", "station_code", "server_url", "sync_enabled",
    }
)  # fmt: skip


class SmsDesk(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        s = window.services
        self.settings = s.settings
        self.panel = SmsPanel(s.store, s.runner, lambda: s.settings["operator_name"], window)
        desk = window.desk
        self.watcher = SmsWatcher(
            s.store, SmsConfig.from_settings(s.settings),
            lambda: desk.triage.suggest if desk.triage is not None else None,
            self, synchronous=s.runner.synchronous,
        )  # fmt: skip
        tabs = window.ui.tabs
        self.tab_index = tabs.addTab(self.panel, self._title(0))
        self.panel.count_changed.connect(lambda n: tabs.setTabText(tabs.indexOf(self.panel), self._title(n)))
        self.panel.open_requested.connect(self.open_in_form)
        self.watcher.imported.connect(self._imported)
        self.watcher.replied.connect(self._replied)
        self.watcher.confirmed.connect(lambda _m: self.panel.refresh())
        self.watcher.failed.connect(lambda m: self.panel.show_message(m, error=True))
        desk.saved.connect(self._case_saved)
        self.panel.settingsButton.clicked.connect(self.open_settings)
        self.action = QAction(self.tr("&Incoming SMS"), window)
        self.action.setObjectName("actionSms")
        self.action.setShortcut(QKeySequence("Ctrl+3"))
        self.action.triggered.connect(self.show_tab)
        menu = window.ui.menuView.actions()  # after "Editor": On-Air, Editor, Incoming SMS
        at = menu.index(window.ui.actionEditor) + 1
        window.ui.menuView.insertAction(menu[at] if at < len(menu) else None, self.action)  # type: ignore[arg-type]
        self._show_config()

    def _title(self, waiting: int) -> str:
        return (
            self.tr("Incoming SMS (%1)").replace("%1", str(waiting)) if waiting else self.tr("Incoming SMS")
        )

    def show_tab(self) -> None:
        tabs = self.window.ui.tabs
        tabs.setCurrentWidget(self.panel)
        self.panel.table.setFocus()

    def start(self) -> None:
        self.watcher.start()
        self.panel.refresh()

    def apply_settings(self, changed: set[str]) -> None:
        if changed & SMS_SETTINGS:
            self.watcher.reconfigure(SmsConfig.from_settings(self.settings))
            self._show_config()

    def open_settings(self) -> None:
        from radio_desk.errors import ValidationError
        from radio_desk.gui.sms.settings_box import SmsSettingsDialog, current

        old = current(self.settings)
        dialog = SmsSettingsDialog(old, self.window)
        if not dialog.exec():
            return
        try:
            self.settings.update(dialog.result_values)
        except (ValidationError, OSError) as err:
            self.panel.show_message(str(err), error=True)
            return
        self.window.apply_settings({k for k, v in dialog.result_values.items() if old.get(k) != v})

    def shutdown(self) -> None:
        self.watcher.shutdown()

    # -- state -----------------------------------------------------------------------------------
    def _show_config(self) -> None:
        cfg = self.watcher.config
        if cfg.inbox is None:
            self.panel.set_state(self.tr("SMS: no Gammu SMSD inbox folder set (Settings → SMS)."), ok=False)
            return
        text = self.tr("Reading the Gammu SMSD inbox %1.").replace("%1", str(cfg.inbox))
        if cfg.replying:
            text += " " + self.tr("Replies (ticket number, follow-up) go to %1.").replace(
                "%1", str(cfg.outbox)
            )
        else:
            text += " " + self.tr("Replies are off.")
        self.panel.set_state(text)

    def _imported(self, report: ImportReport) -> None:
        if report.problems:
            self.panel.show_message(" ".join(report.problems), error=True)
        if report.new:
            self.window.ui.statusbar.showMessage(
                self.tr("%n new SMS in the list.", "", len(report.new)), 8000
            )
        self.panel.refresh()

    def _replied(self, report: ReplyReport) -> None:
        if report.problems:
            self.panel.show_message(" ".join(report.problems), error=True)
        elif report.written:
            self.panel.show_message(self.tr("%n SMS reply(ies) handed to the SMSD.", "", len(report.written)))

    # -- the form --------------------------------------------------------------------------------
    def open_in_form(self, msg: SmsMessage) -> None:
        """The message into the On-Air form (what the form held waits for it, as a parked call)."""
        desk = self.window.desk
        call = Call(case_id=msg.case_id, started_at=msg.received_at)
        values: dict[str, Any] = form_values(msg)
        if not desk.open_draft(call, values):
            self.panel.show_message(
                self.tr("The form is editing a saved case: save it or press New form first."), error=True
            )
            return
        when = f"{msg.received_at.astimezone():%d/%m %H:%M}"
        sender = local_format(msg.phone) if msg.phone else msg.sender
        desk.ui.formCallLabel.setText(
            self.tr("New case from the SMS of %1 (%2)").replace("%1", sender).replace("%2", when)
        )
        self.window.ui.tabs.setCurrentIndex(0)
        desk.ui.summaryEdit.setFocus()

    def _case_saved(self, case: Case) -> None:
        self.watcher.confirm_saved(self.settings["operator_name"] or "")
