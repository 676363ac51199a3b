"""One signal for "cases changed in the store", shared by every tab.

Whatever changes cases — the desk saving a call, the editor editing one, the sync applying a status
from the server — calls :meth:`StoreChanges.notify`; the On-Air "Panggilan hari ini" list and the
editor's case list reload on :attr:`StoreChanges.changed`.  ``notify`` may be called from any thread
(the sync worker's): the signal reaches the GUI thread queued.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

from radio_desk.store import Store
from radio_desk.sync.outbox import SqlOutbox


class StoreChanges(QObject):
    changed = Signal(str)  # where the change came from: "desk", "editor", "server"

    def notify(self, source: str) -> None:
        self.changed.emit(source)


class NotifyingOutbox(SqlOutbox):
    """The sync's outbox, announcing the server's status changes as soon as they are applied."""

    def __init__(self, store: Store, changes: StoreChanges) -> None:
        super().__init__(store)
        self.changes = changes

    def apply_updates(self, updates: list[dict[str, Any]]) -> int:
        applied = super().apply_updates(updates)
        if applied:
            self.changes.notify("server")
        return applied
