"""What the editor's pages are built on, assembled once by the workspace: the store, the settings,
the runner for store jobs, how a recording is played and the triage service shared by every tab."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from radio_desk.audio.playback import Player
from radio_desk.gui.tasks import TaskRunner
from radio_desk.services.triage_source import SharedTriage, build_triage
from radio_desk.settings import Settings
from radio_desk.store import Store


@dataclass
class EditorContext:
    store: Store
    settings: Settings
    runner: TaskRunner
    player_factory: Callable[[], Player] = Player
    triage: SharedTriage | None = None  # built on a worker when first asked (it reads the category model)

    def __post_init__(self) -> None:
        if self.triage is None:
            store, regency = self.store, self.settings["home_regency"]
            self.triage = SharedTriage(lambda: build_triage(store, regency))

    def operator(self) -> str:
        """Who an edit is recorded as, in the case's history."""
        return self.settings["operator_name"] or "editor"
