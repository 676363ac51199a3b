"""What the windows are built on, assembled once by :mod:`radio_desk.gui.app` (or a test)."""

from __future__ import annotations

from dataclasses import dataclass, field

from radio_desk.audio.recorder import Recorder
from radio_desk.gui.onair.audio_control import RecorderFactory
from radio_desk.gui.onair.transcription import EngineLoader, default_loader
from radio_desk.gui.store_changes import StoreChanges
from radio_desk.gui.tasks import TaskRunner
from radio_desk.services.drafts import DraftStore
from radio_desk.services.triage_source import SharedTriage, build_triage
from radio_desk.settings import Settings
from radio_desk.store import Store


def settings_recorder_factory(settings: Settings) -> RecorderFactory:
    """The recorder the settings describe (device by name, channel mapping, pre-roll)."""

    def make() -> Recorder:
        return Recorder(
            settings["audio_device"] or None,
            samplerate=settings["audio_samplerate"],
            channel_map=settings["channel_map"],
            preroll_seconds=float(settings["preroll_seconds"]),
        )

    return make


@dataclass
class Services:
    store: Store
    settings: Settings
    runner: TaskRunner
    recorder_factory: RecorderFactory | None = None
    engine_loader: EngineLoader | None = None
    drafts: DraftStore = field(default_factory=DraftStore)
    demo: bool = False
    start_sync: bool = True
    changes: StoreChanges = field(default_factory=StoreChanges)  # cases changed (any tab, the sync)
    triage: SharedTriage | None = None  # one triage service for the desk and the editor, built lazily

    def __post_init__(self) -> None:
        if self.recorder_factory is None:
            self.recorder_factory = settings_recorder_factory(self.settings)
        if self.engine_loader is None:
            self.engine_loader = default_loader(self.settings)
        if self.triage is None:
            store, regency = self.store, self.settings["home_regency"]
            self.triage = SharedTriage(lambda: build_triage(store, regency))
