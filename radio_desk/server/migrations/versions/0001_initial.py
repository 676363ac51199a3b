"""Initial server schema: accounts, service requests, the update feed, resumable uploads.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from radio_desk.server.models import BigId, UTCDateTime

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "account",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("name", sa.String(100), nullable=False, unique=True),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("key_hash", sa.String(64), unique=True),
        sa.Column("key_prefix", sa.String(12)),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("rotated_at", UTCDateTime()),
        sa.Column("revoked_at", UTCDateTime()),
    )
    op.create_table(
        "service_request",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("case_uuid", sa.String(36), nullable=False, unique=True),
        sa.Column("token", sa.String(32), nullable=False, unique=True),
        sa.Column("station_id", sa.Integer(), sa.ForeignKey("account.id"), nullable=False),
        sa.Column("service_code", sa.String(40), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("status_notes", sa.Text()),
        sa.Column("opd", sa.String(40)),
        sa.Column("channel", sa.String(20), nullable=False),
        sa.Column("urgency", sa.String(20), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("address", sa.Text()),
        sa.Column("lat", sa.Float()),
        sa.Column("long", sa.Float()),
        sa.Column("kecamatan_code", sa.String(20)),
        sa.Column("desa_code", sa.String(20)),
        sa.Column("caller_name", sa.String(200)),
        sa.Column("phone", sa.String(32)),
        sa.Column("anonim", sa.Boolean(), nullable=False),
        sa.Column("rahasia", sa.Boolean(), nullable=False),
        sa.Column("duplicate_of", BigId),
        sa.Column("requested_datetime", UTCDateTime(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("updated_datetime", UTCDateTime(), nullable=False),
        sa.Column("verified_at", UTCDateTime()),
        sa.Column("forwarded_at", UTCDateTime()),
        sa.Column("followed_up_at", UTCDateTime()),
        sa.Column("closed_at", UTCDateTime()),
    )
    for col in ("station_id", "service_code", "status", "opd", "rahasia", "updated_datetime"):
        op.create_index(f"ix_service_request_{col}", "service_request", [col])
    op.create_table(
        "request_update",
        sa.Column("id", BigId, primary_key=True, autoincrement=True),
        sa.Column("request_id", BigId, sa.ForeignKey("service_request.id"), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("updated_datetime", UTCDateTime(), nullable=False),
        sa.Column("by", sa.String(100), nullable=False),
    )
    op.create_index("ix_request_update_request_id", "request_update", ["request_id"])
    op.create_index("ix_request_update_time", "request_update", ["updated_datetime"])
    op.create_table(
        "upload",
        sa.Column("id", sa.String(32), primary_key=True),
        sa.Column("request_id", BigId, sa.ForeignKey("service_request.id"), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("filename", sa.String(200), nullable=False),
        sa.Column("content_type", sa.String(100), nullable=False),
        sa.Column("length", sa.BigInteger(), nullable=False),
        sa.Column("offset", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(64)),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("completed_at", UTCDateTime()),
    )
    op.create_index("ix_upload_request_id", "upload", ["request_id"])
    op.create_index("ux_upload_file", "upload", ["request_id", "kind", "sha256"], unique=True)


def downgrade() -> None:
    op.drop_table("upload")
    op.drop_table("request_update")
    op.drop_table("service_request")
    op.drop_table("account")
