"""Discarded cases and recordings; the SHA-256 of an imported file as it came.

``recordings.source_sha256``: an imported file's SHA-256 before any conversion, so the same file
imported twice is recognised (and the case that has it named).

A test or mistaken call thrown away with a reason, never silently:

``discards`` keeps who threw what away, when and why, a snapshot of the case's rows (the case, its
status history and field changes, as JSON) so it can be restored, and where its audio went (the
trash folder).  A new table only: nothing else changes.

Numbered 0007 after 0006 (the SMS inbox, built at the same time on another branch); it revises 0005
until both are merged, then 0006.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.add_column("recordings", sa.Column("source_sha256", sa.String(64), nullable=True))
    op.create_index("ix_recordings_source_sha256", "recordings", ["source_sha256"])
    op.create_table(
        "discards",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("case_id", sa.String(36), nullable=True, index=True),
        sa.Column("recording_ids", sa.Text(), nullable=False, server_default="[]"),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.Text(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("snapshot", sa.Text(), nullable=False, server_default="{}"),
        sa.Column("files", sa.Text(), nullable=False, server_default="[]"),
        sa.Column("restored_at", sa.DateTime(), nullable=True),
        sa.Column("restored_by", sa.Text(), nullable=True),
    )


def downgrade() -> None:
    op.drop_table("discards")
    op.drop_index("ix_recordings_source_sha256", "recordings")
    op.execute("ALTER TABLE recordings DROP COLUMN source_sha256")
