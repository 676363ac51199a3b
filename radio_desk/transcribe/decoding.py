"""Decoding choices per language and band, made by measurement on whole calls (``bench/bench_calls.py``).

Files and the stored transcript of a live call are decoded in Whisper's own 30-second windows (the seek
loop of ``faster_whisper.WhisperModel.transcribe``).  Whether the VAD filter runs first and whether each
window is conditioned on the text before it were measured per language and per band (full band or a
telephone line, :mod:`radio_desk.transcribe.band`); the figures are in docs/asr-decoding.md.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from radio_desk.transcribe.band import FULL, TELEPHONE
from radio_desk.transcribe.engine import TranscribeOptions


@dataclass(frozen=True)
class WindowDecoding:
    vad: bool
    condition_on_previous_text: bool
    vad_min_silence_ms: int = 2000  # faster-whisper's default
    vad_speech_pad_ms: int = 400  # faster-whisper's default: a cut silence keeps 2 pads (0.8 s)


# --- live calls (the stored transcript, radio_desk/transcribe/windows.py) -----------------------------
# On whole calls stock VAD (which cuts every silence of 2 s or more) loses to no VAD on Indonesian, clean
# and telephone; no VAD lets Whisper invent text over long music or silence.  A VAD that only cuts
# silences of 8 s or more keeps the call's audio as it is and still drops the hold music.
MEASURED: dict[str, WindowDecoding] = {
    "id": WindowDecoding(vad=True, condition_on_previous_text=True, vad_min_silence_ms=8000),
    "jw": WindowDecoding(vad=True, condition_on_previous_text=True, vad_min_silence_ms=8000),
}
# Calls through a telephone line: even the 8 s VAD lost to no VAD (the trimmed call start moves every
# window boundary).  Files and live calls alike (a live call decides its band on the same first 20 s);
# the repetition loop that no VAD gave at temperature 0 is caught by the guards of
# radio_desk/transcribe/guarded.py (docs/asr-decoding.md, third pass).
MEASURED_TELEPHONE: dict[str, WindowDecoding] = {
    "id": WindowDecoding(vad=False, condition_on_previous_text=True),
    "jw": WindowDecoding(vad=False, condition_on_previous_text=True),
}
# --- files (radio-desk transcribe, import, "Transkripsi ulang") ----------------------------------------
# Chosen for speed as well as accuracy (docs/asr-decoding.md, fourth pass): a 30-second window costs
# about the same whatever it holds, so a file costs what its kept audio costs in windows.  Full band:
# every silence of 1 s or more is cut to 0.8 s (stock cuts only silences of 2 s or more): a little less
# audio than stock keeps.  (500 ms pads, a 1 s pause, scored as well but made Whisper skip the second of
# two identical complaints: tests/transcribe/test_cuts.py.)  Telephone line: silences of 2 s or more
# cut to 1.2 s (600 ms pads); shorter cuts lost words there.
FILE_MEASURED: dict[str, WindowDecoding] = {
    lang: WindowDecoding(vad=True, condition_on_previous_text=True, vad_min_silence_ms=1000)
    for lang in ("id", "jw")
}
FILE_MEASURED_TELEPHONE: dict[str, WindowDecoding] = {
    lang: WindowDecoding(
        vad=True, condition_on_previous_text=True, vad_min_silence_ms=2000, vad_speech_pad_ms=600
    )
    for lang in ("id", "jw")
}
DEFAULT_LANGUAGE = "id"
BANDS = (FULL, TELEPHONE)


def for_language(language: str | None, band: str = FULL, *, file: bool = False) -> WindowDecoding:
    """The measured choice for a live call (``file=False``) or a file."""
    if file:
        table = FILE_MEASURED_TELEPHONE if band == TELEPHONE else FILE_MEASURED
    else:
        table = MEASURED_TELEPHONE if band == TELEPHONE else MEASURED
    return table.get(language or DEFAULT_LANGUAGE, table[DEFAULT_LANGUAGE])


def band_matters(language: str | None, *, file: bool = False) -> bool:
    """Whether the band changes the choice (if not, a file need not be checked for it)."""
    return for_language(language, FULL, file=file) != for_language(language, TELEPHONE, file=file)


def resolve(
    options: TranscribeOptions, language: str | None, band: str = FULL, *, file: bool = False
) -> TranscribeOptions:
    """``options`` with the choices measured for ``language`` and ``band`` (for a file or a live call)
    filled in where it leaves them open (``None``)."""
    chosen = for_language(language, band, file=file)
    return replace(
        options,
        vad=chosen.vad if options.vad is None else options.vad,
        vad_min_silence_ms=(
            chosen.vad_min_silence_ms if options.vad_min_silence_ms is None else options.vad_min_silence_ms
        ),
        vad_speech_pad_ms=(
            chosen.vad_speech_pad_ms if options.vad_speech_pad_ms is None else options.vad_speech_pad_ms
        ),
        condition_on_previous_text=(
            chosen.condition_on_previous_text
            if options.condition_on_previous_text is None
            else options.condition_on_previous_text
        ),
    )


def file_options(language: str | None, *, beam_size: int = 5, vad: bool | None = None) -> TranscribeOptions:
    """What ``radio-desk transcribe``, import and "Transkripsi ulang" decode a file with."""
    return TranscribeOptions(language=language, beam_size=beam_size, vad=vad)
