"""Steps the migration tests share: downgrade a store file to an older revision (foreign keys off,
as Alembic's batch mode needs)."""

from __future__ import annotations

from pathlib import Path

from alembic import command

from radio_desk.store import migrate
from radio_desk.store.engine import make_engine


def downgrade(path: Path, revision: str) -> None:
    engine = make_engine(path, foreign_keys=False)
    cfg = migrate.alembic_config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, revision)
    engine.dispose()
