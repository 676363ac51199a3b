"""SMS at the studio: import what a Gammu SMSD received, and write the station's replies to it.

:class:`SmsGateway` reads the daemon's inbox folder (files backend, see
:mod:`radio_desk.services.gammu_files`): every message not yet in the desk database becomes a row of
the "SMS masuk" list, with the sender's number normalised (the repeat-reporter hint counts the cases
from it) and the text triaged as a call's transcript is.  It runs at start and whenever the folder
changes, so a message that arrived while the desk was closed is imported at the next start; the daemon
id makes it idempotent.  A message whose files are still being written (younger than ``settle_s``) is
taken at the next pass; a file that cannot be read is left where it is and named in the report.

Replies (off unless the station turns them on, and only with an outbox folder): the ticket number once
the case is saved -- the central server's number when the case has reached it (waiting up to
``WAIT_FOR_NUMBER`` for it when a server is configured), else the station's own reference -- and the
follow-up when the OPD closes the case, each from the station's template
(:func:`radio_desk.domain.sms.render_reply`: no private details can be named).

Plain Python: call it from a worker thread (it touches disk and database), never from the GUI thread.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from radio_desk.domain.enums import Status, label_of
from radio_desk.domain.models import utcnow
from radio_desk.domain.phone import local_format, normalize_phone
from radio_desk.domain.sms import (
    DEFAULT_CLOSED_TEMPLATE,
    DEFAULT_SAVED_TEMPLATE,
    ReplyKind,
    SmsMessage,
    render_reply,
    ticket_number,
)
from radio_desk.errors import ValidationError
from radio_desk.services.gammu_files import (
    GammuFileError,
    IncomingSms,
    outbox_name,
    read_message,
    scan_inbox,
    write_outbox,
)
from radio_desk.store.sms import NewSms, ReplyDue

if TYPE_CHECKING:
    from radio_desk.settings import Settings
    from radio_desk.store.store import Store
    from radio_desk.triage.suggest import Suggestion

log = logging.getLogger(__name__)

SETTLE_S = 1.0  # a message's newest file must be this old: the daemon may still be writing its parts
WAIT_FOR_NUMBER = timedelta(minutes=10)  # the ticket reply waits this long for the server's number


@dataclass(frozen=True)
class SmsConfig:
    inbox: Path | None = None
    outbox: Path | None = None
    replies: bool = False
    saved_template: str = DEFAULT_SAVED_TEMPLATE
    closed_template: str = DEFAULT_CLOSED_TEMPLATE
    station_name: str = ""
    station_code: str = ""
    server_configured: bool = False  # the ticket reply waits for the server's number

    @classmethod
    def from_settings(cls, s: Settings) -> SmsConfig:
        inbox, outbox = s["sms_inbox_dir"].strip(), s["sms_outbox_dir"].strip()
        return cls(
            inbox=Path(inbox).expanduser() if inbox else None,
            outbox=Path(outbox).expanduser() if outbox else None,
            replies=bool(s["sms_replies"]),
            saved_template=s["sms_reply_saved_template"],
            closed_template=s["sms_reply_closed_template"],
            station_name=s["station_name"] or "",
            station_code=s["station_code"] or "",
            server_configured=bool(s["server_url"] and s["sync_enabled"]),
        )

    @property
    def replying(self) -> bool:
        return self.replies and self.outbox is not None


@dataclass
class ImportReport:
    new: list[SmsMessage] = field(default_factory=list)
    waiting_files: int = 0  # messages still being written: taken at the next pass
    inbox_readable: bool = False  # the folder could be listed
    problems: list[str] = field(default_factory=list)  # Indonesian, for the operator


@dataclass
class ReplyReport:
    written: list[str] = field(default_factory=list)  # outbox file names
    problems: list[str] = field(default_factory=list)


def triage_dict(s: Suggestion) -> dict[str, Any]:
    """What the list shows of a suggestion (and keeps with the message)."""
    from radio_desk.triage.suggest import PLACE_MIN_CONFIDENCE

    if not s.evidence:
        return {"evidence": False}
    sure = lambda p: p.code if p is not None and p.confidence >= PLACE_MIN_CONFIDENCE else None  # noqa: E731
    return {
        "evidence": True,
        "summary": s.summary,
        "urgency": s.urgency.value,
        "category": s.category,
        "kecamatan_code": sure(s.kecamatan),
        "desa_code": sure(s.desa),
        "opd": s.opd,
    }


def sender_phone(sender: str) -> str | None:
    """The sender as an E.164 number, or ``None`` (a network name such as "TELKOMSEL", or abroad)."""
    try:
        return normalize_phone(sender)
    except ValidationError:
        return None


def form_values(msg: SmsMessage) -> dict[str, Any]:
    """The On-Air form's values for a message: channel SMS, the sender's number, the text as notes."""
    notes = msg.text if msg.phone else f"Pengirim: {msg.sender}\n{msg.text}"
    return {
        "channel": "sms",
        "phone": local_format(msg.phone) if msg.phone else "",
        "notes": notes,
        "urgency": "sedang",
    }


def new_sms(sms: IncomingSms, suggest: Callable[[str], Suggestion] | None = None) -> NewSms:
    """The row to store for a message the daemon received (triaged when ``suggest`` is given)."""
    triage = triage_dict(suggest(sms.text)) if suggest is not None and sms.text else None
    when = sms.received_at if sms.received_at.tzinfo else sms.received_at.astimezone()  # naive: local
    return NewSms(
        sms.message_id, sms.files, sms.sender, sender_phone(sms.sender), sms.text, sms.parts, when, triage
    )


class SmsGateway:
    def __init__(
        self,
        store: Store,
        config: SmsConfig,
        *,
        settle_s: float = SETTLE_S,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.store = store
        self.config = config
        self.settle_s = settle_s
        self.clock = clock
        self._known: set[str] | None = None
        self._bad: set[str] = set()  # message ids already reported unreadable
        self._lock = threading.Lock()  # one pass at a time

    # -- incoming --------------------------------------------------------------------------------
    def import_new(self, suggest: Callable[[str], Suggestion] | None = None) -> ImportReport:
        report = ImportReport()
        folder = self.config.inbox
        if folder is None:
            return report
        with self._lock:
            if self._known is None:
                self._known = self.store.sms.known_ids()
            try:
                groups = scan_inbox(folder)
            except OSError as err:
                report.problems.append(f"Folder inbox SMSD {folder} tidak terbaca: {err.strerror or err}.")
                return report
            report.inbox_readable = True
            fresh: list[NewSms] = []
            now = self.clock()
            for message_id in sorted(set(groups) - self._known):
                files = groups[message_id]
                try:
                    newest = max((folder / f.name).stat().st_mtime for f in files)
                    if now - newest < self.settle_s:
                        report.waiting_files += 1
                        continue
                    sms = read_message(folder, files)
                except (OSError, GammuFileError) as err:
                    if message_id not in self._bad:
                        self._bad.add(message_id)
                        log.warning("SMSD inbox file not read (%s...): %s", message_id[:20], err)  # no number
                        report.problems.append(
                            f"SMS {files[0].name} tidak terbaca ({err}); berkas dibiarkan."
                        )
                    continue
                if sms is None:  # 8-bit data only: nothing for the desk
                    self._known.add(message_id)
                    continue
                fresh.append(new_sms(sms, suggest))
            if fresh:
                report.new = self.store.sms.add(fresh)
                self._known.update(m.smsd_id for m in fresh)
                log.info("SMSD: %d new message(s) imported", len(report.new))
        return report

    def triage_pending(self, suggest: Callable[[str], Suggestion]) -> int:
        """Triage the waiting messages imported before the triage was ready; how many."""
        pending = self.store.sms.untriaged()
        for msg in pending:
            self.store.sms.set_triage(
                msg.id, triage_dict(suggest(msg.text)) if msg.text else {"evidence": False}
            )
        return len(pending)

    def confirm_saved(self, by: str = "") -> list[SmsMessage]:
        """Mark the messages whose case was saved as confirmed (and due a reply when replies are on)."""
        return self.store.sms.confirm_saved(reply=self.config.replying, by=by)

    # -- replies ---------------------------------------------------------------------------------
    def write_replies(self, now: datetime | None = None) -> ReplyReport:
        report = ReplyReport()
        cfg = self.config
        if not cfg.replying or cfg.outbox is None:
            return report
        now = now or utcnow()
        with self._lock:
            for serial, due in enumerate(self.store.sms.replies_due()):
                if due.kind is ReplyKind.SAVED and self._wait_for_number(due, now):
                    continue
                try:
                    text = self._reply_text(due)
                    name = outbox_name(
                        due.phone,
                        now.astimezone(),
                        f"radiodesk{due.case_id.hex[:10]}{due.kind.value[0]}",
                        serial=serial % 100,
                    )
                except (ValidationError, GammuFileError) as err:
                    report.problems.append(f"Balasan SMS tidak dibuat: {err}")
                    continue
                if not self.store.sms.record_reply(due.case_id, due.kind, due.phone, text, name):
                    continue
                try:
                    write_outbox(cfg.outbox, name, text)
                except OSError as err:
                    self.store.sms.forget_reply(due.case_id, due.kind)
                    log.warning("SMS reply not written to the outbox: %s", err.__class__.__name__)
                    why = err.strerror or err
                    report.problems.append(
                        f"Balasan SMS tidak bisa ditulis ke folder outbox {cfg.outbox}: {why}."
                    )
                    break  # the folder is the problem: the others wait for the next pass
                report.written.append(name)
            if report.written:
                log.info("SMSD: %d repl(ies) written to the outbox", len(report.written))
        return report

    def _wait_for_number(self, due: ReplyDue, now: datetime) -> bool:
        if due.remote_id or not self.config.server_configured or due.decided_at is None:
            return False
        return now - due.decided_at < WAIT_FOR_NUMBER

    def _reply_text(self, due: ReplyDue) -> str:
        cfg = self.config
        ticket = ticket_number(cfg.station_code or due.station, due.case_id, due.remote_id)
        template = cfg.saved_template if due.kind is ReplyKind.SAVED else cfg.closed_template
        status = label_of(Status, due.status)
        return render_reply(
            template, tiket=ticket, stasiun=cfg.station_name, status=status, tindak_lanjut=due.status_note
        )
