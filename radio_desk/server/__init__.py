"""The central Diskominfo server: Open311 GeoReport v2, the update feed, resumable uploads.

FastAPI + SQLAlchemy 2 with its own Alembic migrations (``radio_desk/server/migrations``); SQLite out
of the box, PostgreSQL in production.  Start it with ``radio-desk-server serve``.
"""

from radio_desk.server.app import create_app
from radio_desk.server.config import ServerSettings

__all__ = ["ServerSettings", "create_app"]
