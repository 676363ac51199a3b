"""The web console: OPD accounts and console passwords, the OPD's follow-up text, console sessions and
the audit log.

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from radio_desk.server.models import BigId, UTCDateTime

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("account", sa.Column("opd", sa.String(40)))
    op.add_column("account", sa.Column("email", sa.String(200)))
    op.add_column("account", sa.Column("password_hash", sa.String(200)))
    op.add_column("account", sa.Column("password_set_at", UTCDateTime()))
    op.add_column("service_request", sa.Column("tindak_lanjut", sa.Text()))
    op.create_table(
        "console_session",
        sa.Column("id", sa.String(64), primary_key=True),
        sa.Column("account_id", sa.Integer(), sa.ForeignKey("account.id"), nullable=False),
        sa.Column("csrf", sa.String(64), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("last_seen", UTCDateTime(), nullable=False),
        sa.Column("address", sa.String(64), nullable=False),
    )
    op.create_index("ix_console_session_account_id", "console_session", ["account_id"])
    op.create_table(
        "audit_log",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("action", sa.String(40), nullable=False),
        sa.Column("target", sa.String(100), nullable=False),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("address", sa.String(64), nullable=False),
    )
    op.create_index("ix_audit_log_at", "audit_log", ["at"])


def downgrade() -> None:
    op.drop_table("audit_log")
    op.drop_table("console_session")
    op.drop_column("service_request", "tindak_lanjut")
    with op.batch_alter_table("account") as batch:
        batch.drop_column("password_set_at")
        batch.drop_column("password_hash")
        batch.drop_column("email")
        batch.drop_column("opd")
