""" "Ayo Mas Bro" rundowns: the dialogue segments an editor prepares and their ordered items.

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UUID = sa.String(36)


def upgrade() -> None:
    op.create_table(
        "rundowns",
        sa.Column("id", UUID, primary_key=True),
        sa.Column("show_date", sa.String(10), nullable=False),
        sa.Column("title", sa.Text(), nullable=False, server_default=""),
        sa.Column("station", sa.String(64), nullable=False, server_default=""),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("exported_at", sa.DateTime(), nullable=True),
        sa.Column("exported_by", sa.Text(), nullable=False, server_default=""),
    )
    op.create_index("ix_rundowns_show_date", "rundowns", ["show_date"])
    op.create_table(
        "rundown_items",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("rundown_id", UUID, sa.ForeignKey("rundowns.id", ondelete="CASCADE"), nullable=False),
        sa.Column("case_id", UUID, sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False, server_default=""),
        sa.Column("excerpt", sa.Text(), nullable=False, server_default=""),
        sa.Column("recording_id", UUID, sa.ForeignKey("recordings.id", ondelete="SET NULL"), nullable=True),
        sa.Column("clip_in", sa.Float(), nullable=True),
        sa.Column("clip_out", sa.Float(), nullable=True),
        sa.Column("opd", sa.String(40), nullable=True),
        sa.Column("rahasia_included_by", sa.Text(), nullable=True),
        sa.Column("rahasia_included_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_rundown_items_rundown_position", "rundown_items", ["rundown_id", "position"])


def downgrade() -> None:
    op.drop_index("ix_rundown_items_rundown_position", "rundown_items")
    op.drop_table("rundown_items")
    op.drop_index("ix_rundowns_show_date", "rundowns")
    op.drop_table("rundowns")
