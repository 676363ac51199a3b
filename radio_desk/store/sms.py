"""The SMS read from the studio's Gammu SMSD and the replies written back (tables of migration 0006).

A message is inserted once per daemon id (``INSERT ... ON CONFLICT DO NOTHING`` on ``smsd_id``), so
reading the inbox again after a crash or at every start adds nothing twice.  It is confirmed when a
case with its reserved id exists (:meth:`SmsRepository.confirm_saved`), whichever way the case was
saved (the form, a restored draft); a discard needs a reason and keeps the message.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import and_, exists, func, select, update
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import aliased

from radio_desk.domain.enums import CLOSED_STATUSES
from radio_desk.domain.models import utcnow
from radio_desk.domain.sms import ReplyKind, SmsMessage, SmsState
from radio_desk.errors import ValidationError
from radio_desk.store.convert import from_row
from radio_desk.store.models import CaseRow, SmsMessageRow, SmsReplyRow, StatusEventRow
from radio_desk.store.rows import get_row

if TYPE_CHECKING:
    from radio_desk.store.store import Store

MAX_REASON = 500


@dataclass(frozen=True)
class NewSms:
    smsd_id: str
    files: tuple[str, ...]
    sender: str
    phone: str | None
    text: str
    parts: int
    received_at: datetime  # timezone-aware
    triage: dict[str, Any] | None = None


@dataclass(frozen=True)
class ReplyDue:
    case_id: uuid.UUID
    kind: ReplyKind
    phone: str
    station: str
    remote_id: str | None
    decided_at: datetime | None
    status: str = ""
    status_note: str = ""


def _message(row: SmsMessageRow, earlier: int = 0) -> SmsMessage:
    return from_row(
        SmsMessage,
        row,
        state=SmsState(row.state),
        triage=json.loads(row.triage) if row.triage else None,
        earlier_cases=earlier,
    )


class SmsRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def known_ids(self) -> set[str]:
        with self._store.read() as s:
            return set(s.scalars(select(SmsMessageRow.smsd_id)))

    def add(self, messages: Iterable[NewSms]) -> list[SmsMessage]:
        """Insert the messages not yet in the store, in one transaction; the ones inserted."""
        now = utcnow()
        ids: list[int] = []
        with self._store.write() as s:
            for m in messages:
                stmt = (
                    sqlite_insert(SmsMessageRow)
                    .values(
                        smsd_id=m.smsd_id,
                        files=json.dumps(list(m.files)),
                        sender=m.sender[:40],
                        phone=m.phone,
                        text=m.text,
                        parts=m.parts,
                        received_at=m.received_at,
                        imported_at=now,
                        case_id=uuid.uuid4(),
                        state=SmsState.WAITING.value,
                        triage=json.dumps(m.triage) if m.triage else None,
                    )
                    .on_conflict_do_nothing(index_elements=["smsd_id"])
                    .returning(SmsMessageRow.id)
                )
                new_id = s.execute(stmt).scalar_one_or_none()
                if new_id is not None:
                    ids.append(new_id)
            rows = s.scalars(select(SmsMessageRow).where(SmsMessageRow.id.in_(ids))).all() if ids else []
            return [_message(r) for r in sorted(rows, key=lambda r: r.id)]

    def list(self, states: Iterable[SmsState] = (SmsState.WAITING,), limit: int = 500) -> list[SmsMessage]:
        """Messages in the given states, oldest first, each with the number of earlier cases from its
        sender's number (the repeat-reporter hint)."""
        earlier = (
            select(func.count(CaseRow.pk))
            .where(CaseRow.phone == SmsMessageRow.phone, CaseRow.id != SmsMessageRow.case_id)
            .where(CaseRow.received_at < SmsMessageRow.received_at)
            .correlate(SmsMessageRow)
            .scalar_subquery()
        )
        stmt = (
            select(SmsMessageRow, earlier)
            .where(SmsMessageRow.state.in_([SmsState(x).value for x in states]))
            .order_by(SmsMessageRow.received_at, SmsMessageRow.id)
            .limit(limit)
        )
        with self._store.read() as s:
            return [_message(row, count or 0) for row, count in s.execute(stmt)]

    def count_waiting(self) -> int:
        with self._store.read() as s:
            stmt = select(func.count(SmsMessageRow.id)).where(SmsMessageRow.state == SmsState.WAITING.value)
            return int(s.scalar(stmt) or 0)

    def get(self, message_id: int) -> SmsMessage:
        with self._store.read() as s:
            row = get_row(s, SmsMessageRow, message_id, f"SMS #{message_id} tidak ada.")
            return _message(row)

    def untriaged(self, limit: int = 200) -> list[SmsMessage]:
        stmt = (
            select(SmsMessageRow)
            .where(SmsMessageRow.state == SmsState.WAITING.value, SmsMessageRow.triage.is_(None))
            .order_by(SmsMessageRow.id)
            .limit(limit)
        )
        with self._store.read() as s:
            return [_message(r) for r in s.scalars(stmt)]

    def set_triage(self, message_id: int, triage: dict[str, Any]) -> None:
        with self._store.write() as s:
            s.execute(
                update(SmsMessageRow).where(SmsMessageRow.id == message_id).values(triage=json.dumps(triage))
            )

    def discard(self, message_id: int, reason: str, by: str = "") -> SmsMessage:
        """Set a waiting message aside with the operator's reason (kept, never deleted)."""
        reason = " ".join(reason.split())
        if not reason:
            raise ValidationError("Tulis alasan SMS ini dibuang (mis. iklan, salah kirim).", field="reason")
        if len(reason) > MAX_REASON:
            raise ValidationError(f"Alasan paling banyak {MAX_REASON} karakter.", field="reason")
        with self._store.write() as s:
            row = get_row(s, SmsMessageRow, message_id, f"SMS #{message_id} tidak ada.")
            if row.state != SmsState.WAITING.value:
                raise ValidationError("SMS ini sudah diproses.", field="state")
            row.state, row.discard_reason = SmsState.DISCARDED.value, reason
            row.decided_at, row.decided_by = utcnow(), by
            return _message(row)

    def confirm_saved(self, *, reply: bool, by: str = "") -> list[SmsMessage]:
        """Confirm every waiting message whose case has been saved; ``reply``: the station's replies
        were on at that moment (the ticket number goes out, later the follow-up)."""
        has_case = exists().where(CaseRow.id == SmsMessageRow.case_id)
        with self._store.write() as s:
            rows = s.scalars(
                select(SmsMessageRow).where(SmsMessageRow.state == SmsState.WAITING.value, has_case)
            ).all()
            now = utcnow()
            for row in rows:
                row.state, row.decided_at, row.decided_by, row.reply = (
                    SmsState.CONFIRMED.value,
                    now,
                    by,
                    reply,
                )
            return [_message(r) for r in rows]

    # -- replies ---------------------------------------------------------------------------------
    def replies_due(self) -> list[ReplyDue]:
        """Replies to write: the ticket number of each confirmed message that asked for replies, and
        the follow-up of each such case the server closed (a status the OPD set), once each."""
        sent = aliased(SmsReplyRow)
        sent_saved = aliased(SmsReplyRow)
        by_server = exists().where(
            StatusEventRow.case_id == CaseRow.id,
            StatusEventRow.to_status == CaseRow.status,
            StatusEventRow.origin == "server",
        )
        base = (
            select(SmsMessageRow, CaseRow)
            .join(CaseRow, CaseRow.id == SmsMessageRow.case_id)
            .where(SmsMessageRow.state == SmsState.CONFIRMED.value, SmsMessageRow.reply.is_(True))
            .where(SmsMessageRow.phone.is_not(None))
        )
        saved_stmt = base.where(
            ~exists().where(and_(sent.case_id == CaseRow.id, sent.kind == ReplyKind.SAVED.value))
        )
        closed_stmt = base.where(
            exists().where(and_(sent_saved.case_id == CaseRow.id, sent_saved.kind == ReplyKind.SAVED.value)),
            ~exists().where(and_(sent.case_id == CaseRow.id, sent.kind == ReplyKind.CLOSED.value)),
            CaseRow.status.in_([st.value for st in CLOSED_STATUSES]),
            by_server,
        )
        due: list[ReplyDue] = []
        with self._store.read() as s:
            for kind, stmt in ((ReplyKind.SAVED, saved_stmt), (ReplyKind.CLOSED, closed_stmt)):
                for msg, case in s.execute(stmt.order_by(SmsMessageRow.id)):
                    due.append(
                        ReplyDue(
                            case.id,
                            kind,
                            msg.phone or "",
                            case.station,
                            case.remote_id,
                            msg.decided_at,
                            case.status,
                            case.status_note or "",
                        )
                    )
        return due

    def record_reply(self, case_id: uuid.UUID, kind: ReplyKind, phone: str, text: str, file: str) -> bool:
        """Note a reply as written (before the file is: a crash loses a reply, never sends one twice);
        ``False`` when that reply was already recorded."""
        with self._store.write() as s:
            stmt = (
                sqlite_insert(SmsReplyRow)
                .values(
                    case_id=case_id, kind=kind.value, phone=phone, text=text, file=file, written_at=utcnow()
                )
                .on_conflict_do_nothing(index_elements=["case_id", "kind"])
                .returning(SmsReplyRow.id)
            )
            return s.execute(stmt).scalar_one_or_none() is not None

    def forget_reply(self, case_id: uuid.UUID, kind: ReplyKind) -> None:
        """The reply's file could not be written: it is due again."""
        with self._store.write() as s:
            row = s.scalar(
                select(SmsReplyRow).where(SmsReplyRow.case_id == case_id, SmsReplyRow.kind == kind)
            )
            if row is not None:
                s.delete(row)

    def replies(self, case_id: uuid.UUID) -> list[tuple[str, str, str]]:
        """(kind, text, file) of the replies written for a case, oldest first."""
        with self._store.read() as s:
            stmt = select(SmsReplyRow).where(SmsReplyRow.case_id == case_id).order_by(SmsReplyRow.id)
            return [(r.kind, r.text, r.file) for r in s.scalars(stmt)]
