"""The SQLite engine: connection settings, transactions, one sessionmaker for reads and one for writes.

Every connection gets WAL journaling (readers never block the writer: the GUI keeps listing cases
while the recorder and the sync thread write), foreign keys ON, a busy timeout, and
``synchronous=NORMAL`` (safe with WAL: a power cut may lose the last transaction, never corrupt).

pysqlite's own transaction handling is switched off (``isolation_level=None``) and SQLAlchemy's
``begin`` event emits the ``BEGIN`` itself, as the SQLAlchemy SQLite docs recommend.  Writing
sessions begin with ``BEGIN IMMEDIATE``: they take the write lock up front, so two threads that both
read-then-write wait for each other (busy timeout) instead of one failing with "database is locked"
when it tries to upgrade its read lock.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

BUSY_TIMEOUT_MS = 10_000


def make_engine(path: Path, *, foreign_keys: bool = True) -> Engine:
    engine = create_engine(
        f"sqlite+pysqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        pool_size=8,
        max_overflow=8,
        # an error's text (shown, logged, in crash reports) must never carry a caller's name or phone
        hide_parameters=True,
    )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        dbapi_connection.isolation_level = None  # we emit BEGIN ourselves, see module docstring
        cur = dbapi_connection.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute(f"PRAGMA foreign_keys={'ON' if foreign_keys else 'OFF'}")
        cur.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA cache_size=-16000")  # 16 MB page cache per connection
        cur.execute("PRAGMA temp_store=MEMORY")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Any) -> None:
        immediate = conn.get_execution_options().get("sqlite_immediate", False)
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

    return engine


def make_sessionmakers(engine: Engine) -> tuple[sessionmaker[Session], sessionmaker[Session]]:
    """(read, write) sessionmakers bound to ``engine``; write sessions start with BEGIN IMMEDIATE."""
    read = sessionmaker(bind=engine, expire_on_commit=False)
    write = sessionmaker(bind=engine.execution_options(sqlite_immediate=True), expire_on_commit=False)
    return read, write
