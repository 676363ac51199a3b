"""While the server cannot be reached the worker probes every 15–30 s (never the 300 s backoff cap) and
sends the moment the server answers; "Sinkron sekarang" (``wake``) cuts any wait short.  The server is
the real one, started on the port the desk expects only after the desk went offline."""

from __future__ import annotations

import random
import time
from pathlib import Path

from test_sync import desk, queue_case  # noqa: F401  (fixture and helper of the sync tests; store: conftest)
from threaded_server import free_port, threaded_server

from radio_desk.sync.backoff import Backoff, Probe
from radio_desk.sync.client import SyncClient
from radio_desk.sync.outbox import SqlOutbox
from radio_desk.sync.worker import SyncWorker
from tests.support.wait import wait_until


def test_probe_interval_is_15_to_30_seconds() -> None:
    probe = Probe(rng=random.Random(7))
    delays = [probe.next_delay() for _ in range(200)]
    assert min(delays) >= 15 and max(delays) <= 30
    assert max(delays) - min(delays) > 10  # jittered, not one fixed beat for every desk


def _factory(port: int, keys: dict[str, str]):  # type: ignore[no-untyped-def]
    # a fresh client per attempt, as the app's; the key is known once the server exists
    return lambda: SyncClient(f"http://127.0.0.1:{port}", keys.get("station", "rdk_none"), timeout=2)


def test_offline_desk_sends_within_a_probe_of_the_server_coming_back(tmp_path: Path, desk: SqlOutbox) -> None:  # noqa: F811
    port, keys = free_port(), {}
    queue_case(desk)
    backoff = Backoff(base=2.0, cap=300.0)  # the app's backoff: would reach minutes after a few failures
    attempts: list[SyncClient] = []

    def counted() -> SyncClient:  # one client per attempt: counts the probes
        attempts.append(client := _factory(port, keys)())
        return client

    worker = SyncWorker(desk, counted, interval=3600, backoff=backoff, probe=Probe(0.4, 0.8))
    worker.start()
    try:
        wait_until(lambda: "Luring" in worker.snapshot().message, 10, what="the worker goes offline")
        wait_until(lambda: len(attempts) >= 5, 15, what="several probes failing")  # the first try + 4
        snap = wait_until(
            lambda: (s := worker.snapshot()).retry_in is not None and s, 5, what="a wait between probes"
        )
        assert not snap.online and snap.pending == 1 and "dicek lagi" in snap.message
        assert snap.retry_in <= 0.8
        assert backoff.failures == 0  # an unreachable server never feeds the exponential backoff
        with threaded_server(tmp_path, port) as (_url, server_keys):
            keys.update(server_keys)
            up = time.monotonic()
            wait_until(lambda: worker.snapshot().pending == 0, 10, what="the case reaches the server")
            took = time.monotonic() - up
            wait_until(lambda: worker.snapshot().online, 10, what="the cycle ends online")
            assert took < 0.8 + 4.0, f"sent {took:.1f} s after the server came back"
    finally:
        worker.stop()


def test_sync_now_cuts_the_wait_short(tmp_path: Path, desk: SqlOutbox) -> None:  # noqa: F811
    port, keys = free_port(), {}
    queue_case(desk)
    worker = SyncWorker(desk, _factory(port, keys), interval=3600, probe=Probe(600, 600))
    worker.start()
    try:
        wait_until(lambda: "Luring" in worker.snapshot().message, 10, what="the worker goes offline")
        with threaded_server(tmp_path, port) as (_url, server_keys):
            keys.update(server_keys)
            time.sleep(1)  # a fixed time on purpose: nothing must happen meanwhile
            assert worker.snapshot().pending == 1  # next probe in 10 minutes: nothing happens by itself
            worker.wake()  # "Sinkron sekarang"
            wait_until(lambda: worker.snapshot().pending == 0, 10, what="the case goes after the wake")
    finally:
        worker.stop()
