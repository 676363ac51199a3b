"""Where the command line's recordings meet the local database (``radio-desk record`` / ``import``).

Every function takes the database path (``None``: the default one) and opens the store for that one
call; the desk holds its store open and calls :mod:`radio_desk.services.calls` directly.  Recovery
goes through :func:`radio_desk.services.calls.store_recovered` in both.
"""

from __future__ import annotations

import logging
import uuid
from pathlib import Path

from radio_desk.audio.importer import ImportedAudio
from radio_desk.audio.recovery import RecoveryReport
from radio_desk.domain import Case, Recording
from radio_desk.paths import app_paths
from radio_desk.services.calls import store_recovered
from radio_desk.services.importing import check_import, create_imported_case
from radio_desk.store import Store, open_store

log = logging.getLogger(__name__)


def open_database(database: str | Path | None) -> Store:
    """The store at ``database`` (``None``: the default one); the caller closes it."""
    return open_store(Path(database) if database else app_paths().database)


def case_exists(case_id: uuid.UUID, database: str | Path | None = None) -> bool | None:
    """Whether the case is in the database."""
    with open_database(database) as store:
        return store.cases.find(case_id) is not None


def save_recording(rec: Recording, database: str | Path | None = None) -> bool:
    """Insert or update the recording's row."""
    with open_database(database) as store:
        store.recordings.save(rec)
    return True


def import_as_case(
    imported: ImportedAudio, database: str | Path | None = None, *, station: str = "lokal", by: str = "impor"
) -> uuid.UUID | None:
    """A new case holding the imported recording; its id (both or neither, see
    :func:`radio_desk.services.importing.create_imported_case`)."""
    with open_database(database) as store:
        return create_imported_case(store, imported, station=station, by=by).id


def already_imported(path: Path, database: str | Path | None = None) -> Case | None:
    """The case that already has this very file (same SHA-256), if any."""
    with open_database(database) as store:
        return check_import(store, path).existing


def apply_recovery(report: RecoveryReport, database: str | Path | None = None) -> int:
    """Write recovered recordings (state ``recovered``, real duration) to the database; how many were
    stored.  A row that cannot be written is logged; its file and sidecar stay."""
    if not report.recovered:
        return 0
    with open_database(database) as store:
        problems = store_recovered(store, report)
    return len(report.recovered) - len(problems)
