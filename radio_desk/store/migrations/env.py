"""Alembic environment for the Radio Desk local database.

Run programmatically by :func:`radio_desk.store.migrate.upgrade`, which passes an open connection in
``config.attributes["connection"]``; there is no alembic.ini.  SQLite needs "batch" mode to alter
tables (copy-and-move), hence ``render_as_batch``.
"""

from __future__ import annotations

from alembic import context

from radio_desk.store.models import Base

config = context.config
target_metadata = Base.metadata

# Objects the models do not describe: the FTS5 table and its shadow tables.
_NOT_IN_MODELS = ("case_fts",)


def include_object(obj, name, type_, reflected, compare_to) -> bool:  # type: ignore[no-untyped-def]
    return not (type_ == "table" and name and name.startswith(_NOT_IN_MODELS))


def run_migrations_online() -> None:
    connection = config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("radio_desk migrations run through radio_desk.store.migrate, with a connection")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,
        include_object=include_object,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():
    raise RuntimeError("offline (SQL script) migrations are not supported for the local database")
run_migrations_online()
