"""Initial tables: stations, cases, recordings, transcript segments, status events, field history,
outbox and sync state.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

UUID = sa.String(36)


def upgrade() -> None:
    op.create_table(
        "stations",
        sa.Column("code", sa.String(64), primary_key=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("regency_code", sa.String(16), nullable=False),
    )
    op.create_table(
        "cases",
        sa.Column("pk", sa.Integer(), primary_key=True),
        sa.Column("id", UUID, nullable=False, unique=True),
        sa.Column("station", sa.String(64), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.Column("channel", sa.String(16), nullable=False),
        sa.Column("caller_name", sa.Text(), nullable=True),
        sa.Column("phone", sa.String(20), nullable=True),
        sa.Column("anonim", sa.Boolean(), nullable=False, server_default=sa.text("0")),
        sa.Column("rahasia", sa.Boolean(), nullable=False, server_default=sa.text("0")),
        sa.Column("kecamatan_code", sa.String(16), nullable=True),
        sa.Column("desa_code", sa.String(20), nullable=True),
        sa.Column("place_text", sa.Text(), nullable=False, server_default=""),
        sa.Column("category", sa.String(40), nullable=True),
        sa.Column("urgency", sa.String(16), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False, server_default=""),
        sa.Column("notes", sa.Text(), nullable=False, server_default=""),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("opd", sa.String(40), nullable=True),
        sa.Column("duplicate_of", UUID, sa.ForeignKey("cases.id", ondelete="SET NULL"), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False, server_default=sa.text("1")),
        sa.Column("remote_id", sa.String(64), nullable=True, unique=True),
        sa.Column("synced_revision", sa.Integer(), nullable=False, server_default=sa.text("0")),
        sa.Column("synced_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_cases_received_at", "cases", ["received_at"])
    op.create_index("ix_cases_status_received", "cases", ["status", "received_at"])
    op.create_index("ix_cases_category_received", "cases", ["category", "received_at"])
    op.create_index("ix_cases_kecamatan_received", "cases", ["kecamatan_code", "received_at"])
    op.create_index("ix_cases_station_received", "cases", ["station", "received_at"])
    op.create_index("ix_cases_phone", "cases", ["phone"])

    op.create_table(
        "recordings",
        sa.Column("id", UUID, primary_key=True),
        sa.Column("case_id", UUID, sa.ForeignKey("cases.id", ondelete="SET NULL"), nullable=True),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("format", sa.String(8), nullable=False),
        sa.Column("samplerate", sa.Integer(), nullable=False),
        sa.Column("channels", sa.Integer(), nullable=False),
        sa.Column("channel_map", sa.String(8), nullable=False),
        sa.Column("duration_s", sa.Float(), nullable=False, server_default=sa.text("0")),
        sa.Column("sha256", sa.String(64), nullable=True),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column("device", sa.Text(), nullable=True),
    )
    op.create_index("ix_recordings_case_id", "recordings", ["case_id"])
    op.create_index("ix_recordings_state", "recordings", ["state"])

    op.create_table(
        "transcript_segments",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("recording_id", UUID, sa.ForeignKey("recordings.id", ondelete="CASCADE"), nullable=False),
        sa.Column("start_s", sa.Float(), nullable=False),
        sa.Column("end_s", sa.Float(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("speaker", sa.String(16), nullable=True),
        sa.Column("engine", sa.String(32), nullable=False, server_default=""),
        sa.Column("model", sa.String(64), nullable=False, server_default=""),
        sa.Column("edited", sa.Boolean(), nullable=False, server_default=sa.text("0")),
    )
    op.create_index("ix_segments_recording_start", "transcript_segments", ["recording_id", "start_s"])

    op.create_table(
        "status_events",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", UUID, sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("from_status", sa.String(20), nullable=True),
        sa.Column("to_status", sa.String(20), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.Text(), nullable=False, server_default=""),
        sa.Column("note", sa.Text(), nullable=False, server_default=""),
        sa.Column("origin", sa.String(8), nullable=False, server_default="local"),
    )
    op.create_index("ix_status_events_case_at", "status_events", ["case_id", "at"])

    op.create_table(
        "case_changes",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", UUID, sa.ForeignKey("cases.id", ondelete="CASCADE"), nullable=False),
        sa.Column("field", sa.String(40), nullable=False),
        sa.Column("old_value", sa.Text(), nullable=True),
        sa.Column("new_value", sa.Text(), nullable=True),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("by", sa.Text(), nullable=False, server_default=""),
    )
    op.create_index("ix_case_changes_case_at", "case_changes", ["case_id", "at"])

    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("case_id", UUID, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False, server_default="{}"),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False, server_default=sa.text("0")),
        sa.Column("next_attempt_at", sa.DateTime(), nullable=True),
        sa.Column("last_error", sa.Text(), nullable=True),
        sa.Column("done", sa.Boolean(), nullable=False, server_default=sa.text("0")),
        sa.Column("sent_at", sa.DateTime(), nullable=True),
    )
    op.create_index("ix_outbox_case_id", "outbox", ["case_id"])
    op.create_index("ix_outbox_pending", "outbox", ["done", "next_attempt_at", "id"])

    op.create_table(
        "sync_state",
        sa.Column("key", sa.String(64), primary_key=True),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    for table in (
        "sync_state",
        "outbox",
        "case_changes",
        "status_events",
        "transcript_segments",
        "recordings",
        "cases",
        "stations",
    ):
        op.drop_table(table)
