"""Where recordings meet the local database.  The only module of ``radio_desk.audio`` that knows the store.

Every function takes the database path (``None``: the default one) and returns quietly when the store
package is not available, so the recorder keeps working from its sidecars alone.
"""

from __future__ import annotations

import dataclasses
import logging
import uuid
from pathlib import Path

from radio_desk.audio.importer import ImportedAudio
from radio_desk.audio.recovery import RecoveryReport
from radio_desk.domain import Case, Recording

log = logging.getLogger(__name__)


def _open(database: str | Path | None):
    try:
        from radio_desk.store import open_store
    except ImportError:  # the store is optional for the audio layer
        return None
    from radio_desk.paths import app_paths

    return open_store(Path(database) if database else app_paths().database)


def case_exists(case_id: uuid.UUID, database: str | Path | None = None) -> bool | None:
    """Whether the case is in the database; ``None`` when there is no store."""
    store = _open(database)
    if store is None:
        return None
    with store:
        return store.cases.find(case_id) is not None


def save_recording(rec: Recording, database: str | Path | None = None) -> bool:
    """Insert or update the recording's row; ``False`` when there is no store."""
    store = _open(database)
    if store is None:
        return False
    with store:
        store.recordings.save(rec)
    return True


def import_as_case(
    imported: ImportedAudio, database: str | Path | None = None, *, station: str = "lokal", by: str = "impor"
) -> uuid.UUID | None:
    """A new case holding the imported recording; its id, or ``None`` without a store.  Both or
    neither: if the recording cannot be stored, the case just created is removed again."""
    store = _open(database)
    if store is None:
        return None
    case = Case(station=station, channel=imported.channel, notes=f"Diimpor dari {imported.source.name}")
    with store:
        store.cases.create(case, by=by)
        try:
            store.recordings.save(dataclasses.replace(imported.recording, case_id=case.id))
        except Exception:
            try:
                store.cases.delete(case.id)
            except Exception:  # the database is failing: the reason that matters is the first one
                log.warning("imported case %s without its recording could not be removed", case.id)
            raise
    imported.recording.case_id = case.id
    return case.id


def apply_recovery(report: RecoveryReport, database: str | Path | None = None) -> int:
    """Write recovered recordings (state ``recovered``, real duration) to the database."""
    if not report.recovered:
        return 0
    store = _open(database)
    if store is None:
        return 0
    with store:
        for rec in report.recovered:
            store.recordings.save(rec)
    return len(report.recovered)
