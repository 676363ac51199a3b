"""SMS at the studio (issue 20): the messages read from a Gammu SMSD and the replies written to it.

* ``sms_messages``: one row per message (multipart joined), unique by the daemon's id so a message is
  imported once however often the inbox is read; its case id is reserved at import, the case itself
  is made when the operator confirms; a discarded message keeps its reason.
* ``sms_replies``: the replies written to the daemon's outbox, one of each kind (ticket number,
  follow-up) per case at most.

New tables only: the cases table and its full-text triggers are untouched.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sms_messages",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("smsd_id", sa.String(200), nullable=False, unique=True),
        sa.Column("files", sa.Text(), server_default="[]", nullable=False),
        sa.Column("sender", sa.String(40), nullable=False),
        sa.Column("phone", sa.String(20), nullable=True),
        sa.Column("text", sa.Text(), server_default="", nullable=False),
        sa.Column("parts", sa.Integer(), server_default=sa.text("1"), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("case_id", sa.String(36), nullable=False, unique=True),
        sa.Column("state", sa.String(12), server_default="waiting", nullable=False),
        sa.Column("triage", sa.Text(), nullable=True),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decided_by", sa.Text(), server_default="", nullable=False),
        sa.Column("discard_reason", sa.Text(), server_default="", nullable=False),
        sa.Column("reply", sa.Boolean(), server_default=sa.text("0"), nullable=False),
    )
    op.create_index("ix_sms_messages_state_received", "sms_messages", ["state", "received_at"])
    op.create_table(
        "sms_replies",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(12), nullable=False),
        sa.Column("phone", sa.String(20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("file", sa.Text(), nullable=False),
        sa.Column("written_at", sa.DateTime(), nullable=False),
        sa.UniqueConstraint("case_id", "kind", name="uq_sms_replies_case_kind"),
    )


def downgrade() -> None:
    op.drop_table("sms_replies")
    op.drop_index("ix_sms_messages_state_received", "sms_messages")
    op.drop_table("sms_messages")
