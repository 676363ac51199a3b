"""The desk's autosave: every change of the form or its calls saved as a draft (debounced, JSON
written atomically on its own one-thread runner, by :class:`DraftStore`), so a crash loses
nothing; at start-up the recordings a crash left are repaired and the draft is restored, its
recording attached and its missing transcripts made."""

from __future__ import annotations

import logging
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, QTimer

from radio_desk.audio.recovery import recover_recordings
from radio_desk.domain import Case
from radio_desk.gui.alive import if_alive
from radio_desk.gui.error_message import error_text
from radio_desk.gui.tasks import TaskRunner
from radio_desk.services.calls import Call, load_draft_calls, store_recovered

if TYPE_CHECKING:
    from radio_desk.gui.onair.desk import OnAirDesk

log = logging.getLogger(__name__)

DRAFT_DELAY_MS = 300
Restored = tuple[dict | None, list[Call], Case | None]


class DeskDrafts(QObject):
    def __init__(self, desk: OnAirDesk) -> None:
        super().__init__(desk)
        self.desk = desk
        self.runner = TaskRunner(desk, max_threads=1, synchronous=desk.runner.synchronous)
        self.timer = QTimer(desk, singleShot=True, interval=DRAFT_DELAY_MS)
        self.timer.timeout.connect(self.save)
        self.restored_note = ""

    # -- saving ------------------------------------------------------------------------------
    def schedule(self) -> None:
        self.timer.start()

    def draft(self) -> dict[str, Any] | None:
        """What the autosave keeps now (``None``: nothing, the draft file goes)."""
        form = self.desk.form
        return self.desk.book.draft(form.values(), form.is_empty(), datetime.now().astimezone())

    def save(self) -> None:
        self.timer.stop()
        data = self.draft()
        drafts = self.desk.services.drafts
        job = (lambda: drafts.save(data)) if data else drafts.clear
        self.runner.submit(job, None, lambda e: log.error("draft not saved: %s", e))

    def finish(self) -> None:
        """Closing: the waiting save now, and wait for it."""
        if self.timer.isActive():
            self.save()
        self.runner.wait(5000)

    # -- restoring ---------------------------------------------------------------------------
    def restore(self) -> None:
        """Repair what a crash left and bring the draft back (off the GUI thread, then shown)."""
        desk = self.desk
        desk.runner.submit(self._recover_and_load, if_alive(desk, self._restored), self._restore_failed)

    def _recover_and_load(self) -> Restored:
        # crash-repaired files: their rows follow their sidecars (the same path as `radio-desk record`)
        from radio_desk.paths import app_paths

        store = self.desk.store
        store_recovered(store, recover_recordings(app_paths().recordings))
        draft = self.desk.services.drafts.load()
        calls, editing = load_draft_calls(store, draft)
        return draft, calls, editing

    def _restored(self, result: Restored) -> None:
        draft, calls, editing = result
        if not draft:
            return
        desk, ui = self.desk, self.desk.ui
        untranscribed = desk.book.restore(draft, calls, editing)
        desk.form.load(draft.get("form") or {})
        for call in untranscribed:
            desk.transcripts.after(call)
        when = draft.get("saved_at", "")
        self.restored_note = self.tr("Unsaved form restored (autosaved %s).") % when[:19].replace("T", " ")
        if desk.form_call and desk.form_call.recording:
            self.restored_note += (
                " " + self.tr("Its recording is attached: %s") % desk.form_call.recording.path
            )
        ui.formMessageLabel.setStyleSheet("color: #1f5fa8;")
        ui.formMessageLabel.setText(self.restored_note)
        desk.transcripts.show(desk.form_call)
        desk.update_call_labels()
        desk.suggestions.schedule()

    def _restore_failed(self, err: object) -> None:
        log.error("draft restore failed: %s", err)
        self.desk.form_message(self.tr("The autosaved form could not be restored: %s") % error_text(err))
