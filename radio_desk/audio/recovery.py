"""Start-up recovery: recordings a crash left in state ``recording`` are repaired and kept.

Found through their sidecars, so it works before (or without) the database.  A repaired recording has
a valid header, the length of the audio actually on disk, state ``recovered``, and keeps its case id.
Interrupted FLAC archiving is cleaned up too.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from radio_desk.audio.sidecar import read_sidecar, recording_from_dict, sidecar_path, write_sidecar
from radio_desk.audio.wavfile import repair_wav
from radio_desk.domain import Recording, RecordingState
from radio_desk.errors import AudioError
from radio_desk.paths import app_paths

log = logging.getLogger(__name__)


@dataclass
class RecoveryReport:
    recovered: list[Recording]
    problems: list[str]  # Indonesian, one per recording that could not be repaired


def _cleanup_archiving(folder: Path) -> None:
    for part in folder.rglob("*.flac.part"):
        part.unlink(missing_ok=True)
    for tmp in folder.rglob("*.json.tmp"):
        tmp.unlink(missing_ok=True)
    for flac in folder.rglob("*.flac"):
        wav = flac.with_suffix(".wav")
        if not wav.exists():
            continue
        try:
            fmt = read_sidecar(sidecar_path(flac)).get("format")
        except (OSError, ValueError):
            continue
        if fmt == "flac":
            wav.unlink()  # crashed after switching to the FLAC, before deleting the WAV


def recover_recordings(recordings_dir: Path | None = None) -> RecoveryReport:
    folder = Path(recordings_dir) if recordings_dir else app_paths().recordings
    report = RecoveryReport([], [])
    if not folder.exists():
        return report
    _cleanup_archiving(folder)
    for side in sorted(folder.rglob("*.json")):
        try:
            data = read_sidecar(side)
            if data.get("state") != RecordingState.RECORDING.value:
                continue
            rec = recording_from_dict(data)
        except (OSError, ValueError, KeyError) as err:
            report.problems.append(f"Catatan rekaman {side} rusak dan dilewati: {err}.")
            continue
        audio = side.with_suffix(".wav")  # the folder may have moved since: trust the neighbour
        rec.path = str(audio)
        events = list(data.get("events") or [])
        try:
            frames = repair_wav(audio) if audio.exists() else 0
        except AudioError as err:
            report.problems.append(str(err))
            frames = 0
        rec.duration_s = frames / rec.samplerate if rec.samplerate else 0.0
        rec.state = RecordingState.RECOVERED
        events.append({"event": "recovered", "at_s": round(rec.duration_s, 3)})
        if not audio.exists():
            report.problems.append(f"Berkas audio {audio} hilang; rekaman ditandai dipulihkan tanpa audio.")
        write_sidecar(
            audio, rec, preroll_s=data.get("preroll_s", 0.0), events=events, error=data.get("error")
        )
        log.warning("recovered recording %s (%.1f s)", audio, rec.duration_s)
        report.recovered.append(rec)
    return report
