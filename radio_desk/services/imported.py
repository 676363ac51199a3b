"""The help a call gets, for an imported recording or WhatsApp voice note: transcribe it, keep the
transcript with its recording, and put the suggestions on its case.

What is written to the case is what the operator would otherwise type and may still change: the
summary (the complaint in a line), the urgency, the kecamatan and desa when the text is sure of them
(``PLACE_MIN_CONFIDENCE``) and the OPD.  The category is *not* written: a category on a case counts
as the operator's confirmation (the station's model learns from it), so it stays a suggestion, shown
on the case page from the transcript (:func:`suggestion_for_case`).  Fields the operator already
filled are never overwritten.  Plain Python: run it on a worker thread or in the command line; the
caller owns (opens and closes) the store.
"""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import TYPE_CHECKING

from radio_desk.domain.enums import Urgency
from radio_desk.domain.models import Recording
from radio_desk.triage.suggest import PLACE_MIN_CONFIDENCE, Suggester, Suggestion

if TYPE_CHECKING:
    from radio_desk.store.store import Store
    from radio_desk.transcribe.engine import Engine

log = logging.getLogger(__name__)
BY = "triase"  # who the case history names for these changes


@dataclass(frozen=True)
class ImportTriage:
    case_id: uuid.UUID
    text: str  # the transcript the suggestions were made from
    suggestion: Suggestion | None  # None: nothing was said (silence, music)
    changed: tuple[str, ...]  # the case fields that were filled in


def transcribe_and_triage(
    store: Store,
    case_id: uuid.UUID,
    recording: Recording,
    engine: Engine,
    suggester: Suggester,
    language: str | None = "id",
) -> ImportTriage:
    """Transcribe ``recording`` (mono mix), store its transcript, triage it and fill the case in."""
    from radio_desk.transcribe.audio_io import load_audio
    from radio_desk.transcribe.engine import TranscribeOptions
    from radio_desk.transcribe.persist import save_transcript

    audio = load_audio(recording.path)
    result = engine.transcribe(audio, TranscribeOptions(language=language))
    stored = save_transcript(store, recording.id, result)
    text = " ".join(s.text for s in stored).strip()
    if not text:
        return ImportTriage(case_id, "", None, ())
    suggestion = suggester.suggest(text)
    changed = apply_suggestion(store, case_id, suggestion)
    return ImportTriage(case_id, text, suggestion, changed)


def apply_suggestion(store: Store, case_id: uuid.UUID, s: Suggestion) -> tuple[str, ...]:
    """Fill the case's empty fields from the suggestion (never the category); the fields changed."""
    if not s.evidence:
        return ()
    case = store.cases.get(case_id)
    changes: dict[str, object] = {}
    if not case.summary.strip() and s.summary:
        changes["summary"] = s.summary
    if case.urgency is Urgency.SEDANG and s.urgency is not Urgency.SEDANG:
        changes["urgency"] = s.urgency
    sure_kec = s.kecamatan if s.kecamatan and s.kecamatan.confidence >= PLACE_MIN_CONFIDENCE else None
    sure_desa = s.desa if s.desa and s.desa.confidence >= PLACE_MIN_CONFIDENCE else None
    if not case.kecamatan_code and not case.desa_code:
        if sure_desa is not None:
            changes["desa_code"] = sure_desa.code
            changes["kecamatan_code"] = sure_desa.code.rsplit(".", 1)[0]
        elif sure_kec is not None:
            changes["kecamatan_code"] = sure_kec.code
    if not case.opd and s.opd:
        changes["opd"] = s.opd
    if changes:
        store.cases.update(case_id, changes, by=BY)
    return tuple(sorted(changes))


def suggestion_for_case(store: Store, case_id: uuid.UUID, suggester: Suggester) -> Suggestion | None:
    """Suggestions from the case's transcripts (every recording of it), or ``None`` without one."""
    recordings = store.recordings.for_case(case_id)
    text = " ".join(seg.text for rec in recordings for seg in store.segments.list_for_recording(rec.id))
    text = text.strip()
    return suggester.suggest(text) if text else None
