"""Engine, sessions and migrations of the server database."""

from __future__ import annotations

import logging
from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session, sessionmaker

from radio_desk.errors import RadioDeskError

log = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
# Held (per transaction) while writing feed rows on PostgreSQL, so update ids become visible in
# the order they were allocated and a client's "after update_id N" cursor never skips a row.
FEED_LOCK_ID = 731_1_311


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, hide_parameters=True
        )

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.close()

        # pysqlite's own transaction handling defers BEGIN; take the write lock at BEGIN instead so two
        # writers never deadlock upgrading a read lock (SQLAlchemy recipe).
        @event.listens_for(engine, "connect")
        def _no_pysqlite_begin(dbapi_conn, _record):  # type: ignore[no-untyped-def]
            dbapi_conn.isolation_level = None

        @event.listens_for(engine, "begin")
        def _begin_immediate(conn):  # type: ignore[no-untyped-def]
            conn.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    # hide_parameters: no caller name or phone in an error's text or a log line
    return create_engine(url, pool_size=10, max_overflow=10, pool_pre_ping=True, hide_parameters=True)


def make_sessionmaker(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def alembic_config(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest revision (idempotent; run at every start)."""
    cfg = alembic_config(engine.url.render_as_string(hide_password=False))
    try:
        with engine.begin() as conn:
            if engine.dialect.name == "postgresql":
                # two servers starting at once against one database: one migrates, the other waits
                conn.execute(text("SELECT pg_advisory_xact_lock(7311312)"))
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except OperationalError as err:
        raise RadioDeskError(
            f"Basis data server tidak bisa dibuka ({engine.url.render_as_string(hide_password=True)}): "
            f"{err.orig}"
        ) from err


def lock_feed(session: Session) -> None:
    """Serialise writers of the update feed (PostgreSQL; SQLite writers are serialised already)."""
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": FEED_LOCK_ID})
