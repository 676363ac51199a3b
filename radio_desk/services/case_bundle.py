"""Everything the editor's case page shows of one case, read in one worker call.  No Qt here."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from pathlib import Path

from radio_desk.domain.models import Case, Recording, StatusEvent, TranscriptSegment
from radio_desk.store import CaseChange, Store, SyncInfo


@dataclass
class CaseBundle:
    """Everything the page shows of one case, read in one worker call."""

    case: Case
    changes: list[CaseChange]
    events: list[StatusEvent]
    recordings: list[Recording]
    segments: list[TranscriptSegment] = field(default_factory=list)
    playable: Recording | None = None  # the recording the editor plays (its file exists)
    sync: SyncInfo | None = None  # what the central server has of the case (and why not, if refused)


def load_bundle(store: Store, case_id: uuid.UUID) -> CaseBundle:
    recordings = store.recordings.for_case(case_id)
    return CaseBundle(
        case=store.cases.get(case_id),
        changes=store.cases.history(case_id),
        events=store.cases.status_events(case_id),
        recordings=recordings,
        segments=store.segments.list_for_case(case_id),
        playable=playable_recording(recordings),
        sync=store.cases.sync_info(case_id),
    )


def playable_recording(recordings: list[Recording]) -> Recording | None:
    """The case's first recording whose file is there (the transcript editor plays one at a time)."""
    return next((r for r in recordings if r.path and Path(r.path).exists()), None)
