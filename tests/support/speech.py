"""Indonesian speech made by espeak-ng at test time (22050 Hz WAV), for the transcription tests.

A module of its own rather than a conftest function: a test importing ``from conftest import ...`` gets
whichever folder's ``conftest`` was loaded last when several test folders are run together.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

# Words espeak-ng speaks clearly enough for whisper-base to get right every time (checked by hand).
SENTENCE = "Jalan di desa Sukorejo rusak parah, mohon segera diperbaiki oleh dinas pekerjaan umum."


# what of SENTENCE a transcript must hold: whisper-base misspells one or two of these per CPU and codec
# ("dalam di desa" for "jalan di desa" on one machine), never most of them
SENTENCE_WORDS = ("jalan", "rusak", "parah", "desa", "dinas", "diperbaiki")


def sentence_words_in(text: str) -> list[str]:
    """The words of :data:`SENTENCE_WORDS` that ``text`` contains (case-insensitive)."""
    heard = text.lower()
    return [w for w in SENTENCE_WORDS if w in heard]


def espeak_wav(path: Path, text: str = SENTENCE, voice: str = "id") -> Path:
    if shutil.which("espeak-ng") is None:
        pytest.fail("espeak-ng is not installed (apt package espeak-ng, see Makefile)")
    subprocess.run(["espeak-ng", "-v", voice, "-s", "140", "-w", str(path), text], check=True)
    return path
