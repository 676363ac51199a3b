"""One on-air call as the desk tracks it, and saving it to the store.  No Qt here (GUI and CLI).

A :class:`Call` is born when the operator presses Record: it holds the id its case will get, its
recording and its transcript as it grows.  :func:`save_call` writes the case (new or edited), attaches
the recording and stores the transcript segments, each step idempotent so a retry after an error
never duplicates anything.
"""

from __future__ import annotations

import dataclasses
import logging
import uuid
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from radio_desk.audio.recovery import RecoveryReport
from radio_desk.audio.sidecar import read_sidecar, recording_from_dict, sidecar_path
from radio_desk.domain import Case, Recording, RecordingState
from radio_desk.domain.models import utcnow
from radio_desk.errors import RadioDeskError
from radio_desk.store import Store
from radio_desk.transcribe.engine import Segment
from radio_desk.transcribe.persist import to_store_segments

log = logging.getLogger(__name__)


@dataclass
class Call:
    case_id: uuid.UUID = field(default_factory=uuid.uuid4)
    started_at: datetime = field(default_factory=utcnow)
    recording: Recording | None = None
    segments: list[Segment] = field(default_factory=list)  # final text, in order
    partial: Segment | None = None
    transcript_done: bool = False  # the final transcript is in ``segments``
    engine: str = ""
    model: str = ""
    saved: bool = False  # the case is in the store
    form: dict[str, Any] | None = None  # the intake values while the call waits outside the form

    @property
    def text(self) -> str:
        parts = [s.text.strip() for s in self.segments if s.text.strip()]
        if self.partial is not None and self.partial.text.strip():
            parts.append(self.partial.text.strip())
        return " ".join(parts)

    def to_dict(self) -> dict[str, Any]:
        rec = self.recording
        return {
            "case_id": str(self.case_id),
            "started_at": self.started_at.isoformat(),
            "recording": None if rec is None else {"id": str(rec.id), "path": rec.path},
            "segments": [dataclasses.asdict(s) for s in self.segments],
            "transcript_done": self.transcript_done,
            "engine": self.engine,
            "model": self.model,
            "form": self.form,
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Call:
        call = cls(
            case_id=uuid.UUID(d["case_id"]),
            started_at=datetime.fromisoformat(d["started_at"]),
            segments=[Segment(**s) for s in d.get("segments") or []],
            transcript_done=bool(d.get("transcript_done")),
            engine=d.get("engine", ""),
            model=d.get("model", ""),
            form=d.get("form"),
        )
        rec = d.get("recording")
        if rec:
            call.recording = recording_from_disk(Path(rec["path"]), uuid.UUID(rec["id"]))
        return call


def recording_from_disk(path: Path, rec_id: uuid.UUID) -> Recording:
    """The recording as its sidecar describes it (after a crash: repaired, state ``recovered``)."""
    try:
        rec = recording_from_dict(read_sidecar(sidecar_path(path)))
    except (OSError, ValueError, KeyError):
        rec = Recording(id=rec_id, path=str(path), state=RecordingState.RECOVERED)
    rec.path = str(path)
    return rec


def store_recording(store: Store, rec: Recording) -> Recording:
    """Insert the recording's row or bring it up to date (state, duration, path)."""
    if store.recordings.find(rec.id) is None:
        return store.recordings.add(dataclasses.replace(rec, case_id=None))
    return store.recordings.update(rec.id, state=rec.state, duration_s=rec.duration_s, path=rec.path)


def store_segments(store: Store, call: Call) -> int:
    """The call's transcript as its recording's (the same conversion as every other transcript)."""
    rec = call.recording
    if rec is None:
        return 0
    segs = to_store_segments(rec.id, call.segments, engine=call.engine, model=call.model)
    store.segments.replace_for_recording(rec.id, segs)
    return len(segs)


def store_recovered(store: Store, report: RecoveryReport) -> list[str]:
    """Rows for the recordings start-up recovery repaired (desk and ``radio-desk record`` alike).

    A recording whose sidecar names a case the store has is attached to it; otherwise its row is
    stored on its own (the desk attaches it when the form is saved).  One failing row does not stop
    the others: the problems come back as text, the files and sidecars stay as they are."""
    problems: list[str] = []
    for rec in report.recovered:
        try:
            if rec.case_id is not None and store.cases.find(rec.case_id) is not None:
                store.recordings.save(rec)
            else:
                store_recording(store, rec)
        except RadioDeskError as err:
            log.warning("recovered recording %s not stored: %s", rec.path, err)
            problems.append(f"{rec.path}: {err}")
    return problems


def save_call(store: Store, case: Case, call: Call | None, *, editing: bool, by: str = "") -> Case:
    """Create (or update) ``case`` and attach ``call``'s recording and transcript."""
    if editing:
        current = store.cases.get(case.id)
        changes = {
            name: getattr(case, name)
            for name in (
                "caller_name", "phone", "anonim", "rahasia", "kecamatan_code", "desa_code",
                "category", "urgency", "summary", "notes", "channel", "opd",
            )
            if getattr(case, name) != getattr(current, name)
        }  # fmt: skip
        saved = store.cases.update(case.id, changes, by=by) if changes else current
    elif store.cases.find(case.id) is None:
        saved = store.cases.create(case, by=by)
    else:  # a retry after the case was stored but the recording step failed
        saved = store.cases.get(case.id)
    if call is not None and call.recording is not None:
        store_recording(store, call.recording)
        store.recordings.attach(call.recording.id, saved.id)
        if call.transcript_done or call.segments:
            store_segments(store, call)
    return saved


def store_stopped_recording(store: Store, call: Call) -> None:
    """The call's recording has ended: its row up to date, attached if the form was saved meanwhile."""
    rec = call.recording
    if rec is None:
        return
    store_recording(store, rec)
    if call.saved:  # the form was saved while the call was still on air
        store.recordings.attach(rec.id, call.case_id)


def load_draft_calls(store: Store, draft: dict[str, Any] | None) -> tuple[list[Call], Case | None]:
    """The calls an autosaved draft names (their recordings as their sidecars say), and the case it
    was editing, if that is still in the store."""
    if not draft:
        return [], None
    calls = [Call.from_dict(d) for d in draft.get("calls") or []]
    editing = store.cases.find(draft["editing"]) if draft.get("editing") else None
    return calls, editing
