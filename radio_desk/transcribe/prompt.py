"""A domain prompt for Whisper from the station's taxonomy and gazetteer.

Whisper reads a prompt as the text that came before the audio: names in it (kecamatan, OPD, complaint
topics) become likelier spellings.  Measured on shared/eval/speech it made the Indonesian WER worse
(0.443 → 0.483) and decoding slower, so the default pipeline does not use it (see
``radio_desk.transcribe.faster``); it stays available as ``TranscribeOptions(initial_prompt=...)`` for a
station whose own recordings show it helps.
"""

from __future__ import annotations

from radio_desk.domain.gazetteer import Gazetteer, get_gazetteer
from radio_desk.domain.taxonomy import Taxonomy, get_taxonomy

MAX_PROMPT_CHARS = 600  # about 150-200 tokens: Whisper keeps at most 223 prompt tokens


def domain_prompt(
    taxonomy: Taxonomy | None = None, gazetteer: Gazetteer | None = None, regency_code: str | None = None
) -> str:
    """A few Indonesian sentences naming the regency, its kecamatan, the OPDs and complaint topics."""
    taxonomy = taxonomy or get_taxonomy()
    gazetteer = gazetteer or get_gazetteer()
    regency = regency_code or taxonomy.regency_code
    regency_name = gazetteer.name(regency)
    kecamatan = ", ".join(p.name for p in gazetteer.kecamatan_of(regency))
    topics = ", ".join(c.name for c in taxonomy.categories.values() if c.code != "lainnya")
    opds = ", ".join(o.short or o.name for o in taxonomy.opds.values())
    # most specific first: what does not fit is cut from the end
    text = f"Aduan warga {regency_name} lewat radio. Kecamatan {kecamatan}. Diteruskan ke {opds}. {topics}."
    return text[:MAX_PROMPT_CHARS].rsplit(" ", 1)[0] if len(text) > MAX_PROMPT_CHARS else text
