"""Importing audio files as cases, for the desk's menu and drag and drop and for ``radio-desk import``.

:func:`check_import` looks at a file before anything is copied: the channel it most likely came by
(an Opus/OGG, M4A or AMR file is a voice note → WhatsApp) and whether the same file (by SHA-256 of
its bytes) is already a recording, and of which case.  :func:`import_as_new_case` copies it into the
recordings folder and makes its case, both or neither.  Transcription and triage follow with
:func:`radio_desk.services.imported.transcribe_and_triage`.  No Qt here.
"""

from __future__ import annotations

import dataclasses
import logging
from dataclasses import dataclass
from pathlib import Path

from radio_desk.audio.importer import ImportedAudio, channel_of_file, discard_import, import_audio_file
from radio_desk.domain import Case, Channel
from radio_desk.errors import AudioError, NotFoundError, RadioDeskError
from radio_desk.fsutil import sha256_file
from radio_desk.store import Store

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class ImportCheck:
    path: Path
    sha256: str
    channel: Channel  # offered from the file
    existing: Case | None  # the case that already has this very file


def check_import(store: Store, path: Path) -> ImportCheck:
    path = Path(path)
    if not path.is_file():
        raise NotFoundError(f"Berkas '{path}' tidak ditemukan.")
    try:
        digest = sha256_file(path)
    except OSError as err:
        raise AudioError(f"Berkas '{path.name}' tidak bisa dibaca: {err.strerror}.") from err
    rec = store.recordings.find_by_content(digest)
    existing = store.cases.find(rec.case_id) if rec is not None and rec.case_id is not None else None
    return ImportCheck(path, digest, channel_of_file(path), existing)


def create_imported_case(store: Store, imported: ImportedAudio, *, station: str, by: str = "impor") -> Case:
    """A new case holding the imported recording.  Both or neither: if the recording cannot be
    stored, the case just created is removed again."""
    case = Case(station=station, channel=imported.channel, notes=f"Diimpor dari {imported.source.name}")
    saved = store.cases.create(case, by=by)
    try:
        store.recordings.save(dataclasses.replace(imported.recording, case_id=saved.id))
    except Exception:
        try:
            store.cases.delete(saved.id)
        except Exception:  # the database is failing: the reason that matters is the first one
            log.warning("imported case %s without its recording could not be removed", saved.id)
        raise
    imported.recording.case_id = saved.id
    return saved


def import_as_new_case(
    store: Store, path: Path, *, channel: Channel | None = None, station: str, by: str = "impor"
) -> tuple[Case, ImportedAudio]:
    """Copy ``path`` in and make its case (``channel``: the operator's choice, else the file's)."""
    imported = import_audio_file(path)
    if channel is not None:
        imported.channel = channel
    try:
        case = create_imported_case(store, imported, station=station, by=by)
    except RadioDeskError:
        discard_import(imported)  # no case: the copy would never be found again
        raise
    return case, imported


__all__ = ["ImportCheck", "check_import", "create_imported_case", "import_as_new_case"]
