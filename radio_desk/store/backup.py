"""Backups of the desk database: daily copies by SQLite's online backup API, kept N days, and a restore
that checks the file first and keeps the current database as a safety copy.

* :func:`back_up` copies a consistent snapshot while the app keeps writing (``sqlite3.Connection.backup``
  pages through the file; WAL included), into ``<data>/backups/radio-desk-YYYYMMDD-HHMMSS.sqlite3``,
  first under a temporary name, checked, then renamed (a half-written backup never looks like one).
* :func:`back_up_if_due` makes at most one per station day and prunes those older than ``keep_days``.
* :func:`inspect_backup` opens a candidate read-only: ``PRAGMA integrity_check``, the Radio Desk tables,
  the Alembic revision known to this version (a newer one is refused), the number of cases.
* :func:`restore` (the store must be closed): checks, copies the current database to
  ``radio-desk.before-restore-YYYYMMDD-HHMMSS.sqlite3`` beside it, then the backup over it, by the same
  backup API (so ``-wal``/``-shm`` stay consistent).  The GUI schedules it with
  :func:`request_restore` and the app applies it at its next start, before the store is opened
  (:func:`apply_pending_restore`): nothing else holds the database then.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path

from radio_desk.domain.models import utcnow
from radio_desk.domain.station_time import local
from radio_desk.errors import StoreError
from radio_desk.fsutil import fsync_dir, write_json_atomic

log = logging.getLogger(__name__)

PREFIX = "radio-desk-"
NAME = re.compile(r"^radio-desk-(\d{8})-(\d{6})\.sqlite3$")
REQUIRED_TABLES = frozenset({"cases", "status_events", "outbox", "sync_state", "alembic_version"})
PENDING = "restore-pending.json"


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    revision: str
    cases: int
    last_case_at: str | None  # ISO text of the newest case's reception, as stored (UTC)
    size: int


def backup_folder(data_dir: Path) -> Path:
    return Path(data_dir) / "backups"


def _stamp(now: datetime) -> str:
    return local(now).strftime("%Y%m%d-%H%M%S")


def _copy(src: Path, dst: Path) -> None:
    """``src`` → ``dst`` by SQLite's online backup API (a consistent snapshot, writers keep going)."""
    source = sqlite3.connect(f"file:{src}?mode=ro", uri=True, timeout=30)
    try:
        target = sqlite3.connect(dst, timeout=30)
        try:
            source.backup(target, pages=1024)
        finally:
            target.close()
    finally:
        source.close()


def back_up(database: Path, folder: Path, now: datetime | None = None) -> Path:
    """One backup of ``database`` now; returns its path.  :class:`StoreError` in Indonesian on failure."""
    now = now or utcnow()
    folder.mkdir(parents=True, exist_ok=True)
    final = folder / f"{PREFIX}{_stamp(now)}.sqlite3"
    partial = final.with_suffix(".partial")
    try:
        partial.unlink(missing_ok=True)
        _copy(database, partial)
        inspect_backup(partial)
        with open(partial, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(partial, final)
        fsync_dir(folder)
    except (OSError, sqlite3.Error) as err:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise StoreError(f"Cadangan basis data tidak bisa dibuat di {folder}: {err}.") from err
    except StoreError:
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
        raise
    log.info("database backed up to %s", final)
    return final


def backups(folder: Path) -> list[tuple[datetime, Path]]:
    """The backups in ``folder``, newest first, with the station time in their name."""
    found = []
    for path in folder.glob(f"{PREFIX}*.sqlite3") if folder.is_dir() else ():
        m = NAME.match(path.name)
        if m:
            found.append((datetime.strptime(m[1] + m[2], "%Y%m%d%H%M%S"), path))
    return sorted(found, reverse=True)


def prune(folder: Path, keep_days: int, today: date) -> list[Path]:
    """Delete the backups of station days older than ``keep_days`` (the newest one always stays)."""
    cutoff = today - timedelta(days=keep_days - 1)
    removed = []
    for i, (when, path) in enumerate(backups(folder)):
        if i > 0 and when.date() < cutoff:
            path.unlink(missing_ok=True)
            removed.append(path)
    return removed


def back_up_if_due(database: Path, folder: Path, keep_days: int, now: datetime | None = None) -> Path | None:
    """The day's backup if there is none yet for this station day (then prune); ``None`` when done."""
    now = now or utcnow()
    today = local(now).date()
    existing = backups(folder)
    made = None
    if not existing or existing[0][0].date() < today:
        made = back_up(database, folder, now)
    prune(folder, keep_days, today)
    return made


def inspect_backup(path: Path) -> BackupInfo:
    """Whether ``path`` is an intact Radio Desk database this version can open; :class:`StoreError` with
    the reason (in Indonesian) when not."""
    from radio_desk.store.migrate import _check_known

    path = Path(path)
    if not path.is_file():
        raise StoreError(f"Berkas cadangan {path} tidak ada.")
    with open(path, "rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise StoreError(f"{path.name} bukan basis data Radio Desk (bukan berkas SQLite).")
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    except sqlite3.Error as err:
        raise StoreError(f"{path.name} tidak bisa dibuka: {err}.") from err
    try:
        result = [row[0] for row in conn.execute("PRAGMA integrity_check(20)")]
        if result != ["ok"]:
            found = "; ".join(result[:3])
            raise StoreError(
                f"{path.name} rusak (pemeriksaan integritas SQLite: {found}). Pilih cadangan lain."
            )
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        missing = REQUIRED_TABLES - tables
        if missing:
            raise StoreError(
                f"{path.name} bukan basis data Radio Desk (tabel {', '.join(sorted(missing))} tidak ada)."
            )
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        if row is None:
            raise StoreError(f"{path.name} tidak memuat versi skema Radio Desk.")
        cases, last = conn.execute("SELECT count(*), max(received_at) FROM cases").fetchone()
    except sqlite3.DatabaseError as err:
        raise StoreError(f"{path.name} rusak atau bukan basis data Radio Desk: {err}.") from err
    finally:
        conn.close()
    try:
        _check_known(row[0])
    except Exception as err:
        raise StoreError(str(err)) from err
    return BackupInfo(path, row[0], int(cases), str(last) if last else None, path.stat().st_size)


def restore(backup: Path, database: Path, now: datetime | None = None) -> Path | None:
    """Put ``backup`` in place of ``database`` (closed); returns the safety copy of the database it
    replaced (``None`` when there was none).  Checked first: a bad backup changes nothing."""
    inspect_backup(backup)
    now = now or utcnow()
    safety = None
    try:
        if database.exists():
            safety = database.with_name(f"{database.stem}.before-restore-{_stamp(now)}{database.suffix}")
            _copy(database, safety)
        _copy(backup, database)
        fsync_dir(database.parent)
    except (OSError, sqlite3.Error) as err:
        raise StoreError(
            f"Pemulihan dari {backup.name} gagal: {err}. Basis data sebelumnya ada di {safety or database}."
        ) from err
    log.info("database %s restored from %s (previous kept as %s)", database, backup, safety)
    return safety


def request_restore(data_dir: Path, backup: Path) -> Path:
    """Remember that ``backup`` is to be restored at the next start (after a check)."""
    inspect_backup(backup)
    marker = Path(data_dir) / PENDING
    write_json_atomic(marker, {"backup": str(Path(backup).resolve())})
    return marker


def apply_pending_restore(data_dir: Path, database: Path) -> tuple[Path, Path | None] | None:
    """At start, before the store opens: restore a requested backup.  Returns (backup, safety copy), or
    ``None`` when nothing was requested.  The request is removed whatever happens (no restore loop)."""
    marker = Path(data_dir) / PENDING
    if not marker.exists():
        return None
    try:
        backup = Path(json.loads(marker.read_text(encoding="utf-8"))["backup"])
    except (OSError, ValueError, KeyError, TypeError) as err:
        marker.unlink(missing_ok=True)
        raise StoreError(f"Permintaan pemulihan {marker} tidak terbaca: {err}.") from err
    try:
        return backup, restore(backup, database)
    finally:
        marker.unlink(missing_ok=True)
