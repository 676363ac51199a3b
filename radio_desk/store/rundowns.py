"""Rundowns ("Ayo Mas Bro" dialogue segments) and their items.

A rundown is saved whole (its items replaced in one transaction): the editor's list is small and
this keeps positions consistent.  Items of a deleted case disappear with it (ON DELETE CASCADE).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from sqlalchemy import delete, func, select

from radio_desk.domain.models import utcnow
from radio_desk.domain.rundown import Rundown, RundownEntry, group_by_opd
from radio_desk.errors import NotFoundError, ValidationError
from radio_desk.store.convert import from_row
from radio_desk.store.models import CaseRow, RundownItemRow, RundownRow
from radio_desk.store.rows import get_row

if TYPE_CHECKING:
    from radio_desk.store.store import Store


@dataclass(frozen=True)
class RundownInfo:
    id: uuid.UUID
    show_date: date
    title: str
    items: int
    updated_at: datetime


def _entry(row: RundownItemRow) -> RundownEntry:
    return from_row(RundownEntry, row)


def _check(entry: RundownEntry, n: int) -> None:
    if entry.clip_in is not None and entry.clip_in < 0:
        raise ValidationError(f"Item {n}: titik awal klip tidak boleh negatif.", field="clip_in")
    if entry.clip_in is not None and entry.clip_out is not None and entry.clip_out <= entry.clip_in:
        raise ValidationError(f"Item {n}: titik akhir klip harus setelah titik awal.", field="clip_out")


class RundownRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def save(self, rundown: Rundown) -> Rundown:
        """Create or update ``rundown`` with exactly its entries (grouped by OPD, renumbered)."""
        entries = group_by_opd(list(rundown.entries))
        seen: set[uuid.UUID] = set()
        for i, e in enumerate(entries, 1):
            _check(e, i)
            if e.case_id in seen:
                raise ValidationError(f"Aduan {e.case_id} sudah ada di rundown ini.", field="case_id")
            seen.add(e.case_id)
        now = utcnow()
        with self._store.write() as s:
            row = s.get(RundownRow, rundown.id)
            if row is None:
                row = RundownRow(id=rundown.id, created_at=rundown.created_at, exported_by="")
                s.add(row)
            row.show_date = rundown.show_date.isoformat()
            row.title = rundown.title
            row.station = rundown.station
            row.updated_at = now
            row.exported_at = rundown.exported_at
            row.exported_by = rundown.exported_by
            if seen:
                known = set(s.scalars(select(CaseRow.id).where(CaseRow.id.in_(seen))))
                missing = seen - known
                if missing:
                    raise NotFoundError(f"Aduan {next(iter(missing))} untuk rundown ini tidak ada.")
            s.flush()
            s.execute(delete(RundownItemRow).where(RundownItemRow.rundown_id == rundown.id))
            rows = [
                RundownItemRow(
                    rundown_id=rundown.id, case_id=e.case_id, position=e.position, summary=e.summary,
                    excerpt=e.excerpt, recording_id=e.recording_id, clip_in=e.clip_in, clip_out=e.clip_out,
                    opd=e.opd, rahasia_included_by=e.rahasia_included_by,
                    rahasia_included_at=e.rahasia_included_at,
                )
                for e in entries
            ]  # fmt: skip
            s.add_all(rows)
            s.flush()
            for e, r in zip(entries, rows, strict=True):
                e.id = r.id
        rundown.entries = entries
        rundown.updated_at = now
        return rundown

    def get(self, rundown_id: uuid.UUID) -> Rundown:
        with self._store.read() as s:
            row = get_row(s, RundownRow, rundown_id, f"Rundown {rundown_id} tidak ada.")
            items = s.scalars(
                select(RundownItemRow)
                .where(RundownItemRow.rundown_id == rundown_id)
                .order_by(RundownItemRow.position, RundownItemRow.id)
            )
            return Rundown(
                show_date=date.fromisoformat(row.show_date),
                title=row.title,
                station=row.station,
                entries=[_entry(r) for r in items],
                id=row.id,
                created_at=row.created_at,
                updated_at=row.updated_at,
                exported_at=row.exported_at,
                exported_by=row.exported_by,
            )

    def list(self, limit: int = 200) -> list[RundownInfo]:
        """Rundowns, newest show date first, with their item counts."""
        n = (
            select(func.count(RundownItemRow.id))
            .where(RundownItemRow.rundown_id == RundownRow.id)
            .scalar_subquery()
        )
        stmt = (
            select(RundownRow, n)
            .order_by(RundownRow.show_date.desc(), RundownRow.created_at.desc())
            .limit(limit)
        )
        with self._store.read() as s:
            return [
                RundownInfo(r.id, date.fromisoformat(r.show_date), r.title, int(count), r.updated_at)
                for r, count in s.execute(stmt)
            ]

    def delete(self, rundown_id: uuid.UUID) -> None:
        with self._store.write() as s:
            s.execute(delete(RundownRow).where(RundownRow.id == rundown_id))

    def mark_exported(self, rundown_id: uuid.UUID, *, by: str, at: datetime | None = None) -> None:
        with self._store.write() as s:
            row = get_row(s, RundownRow, rundown_id, f"Rundown {rundown_id} tidak ada.")
            row.exported_at = at or utcnow()
            row.exported_by = by
