"""The main window: the On-Air desk and the editor in tabs, menus with every command and its
shortcut, the status bar.  Wraps ``ui/main_window.ui``."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QCloseEvent, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QWidget

from radio_desk.gui.backup_actions import BackupActions
from radio_desk.gui.discards_dialog import open_discards
from radio_desk.gui.gc_pauses import freeze_long_lived
from radio_desk.gui.generated.ui_main_window import Ui_MainWindow
from radio_desk.gui.import_flow import ImportFlow
from radio_desk.gui.onair.desk import OnAirDesk
from radio_desk.gui.onair.transcription import EngineHolder
from radio_desk.gui.operator_switch import OperatorSwitch
from radio_desk.gui.services import Services, settings_recorder_factory
from radio_desk.gui.status_bar import StatusPanel
from radio_desk.gui.sync_now import SyncNow
from radio_desk.gui.window_geometry import GeometryMemory, fit_to_screen
from radio_desk.paths import app_paths

log = logging.getLogger(__name__)


def _placeholder(text: str) -> QWidget:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setMargin(24)
    return label


class MainWindow(QMainWindow):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.ui = Ui_MainWindow()
        self.ui.setupUi(self)
        title = self.tr("Radio Desk")
        if services.settings["station_name"]:
            title += f" — {services.settings['station_name']}"
        if services.demo:
            title += self.tr(" (demo)")
        self.setWindowTitle(title)
        self.engine = EngineHolder(services.engine_loader, self, synchronous=services.runner.synchronous)
        self.desk = OnAirDesk(services, self.engine, self)
        self.ui.tabs.addTab(self.desk, self.tr("On-Air"))
        self.editor: QWidget | None = None  # built the first time its tab is opened (keeps start-up fast)
        self.ui.tabs.addTab(_placeholder(self.tr("Loading the editor…")), self.tr("Editor"))
        self.ui.tabs.currentChanged.connect(self._tab_changed)
        from radio_desk.gui.sms import SmsDesk

        self.sms = SmsDesk(self)  # the "SMS masuk" tab (a Gammu SMSD's messages)
        self.status = StatusPanel(self.ui.statusbar, services.runner, app_paths().data)
        self.operator_switch = OperatorSwitch(self.ui.statusbar, services.settings, services.runner)
        self.sync_worker: Any = None
        self.restart_requested = False  # a restore or a new language: radio_desk.gui.app.run starts again
        self._wire()
        self.importer = ImportFlow.install(self)  # File → Import audio…, drag and drop
        self.geometry_memory = GeometryMemory(app_paths().config)
        if not self.geometry_memory.restore_window(self):
            fit_to_screen(self)
        self.geometry_memory.restore_splitters(self.desk)

    def _tab_changed(self, index: int) -> None:
        if index == 1 and self.editor is None:
            self.ensure_editor()

    def ensure_editor(self) -> QWidget:
        """The editor tab's widget; imported and built on first use, guarded: the desk works without it."""
        if self.editor is not None:
            return self.editor
        try:
            from radio_desk.gui.editor import EditorWorkspace

            s = self.services
            widget: QWidget = EditorWorkspace(
                s.store, s.settings, s.runner, self, changes=s.changes, triage=s.triage
            )
            self.editor = widget
        except Exception as err:  # a broken or missing editor must not take the desk down
            log.warning("editor workspace unavailable: %s", err, exc_info=True)
            widget = _placeholder(
                self.tr("The editor workspace is not available in this version (%s).") % err
            )
            self.editor = widget
        tabs = self.ui.tabs
        current = tabs.currentIndex()
        old = tabs.widget(1)
        tabs.blockSignals(True)
        tabs.removeTab(1)
        tabs.insertTab(1, widget, self.tr("Editor"))
        tabs.setCurrentIndex(current)
        tabs.blockSignals(False)
        old.deleteLater()
        self._add_editor_menus()
        self.geometry_memory.restore_splitters(widget)
        return widget

    def open_case_in_editor(self, case_id: object) -> None:
        editor = self.ensure_editor()
        self.ui.tabs.setCurrentIndex(1)
        if hasattr(editor, "open_case"):
            editor.open_case(case_id)

    def _wire(self) -> None:
        ui, desk = self.ui, self.desk
        ui.actionSave.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        ui.actionRecord.triggered.connect(desk.toggle_record)
        ui.actionAccept.triggered.connect(desk.accept_suggestion)
        ui.actionSave.triggered.connect(desk.save)
        ui.actionNewForm.triggered.connect(desk.new_form)
        for rank, action in enumerate(
            (ui.actionUrgency1, ui.actionUrgency2, ui.actionUrgency3, ui.actionUrgency4), 1
        ):
            action.triggered.connect(lambda _c=False, r=rank: desk.set_urgency(r))
        ui.actionFocusPhone.triggered.connect(lambda: self._focus(desk.ui.phoneEdit))
        ui.actionFocusToday.triggered.connect(lambda: self._focus(desk.ui.todayTable))
        ui.actionOnAir.triggered.connect(lambda: ui.tabs.setCurrentIndex(0))
        ui.actionEditor.triggered.connect(lambda: ui.tabs.setCurrentIndex(1))
        ui.actionRefresh.triggered.connect(desk.refresh)
        ui.actionSettings.triggered.connect(self.open_settings)
        ui.actionFirstStart.triggered.connect(self.open_first_start)
        ui.actionQuit.triggered.connect(self.close)
        ui.actionAbout.triggered.connect(self.open_about)
        self.action_report = QAction(self.tr("&Weekly report…"), self)
        self.action_report.setShortcut(QKeySequence("Ctrl+Shift+R"))
        self.action_report.triggered.connect(self.open_report)
        ui.menuFile.insertAction(ui.actionSettings, self.action_report)
        self.action_discards = QAction(self.tr("&Discarded…"), self)
        self.action_discards.setObjectName("actionDiscards")
        self.action_discards.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.action_discards.setToolTip(self.tr("Discarded cases and recordings: who, when, why; restore"))
        self.action_discards.triggered.connect(lambda: open_discards(self))
        ui.menuFile.insertAction(ui.actionSettings, self.action_discards)
        self.discards_dialog: QWidget | None = None
        self.action_discard_call = QAction(self.tr("&Discard call…"), self)
        self.action_discard_call.setObjectName("actionDiscardCall")
        self.action_discard_call.setShortcut(QKeySequence("Ctrl+Shift+Del"))
        self.action_discard_call.setToolTip(desk.discardButton.toolTip())
        self.action_discard_call.triggered.connect(self._discard_call)
        calls = ui.menuCall.actions()
        ui.menuCall.insertAction(calls[calls.index(ui.actionNewForm) + 1], self.action_discard_call)
        keys = self.action_discard_call.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        desk.discardButton.setToolTip(f"{desk.discardButton.toolTip()} ({keys})")
        self.sync_now = SyncNow(self, ui.menuFile, ui.actionSettings)
        self.backups = BackupActions(self, ui.menuFile, ui.actionSettings, app_paths().data)
        ui.actionLogFolder.triggered.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(app_paths().logs)))
        )
        desk.recorder.status_changed.connect(self.status.on_recorder_status)
        desk.recorder.open_failed.connect(
            lambda _r: self.status.set_audio(self.tr("Audio: no input"), ok=False)
        )
        desk.recorder.opened.connect(lambda name: self.status.set_audio(self.tr("Audio: %s") % name))
        desk.recorder.started.connect(lambda *_: self._show_recording_in_tab(True))
        desk.recorder.stopped.connect(lambda *_: self._show_recording_in_tab(False))
        desk.recorder.stopped.connect(lambda *_: self.status.show_recording(None))
        desk.status_message.connect(lambda m: ui.statusbar.showMessage(m, 8000))
        desk.saved.connect(self._case_saved)
        self.engine.state_changed.connect(self.status.set_model_state)
        # the model's objects live as long as the app: out of the collector's full passes
        self.engine.state_changed.connect(
            lambda state, _d: freeze_long_lived("speech model loaded") if state == "ready" else None
        )

    def _discard_call(self) -> None:
        """Call → Discard call… (the desk's "Buang…"), from any tab: the question is the desk's."""
        self.ui.tabs.setCurrentIndex(0)
        self.desk.discarding.ask_discard()

    def _show_recording_in_tab(self, recording: bool) -> None:
        self.ui.tabs.setTabText(0, self.tr("● On-Air (recording)") if recording else self.tr("On-Air"))

    def _add_editor_menus(self) -> None:
        if not hasattr(self.editor, "menus"):
            return
        try:
            for menu in self.editor.menus():  # type: ignore[union-attr]
                self.ui.menubar.insertMenu(self.ui.menuHelp.menuAction(), menu)
        except Exception:
            log.exception("editor menus not added")

    def _focus(self, widget: QWidget) -> None:
        self.ui.tabs.setCurrentIndex(0)
        widget.setFocus()

    # -- start / stop ----------------------------------------------------------------------------
    def start(self) -> None:
        """Everything slow starts here, in the background, after the window can be shown."""
        self.engine.load()
        self.desk.start()
        self.sms.start()
        self._start_sync()
        if not self.services.demo:
            self.backups.start()  # today's backup, if not made yet (on a worker)
        self.status.poll()
        freeze_long_lived("window started")

    def _start_sync(self) -> None:
        s = self.services.settings
        # the key comes from the OS keyring (D-Bus may be slow): read it off the GUI thread
        self.services.runner.submit(lambda: s.server_key() if s["server_url"] else None, self._sync_with_key)

    def _sync_with_key(self, key: str | None) -> None:
        from radio_desk.gui.store_changes import NotifyingOutbox
        from radio_desk.sync.outbox import LAST_SUCCESS_KEY
        from radio_desk.sync.worker import SyncSnapshot

        s = self.services.settings
        outbox = NotifyingOutbox(self.services.store, self.services.changes)
        if self.services.start_sync and s["sync_enabled"] and s["server_url"] and key:
            from radio_desk.sync.client import SyncClient
            from radio_desk.sync.worker import SyncWorker

            url = s["server_url"]
            self.sync_worker = SyncWorker(outbox, lambda: SyncClient(url, key))
            self.sync_worker.start()
            source = self.sync_worker.snapshot
        else:
            reason = self.tr("No central server configured (Settings → Central server).")

            def source() -> SyncSnapshot:
                last = outbox.get_state(LAST_SUCCESS_KEY)
                when = datetime.fromisoformat(last) if last else None
                refused = tuple(outbox.refused_cases())
                return SyncSnapshot(outbox.pending_count(), when, False, reason, refused)

        self.status.sync_source = source

    def _case_saved(self, _case: object) -> None:
        self.services.changes.notify("desk")
        if self.sync_worker is not None:
            self.sync_worker.wake()
        if self.desk.triage is not None:  # a confirmed category: learn from it (own thread, when enough)
            self.desk.triage.retrain_in_background()
        self.status.poll()

    def closeEvent(self, event: QCloseEvent) -> None:
        roots = [w for w in (self.desk, self.editor) if w is not None]
        self.geometry_memory.save(self, roots)
        self.desk.shutdown()
        self.sms.shutdown()
        if self.editor is not None and hasattr(self.editor, "shutdown"):
            self.editor.shutdown()  # saves a pending rundown edit, stops playback
        if self.sync_worker is not None:
            self.sync_worker.stop(5)
        self.services.runner.wait(10_000)
        super().closeEvent(event)

    # -- dialogs ---------------------------------------------------------------------------------
    def open_settings(self) -> None:
        from radio_desk.gui.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.services.settings, self)
        if dialog.exec():
            self.apply_settings(dialog.changed_keys)

    def apply_settings(self, changed: set[str]) -> None:
        s = self.services
        if changed & {"audio_device", "channel_map", "preroll_seconds", "audio_samplerate"} and not s.demo:
            if self.desk.recorder.recording:
                self.ui.statusbar.showMessage(self.tr("New audio settings apply after this call."), 8000)
            else:
                self.desk.recorder.reopen(settings_recorder_factory(s.settings))
        if changed & {"asr_engine", "asr_model"}:
            self.engine.load()
        if changed & {"server_url"} or any(k.startswith("server_key:") for k in changed):
            old, self.sync_worker = self.sync_worker, None
            if old is not None:  # it ends after its current request: wait for that off the GUI thread
                self.services.runner.submit(lambda: old.stop(15))
            self._start_sync()
        self.sms.apply_settings(changed)
        if changed & {"operators", "operator_name"}:
            self.operator_switch.refresh()
        if "ui_language" in changed:
            self.ask_restart_for_language()

    def ask_restart_for_language(self) -> None:
        """Every window, menu and table is built in the language of the start: say so, and offer to
        start again now (a call being recorded is never cut: then only later)."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("Interface language"), "", parent=self)
        box.setObjectName("languageRestart")
        if self.desk.recorder.recording:
            box.setText(
                self.tr("The new interface language applies when Radio Desk starts again (after this call).")
            )
            box.setStandardButtons(QMessageBox.StandardButton.Ok)
            box.exec()
            return
        box.setText(self.tr("The new interface language applies when Radio Desk starts again. Restart now?"))
        now = box.addButton(self.tr("Restart now"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(self.tr("Later"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is now:
            self.restart_requested = True
            self.close()

    def open_first_start(self) -> None:
        from radio_desk.gui.first_start import FirstStartDialog

        dialog = FirstStartDialog(self.services.settings, self)
        if dialog.exec():
            self.apply_settings({"audio_device"})

    def open_report(self) -> None:
        from radio_desk.gui.report_dialog import ReportDialog

        s = self.services
        ReportDialog(s.store, s.settings, s.runner, self).exec()

    def open_about(self) -> None:
        from radio_desk.gui.about import show_about

        show_about(self)
