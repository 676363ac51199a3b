"""Full-text search over cases, and the indexes the console's monitoring reads by.

PostgreSQL: a GIN index on the expression ``to_tsvector('simple', description || address ||
status_notes)`` (the 'simple' configuration: Indonesian and Javanese words are not stemmed wrongly by an
English dictionary); :data:`radio_desk.server.search.PG_DOCUMENT` is that expression, word for word, so
the planner uses the index.  SQLite (the embedded server): an FTS5 table with the case row as its
external content, kept up to date by triggers.

SQLite note: a later migration that rebuilds ``service_request`` with ``batch_alter_table`` drops these
triggers with the old table; such a migration must create them again (``_create_sqlite_fts``).

Revision ID: 0003
Revises: 0002 (written on 0001; chained after the console migration at the merge)
Create Date: 2026-12-03
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

PG_DOCUMENT = (
    "to_tsvector('simple'::regconfig, coalesce(description, '') || ' ' || coalesce(address, '') "
    "|| ' ' || coalesce(status_notes, ''))"
)
FTS_COLUMNS = "description, address, status_notes"
TIME_INDEXES = {
    "ix_service_request_requested": "requested_datetime",
    "ix_service_request_forwarded": "forwarded_at",
    "ix_service_request_followed_up": "followed_up_at",
}
# PostgreSQL: with these columns included, the monitoring's weekly counts and medians over the weeks
# shown are index-only scans of those weeks
PG_INCLUDE = {
    "requested_datetime": "station_id, opd, rahasia, forwarded_at",
    "forwarded_at": "station_id, opd, rahasia, requested_datetime, followed_up_at",
    "followed_up_at": "station_id, opd, rahasia, forwarded_at",
}


# PostgreSQL: the open cases (a quarter of them, say) as an index-only scan for the monitoring's counts
OPEN_INDEX = (
    "CREATE INDEX ix_service_request_open ON service_request (opd, station_id, status) "
    "INCLUDE (requested_datetime, forwarded_at, rahasia) "
    "WHERE status IN ('baru', 'terverifikasi', 'diteruskan', 'diproses')"
)
# PostgreSQL: the public page's figures per OPD (non-rahasia forwarded cases)
PUBLIC_OPD_INDEX = (
    "CREATE INDEX ix_service_request_public_opd ON service_request (opd, status) "
    "WHERE NOT rahasia AND forwarded_at IS NOT NULL"
)


def _create_sqlite_fts() -> None:
    op.execute(
        f"CREATE VIRTUAL TABLE service_request_fts USING fts5({FTS_COLUMNS}, content='service_request', "
        "content_rowid='id', tokenize='unicode61 remove_diacritics 2')"
    )
    new = "new.description, new.address, new.status_notes"
    old = "old.description, old.address, old.status_notes"
    op.execute(
        "CREATE TRIGGER service_request_fts_ai AFTER INSERT ON service_request BEGIN "
        f"INSERT INTO service_request_fts(rowid, {FTS_COLUMNS}) VALUES (new.id, {new}); END"
    )
    op.execute(
        "CREATE TRIGGER service_request_fts_ad AFTER DELETE ON service_request BEGIN "
        f"INSERT INTO service_request_fts(service_request_fts, rowid, {FTS_COLUMNS}) "
        f"VALUES ('delete', old.id, {old}); END"
    )
    op.execute(
        f"CREATE TRIGGER service_request_fts_au AFTER UPDATE OF {FTS_COLUMNS} ON service_request BEGIN "
        f"INSERT INTO service_request_fts(service_request_fts, rowid, {FTS_COLUMNS}) "
        f"VALUES ('delete', old.id, {old}); "
        f"INSERT INTO service_request_fts(rowid, {FTS_COLUMNS}) VALUES (new.id, {new}); END"
    )
    op.execute("INSERT INTO service_request_fts(service_request_fts) VALUES ('rebuild')")


def upgrade() -> None:
    dialect = op.get_bind().dialect.name
    for name, column in TIME_INDEXES.items():
        if dialect == "postgresql":
            op.execute(f"CREATE INDEX {name} ON service_request ({column}) INCLUDE ({PG_INCLUDE[column]})")
        else:
            op.create_index(name, "service_request", [column])
    if dialect == "postgresql":
        op.execute(f"CREATE INDEX ix_service_request_fts ON service_request USING gin ({PG_DOCUMENT})")
        op.execute(OPEN_INDEX)
        op.execute(PUBLIC_OPD_INDEX)
    elif dialect == "sqlite":
        _create_sqlite_fts()


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        for name in ("ix_service_request_fts", "ix_service_request_open", "ix_service_request_public_opd"):
            op.execute(f"DROP INDEX IF EXISTS {name}")
    elif dialect == "sqlite":
        for suffix in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER IF EXISTS service_request_fts_{suffix}")
        op.execute("DROP TABLE IF EXISTS service_request_fts")
    for name in TIME_INDEXES:
        op.drop_index(name, "service_request")
