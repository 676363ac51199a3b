"""Why the server refused a case: ``cases.sync_error`` (Indonesian, shown on the case and in the
status bar) and ``cases.sync_error_at``; a partial index finds the refused cases without a scan.

Plain ``ADD COLUMN`` (no table rebuild), so the full-text triggers of 0002 stay in place.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("cases", sa.Column("sync_error", sa.Text(), nullable=True))
    op.add_column("cases", sa.Column("sync_error_at", sa.DateTime(), nullable=True))
    op.create_index(
        "ix_cases_sync_refused",
        "cases",
        ["sync_error_at"],
        sqlite_where=sa.text("sync_error_at IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_cases_sync_refused", "cases")
    # native DROP COLUMN (SQLite 3.35+): a batch rebuild would drop the full-text triggers
    op.execute("ALTER TABLE cases DROP COLUMN sync_error_at")
    op.execute("ALTER TABLE cases DROP COLUMN sync_error")
