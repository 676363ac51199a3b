"""A domain prompt for Whisper from the station's taxonomy and gazetteer.

Whisper reads a prompt as the text that came before the audio: names in it (kecamatan, OPD, complaint
topics) become likelier spellings.  Whether it helps is a measured choice (``bench/bench_asr.py``):
:data:`USE_DOMAIN_PROMPT` records the outcome, and the app, the CLI and live transcription follow it.
"""

from __future__ import annotations

from radio_desk.domain.gazetteer import Gazetteer, get_gazetteer
from radio_desk.domain.taxonomy import Taxonomy, get_taxonomy

MAX_PROMPT_CHARS = 600  # about 150-200 tokens: Whisper keeps at most 223 prompt tokens
USE_DOMAIN_PROMPT = False  # measured on shared/eval/speech: no better WER, slower decoding (see report)


def domain_prompt(
    taxonomy: Taxonomy | None = None, gazetteer: Gazetteer | None = None, regency_code: str | None = None
) -> str:
    """One Indonesian sentence naming the regency, its kecamatan, the complaint topics and the OPDs."""
    taxonomy = taxonomy or get_taxonomy()
    gazetteer = gazetteer or get_gazetteer()
    regency = regency_code or taxonomy.regency_code
    regency_name = gazetteer.name(regency)
    kecamatan = ", ".join(p.name for p in gazetteer.kecamatan_of(regency))
    topics = ", ".join(c.name.lower() for c in taxonomy.categories.values() if c.code != "lainnya")
    opds = ", ".join(o.short or o.name for o in taxonomy.opds.values())
    text = f"Aduan warga {regency_name} lewat radio: {topics}. Diteruskan ke {opds}. Kecamatan {kecamatan}."
    return text[:MAX_PROMPT_CHARS].rsplit(" ", 1)[0] if len(text) > MAX_PROMPT_CHARS else text
