"""Steps the migration tests share: a store file at an old revision with rows written in it by plain
SQL, and a downgrade (foreign keys off, as Alembic's batch mode needs)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic import command

from radio_desk.store import migrate
from radio_desk.store.engine import make_engine


def store_at(path: Path, revision: str, *statements: str) -> None:
    """Creates (or upgrades) the store file at ``revision`` and runs ``statements`` in it, committed."""
    migrate.upgrade(path, revision)
    con = sqlite3.connect(path)
    for sql in statements:
        con.execute(sql)
    con.commit()
    con.close()


def downgrade(path: Path, revision: str) -> None:
    engine = make_engine(path, foreign_keys=False)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
    engine.dispose()
