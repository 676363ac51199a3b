"""Full-text search: the FTS5 table ``case_fts`` (one document per case) kept in step by triggers,
filled from the cases and transcripts already present.

Columns: caller_name (empty for anonim cases: a search hit must not reveal who an anonymous caller
is), place, summary, notes, transcript (all segments of all the case's recordings in
time order).  The document's rowid is ``cases.pk``.  Tokenizer ``unicode61 remove_diacritics 2`` (so
"désa" finds "desa"), prefix indexes for type-ahead on 2- and 3-character prefixes.

The SQL is written out here (not imported) so this revision stays what it was when it shipped.  A later
revision that rebuilds ``cases``, ``recordings`` or ``transcript_segments`` in batch mode drops their
triggers with the old table and must create them again (see docs/store.md).

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23
"""

from __future__ import annotations

from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _transcript(case_id_sql: str) -> str:
    """SQL expression: the case's whole transcript, segments in time order."""
    return (
        "coalesce((SELECT group_concat(t, ' ') FROM (SELECT s.text AS t FROM transcript_segments s "
        "JOIN recordings r ON r.id = s.recording_id "
        f"WHERE r.case_id = {case_id_sql} ORDER BY r.started_at, r.id, s.start_s, s.id)), '')"
    )


def _refresh_transcript(case_id_sql: str) -> str:
    return (
        f"UPDATE case_fts SET transcript = {_transcript(case_id_sql)} "
        f"WHERE rowid = (SELECT pk FROM cases WHERE id = {case_id_sql});"
    )


def _case_of_recording(recording_id_sql: str) -> str:
    return f"(SELECT case_id FROM recordings WHERE id = {recording_id_sql})"


TRIGGERS = {
    "case_fts_ai": f"""
        CREATE TRIGGER case_fts_ai AFTER INSERT ON cases BEGIN
            INSERT INTO case_fts(rowid, caller_name, place, summary, notes, transcript)
            VALUES (new.pk, CASE WHEN new.anonim THEN '' ELSE coalesce(new.caller_name, '') END,
                    new.place_text, new.summary, new.notes,
                    {_transcript("new.id")});
        END""",
    "case_fts_au": """
        CREATE TRIGGER case_fts_au AFTER UPDATE OF caller_name, anonim, place_text, summary, notes ON cases
        BEGIN
            UPDATE case_fts
               SET caller_name = CASE WHEN new.anonim THEN '' ELSE coalesce(new.caller_name, '') END,
                   place = new.place_text,
                   summary = new.summary, notes = new.notes
            WHERE rowid = new.pk;
        END""",
    "case_fts_ad": """
        CREATE TRIGGER case_fts_ad AFTER DELETE ON cases BEGIN
            DELETE FROM case_fts WHERE rowid = old.pk;
        END""",
    "case_fts_rec_au": f"""
        CREATE TRIGGER case_fts_rec_au AFTER UPDATE OF case_id, started_at ON recordings BEGIN
            {_refresh_transcript("old.case_id")}
            {_refresh_transcript("new.case_id")}
        END""",
    "case_fts_rec_ad": f"""
        CREATE TRIGGER case_fts_rec_ad AFTER DELETE ON recordings WHEN old.case_id IS NOT NULL BEGIN
            {_refresh_transcript("old.case_id")}
        END""",
    "case_fts_seg_ai": f"""
        CREATE TRIGGER case_fts_seg_ai AFTER INSERT ON transcript_segments BEGIN
            {_refresh_transcript(_case_of_recording("new.recording_id"))}
        END""",
    "case_fts_seg_au": f"""
        CREATE TRIGGER case_fts_seg_au AFTER UPDATE OF text, start_s, recording_id ON transcript_segments
        BEGIN
            {_refresh_transcript(_case_of_recording("old.recording_id"))}
            {_refresh_transcript(_case_of_recording("new.recording_id"))}
        END""",
    "case_fts_seg_ad": f"""
        CREATE TRIGGER case_fts_seg_ad AFTER DELETE ON transcript_segments BEGIN
            {_refresh_transcript(_case_of_recording("old.recording_id"))}
        END""",
}


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE case_fts USING fts5("
        "caller_name, place, summary, notes, transcript, "
        "tokenize = 'unicode61 remove_diacritics 2', prefix = '2 3')"
    )
    for sql in TRIGGERS.values():
        op.execute(sql)
    op.execute(
        "INSERT INTO case_fts(rowid, caller_name, place, summary, notes, transcript) "
        "SELECT pk, CASE WHEN anonim THEN '' ELSE coalesce(caller_name, '') END, place_text, summary, notes, "
        f"{_transcript('cases.id')} FROM cases"
    )


def downgrade() -> None:
    for name in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.execute("DROP TABLE IF EXISTS case_fts")
