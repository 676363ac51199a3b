"""The WhatsApp line: inbound messages (unique on Meta's message id), the reply outbox, the feed cursor.

Revision ID: 0004_whatsapp
Revises: 0003
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from radio_desk.server.models import BigId, UTCDateTime

revision = "0004_whatsapp"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "wa_message",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("wa_message_id", sa.String(128), nullable=False, unique=True),
        sa.Column("request_id", BigId, sa.ForeignKey("service_request.id")),
        sa.Column("wa_from", sa.String(32), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("media_id", sa.String(128)),
        sa.Column("mime_type", sa.String(100)),
        sa.Column("received_at", UTCDateTime(), nullable=False),
        sa.Column("media_state", sa.String(20), nullable=False),
        sa.Column("media_attempts", sa.Integer(), nullable=False),
        sa.Column("media_next_at", UTCDateTime()),
        sa.Column("upload_id", sa.String(32)),
        sa.Column("transcript_state", sa.String(20), nullable=False),
        sa.Column("transcript_attempts", sa.Integer(), nullable=False),
        sa.Column("claimed_at", UTCDateTime()),
        sa.Column("error", sa.String(300)),
    )
    op.create_index("ix_wa_message_request_id", "wa_message", ["request_id"])
    op.create_index("ix_wa_message_media", "wa_message", ["media_state", "media_next_at"])
    op.create_index("ix_wa_message_transcript", "wa_message", ["transcript_state"])
    op.create_table(
        "wa_outbox",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("dedupe", sa.String(200), nullable=False, unique=True),
        sa.Column("request_id", BigId, sa.ForeignKey("service_request.id")),
        sa.Column("wa_to", sa.String(32), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", UTCDateTime()),
        sa.Column("sent_at", UTCDateTime()),
        sa.Column("gave_up_at", UTCDateTime()),
        sa.Column("wa_reply_id", sa.String(128)),
        sa.Column("error", sa.String(300)),
    )
    op.create_index("ix_wa_outbox_request_id", "wa_outbox", ["request_id"])
    op.create_index("ix_wa_outbox_due", "wa_outbox", ["sent_at", "next_attempt_at"])
    op.create_table(
        "wa_cursor",
        sa.Column("name", sa.String(40), primary_key=True),
        sa.Column("value", sa.BigInteger(), nullable=False),
    )


def downgrade() -> None:
    op.drop_table("wa_cursor")
    op.drop_table("wa_outbox")
    op.drop_table("wa_message")
