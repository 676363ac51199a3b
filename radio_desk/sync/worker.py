"""The background sync worker: a plain thread (no Qt) that pushes the outbox and pulls status.

The GUI polls :meth:`SyncWorker.snapshot` (cheap, lock-protected); nothing here ever blocks the GUI
thread.  On failure the worker waits with exponential backoff and jitter; on restart it simply
continues from the outbox and the stored cursor, so nothing is lost and nothing is sent twice
(the server keys every case on its UUID).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from radio_desk.domain.models import utcnow
from radio_desk.errors import StoreError, SyncError
from radio_desk.sync.backoff import Backoff
from radio_desk.sync.client import BATCH_ENVELOPE, RequestTooLarge, SyncClient, UploadRefused, encode_case
from radio_desk.sync.outbox import (
    CURSOR_KEY,
    LAST_SUCCESS_KEY,
    PendingItem,
    RefusedCase,
    SqlOutbox,
    too_large_reason,
)
from radio_desk.sync.status_out import StatusOutbox, StatusRefusal

log = logging.getLogger(__name__)
BROKEN_TEXT = "Teks aduan memuat karakter yang rusak; perbaiki teksnya lalu simpan lagi."


@dataclass
class CycleReport:
    pushed: int = 0
    refused: int = 0
    pulled: int = 0
    applied: int = 0
    batches: int = 0
    uploaded: int = 0
    transcripts: int = 0
    statuses: int = 0  # the station's own status changes the server took
    status_refused: list[StatusRefusal] = field(default_factory=list)  # ... and those it refused
    corrected: int = 0  # cases whose status the server corrected after a refusal
    errors: list[str] = field(default_factory=list)
    waiting: list[RefusedCase] = field(default_factory=list)  # refused, waiting for an edit (all cycles)

    def describe(self) -> str:
        text = (
            f"Terkirim {self.pushed} aduan ({self.batches} kiriman), ditolak {self.refused}; "
            f"{self.pulled} pembaruan status diterima, {self.applied} diterapkan; "
            f"{self.uploaded} rekaman dan {self.transcripts} transkrip diunggah."
        )
        if self.statuses or self.status_refused:
            text += f" Perubahan status: {self.statuses} diterima server, {len(self.status_refused)} ditolak."
        for refusal in self.status_refused:
            text += f" Aduan {refusal.case_id}: {refusal.reason}"
        if self.corrected:
            text += f" {self.corrected} status dikoreksi server."

        if self.waiting:
            text += " " + describe_refused(self.waiting)
        if self.errors:
            text += " Galat: " + " | ".join(self.errors)
        return text


def describe_refused(refused: list[RefusedCase], shown: int = 3) -> str:
    """Which cases wait because the server refused them, and why (Indonesian, for the status bar)."""
    text = f"{len(refused)} aduan tidak terkirim sampai diperbaiki: " + "; ".join(
        r.describe() for r in refused[:shown]
    )
    if len(refused) > shown:
        text += f"; dan {len(refused) - shown} lainnya"
    return text + "."


@dataclass(frozen=True)
class SyncSnapshot:
    pending: int
    last_success: datetime | None
    online: bool
    message: str  # Indonesian, for the status bar
    refused: tuple[RefusedCase, ...] = ()  # cases the server refused, newest first


def _pack(
    outbox: SqlOutbox, client: SyncClient, items: list[PendingItem], report: CycleReport, retry_in: float
) -> list[list[tuple[PendingItem, bytes]]]:
    """Group the cases into request bodies under the server's limit; a case that cannot go even alone
    (too large, or text that is not valid Unicode) is refused here with its reason."""
    batches: list[list[tuple[PendingItem, bytes]]] = []
    current: list[tuple[PendingItem, bytes]] = []
    size = BATCH_ENVELOPE
    unsendable: list[tuple[PendingItem, str]] = []
    for item in items:
        try:
            part = encode_case(item.payload)
        except UnicodeEncodeError:
            unsendable.append((item, BROKEN_TEXT))
            continue
        if BATCH_ENVELOPE + len(part) > client.max_body:
            reason = too_large_reason(item.payload, BATCH_ENVELOPE + len(part), client.max_body)
            unsendable.append((item, reason))
            continue
        if current and size + 1 + len(part) > client.max_body:
            batches.append(current)
            current, size = [], BATCH_ENVELOPE
        size += len(part) + (1 if current else 0)
        current.append((item, part))
    if current:
        batches.append(current)
    if unsendable:
        report.refused += len(outbox.refuse(unsendable, retry_in))
    return batches


def _push(
    outbox: SqlOutbox, client: SyncClient, batch: list[tuple[PendingItem, bytes]], report: CycleReport,
    retry_in: float,
) -> None:  # fmt: skip
    """Send one batch; one the server refuses as too large is halved, down to the one case at fault."""
    items = [item for item, _ in batch]
    try:
        results = client.push_encoded([part for _, part in batch])
    except RequestTooLarge as err:
        if len(batch) == 1:
            item, part = batch[0]
            reason = too_large_reason(item.payload, BATCH_ENVELOPE + len(part), client.max_body, str(err))
            report.refused += len(outbox.refuse([(item, reason)], retry_in))
            return
        half = len(batch) // 2
        log.info("batch of %d cases too large for the server; split in two", len(batch))
        _push(outbox, client, batch[:half], report, retry_in)
        _push(outbox, client, batch[half:], report, retry_in)
        return
    except SyncError as err:
        outbox.record_failure(items, str(err))
        raise
    ok, refused = outbox.record_results(items, results, retry_in)
    report.pushed += ok
    report.refused += len(refused)
    report.batches += 1


def _send_statuses(statuses: StatusOutbox, client: SyncClient, report: CycleReport) -> None:
    """The station's own status changes, one request each, oldest first; a refused one is settled
    (with the server's reason on the case) and the server's status read back."""
    for change in statuses.due():
        try:
            answer = client.post_status(change.remote_id, change.body())
        except SyncError as err:
            statuses.failed(change, str(err))
            raise
        if answer.accepted:
            statuses.sent(change)
            report.statuses += 1
        else:
            log.info("status change of case %s refused by the server (HTTP %s)", change.case_id, answer.code)
            report.status_refused.append(statuses.refused(change, answer.message))
    for case_id, remote_id in statuses.to_check():
        report.corrected += statuses.apply_server_state(case_id, client.get_request(remote_id))


def run_cycle(
    outbox: SqlOutbox, client: SyncClient, batch_size: int = 200, retry_in: float = 30.0
) -> CycleReport:
    """Push everything due, then pull the feed since the cursor. Raises SyncError when offline.

    A case the server refuses (or that is too large to send) is put aside with its reason and the
    others go on; it is sent again once edited (see :mod:`radio_desk.sync.outbox`)."""
    report = CycleReport()
    previous: set[int] = set()
    while True:
        items = outbox.take_batch(batch_size)
        taken = {i for item in items for i in item.outbox_ids}
        if not items or taken == previous:  # nothing due, or nothing settled: do not spin
            break
        previous = taken
        for batch in _pack(outbox, client, items, report, retry_in):
            _push(outbox, client, batch, report, retry_in)
    report.waiting = outbox.refused_cases()
    _send_statuses(outbox.statuses, client, report)
    while True:
        cursor = outbox.get_state(CURSOR_KEY)
        updates = client.pull(int(cursor) if cursor else None)
        if not updates:
            break
        report.pulled += len(updates)
        report.applied += outbox.apply_updates(updates)
    for rec_id, remote_id, path in outbox.recordings_to_upload():
        file = Path(path)
        if not file.exists():
            report.errors.append(f"rekaman {file.name} tidak ditemukan")
            continue
        # resumable: after a crash or a lost connection the server says where to continue
        try:
            outbox.mark_uploaded(rec_id, client.upload(remote_id, "audio", file))
        except UploadRefused as err:  # this file only; the network is fine, go on with the rest
            report.errors.append(str(err))
            continue
        report.uploaded += 1
    for transcript in outbox.transcripts_to_upload():
        try:
            client.upload_bytes(
                transcript.remote_id, "transcript", transcript.filename, transcript.data,
                content_type="application/json",
            )  # fmt: skip
        except UploadRefused as err:
            report.errors.append(str(err))
            continue
        outbox.mark_transcript_uploaded(transcript)
        report.transcripts += 1
    outbox.set_state(LAST_SUCCESS_KEY, utcnow().isoformat())
    return report


class SyncWorker:
    def __init__(
        self,
        outbox: SqlOutbox,
        client_factory: Callable[[], SyncClient],
        *,
        interval: float = 30.0,
        backoff: Backoff | None = None,
    ) -> None:
        self.outbox, self.client_factory, self.interval = outbox, client_factory, interval
        self.backoff = backoff or Backoff(base=2.0, cap=300.0)
        self._stop = threading.Event()
        self._wake = threading.Event()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        last = outbox.get_state(LAST_SUCCESS_KEY)
        self._last_success = datetime.fromisoformat(last) if last else None
        self._online = False
        self._message = "Sinkronisasi belum berjalan."

    def start(self) -> None:
        self._thread = threading.Thread(target=self._run, name="radio-desk-sync", daemon=True)
        self._thread.start()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread:
            self._thread.join(timeout)

    def wake(self) -> None:
        """Something was queued: sync now instead of at the next interval."""
        self._wake.set()

    def snapshot(self) -> SyncSnapshot:
        pending = self.outbox.pending_count()
        refused = tuple(self.outbox.refused_cases())
        with self._lock:
            return SyncSnapshot(pending, self._last_success, self._online, self._message, refused)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                with self.client_factory() as client:
                    report = run_cycle(self.outbox, client)
                with self._lock:
                    self._online, self._last_success = True, utcnow()
                    self._message = "Tersinkron. " + report.describe()
                self.backoff.reset()
                delay = self.interval
            except SyncError as err:
                delay = self.backoff.next_delay()
                with self._lock:
                    self._online = False
                    self._message = f"Luring: {err} Dicoba lagi dalam {delay:.0f} detik."
            except StoreError as problem:  # the desk's own database (the store's transactions say so)
                delay = self.backoff.next_delay()
                with self._lock:
                    self._online = False
                    self._message = f"Sinkronisasi berhenti: {problem} Dicoba lagi dalam {delay:.0f} detik."
            except Exception as err:
                log.exception("sync cycle failed")
                delay = self.backoff.next_delay()
                with self._lock:
                    self._online = False
                    self._message = f"Galat sinkronisasi: {type(err).__name__}. Dicoba lagi nanti."
            self._wake.wait(delay)
            self._wake.clear()
