"""Screenshot (1366×900) of a WhatsApp voice note as a case in the console, for
docs/screenshots/console-whatsapp.png, from a throwaway server on SQLite:

    RADIO_DESK_MODELS=... .venv/bin/python scripts/whatsapp-screenshot.py

A local server speaking the Cloud API's JSON (tests/server/wa_graph.py) stands in for Meta; the
delivery is signed as Meta signs it; the voice note (espeak-ng, OGG/Opus) is fetched by the server's
worker and transcribed by ``radio_desk.server_asr --once``.  Needs chromium, chromium-driver, espeak-ng.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import soundfile as sf

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests"), str(ROOT / "tests" / "server")]
OUT = ROOT / "docs" / "screenshots"
PASSWORD = "sandi-contoh-konsol-2026"
SPOKEN = "Jalan di desa Sukorejo rusak parah, mohon segera diperbaiki oleh dinas pekerjaan umum."


def _voice_note(folder: Path) -> bytes:
    from radio_desk.transcribe.audio_io import load_audio

    wav = folder / "aduan.wav"
    subprocess.run(["espeak-ng", "-v", "id", "-s", "140", "-w", str(wav), SPOKEN], check=True)
    sf.write(folder / "aduan.ogg", load_audio(wav), 16_000, format="OGG", subtype="OPUS")
    return (folder / "aduan.ogg").read_bytes()


def main() -> None:
    from shot_support import console_server, server_cli, server_env, server_scratch
    from support import browser
    from wa_graph import PHONE_ID, SECRET, TOKEN, GraphServer, audio_message, delivery, text_message

    from radio_desk.server.whatsapp.signature import sign

    tmp, db = server_scratch("rd-wa-shot-")
    with GraphServer() as graph:
        graph.media["1037543291543636"] = (_voice_note(tmp), "audio/ogg; codecs=opus")
        env = server_env(
            tmp,
            RADIO_DESK_WHATSAPP_APP_SECRET=SECRET,
            RADIO_DESK_WHATSAPP_ACCESS_TOKEN=TOKEN,
            RADIO_DESK_WHATSAPP_PHONE_NUMBER_ID=PHONE_ID,
            RADIO_DESK_WHATSAPP_API_BASE=graph.base,
            RADIO_DESK_WHATSAPP_POLL_SECONDS="0.5",
        )
        cli = server_cli(env, db)
        cli("user", "add", "sari", "--role", "coordinator")
        cli("user", "password", "sari", stdin=PASSWORD + "\n")
        with console_server(env, db) as base:
            text = "Lampu PJU di Jl. Veteran depan pasar mati sejak Senin, gelap dan rawan. Mohon dicek."
            now = str(int(time.time()) - 600)
            deliveries = [
                delivery(text_message(text, "wamid.contoh.1", wa_id=(darmo := "6285712340001"), ts=now),
                         name="Pak Darmo", wa_id=darmo),
                delivery(audio_message("1037543291543636", "wamid.contoh.2", ts=now), name="Bu Sri"),
            ]  # fmt: skip
            for doc in deliveries:
                body = json.dumps(doc).encode()
                r = httpx.post(
                    base + "/webhooks/whatsapp", content=body,
                    headers={"X-Hub-Signature-256": sign(SECRET, body), "Content-Type": "application/json"},
                )  # fmt: skip
                r.raise_for_status()
            for _ in range(200):  # the server's own worker sends both tickets (and fetches the voice note)
                if len(graph.sent) >= 2:
                    break
                time.sleep(0.1)
            time.sleep(1.0)
            subprocess.run(
                [sys.executable, "-m", "radio_desk.server_asr", "--once", "--threads", "2", "--database", db],
                env=env, check=True,
            )  # fmt: skip
            voice_id = re.search(r"nomor tiket (\d+)", graph.sent[1]["text"]["body"]).group(1)  # type: ignore[union-attr]
            OUT.mkdir(parents=True, exist_ok=True)
            driver = browser.chromium(tmp / "profile", 1366, 900)
            try:
                browser.login(driver, base, "sari", PASSWORD)
                driver.get(f"{base}/console/aduan/{voice_id}")
                driver.save_screenshot(str(OUT / "console-whatsapp.png"))
            finally:
                driver.quit()
            print(OUT / "console-whatsapp.png")
            for m in graph.sent:
                print("→", m["to"], m["text"]["body"])


if __name__ == "__main__":
    main()
