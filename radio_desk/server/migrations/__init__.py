"""Alembic migrations of the server database (run by :func:`radio_desk.server.db.migrate`)."""
