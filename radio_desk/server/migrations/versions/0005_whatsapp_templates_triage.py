"""The WhatsApp line, second step: template messages after Meta's 24-hour window, triage suggestions.

``wa_message``: ``sent_at`` (the reporter's own time of the message, Meta's ``timestamp``: the 24-hour
window runs from the last one), ``triage_state``/``suggestion`` (the speech worker's triage of the text
or transcript) and an index to find a reporter's last message; ``wa_outbox``: ``template`` (the status
whose approved template stands in when the window is closed) and ``template_params`` (JSON list).

Revision ID: 0005_whatsapp_templates_triage
Revises: 0004_whatsapp
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from radio_desk.server.models import UTCDateTime

revision = "0005_whatsapp_templates_triage"
down_revision = "0004_whatsapp"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("wa_message") as t:
        t.add_column(sa.Column("sent_at", UTCDateTime()))
        t.add_column(sa.Column("triage_state", sa.String(20), nullable=False, server_default="none"))
        t.add_column(sa.Column("suggestion", sa.Text()))
    op.create_index("ix_wa_message_from", "wa_message", ["wa_from", "sent_at"])
    op.create_index("ix_wa_message_triage", "wa_message", ["triage_state"])
    with op.batch_alter_table("wa_outbox") as t:
        t.add_column(sa.Column("template", sa.String(40)))
        t.add_column(sa.Column("template_params", sa.Text()))


def downgrade() -> None:
    with op.batch_alter_table("wa_outbox") as t:
        t.drop_column("template_params")
        t.drop_column("template")
    op.drop_index("ix_wa_message_triage", "wa_message")
    op.drop_index("ix_wa_message_from", "wa_message")
    with op.batch_alter_table("wa_message") as t:
        t.drop_column("suggestion")
        t.drop_column("triage_state")
        t.drop_column("sent_at")
