"""Word error rate, as the benchmarks and the evaluation report it.

Both the reference and the hypothesis are normalised the same way: Unicode NFKC, lower-case,
punctuation stripped (a hyphen or slash between words becomes a space, so "kapan-kapan" and
"kapan kapan" agree; apostrophes vanish), whitespace collapsed.  No number or spelling rewriting:
the figure is what an operator reading the transcript gets.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

_APOSTROPHES = re.compile(r"['’‘`´]")
_NON_WORD = re.compile(r"[^\w\s]|_", re.UNICODE)


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).lower()
    text = _APOSTROPHES.sub("", text)
    text = _NON_WORD.sub(" ", text)
    return " ".join(text.split())


def words(text: str) -> list[str]:
    return normalize(text).split()


def edit_distance(ref: Sequence[str], hyp: Sequence[str]) -> int:
    """Levenshtein distance over words (substitutions, insertions, deletions all cost 1)."""
    if not ref:
        return len(hyp)
    prev = list(range(len(hyp) + 1))
    for i, r in enumerate(ref, 1):
        cur = [i] + [0] * len(hyp)
        for j, h in enumerate(hyp, 1):
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (r != h))
        prev = cur
    return prev[-1]


@dataclass
class WerCounter:
    """Corpus-level WER: total edits over total reference words (not a mean of per-clip rates)."""

    errors: int = 0
    ref_words: int = 0
    clips: int = 0

    def add(self, reference: str, hypothesis: str) -> int:
        ref, hyp = words(reference), words(hypothesis)
        errs = edit_distance(ref, hyp)
        self.errors += errs
        self.ref_words += len(ref)
        self.clips += 1
        return errs

    @property
    def wer(self) -> float | None:
        return self.errors / self.ref_words if self.ref_words else None


def wer(reference: str, hypothesis: str) -> float:
    """WER of one pair; an empty reference gives 0.0 for an empty hypothesis, else 1.0 per word."""
    ref, hyp = words(reference), words(hypothesis)
    errs = edit_distance(ref, hyp)
    return errs / len(ref) if ref else float(errs)


def corpus_wer(pairs: Iterable[tuple[str, str]]) -> float | None:
    counter = WerCounter()
    for ref, hyp in pairs:
        counter.add(ref, hyp)
    return counter.wer
