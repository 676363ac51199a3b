"""The local case store: one SQLite file, its repositories, and :func:`open_store`."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import exc, text
from sqlalchemy.orm import Session

from radio_desk.domain.gazetteer import Gazetteer, get_gazetteer
from radio_desk.domain.taxonomy import Taxonomy, get_taxonomy
from radio_desk.errors import RadioDeskError
from radio_desk.paths import app_paths
from radio_desk.store import migrate
from radio_desk.store.cases import CaseRepository
from radio_desk.store.discards import DiscardRepository
from radio_desk.store.engine import make_engine, make_sessionmakers
from radio_desk.store.outbox import OutboxRepository
from radio_desk.store.problems import quick_check, refuse_emptied, store_error
from radio_desk.store.recordings import RecordingRepository
from radio_desk.store.rundowns import RundownRepository
from radio_desk.store.segments import SegmentRepository
from radio_desk.store.sms import SmsRepository
from radio_desk.store.stations import StationRepository, SyncStateRepository
from radio_desk.store.sync import SyncRepository


class Store:
    """Repositories over one database file.  Safe to share between threads: every repository call runs
    in its own session and transaction."""

    def __init__(self, path: Path, *, taxonomy: Taxonomy | None = None, gazetteer: Gazetteer | None = None):
        self.path = path
        self.engine = make_engine(path)
        self._read, self._write = make_sessionmakers(self.engine)
        self._taxonomy = taxonomy
        self._gazetteer = gazetteer
        self.cases = CaseRepository(self)
        self.recordings = RecordingRepository(self)
        self.segments = SegmentRepository(self)
        self.outbox = OutboxRepository(self)
        self.stations = StationRepository(self)
        self.sync_state = SyncStateRepository(self)
        self.rundowns = RundownRepository(self)
        self.discards = DiscardRepository(self)
        self.sms = SmsRepository(self)
        self.sync = SyncRepository(self)  # the sync's queries (radio_desk.sync speaks the protocol)

    @property
    def taxonomy(self) -> Taxonomy:
        return self._taxonomy or get_taxonomy()

    @property
    def gazetteer(self) -> Gazetteer:
        if self._gazetteer is None:
            self._gazetteer = get_gazetteer()
        return self._gazetteer

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session in a read transaction (a consistent snapshot), closed at the end.  A database failure
        leaves as :class:`StoreError` (Indonesian, what to do), never as SQLAlchemy's text."""
        try:
            with self._read() as session, session.begin():
                yield session
        except (exc.DBAPIError, sqlite3.Error) as err:
            raise store_error(err, self.path) from err

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session in a write transaction (BEGIN IMMEDIATE), committed at the end, rolled back on error."""
        try:
            with self._write() as session, session.begin():
                yield session
        except (exc.DBAPIError, sqlite3.Error) as err:
            raise store_error(err, self.path) from err

    def revision(self) -> str | None:
        return migrate.current_revision(self.engine)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Store({str(self.path)!r})"


def open_store(
    path: Path | str | None = None,
    *,
    taxonomy: Taxonomy | None = None,
    gazetteer: Gazetteer | None = None,
    upgrade: bool = True,
    check: bool = True,
) -> Store:
    """Open (creating if needed) the database at ``path`` -- default: the user's local database -- and
    bring its schema up to date.  ``check`` runs SQLite's quick integrity check first: a damaged file
    is refused with what to do, before anything is written to it."""
    db = Path(path).expanduser() if path is not None else app_paths().database
    if str(db) == ":memory:":
        raise RadioDeskError(
            "Basis data di memori tidak didukung; gunakan berkas (mis. di folder sementara)."
        )
    if db.exists() and db.is_dir():
        raise RadioDeskError(f"{db} adalah folder, bukan berkas basis data.")
    refuse_emptied(db)
    try:
        db.parent.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise RadioDeskError(f"Folder basis data {db} tidak bisa dibuat: {err.strerror}.") from err
    store: Store | None = None
    try:
        if check and db.exists():
            store = Store(db, taxonomy=taxonomy, gazetteer=gazetteer)
            with store.engine.connect() as conn:
                quick_check(conn, db)
        if upgrade:
            migrate.upgrade(db)
        store = store or Store(db, taxonomy=taxonomy, gazetteer=gazetteer)
        with store.engine.connect() as conn:  # fail here, not in the first GUI call
            conn.execute(text("SELECT 1 FROM cases LIMIT 1"))
        return store
    except (exc.DBAPIError, sqlite3.Error) as err:
        if store is not None:
            store.close()
        raise store_error(err, db) from err
    except RadioDeskError:
        if store is not None:
            store.close()
        raise
