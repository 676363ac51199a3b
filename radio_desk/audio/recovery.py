"""Start-up recovery: recordings a crash left in state ``recording`` are repaired and kept.

Found through their sidecars, so it works before (or without) the database.  A repaired recording has
a valid header, the length of the audio actually on disk, state ``recovered``, and keeps its case id.
Interrupted FLAC archiving is cleaned up too.  Recordings a live process still writes or archives (its
lock, :mod:`radio_desk.audio.ownership`) are left alone: a second copy of the app or a second
``radio-desk record`` must not take them for crashed ones.  A ``recovered`` WAV whose file holds more
audio than its sidecar says (an older version recovered a call that was still being written) is
repaired again.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from pathlib import Path

from radio_desk.audio.ownership import is_live, unowned
from radio_desk.audio.sidecar import read_sidecar, recording_from_dict, sidecar_path, write_sidecar
from radio_desk.audio.wavfile import frames_on_disk, repair_wav
from radio_desk.domain import Recording, RecordingState
from radio_desk.errors import AudioError
from radio_desk.paths import app_paths

log = logging.getLogger(__name__)


@dataclass
class RecoveryReport:
    recovered: list[Recording]
    problems: list[str]  # Indonesian, one per recording that could not be repaired


def _cleanup_archiving(folder: Path) -> None:
    for leftover in [*folder.rglob("*.flac.part"), *folder.rglob("*.json.tmp")]:
        with unowned(leftover) as free:
            if free:
                leftover.unlink(missing_ok=True)
    for flac in folder.rglob("*.flac"):
        wav = flac.with_suffix(".wav")
        if not wav.exists():
            continue
        with unowned(flac) as free:
            try:
                fmt = read_sidecar(sidecar_path(flac)).get("format") if free else None
            except (OSError, ValueError):
                continue
            if fmt == "flac":
                wav.unlink()  # crashed after switching to the FLAC, before deleting the WAV
    for lock in folder.rglob("*.lock"):
        is_live(lock)  # a lock file nobody holds (its process died) is removed on the way


def _needs_repair(data: dict, audio: Path) -> bool:
    """A crashed call, or a ``recovered`` one whose WAV is longer than its recorded length."""
    state = data.get("state")
    if state == RecordingState.RECORDING.value:
        return True
    if state != RecordingState.RECOVERED.value or audio.suffix != ".wav" or not audio.exists():
        return False
    rate = int(data.get("samplerate") or 0)
    try:
        return rate > 0 and frames_on_disk(audio) > round(float(data.get("duration_s") or 0.0) * rate)
    except AudioError:
        return False


def recover_recordings(recordings_dir: Path | None = None) -> RecoveryReport:
    folder = Path(recordings_dir) if recordings_dir else app_paths().recordings
    report = RecoveryReport([], [])
    if not folder.exists():
        return report
    _cleanup_archiving(folder)
    for side in sorted(folder.rglob("*.json")):
        audio = side.with_suffix(".wav")  # the folder may have moved since: trust the neighbour
        try:
            if not _needs_repair(read_sidecar(side), audio):
                continue
        except (OSError, ValueError) as err:
            report.problems.append(f"Catatan rekaman {side} rusak dan dilewati: {err}.")
            continue
        with unowned(side) as free:
            if not free:
                log.info("recording %s is being written by a live process: left alone", audio)
                continue
            _repair(side, audio, report)
    return report


def _repair(side: Path, audio: Path, report: RecoveryReport) -> None:
    try:
        data = read_sidecar(side)  # again, under the lock: its writer may have finished meanwhile
        if not _needs_repair(data, audio):
            return
        rec = recording_from_dict(data)
    except (OSError, ValueError, KeyError) as err:
        report.problems.append(f"Catatan rekaman {side} rusak dan dilewati: {err}.")
        return
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
    write_sidecar(audio, rec, preroll_s=data.get("preroll_s", 0.0), events=events, error=data.get("error"))
    log.warning("recovered recording %s (%.1f s)", audio, rec.duration_s)
    report.recovered.append(rec)
