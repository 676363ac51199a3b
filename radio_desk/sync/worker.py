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
from datetime import UTC, datetime
from pathlib import Path

from radio_desk.errors import SyncError
from radio_desk.sync.backoff import Backoff
from radio_desk.sync.client import SyncClient, UploadRefused
from radio_desk.sync.outbox import CURSOR_KEY, LAST_SUCCESS_KEY, SqlOutbox

log = logging.getLogger(__name__)


@dataclass
class CycleReport:
    pushed: int = 0
    refused: int = 0
    pulled: int = 0
    applied: int = 0
    batches: int = 0
    uploaded: int = 0
    transcripts: int = 0
    errors: list[str] = field(default_factory=list)

    def describe(self) -> str:
        text = (
            f"Terkirim {self.pushed} aduan ({self.batches} kiriman), ditolak {self.refused}; "
            f"{self.pulled} pembaruan status diterima, {self.applied} diterapkan; "
            f"{self.uploaded} rekaman dan {self.transcripts} transkrip diunggah."
        )
        if self.errors:
            text += " Galat: " + " | ".join(self.errors)
        return text


@dataclass(frozen=True)
class SyncSnapshot:
    pending: int
    last_success: datetime | None
    online: bool
    message: str  # Indonesian, for the status bar


def run_cycle(
    outbox: SqlOutbox, client: SyncClient, batch_size: int = 200, retry_in: float = 30.0
) -> CycleReport:
    """Push everything due, then pull the feed since the cursor. Raises SyncError when offline."""
    report = CycleReport()
    while True:
        items = outbox.take_batch(batch_size)
        if not items:
            break
        try:
            results = client.push([i.payload for i in items])
        except SyncError as err:
            outbox.record_failure(items, str(err))
            raise
        ok, failed = outbox.record_results(items, results, retry_in)
        report.pushed += ok
        report.refused += failed
        report.batches += 1
        if failed:
            report.errors.append(f"{failed} aduan ditolak server")
        if ok == 0:
            break  # everything refused: do not spin on the same items
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
    outbox.set_state(LAST_SUCCESS_KEY, datetime.now(UTC).isoformat())
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
        with self._lock:
            return SyncSnapshot(pending, self._last_success, self._online, self._message)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                with self.client_factory() as client:
                    report = run_cycle(self.outbox, client)
                with self._lock:
                    self._online, self._last_success = True, datetime.now(UTC)
                    self._message = "Tersinkron. " + report.describe()
                self.backoff.reset()
                delay = self.interval
            except SyncError as err:
                delay = self.backoff.next_delay()
                with self._lock:
                    self._online = False
                    self._message = f"Luring: {err} Dicoba lagi dalam {delay:.0f} detik."
            except Exception as err:
                log.exception("sync cycle failed")
                delay = self.backoff.next_delay()
                with self._lock:
                    self._online = False
                    self._message = f"Galat sinkronisasi: {type(err).__name__}. Dicoba lagi nanti."
            self._wake.wait(delay)
            self._wake.clear()
