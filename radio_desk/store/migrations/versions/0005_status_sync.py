"""Status flows both ways: what the server said about a case's status.

* ``cases.status_note`` / ``status_note_at``: the note that came with the server's current status (the
  OPD's follow-up, *tindak lanjut*), shown with the status on the case page and in the On-Air list;
* ``cases.status_error`` / ``status_error_at``: why the server refused the station's own status change
  (its Indonesian message; the server's status was pulled back), cleared when a later change is taken.

Plain ``ADD COLUMN`` (no table rebuild), so the full-text triggers of 0002 stay in place.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

COLUMNS = ("status_note", "status_note_at", "status_error", "status_error_at")


def upgrade() -> None:
    op.add_column("cases", sa.Column("status_note", sa.Text(), nullable=True))
    op.add_column("cases", sa.Column("status_note_at", sa.DateTime(), nullable=True))
    op.add_column("cases", sa.Column("status_error", sa.Text(), nullable=True))
    op.add_column("cases", sa.Column("status_error_at", sa.DateTime(), nullable=True))


def downgrade() -> None:
    # native DROP COLUMN (SQLite 3.35+): a batch rebuild would drop the full-text triggers
    for name in reversed(COLUMNS):
        op.execute(f"ALTER TABLE cases DROP COLUMN {name}")
