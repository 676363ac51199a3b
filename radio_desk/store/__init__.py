"""The local case store (SQLite through SQLAlchemy 2, migrated by Alembic, searched with FTS5).

    from radio_desk.store import open_store, CaseFilter
    store = open_store()                       # the user's database; or open_store(path)
    case = store.cases.create(Case(...), by="operator")
    store.cases.list(CaseFilter(status=Status.BARU), limit=100)
    store.cases.search("jalan rusak", limit=20)

See docs/store.md for the schema, migrations and the outbox contract.
"""

from radio_desk.store.cases import CaseChange, CaseFilter, SearchHit, SyncInfo
from radio_desk.store.outbox import OutboxItem, OutboxKind, OutboxStats
from radio_desk.store.search import HL_END, HL_START, fts_query
from radio_desk.store.store import Store, open_store

__all__ = [
    "HL_END",
    "HL_START",
    "CaseChange",
    "CaseFilter",
    "OutboxItem",
    "OutboxKind",
    "OutboxStats",
    "SearchHit",
    "Store",
    "SyncInfo",
    "fts_query",
    "open_store",
]
