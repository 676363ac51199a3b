"""Alembic, driven from code: the migrations ship inside the package and run at :func:`open_store`.

No alembic.ini is needed: the configuration is built here with ``script_location`` pointing at
``radio_desk/store/migrations``.  Migrations run on their own short-lived engine with foreign keys
OFF, because SQLite "batch" migrations rebuild a table by copy, drop and rename, and dropping a parent
table with foreign keys ON would cascade-delete its children.  ``PRAGMA foreign_key_check`` runs after
the migration to prove nothing was left dangling.
"""

from __future__ import annotations

import logging
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, exc, text

from radio_desk.errors import RadioDeskError
from radio_desk.store.engine import make_engine

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
log = logging.getLogger(__name__)


def alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def upgrade(path: Path, revision: str = "head") -> tuple[str | None, str | None]:
    """Bring the database at ``path`` to ``revision``; return (before, after) revisions.  A database
    failure (full disk, damaged file) leaves as :class:`~radio_desk.errors.StoreError`."""
    try:
        return _upgrade(path, revision)
    except (exc.DBAPIError, sqlite3.Error) as err:
        from radio_desk.store.problems import store_error

        raise store_error(err, path) from err


def _upgrade(path: Path, revision: str) -> tuple[str | None, str | None]:
    engine = make_engine(path, foreign_keys=False)
    try:
        before = current_revision(engine)
        target = head_revision() if revision == "head" else revision
        if before == target:
            return before, before
        _check_known(before)
        cfg = alembic_config()
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, revision)
            dangling = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
            if dangling:
                raise RadioDeskError(
                    f"Pembaruan skema basis data {path} gagal: {len(dangling)} baris merujuk data yang "
                    "tidak ada. Basis data tidak diubah."
                )
        after = current_revision(engine)
        log.info("database %s upgraded from %s to %s", path, before, after)
        return before, after
    finally:
        engine.dispose()


def _check_known(revision: str | None) -> None:
    if revision is None:
        return
    script = ScriptDirectory.from_config(alembic_config())
    try:
        script.get_revision(revision)
    except Exception as err:
        raise RadioDeskError(
            f"Basis data ini dibuat oleh versi Radio Desk yang lebih baru (revisi skema {revision}). "
            "Perbarui Radio Desk sebelum membukanya."
        ) from err
