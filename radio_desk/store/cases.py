"""Cases: create, read, change (with field history and outbox), list with filters, search.

Every method opens its own short session, so the repository may be called from any thread (GUI
workers, the recorder, the sync thread).  Methods take and return :class:`~radio_desk.domain.Case`
and friends, never ORM rows.
"""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, Literal

from sqlalchemy import (
    Select,
    and_,
    delete,
    func,
    literal_column,
    select,
)
from sqlalchemy import case as sql_case
from sqlalchemy.orm import Session

from radio_desk.domain.enums import Status, Urgency
from radio_desk.domain.lifecycle import REOPEN_TO, check_reopen, check_transition
from radio_desk.domain.models import Case, StatusEvent, utcnow
from radio_desk.domain.phone import normalize_phone
from radio_desk.errors import NotFoundError, ValidationError
from radio_desk.store.convert import case_from_row, case_values, event_from_row
from radio_desk.store.models import CaseChangeRow, CaseRow, StatusEventRow
from radio_desk.store.outbox import OutboxKind, enqueue
from radio_desk.store.queries import (
    FTS_COLUMNS,
    RANK_FUNCTION,
    SNIPPET_SOURCES,
    CaseFilter,
    case_fts,
    filter_conditions,
    page_snippets,
    walk_by_date,
)
from radio_desk.store.search import HL_END, HL_START, fts_query
from radio_desk.store.validate import EDITABLE_FIELDS, normalize_case, to_text

if TYPE_CHECKING:
    from radio_desk.store.store import Store

Order = Literal["newest", "oldest", "updated", "urgency"]
SearchOrder = Literal["relevance", "newest"]


@dataclass(frozen=True)
class SearchHit:
    case: Case
    snippet: str  # with HL_START/HL_END around matches; see store.search.to_html / spans
    rank: float  # bm25: lower is better


@dataclass(frozen=True)
class CaseChange:
    case_id: uuid.UUID
    field: str
    old: str | None
    new: str | None
    at: datetime
    by: str
    id: int | None = None


@dataclass(frozen=True)
class SyncInfo:
    remote_id: str | None
    revision: int  # local revision: grows with every local change
    synced_revision: int  # the revision the server last acknowledged
    synced_at: datetime | None
    error: str | None = None  # why the server refused the last send (Indonesian); None once sent
    error_at: datetime | None = None
    # the note that came with the server's current status (the OPD's follow-up text), if any
    status_note: str | None = None
    status_note_at: datetime | None = None
    # why the server refused the station's own status change (its status was pulled back), if it did
    status_error: str | None = None
    status_error_at: datetime | None = None

    @property
    def dirty(self) -> bool:
        return self.synced_revision < self.revision


_URGENCY_RANK = sql_case({u.value: u.rank for u in Urgency}, value=CaseRow.urgency, else_=0)


def _ordered(stmt: Select[Any], order: Order) -> Select[Any]:
    c = CaseRow
    if order == "newest":
        return stmt.order_by(c.received_at.desc(), c.pk.desc())
    if order == "oldest":
        return stmt.order_by(c.received_at, c.pk)
    if order == "updated":
        return stmt.order_by(c.updated_at.desc(), c.pk.desc())
    if order == "urgency":
        return stmt.order_by(_URGENCY_RANK.desc(), c.received_at.desc(), c.pk.desc())
    raise ValueError(f"unknown order {order!r}")


def _log_changes(
    s: Session, case_id: uuid.UUID, old: Case, new: Case, names: Iterable[str], *, at: datetime, by: str
) -> None:
    """One history row per changed intake field (what the editor's history view lists)."""
    for name in names:
        s.add(
            CaseChangeRow(
                case_id=case_id,
                field=name,
                old_value=to_text(getattr(old, name)),
                new_value=to_text(getattr(new, name)),
                at=at,
                by=by,
            )
        )


class CaseRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    # -- helpers ---------------------------------------------------------------------------------
    def _normalize(self, case: Case) -> tuple[Case, str]:
        return normalize_case(case, self._store.taxonomy, self._store.gazetteer)

    @staticmethod
    def _row(s: Session, case_id: uuid.UUID | str) -> CaseRow:
        try:
            cid = case_id if isinstance(case_id, uuid.UUID) else uuid.UUID(str(case_id))
        except ValueError:
            raise NotFoundError(f"Aduan dengan ID \u201c{case_id}\u201d tidak ada.") from None
        row = s.scalars(select(CaseRow).where(CaseRow.id == cid)).one_or_none()
        if row is None:
            raise NotFoundError(f"Aduan dengan ID \u201c{case_id}\u201d tidak ada.")
        return row

    @staticmethod
    def _check_duplicate_target(s: Session, case: Case) -> None:
        if case.duplicate_of is not None:
            found = s.scalar(select(CaseRow.pk).where(CaseRow.id == case.duplicate_of))
            if found is None:
                raise ValidationError(
                    f"Aduan asal duplikat \u201c{case.duplicate_of}\u201d tidak ada.", field="duplicate_of"
                )

    # -- create / read ---------------------------------------------------------------------------
    def create(self, case: Case, *, by: str = "") -> Case:
        """Store a new case; records its first status event and queues it for the server."""
        normal, place = self._normalize(case)
        with self._store.write() as s:
            if s.scalar(select(CaseRow.pk).where(CaseRow.id == normal.id)) is not None:
                raise ValidationError(f"Aduan dengan ID {normal.id} sudah ada.", field="id")
            self._check_duplicate_target(s, normal)
            s.add(CaseRow(**case_values(normal), place_text=place, revision=1, synced_revision=0))
            s.add(
                StatusEventRow(
                    case_id=normal.id,
                    from_status=None,
                    to_status=str(normal.status),
                    at=normal.created_at,
                    by=by,
                    note="",
                    origin="local",
                )
            )
            enqueue(s, normal.id, OutboxKind.CREATE, {"revision": 1})
        return normal

    def get(self, case_id: uuid.UUID | str) -> Case:
        with self._store.read() as s:
            return case_from_row(self._row(s, case_id))

    def find(self, case_id: uuid.UUID | str) -> Case | None:
        try:
            return self.get(case_id)
        except NotFoundError:
            return None

    def get_many(self, case_ids: Iterable[uuid.UUID]) -> list[Case]:
        ids = list(case_ids)
        with self._store.read() as s:
            rows = {r.id: r for r in s.scalars(select(CaseRow).where(CaseRow.id.in_(ids)))}
        return [case_from_row(rows[i]) for i in ids if i in rows]

    # -- changes ---------------------------------------------------------------------------------
    def update(
        self,
        case_id: uuid.UUID | str,
        changes: dict[str, Any],
        *,
        by: str = "",
        at: datetime | None = None,
    ) -> Case:
        """Change some fields; each real change goes to the field history and the outbox.

        Fields not in ``changes`` are left as they are in the database (two editors changing different
        fields do not overwrite each other).  ``status`` is changed with :meth:`change_status`.
        """
        unknown = set(changes) - EDITABLE_FIELDS
        if "status" in unknown:
            raise ValidationError(
                "Status diubah lewat perubahan status, bukan suntingan biasa.", field="status"
            )
        if unknown:
            raise ValidationError(
                f"Kolom tidak bisa diubah: {', '.join(sorted(unknown))}.", field=sorted(unknown)[0]
            )
        at = at or utcnow()
        with self._store.write() as s:
            row = self._row(s, case_id)
            current = case_from_row(row)
            normal, place = self._normalize(dataclasses.replace(current, **changes))
            self._check_duplicate_target(s, normal)
            # a desa alone may have filled in its kecamatan: history shows both
            changed = [
                name for name in sorted(EDITABLE_FIELDS) if getattr(normal, name) != getattr(current, name)
            ]
            if not changed:
                return current
            _log_changes(s, row.id, current, normal, changed, at=at, by=by)
            values = case_values(normal)
            for name in changed:
                setattr(row, name, values[name])
            row.place_text = place
            row.updated_at = at
            row.revision += 1
            enqueue(s, row.id, OutboxKind.UPDATE, {"fields": changed, "revision": row.revision})
            s.flush()
            return case_from_row(row)

    def change_status(
        self,
        case_id: uuid.UUID | str,
        to: Status | str,
        *,
        by: str = "",
        note: str = "",
        opd: str | None = None,
        duplicate_of: uuid.UUID | None = None,
        at: datetime | None = None,
    ) -> StatusEvent:
        """Move a case along the lifecycle (refused with :class:`IllegalTransition` if not allowed).

        ``opd`` (when forwarding) and ``duplicate_of`` (when marking a duplicate) are set in the same
        transaction and appear in the field history.
        """
        try:
            target = Status(to)
        except ValueError:
            raise ValidationError(f"Status \u201c{to}\u201d tidak dikenal.", field="status") from None
        at = at or utcnow()
        extra: dict[str, Any] = {}
        if opd is not None:
            extra["opd"] = opd
        if duplicate_of is not None:
            extra["duplicate_of"] = duplicate_of
        if target == Status.DUPLIKAT and duplicate_of is None:
            pass  # allowed: the editor may not know the original yet
        with self._store.write() as s:
            row = self._row(s, case_id)
            current = case_from_row(row)
            check_transition(current.status, target)
            return self._move(s, row, current, target, by=by, note=note, at=at, extra=extra)

    def reopen(
        self, case_id: uuid.UUID | str, *, by: str, reason: str, at: datetime | None = None
    ) -> StatusEvent:
        """Reopen a final case (bukan wewenang, duplikat, ditolak): back to "terverifikasi", with the
        reason and who did it in the status history, and sent to the server like any status change.
        A duplicate loses its link to the original (kept in the field history).  Who may do this is
        the caller's business (:func:`radio_desk.services.case_status.reopen_case`)."""
        reason = (reason or "").replace("\x00", "").strip()
        if not reason:
            raise ValidationError("Tulis alasan membuka kembali aduan ini.", field="reason")
        if not by.strip():
            raise ValidationError("Siapa yang membuka kembali aduan ini? Isi nama operator.", field="by")
        with self._store.write() as s:
            row = self._row(s, case_id)
            current = case_from_row(row)
            check_reopen(current.status)
            extra: dict[str, Any] = {"duplicate_of": None} if current.duplicate_of else {}
            note = f"Dibuka kembali: {reason}"
            return self._move(s, row, current, REOPEN_TO, by=by, note=note, at=at or utcnow(), extra=extra)

    def _move(
        self, s: Session, row: CaseRow, current: Case, target: Status, *, by: str, note: str,
        at: datetime, extra: dict[str, Any],
    ) -> StatusEvent:  # fmt: skip
        """The status change itself, inside the caller's transaction: field changes, the event, the
        server's outbox."""
        if target == Status.DITERUSKAN and not (extra.get("opd") or current.opd):
            default = self._store.taxonomy.default_opd(current.category)  # the category's usual OPD
            if default is None:
                raise ValidationError(
                    "Aduan hanya bisa diteruskan ke sebuah OPD: pilih OPD tujuan (atau kategorinya).",
                    field="opd",
                )
            extra["opd"] = default
        if extra:
            normal, _ = self._normalize(dataclasses.replace(current, **extra))
            self._check_duplicate_target(s, normal)
            moved = [name for name in extra if getattr(current, name) != getattr(normal, name)]
            _log_changes(s, row.id, current, normal, moved, at=at, by=by)
            for name in moved:
                setattr(row, name, getattr(normal, name))
        event = StatusEventRow(
            case_id=row.id, from_status=row.status, to_status=target.value, at=at, by=by,
            note=(note or "").replace("\x00", ""), origin="local",
        )  # fmt: skip
        s.add(event)
        row.status = target.value
        row.status_note = row.status_note_at = None  # the server's note was about the old status
        row.updated_at = at
        row.revision += 1
        s.flush()
        # sent to the server as POST /api/v1/requests/{remote_id}/status once it has the case
        payload = {
            "event_id": event.id, "from": current.status.value, "to": target.value,
            "note": event.note, "opd": row.opd, "by": by,
            "duplicate_of": str(row.duplicate_of) if row.duplicate_of else None,
        }  # fmt: skip
        enqueue(s, row.id, OutboxKind.STATUS, {**payload, "revision": row.revision})
        return event_from_row(event)

    def apply_remote_status(
        self, case_id: uuid.UUID | str, to: Status | str, *, at: datetime, by: str = "", note: str = ""
    ) -> StatusEvent | None:
        """A status change that came from the server (the OPD's follow-up): recorded as it is, without the
        local lifecycle check (the server is the authority) and without queueing anything back.
        Returns ``None`` when the case already has that status."""
        target = Status(to)
        with self._store.write() as s:
            event = record_server_status(s, self._row(s, case_id), target.value, at=at, by=by, note=note)
            if event is None:
                return None
            s.flush()
            return event_from_row(event)

    def delete(self, case_id: uuid.UUID | str, *, by: str = "") -> None:
        """Remove a case with its history (recordings stay, detached).  Queued for the server only if
        the server already has it."""
        with self._store.write() as s:
            row = self._row(s, case_id)
            if row.remote_id is not None:
                enqueue(s, row.id, OutboxKind.DELETE, {"remote_id": row.remote_id, "by": by})
            s.execute(delete(CaseRow).where(CaseRow.pk == row.pk))

    # -- sync bookkeeping ------------------------------------------------------------------------
    def sync_info(self, case_id: uuid.UUID | str) -> SyncInfo:
        with self._store.read() as s:
            row = self._row(s, case_id)
            return SyncInfo(
                row.remote_id, row.revision, row.synced_revision, row.synced_at, row.sync_error,
                row.sync_error_at, row.status_note, row.status_note_at, row.status_error,
                row.status_error_at,
            )  # fmt: skip

    def mark_synced(
        self,
        case_id: uuid.UUID | str,
        *,
        revision: int,
        remote_id: str | None = None,
        at: datetime | None = None,
    ) -> None:
        """The server acknowledged ``revision`` of the case (and, on first send, gave it ``remote_id``)."""
        with self._store.write() as s:
            row = self._row(s, case_id)
            if remote_id is not None:
                row.remote_id = remote_id
            row.synced_revision = max(row.synced_revision, revision)
            row.synced_at = at or utcnow()

    def by_remote_id(self, remote_id: str) -> Case | None:
        with self._store.read() as s:
            row = s.scalars(select(CaseRow).where(CaseRow.remote_id == remote_id)).one_or_none()
            return case_from_row(row) if row else None

    # -- lists -----------------------------------------------------------------------------------
    def list(
        self,
        filters: CaseFilter | None = None,
        *,
        order: Order = "newest",
        limit: int | None = 100,
        offset: int = 0,
    ) -> list[Case]:
        stmt = _ordered(select(CaseRow).where(*filter_conditions(filters)), order)
        if limit is not None:
            stmt = stmt.limit(limit)
        if offset:
            stmt = stmt.offset(offset)
        with self._store.read() as s:
            return [case_from_row(r) for r in s.scalars(stmt)]

    def each(
        self, filters: CaseFilter | None = None, *, order: Order = "oldest", chunk: int = 1000
    ) -> Iterator[Case]:
        """All matching cases, streamed ``chunk`` rows at a time from one read transaction (exports and
        reports of any size without holding every row)."""
        stmt = _ordered(select(CaseRow).where(*filter_conditions(filters)), order)
        with self._store.read() as s:
            for row in s.scalars(stmt.execution_options(yield_per=chunk)):
                yield case_from_row(row)

    def count(self, filters: CaseFilter | None = None) -> int:
        stmt = select(func.count()).select_from(CaseRow).where(*filter_conditions(filters))
        with self._store.read() as s:
            return int(s.scalar(stmt) or 0)

    def search(
        self,
        query: str,
        filters: CaseFilter | None = None,
        *,
        limit: int = 50,
        offset: int = 0,
        order: SearchOrder = "relevance",
    ) -> list[SearchHit]:
        """Cases matching the words of ``query`` (any user input is safe), best first, with a snippet.

        ``relevance``: FTS5 sorts by its ``rank`` (bm25 with the column weights of :data:`BM25`) itself,
        so SQLite joins and filters only the rows of the page, not every match (a common word matches a
        third of 100,000 cases); equal ranks are newest first within the page.  ``newest``: by
        received_at, walking the date index when the word is common, ``rank`` 0.0.  Snippets are cut in
        Python from the page's texts read by rowid (``store.queries.page_snippets``): FTS5's snippet()
        re-reads each document's index entries and costs more than the whole query on a common word.
        """
        match = fts_query(query)
        if match is None:
            return []
        filters = dataclasses.replace(filters, text=None) if filters is not None else CaseFilter()
        found = select(case_fts.c.rowid).where(case_fts.c.case_fts.op("MATCH")(match))
        with self._store.read() as s:
            if order == "newest":
                # "pk + 0": for a common word the match set must not drive the plan (see store.browse)
                pk = CaseRow.pk + 0 if walk_by_date(s, filters, match) else CaseRow.pk
                stmt = (
                    select(CaseRow, literal_column("0.0"))
                    .where(pk.in_(found), *filter_conditions(filters))
                    .order_by(CaseRow.received_at.desc(), CaseRow.pk.desc())
                )
            else:
                rank = literal_column("case_fts.rank")
                stmt = (
                    select(CaseRow, rank)
                    .select_from(case_fts)
                    .join(CaseRow, CaseRow.pk == case_fts.c.rowid)
                    .where(case_fts.c.case_fts.op("MATCH")(match), rank.op("MATCH")(RANK_FUNCTION))
                    .where(*filter_conditions(filters))
                    .order_by(rank)  # consumed by FTS5 itself: SQLite joins only the rows of the page
                )
            rows = s.execute(stmt.limit(limit).offset(offset)).all()
            snippets = page_snippets(s, [r[0].pk for r in rows], query, SNIPPET_SOURCES)
            hits = [(case_from_row(row), float(rank_value), row.pk) for row, rank_value in rows]
        out = [SearchHit(case, snippets.get(pk, ""), rank_value) for case, rank_value, pk in hits]
        if order != "newest":
            out.sort(key=lambda h: (h.rank, -h.case.received_at.timestamp()))  # stable: ties newest first
        return out

    def highlight(self, case_id: uuid.UUID | str, query: str, field: str = "transcript") -> str:
        """The whole text of ``field`` (one of FTS_COLUMNS) with the query's matches marked
        (HL_START/HL_END), for the editor.  Unmarked text when nothing matches."""
        if field not in FTS_COLUMNS:
            raise ValueError(f"not a searchable field: {field}")
        col = FTS_COLUMNS.index(field)
        match = fts_query(query)
        with self._store.read() as s:
            row = self._row(s, case_id)
            if match is not None:
                marked = s.scalar(
                    select(func.highlight(literal_column("case_fts"), col, HL_START, HL_END))
                    .select_from(case_fts)
                    .where(case_fts.c.rowid == row.pk, case_fts.c.case_fts.op("MATCH")(match))
                )
                if marked is not None:
                    return str(marked)
            plain = s.scalar(
                select(literal_column(field)).select_from(case_fts).where(case_fts.c.rowid == row.pk)
            )
            return str(plain or "")

    def by_phone(self, phone: str, *, exclude: uuid.UUID | None = None, limit: int = 50) -> list[Case]:
        """Earlier cases from the same number (repeat callers), newest first."""
        e164 = normalize_phone(phone)
        if e164 is None:
            return []
        stmt = select(CaseRow).where(CaseRow.phone == e164)
        if exclude is not None:
            stmt = stmt.where(CaseRow.id != exclude)
        stmt = stmt.order_by(CaseRow.received_at.desc(), CaseRow.pk.desc()).limit(limit)
        with self._store.read() as s:
            return [case_from_row(r) for r in s.scalars(stmt)]

    def history(self, case_id: uuid.UUID | str, field: str | None = None) -> list[CaseChange]:
        """Every field change of the case, oldest first (optionally of one field)."""
        with self._store.read() as s:
            row = self._row(s, case_id)
            stmt = select(CaseChangeRow).where(CaseChangeRow.case_id == row.id)
            if field is not None:
                stmt = stmt.where(CaseChangeRow.field == field)
            stmt = stmt.order_by(CaseChangeRow.at, CaseChangeRow.id)
            return [
                CaseChange(r.case_id, r.field, r.old_value, r.new_value, r.at, r.by, r.id)
                for r in s.scalars(stmt)
            ]

    def status_events(self, case_id: uuid.UUID | str) -> list[StatusEvent]:
        with self._store.read() as s:
            row = self._row(s, case_id)
            stmt = (
                select(StatusEventRow)
                .where(StatusEventRow.case_id == row.id)
                .order_by(StatusEventRow.at, StatusEventRow.id)
            )
            return [event_from_row(r) for r in s.scalars(stmt)]

    def status_events_of(self, case_ids: Iterable[uuid.UUID], *, chunk: int = 500) -> list[StatusEvent]:
        """The status events of many cases at once (``chunk`` ids per query), each case's in order."""
        ids = list(dict.fromkeys(case_ids))
        out: list[StatusEvent] = []
        with self._store.read() as s:
            for i in range(0, len(ids), chunk):
                stmt = (
                    select(StatusEventRow)
                    .where(StatusEventRow.case_id.in_(ids[i : i + chunk]))
                    .order_by(StatusEventRow.case_id, StatusEventRow.at, StatusEventRow.id)
                )
                out.extend(event_from_row(r) for r in s.scalars(stmt))
        return out

    def stale(self, *, status: Status, older_than: datetime) -> list[Case]:
        """Cases in ``status`` whose last status change is older than ``older_than`` (overdue lists)."""
        last = (
            select(StatusEventRow.case_id, func.max(StatusEventRow.at).label("at"))
            .group_by(StatusEventRow.case_id)
            .subquery()
        )
        stmt = (
            select(CaseRow)
            .join(last, last.c.case_id == CaseRow.id)
            .where(and_(CaseRow.status == status.value, last.c.at < older_than))
            .order_by(last.c.at)
        )
        with self._store.read() as s:
            return [case_from_row(r) for r in s.scalars(stmt)]


def record_server_status(
    s: Session,
    row: CaseRow,
    status: str,
    *,
    at: datetime,
    by: str = "server",
    note: str = "",
    event_note: str | None = None,
    touched_at: datetime | None = None,
) -> StatusEventRow | None:
    """Record a status the server set on the case ``row`` (inside the caller's write transaction): the
    one place a server status is applied, for the repository, the update feed and the read-back after a
    refusal.  No lifecycle check (the server is the authority), nothing queued back.  ``note`` (the
    OPD's follow-up) becomes the case's status note; ``event_note`` (default ``note``) the event's.
    ``touched_at`` is the case's new ``updated_at`` (default: the later of it and ``at``).  Returns the
    new event, or ``None`` when the case already has that status."""
    if row.status == status:
        return None
    event = StatusEventRow(
        case_id=row.id, from_status=row.status, to_status=status, at=at, by=by,
        note=(note if event_note is None else event_note)[:2000], origin="server",
    )  # fmt: skip
    s.add(event)
    row.status = status
    row.status_note, row.status_note_at = (note[:4000], at) if note else (None, None)
    row.updated_at = touched_at if touched_at is not None else max(row.updated_at, at)
    return event
