"""WhatsApp voice notes: fetched from a local Graph API server, stored as the case's recording,
transcribed by the speech worker beside the server with the real bundled model, shown in the console.

The voice note is Indonesian speech from espeak-ng, encoded as OGG/Opus (what WhatsApp sends) by
libsndfile; SQLite and PostgreSQL both.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

import pytest
import soundfile as sf
from console_helpers import add_console_user, login
from sqlalchemy import select, update
from wa_graph import TEXT, WaEnv, audio_message, delivery, text_message, wa

from radio_desk.server.auth import Role
from radio_desk.server.models import ServiceRequest, Upload, utcnow
from radio_desk.server.uploads import stored_path
from radio_desk.server.whatsapp.inbound import VOICE_PLACEHOLDER
from radio_desk.server.whatsapp.models import WaMessage
from radio_desk.server.whatsapp.transcripts import LEASE, claim_job

__all__ = ["wa"]
pytestmark = pytest.mark.slow
SENTENCE = "Jalan di desa Sukorejo rusak parah, mohon segera diperbaiki oleh dinas pekerjaan umum."
KEY_WORDS = ("jalan", "rusak", "mohon", "segera")


@pytest.fixture(scope="module")
def voice_note(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    if shutil.which("espeak-ng") is None:
        pytest.fail("espeak-ng is not installed (apt package espeak-ng, see Makefile)")
    folder = tmp_path_factory.mktemp("wa-voice")
    wav = folder / "aduan.wav"
    subprocess.run(["espeak-ng", "-v", "id", "-s", "140", "-w", str(wav), SENTENCE], check=True)
    from radio_desk.transcribe.audio_io import load_audio

    ogg = folder / "aduan.ogg"  # Opus takes 8/12/16/24/48 kHz: espeak's 22,050 Hz resampled to 16 kHz
    sf.write(ogg, load_audio(wav), 16_000, format="OGG", subtype="OPUS")
    assert sf.info(ogg).format == "OGG" and sf.info(ogg).subtype == "OPUS"
    return ogg.read_bytes()


@pytest.fixture(scope="module")
def engine():  # type: ignore[no-untyped-def]
    from radio_desk.transcribe import load_engine
    from radio_desk.transcribe.models import ensure_bundled_model

    ensure_bundled_model()
    return load_engine("faster-whisper", cpu_threads=2)


def test_voice_note_becomes_a_transcribed_case(wa: WaEnv, voice_note: bytes, engine) -> None:  # type: ignore[no-untyped-def]
    from radio_desk.server_asr import run_once

    wa.graph.media["1037543291543636"] = (voice_note, "audio/ogg; codecs=opus")
    assert wa.post(delivery(audio_message("1037543291543636", "wamid.voice1"))).status_code == 200
    [case] = wa.cases()
    assert case.description == VOICE_PLACEHOLDER and case.channel == "whatsapp"
    sm, settings = wa.env.app.state.sessionmaker, wa.env.settings
    result = wa.round()  # the server's worker: media fetched (bearer token), the ticket sent
    assert (result.media, result.sent) == (1, 1)
    assert "Pesan suara Anda" in wa.graph.sent[0]["text"]["body"]
    with sm() as s:
        [audio] = s.scalars(select(Upload).where(Upload.request_id == case.id, Upload.kind == "audio"))
        assert audio.content_type == "audio/ogg" and audio.completed_at is not None
        assert stored_path(settings, audio.id).read_bytes() == voice_note
        msg = s.scalar(select(WaMessage))
        assert (msg.media_state, msg.transcript_state) == ("stored", "pending")
    # the speech worker (the same engine and options as the desk)
    assert run_once(sm, settings, engine) == 1
    assert run_once(sm, settings, engine) == 0
    with sm() as s:
        case = s.get(ServiceRequest, case.id)
        text = case.description.lower()
        assert sum(w in text for w in KEY_WORDS) >= 3, case.description
        msg = s.scalar(select(WaMessage))
        assert msg.transcript_state == "done"
        # the transcript triaged by the same worker: a road, suggested while the case is baru
        assert msg.triage_state == "done" and (case.status, case.service_code) == ("baru", "jalan")
    # the console: the recording (authenticated) and the transcript on the case page
    add_console_user(sm, "koordinator", Role.COORDINATOR)
    assert login(wa.env.client, "koordinator").status_code == 303
    page = wa.env.client.get(f"/console/aduan/{case.id}")
    assert "Sukorejo" in page.text or "rusak" in page.text.lower()
    r = wa.env.client.get(f"/console/aduan/{case.id}/audio")
    assert r.status_code == 200 and r.content == voice_note
    assert "rusak" in wa.env.client.get("/console/").text.lower()


def test_media_fetch_is_retried_and_an_abandoned_job_comes_back(wa: WaEnv, voice_note: bytes) -> None:
    assert wa.post(delivery(audio_message("555", "wamid.voice2"))).status_code == 200
    assert wa.round().media == 0  # the media server does not know it yet (404): tried again later
    sm = wa.env.app.state.sessionmaker
    with sm() as s:
        msg = s.scalar(select(WaMessage))
        assert msg.media_state == "pending" and msg.media_attempts == 1 and "HTTP 404" in msg.error
        s.execute(update(WaMessage).values(media_next_at=utcnow() - timedelta(seconds=1)))
        s.commit()
    wa.graph.media["555"] = (voice_note, "audio/ogg")
    assert wa.round().media == 1
    # a worker takes the job and dies: after the lease the job is handed out again
    job = claim_job(sm, wa.env.settings)
    assert job is not None and claim_job(sm, wa.env.settings) is None
    with sm() as s:
        s.execute(update(WaMessage).values(claimed_at=utcnow() - LEASE - timedelta(seconds=1)))
        s.commit()
    again = claim_job(sm, wa.env.settings)
    assert again is not None and again.message_id == job.message_id


def test_speech_worker_command_line(wa: WaEnv, voice_note: bytes, tmp_path: Path) -> None:
    """``python -m radio_desk.server_asr --once`` as its own process, on the server's database."""
    if wa.env.settings.database_url.startswith("postgresql"):
        pytest.skip("one process start is enough (SQLite); the jobs are the same SQL on PostgreSQL")
    wa.graph.media["777"] = (voice_note, "audio/ogg")
    wa.post(delivery(audio_message("777", "wamid.voice3"), text_message(TEXT, "wamid.voice3t")))
    wa.round()
    env = os.environ | {"RADIO_DESK_SERVER_DATA": str(wa.env.settings.data_dir)}
    out = subprocess.run(
        [sys.executable, "-m", "radio_desk.server_asr", "--once", "--threads", "2",
         "--database", wa.env.settings.database_url],
        capture_output=True, text=True, env=env, timeout=300,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert "1 pesan suara ditranskripsi" in out.stdout
    with wa.env.app.state.sessionmaker() as s:
        voice = s.scalar(select(ServiceRequest).where(ServiceRequest.notes.contains("pesan suara")))
        assert "rusak" in voice.description.lower()
        typed = s.scalar(select(ServiceRequest).where(ServiceRequest.id != voice.id))
        assert (voice.service_code, typed.service_code) == ("jalan", "pju")  # both triaged
