"""The server's speech worker: transcribes the WhatsApp voice notes the central server has stored and
triages the line's messages (texts and transcripts) with the desk's triage engine.

    radio-desk-server-asr [--database URL] [--once] [--poll SECONDS] [--model NAME] [--threads N]
    (or python -m radio_desk.server_asr)

It sits beside the server, not inside it: ``radio_desk.server`` must not import the desk's speech
package (import-linter, docs/architecture.md), so the server runs without a model, and this module is
the one place that joins the two — the same engine as the desk (faster-whisper with the bundled
whisper-base, :func:`radio_desk.transcribe.load_engine`, the desk's file options) on the jobs of
:mod:`radio_desk.server.whatsapp.transcripts`, and the desk's :class:`~radio_desk.triage.suggest.Suggester`
on those of :mod:`radio_desk.server.whatsapp.suggestions` (category, urgency, kecamatan and desa,
stored as the case's suggestion for the coordinator to confirm).  The jobs are rows in the server's
database, so a worker stopped mid-job (or a machine restarted) loses nothing: the job is handed out
again.
"""

from __future__ import annotations

import argparse
import logging
import sys
import time
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session, sessionmaker

from radio_desk.errors import RadioDeskError
from radio_desk.server.config import ServerSettings
from radio_desk.server.db import make_engine, make_sessionmaker
from radio_desk.server.whatsapp.suggestions import claim_triage, finish_triage
from radio_desk.server.whatsapp.transcripts import Job, claim_job, fail_job, finish_job
from radio_desk.transcribe import Engine, load_engine
from radio_desk.transcribe.audio_io import load_audio
from radio_desk.transcribe.decoding import file_options
from radio_desk.triage.suggest import PLACE_MIN_CONFIDENCE, Suggester, Suggestion

log = logging.getLogger("radio_desk.server_asr")


def transcribe_job(sm: sessionmaker[Session], settings: ServerSettings, engine: Engine, job: Job) -> bool:
    try:
        result = engine.transcribe(load_audio(job.audio), file_options("id"))
    except (RadioDeskError, OSError, RuntimeError, ValueError) as err:
        log.warning("voice note of case %s not transcribed: %s", job.request_id, type(err).__name__)
        fail_job(sm, job, f"{type(err).__name__}: {err}"[:300])
        return False
    segments = [{"start": s.start, "end": s.end, "text": s.text.strip()} for s in result.segments]
    finish_job(sm, settings, job, result.text, segments, result.engine, result.model)
    log.info("voice note of case %s transcribed (%.1f s of audio)", job.request_id, result.duration)
    return True


def suggestion_dict(s: Suggestion) -> dict[str, Any]:
    """What the server keeps of a triage suggestion: plain codes (a place only when the engine is sure
    enough, as on the desk) and the names the feed row shows."""
    if not s.evidence:
        return {"evidence": False}
    kec = s.kecamatan if s.kecamatan and s.kecamatan.confidence >= PLACE_MIN_CONFIDENCE else None
    desa = s.desa if s.desa and s.desa.confidence >= PLACE_MIN_CONFIDENCE else None
    return {
        "evidence": True,
        "category": s.category,
        "category_score": s.categories[0].score if s.categories else None,
        "opd": s.opd,
        "urgency": s.urgency.value,
        "kecamatan_code": kec.code if kec else None,
        "kecamatan_name": kec.name if kec else None,
        "desa_code": desa.code if desa else None,
        "desa_name": desa.name if desa else None,
    }


def triage_waiting(sm: sessionmaker[Session], settings: ServerSettings, suggester: Suggester) -> int:
    """Triage every WhatsApp message waiting for it; how many cases got a suggestion filled in."""
    filled = 0
    while (job := claim_triage(sm, settings)) is not None:
        found = suggestion_dict(suggester.suggest(job.text))
        filled += finish_triage(sm, settings.whatsapp, job, found)
        log.info("case %s triaged (category %s)", job.request_id, found.get("category"))
    return filled


def run_once(
    sm: sessionmaker[Session], settings: ServerSettings, engine: Engine, suggester: Suggester | None = None
) -> int:
    """Transcribe every voice note waiting now, then triage what waits (texts, new transcripts);
    how many voice notes were transcribed."""
    done = 0
    while (job := claim_job(sm, settings)) is not None:
        done += transcribe_job(sm, settings, engine, job)
    triage_waiting(sm, settings, suggester or Suggester())
    return done


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="radio-desk-server-asr", description=__doc__.split("\n\n")[0])
    p.add_argument("--database", help="the server's database (as for radio-desk-server)")
    p.add_argument("--once", action="store_true", help="transcribe what is waiting, then stop")
    p.add_argument("--poll", type=float, default=5.0, help="seconds between looks for new voice notes")
    p.add_argument("--model", default=None, help="a model the desk's model manager knows (default: bundled)")
    p.add_argument("--threads", type=int, default=0, help="CPU threads for the model (0: all)")
    args = p.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    try:
        settings = ServerSettings.from_env(args.database)
        sm = make_sessionmaker(make_engine(settings.database_url))
        engine = load_engine("faster-whisper", args.model, cpu_threads=args.threads)
        suggester = Suggester()
        while True:
            try:
                done = run_once(sm, settings, engine, suggester)
            except SQLAlchemyError as err:  # the database away for a moment: try again, jobs wait there
                if args.once:
                    message = f"Basis data server tidak bisa dibaca: {type(err).__name__}."
                    raise RadioDeskError(message) from err
                log.warning("server database not reachable (%s); trying again", type(err).__name__)
                done = 0
            if args.once:
                print(f"{done} pesan suara ditranskripsi.")
                return 0
            time.sleep(args.poll)
    except RadioDeskError as err:
        print(err.message, file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0


if __name__ == "__main__":
    sys.exit(main())
