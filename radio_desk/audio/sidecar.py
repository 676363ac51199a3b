"""The small JSON file kept next to every recording (``<name>.json``).

It lets start-up recovery find and repair a recording even if the database never heard of it (the app
crashed between creating the file and saving the row, or the database is being restored), and keeps
what happened during the call (device lost, disk full) with the audio.  Written atomically.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any

from radio_desk.domain import Recording, RecordingState
from radio_desk.fsutil import write_json_atomic

SIDECAR_VERSION = 1


def sidecar_path(audio_path: Path) -> Path:
    return Path(audio_path).with_suffix(".json")


def recording_to_dict(rec: Recording) -> dict[str, Any]:
    d = asdict(rec)
    d["id"] = str(rec.id)
    d["case_id"] = str(rec.case_id) if rec.case_id else None
    d["state"] = RecordingState(rec.state).value
    d["started_at"] = rec.started_at.isoformat()
    return d


def recording_from_dict(d: dict[str, Any]) -> Recording:
    return Recording(
        id=uuid.UUID(d["id"]),
        case_id=uuid.UUID(d["case_id"]) if d.get("case_id") else None,
        path=d.get("path", ""),
        format=d.get("format", "wav"),
        samplerate=int(d.get("samplerate", 48_000)),
        channels=int(d.get("channels", 1)),
        channel_map=d.get("channel_map", "mono"),
        duration_s=float(d.get("duration_s", 0.0)),
        sha256=d.get("sha256"),
        state=RecordingState(d.get("state", "recording")),
        started_at=datetime.fromisoformat(d["started_at"]),
        device=d.get("device"),
        source_sha256=d.get("source_sha256"),
    )


def write_sidecar(audio_path: Path, rec: Recording, **extra: Any) -> Path:
    """Write (atomically replace) the sidecar; ``extra`` holds events, pre-roll, errors..."""
    path = sidecar_path(audio_path)
    data = {"sidecar_version": SIDECAR_VERSION, **recording_to_dict(rec), **extra}
    write_json_atomic(path, data, tmp=path.with_suffix(".json.tmp"))  # recovery looks for *.json.tmp
    return path


def read_sidecar(path: Path) -> dict[str, Any]:
    return json.loads(Path(path).read_text(encoding="utf-8"))
