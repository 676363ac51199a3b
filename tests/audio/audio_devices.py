"""Names of the virtual devices the audio tests use, and a helper to find recorded audio in a source."""

from __future__ import annotations

import numpy as np

STUDIO = "rd_studio"  # stereo: ch1 caller (330 Hz), ch2 host (550 Hz)
MONO = "rd_mono"
SPEAKER = "rd_speaker"
SILENT = "rd_silent"  # a mixer with the fader down
LOUD = "rd_loud"  # a mixer driven into clipping
RATE = 48_000


def locate(haystack: np.ndarray, needle: np.ndarray, probe: int = 64) -> int:
    """Index where ``needle`` starts inside ``haystack`` (both (n, ch)); -1 if absent."""
    first = needle[0]
    cand = np.nonzero((haystack == first).all(axis=1))[0]
    for j in cand:
        if np.array_equal(haystack[j : j + probe], needle[:probe]):
            return int(j)
    return -1
