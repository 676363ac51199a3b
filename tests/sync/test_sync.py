"""Desk sync against the real server app: outbox push, idempotent resend, status pull with cursor,
offline handling and the worker thread's status snapshot."""

from __future__ import annotations

import json
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select
from threaded_server import threaded_server

from radio_desk.store import Store, open_store
from radio_desk.store.models import CaseRow, OutboxRow, StatusEventRow
from radio_desk.sync.backoff import Backoff
from radio_desk.sync.client import SyncClient
from radio_desk.sync.outbox import CURSOR_KEY, SqlOutbox, case_payload, render_transcript
from radio_desk.sync.worker import SyncWorker, run_cycle
from tests.support.wait import wait_until


@pytest.fixture
def server(tmp_path: Path):  # type: ignore[no-untyped-def]
    # a real HTTP server on a free loopback port, in a thread (uvicorn), so the client is the real one
    with threaded_server(tmp_path) as (url, keys):
        tc = httpx.Client(base_url=url)
        yield tc, keys
        tc.close()


@pytest.fixture
def desk(store: Store) -> SqlOutbox:
    return SqlOutbox(store)


def queue_case(desk: SqlOutbox, **over) -> uuid.UUID:  # type: ignore[no-untyped-def]
    now = datetime.now(UTC)
    cid = uuid.uuid4()
    values = dict(
        id=cid,
        station="stasiun-a",
        received_at=now,
        channel="on_air",
        caller_name="Bu Sri",
        phone="+6281234567890",
        category="jalan",
        urgency="tinggi",
        summary="Jalan berlubang",
        status="baru",
        created_at=now,
        updated_at=now,
        revision=1,
    )
    values.update(over)
    with desk.store.write() as s:
        s.add(CaseRow(**values))
        s.add(OutboxRow(case_id=cid, kind="upsert", payload=json.dumps({}), created_at=now))
    return cid


def client_for(server, role: str = "station") -> SyncClient:  # type: ignore[no-untyped-def]
    tc, keys = server
    return SyncClient(str(tc.base_url), keys[role])


def test_push_pull_and_resend(server, desk: SqlOutbox) -> None:  # type: ignore[no-untyped-def]
    ids = [queue_case(desk) for _ in range(7)]
    with client_for(server) as client:
        report = run_cycle(desk, client, batch_size=3)
    assert report.pushed == 7 and report.batches == 3 and report.refused == 0
    assert desk.pending_count() == 0
    with desk.store.write() as s:
        remote = {r.id: r.remote_id for r in s.scalars(select(CaseRow))}
    assert all(remote[i] for i in ids)
    cursor = int(desk.get_state(CURSOR_KEY))
    # staff verify one case on the server; the next cycle brings the status back
    tc, keys = server
    rid = remote[ids[0]]
    r = tc.post(
        f"/api/v1/requests/{rid}/status",
        json={"status": "terverifikasi"},
        headers={"X-API-Key": keys["admin"]},
    )
    assert r.status_code == 200
    # the same case queued again (the desk edited it): the server keeps its number
    with desk.store.write() as s:
        s.add(OutboxRow(case_id=ids[1], kind="upsert", payload="{}", created_at=datetime.now(UTC)))
    with client_for(server) as client:
        report = run_cycle(desk, client)
    assert report.pushed == 1 and report.applied == 1
    assert int(desk.get_state(CURSOR_KEY)) > cursor
    with desk.store.write() as s:
        case = s.scalar(select(CaseRow).where(CaseRow.id == ids[0]))
        assert case.status == "terverifikasi"
        ev = s.scalars(select(StatusEventRow).where(StatusEventRow.case_id == ids[0])).all()
        assert [(e.from_status, e.to_status, e.origin) for e in ev] == [("baru", "terverifikasi", "server")]
        assert s.scalar(select(CaseRow.remote_id).where(CaseRow.id == ids[1])) == remote[ids[1]]
    listed = tc.get("/open311/v2/requests.json", headers={"X-API-Key": keys["admin"]}).json()
    assert len(listed) == 7


def test_refused_case_stays_queued(server, desk: SqlOutbox) -> None:  # type: ignore[no-untyped-def]
    queue_case(desk, kecamatan_code="bukan-kode")
    good = queue_case(desk)
    with client_for(server) as client:
        report = run_cycle(desk, client)
    assert report.pushed == 1 and report.refused == 1
    assert desk.pending_count() == 1
    with desk.store.write() as s:
        row = s.scalar(select(OutboxRow).where(OutboxRow.done.is_(False)))
        assert "kecamatan" in row.last_error and row.next_attempt_at is not None
        assert s.scalar(select(CaseRow.remote_id).where(CaseRow.id == good))


def test_worker_offline_then_online(tmp_path: Path, server, desk: SqlOutbox) -> None:  # type: ignore[no-untyped-def]
    queue_case(desk)
    online = {"up": False}

    def factory() -> SyncClient:
        if online["up"]:
            return client_for(server)
        return SyncClient("http://127.0.0.1:9", "rdk_x", timeout=1)  # port 9: nothing listens

    worker = SyncWorker(desk, factory, interval=0.1, backoff=Backoff(base=0.05, cap=0.2))
    worker.start()
    try:
        wait_until(lambda: "Luring" in worker.snapshot().message, 10, what="the worker goes offline")
        snap = worker.snapshot()
        assert snap.pending == 1 and not snap.online and "tidak bisa dihubungi" in snap.message
        online["up"] = True
        worker.wake()
        wait_until(lambda: worker.snapshot().online, 10, what="the worker back online")
        snap = worker.snapshot()
        assert snap.pending == 0 and snap.last_success is not None
    finally:
        worker.stop()
    assert Backoff(base=1, cap=8).next_delay() <= 1


def test_backoff_grows_with_jitter_and_caps() -> None:
    import random

    b = Backoff(base=1.0, cap=10.0, rng=random.Random(1))
    delays = [b.next_delay() for _ in range(8)]
    assert all(0 <= d <= 10 for d in delays) and len(set(delays)) == 8
    assert max(delays[4:]) > max(delays[:2])


def test_recording_upload_resumes_after_interruption(server, desk: SqlOutbox, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import hashlib

    from radio_desk.store.models import RecordingRow

    cid = queue_case(desk)
    audio = tmp_path / "panggilan.wav"
    audio.write_bytes(bytes(range(256)) * 2000)  # 512 kB
    with desk.store.write() as s:
        s.add(
            RecordingRow(
                id=uuid.uuid4(),
                case_id=cid,
                path=str(audio),
                format="wav",
                samplerate=48000,
                channels=1,
                channel_map="mono",
                sha256=None,
                state="complete",
                started_at=datetime.now(UTC),
            )
        )
    tc, keys = server
    with client_for(server) as client:
        # the first attempt dies after 100 kB (the connection drops)
        payload = case_payload(desk.store.cases.get(cid))
        remote = client.push([payload])[0]["service_request_id"]
        data = audio.read_bytes()
        spec = {
            "kind": "audio",
            "filename": audio.name,
            "length": len(data),
            "sha256": hashlib.sha256(data).hexdigest(),
        }
        r = tc.post(f"/api/v1/requests/{remote}/uploads", json=spec, headers={"X-API-Key": keys["station"]})
        tc.patch(
            r.headers["location"],
            content=data[:100_000],
            headers={
                "X-API-Key": keys["station"],
                "Upload-Offset": "0",
                "Content-Type": "application/offset+octet-stream",
            },
        )
        report = run_cycle(desk, client)  # the worker resumes the same upload at 100 kB
    assert report.uploaded == 1
    status = tc.get(r.headers["location"], headers={"X-API-Key": keys["admin"]}).json()
    assert status["complete"] is True and status["offset"] == len(data)
    content = tc.get(r.headers["location"] + "/content", headers={"X-API-Key": keys["admin"]}).content
    assert content == data
    with client_for(server) as client:
        assert run_cycle(desk, client).uploaded == 0  # never twice


def test_cli_sync_once(server, desk: SqlOutbox, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:  # type: ignore[no-untyped-def]
    import argparse

    from radio_desk.cli import sync as sync_cli
    from radio_desk.errors import RadioDeskError

    def main(argv: list[str]) -> int:  # the sync subcommand as radio_desk.cli wires it
        common = argparse.ArgumentParser(add_help=False)
        common.add_argument("--database", default=None)
        parser = argparse.ArgumentParser()
        sync_cli.register(parser.add_subparsers(), common)
        args = parser.parse_args(argv)
        try:
            return args.handler(args)
        except RadioDeskError as err:
            print(f"radio-desk: {err}", file=sys.stderr)
            return 2

    queue_case(desk)
    queue_case(desk)
    tc, keys = server
    db = str(desk.store.path)
    rc = main(["sync", "--once", "--server", str(tc.base_url), "--key", keys["station"], "--database", db])
    out = capsys.readouterr().out
    assert rc == 0 and "Terkirim 2 aduan" in out and "Menunggu dikirim: 0 aduan" in out
    rc = main(["sync", "--once", "--server", "http://127.0.0.1:9", "--key", "rdk_x", "--database", db])
    err = capsys.readouterr().err
    assert rc == 2 and "tidak bisa dihubungi" in err and "Traceback" not in err


def test_store_to_server_with_transcript_and_status_rule(server, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """The real path: the store queues in the same transaction, the cycle pushes, uploads the audio and
    the transcript, and applies only the server's real status changes."""
    from radio_desk.domain import Case, Recording, RecordingState, TranscriptSegment

    desk = SqlOutbox(store)
    case = store.cases.create(
        Case(station="stasiun-a", caller_name="Pak Slamet", phone="081234567890", category="jalan",
             kecamatan_code="35.22.01", summary="Jalan rusak dekat balai desa"),
    )  # fmt: skip
    audio = tmp_path / "call.wav"
    audio.write_bytes(b"RIFF" + bytes(5000))
    rec = store.recordings.add(Recording(case_id=case.id, path=str(audio), state=RecordingState.COMPLETE))
    store.segments.replace_for_recording(
        rec.id,
        [
            TranscriptSegment(rec.id, 0.0, 2.5, "jalannya rusak parah"),
            TranscriptSegment(rec.id, 2.5, 4.0, "sudah dua bulan"),
        ],
    )
    # the editor verifies it locally before the first sync: the server's arrival row must not undo that
    store.cases.change_status(case.id, "terverifikasi", by="editor")
    assert desk.pending_count() == 3  # create, transcript, status: each in its own save's transaction
    with client_for(server) as client:
        first = run_cycle(desk, client)
    assert (first.pushed, first.uploaded, first.transcripts, first.applied) == (1, 1, 1, 0)
    assert store.cases.get(case.id).status == "terverifikasi"
    remote = store.cases.sync_info(case.id).remote_id
    tc, keys = server
    admin = {"X-API-Key": keys["admin"]}

    def transcript_on_server() -> dict:
        with client_for(server, "admin") as staff:
            data = render_transcript(str(rec.id), str(case.id), _segments_of(store, rec.id))
            uid = staff.upload_bytes(remote, "transcript", f"{rec.id}.transcript.json", data)
        return json.loads(tc.get(f"/api/v1/uploads/{uid}/content", headers=admin).content)

    assert transcript_on_server()["text"] == "jalannya rusak parah sudah dua bulan"
    # the server rejects it: the server owns status, the desk follows
    r = tc.post(f"/api/v1/requests/{remote}/status", json={"status": "ditolak"}, headers=admin)
    assert r.status_code == 200
    # an editor corrects a word: only the transcript goes again, once
    seg = store.segments.list_for_recording(rec.id)[0]
    store.segments.update_text(seg.id, "jalannya rusak berat")
    with client_for(server) as client:
        second = run_cycle(desk, client)
        third = run_cycle(desk, client)
    assert (second.applied, second.transcripts, second.uploaded) == (1, 1, 0)
    assert (third.pushed, third.transcripts, third.uploaded, third.applied) == (0, 0, 0, 0)
    assert store.cases.get(case.id).status == "ditolak"
    events = store.cases.status_events(case.id)
    assert [(str(e.from_status), str(e.to_status), e.by) for e in events][-1] == (
        "terverifikasi", "ditolak", "server",
    )  # fmt: skip
    assert transcript_on_server()["text"] == "jalannya rusak berat sudah dua bulan"


def _segments_of(store: Store, rec_id: uuid.UUID) -> list:  # type: ignore[type-arg]
    return store.segments.list_for_recording(rec_id)


def test_refused_case_backs_off_exponentially() -> None:
    import random

    from radio_desk.sync.outbox import REFUSED_RETRY_CAP, refused_retry_delay

    rng = random.Random(7)
    delays = [refused_retry_delay(30.0, n, rng) for n in range(1, 16)]
    assert 15 <= delays[0] <= 30 and 30 <= delays[1] <= 60 and 60 <= delays[2] <= 120
    # unchanged, a refused case is tried again at most daily (an edit sends it at once)
    assert REFUSED_RETRY_CAP == 86_400
    assert all(REFUSED_RETRY_CAP / 2 <= d <= REFUSED_RETRY_CAP for d in delays[12:])


def test_worker_resumes_after_desk_restart(server, store: Store, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Queued while offline, the desk closed; reopened, the worker sends everything exactly once."""
    ids = [queue_case(SqlOutbox(store)) for _ in range(5)]
    offline = SyncWorker(
        SqlOutbox(store),
        lambda: SyncClient("http://127.0.0.1:9", "rdk_x", timeout=1),
        interval=0.1,
        backoff=Backoff(base=0.05, cap=0.1),
    )
    offline.start()
    wait_until(lambda: "Luring" in offline.snapshot().message, 10, what="the worker goes offline")
    offline.stop()
    assert offline.snapshot().pending == 5
    store.close()
    reopened = open_store(store.path)  # the app starts again on the same file
    try:
        worker = SyncWorker(SqlOutbox(reopened), lambda: client_for(server), interval=0.1)
        worker.start()
        wait_until(lambda: worker.snapshot().pending == 0, 20, what="the queued cases sent")
        worker.stop()
        assert worker.snapshot().pending == 0 and worker.snapshot().online
        tc, keys = server
        listed = tc.get(
            "/open311/v2/requests.json", params={"start_date": "2000-01-01T00:00:00Z"},
            headers={"X-API-Key": keys["admin"]},
        ).json()  # fmt: skip
        assert sorted(r["case_uuid"] for r in listed) == sorted(str(i) for i in ids)
    finally:
        reopened.close()


def test_cli_sync_once_from_settings(server, store: Store, tmp_path: Path, monkeypatch, capsys) -> None:  # type: ignore[no-untyped-def]
    """Without --server/--key the address comes from the settings and the key from the secret store."""
    from radio_desk.cli import main
    from radio_desk.settings import Settings

    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")  # no desktop keyring
    tc, keys = server
    settings = Settings()
    settings.update({"server_url": str(tc.base_url)})
    settings.set_server_key(keys["station"])
    queue_case(SqlOutbox(store))
    rc = main(["sync", "--once", "--database", str(store.path)])
    out = capsys.readouterr().out
    assert rc == 0 and "Terkirim 1 aduan" in out and "Menunggu dikirim: 0 aduan" in out
    settings.update({"server_url": ""})
    rc = main(["sync", "--once", "--database", str(store.path)])
    assert rc == 2 and "Alamat server belum diisi" in capsys.readouterr().err
