"""Category scores from the taxonomy's keyword hints: the suggester that works out of the box.

Every hint (a word or short phrase, Indonesian or Javanese) is stemmed like the text, so ``diperbaiki``
meets ``perbaikan`` and ``dalane`` meets ``dalan``.  A hint weighs more when it is a phrase, when the
regency lists it as a strong hint and when few categories share it; words the speech recogniser got
slightly wrong (``selokkan``, ``puskesmass``) still count, a little less, through a fuzzy match.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
from rapidfuzz import fuzz, process

from radio_desk.domain.taxonomy import Taxonomy
from radio_desk.triage import spans
from radio_desk.triage import text as tx

STRONG, NORMAL, WEAK = 3.0, 1.0, 0.3
FUZZY_FACTOR = 0.7  # a misspelt hint counts this much of an exact one
FUZZY_MAX = 2.0  # ... and a misspelt strong hint less than an exact one
FUZZY_MIN_LEN = 5
FUZZY_CUTOFF = 84.0
MAX_PHRASE = 4
MAX_WHERE_GAP = 5  # words saying where that may stand between the words of a hint
WHERE_GAP_FACTOR = 0.8
WHERE_WORDS, GENERIC_WORDS, FILLERS = tx.word_lists(
    """
    where_words: di ke ing neng nang ning teng yang sing itu iku niku ini iki
    # hint words that say little about the problem on their own (for picking the summary's words)
    generic_words: warga desa dusun kelurahan kecamatan kampung wilayah mohon tolong bantu terima kasih
        salam apa bagaimana kapan tanya info informasi pelayanan petugas dapat oleh sudah jadi urus
    fillers: yang sangat sudah sekali agak cukup makin semakin juga pun itu ini tersebut kami kita di ke
        pada sing ingkang banget wis sampun niku iku iki kula ing neng nang ning ugi pisan sanget
    """
)


@dataclass(frozen=True)
class HintHit:
    hint: str  # the hint as the taxonomy writes it
    said: str  # the words of the text that matched it
    weight: float
    fuzzy: bool = False


@dataclass(frozen=True)
class _Hint:
    category: str
    text: str
    weight: float


def _where(word: str, weight: float) -> bool:
    """A word that only says where (between the two words of a hint)."""
    return weight == spans.ROLE_WEIGHT[spans.ADDRESS] or word in spans.LOCATIVES or word in WHERE_WORDS


class HintScorer:
    """Scores every category of a taxonomy from its hints; pure Python + numpy, thread-safe."""

    def __init__(self, taxonomy: Taxonomy) -> None:
        self.codes: list[str] = list(taxonomy.categories)
        self._col = {c: i for i, c in enumerate(self.codes)}
        priors = np.array([max(taxonomy.categories[c].prior, 1e-3) for c in self.codes], dtype=np.float64)
        self.log_prior = np.log(priors / priors.sum())
        raw: dict[tuple[str, ...], list[_Hint]] = {}
        roots: set[str] = set()
        for code, cat in taxonomy.categories.items():
            for hints, weight in ((cat.hints, NORMAL), (cat.strong_hints, STRONG), (cat.weak_hints, WEAK)):
                for hint in hints:
                    words = tx.tokens(hint)
                    roots.update(w for w in words if len(w) > 3)
                    if words:
                        raw.setdefault(tuple(words), []).append(_Hint(code, hint, weight))
        tx.register_roots(frozenset(roots))
        # key = stems of the hint; a hint shared by k categories weighs 1/sqrt(k) in each
        self._phrases: dict[tuple[str, ...], list[_Hint]] = {}
        for words, hints in raw.items():
            key = tuple(tx.stem(w) for w in words)
            self._phrases.setdefault(key, []).extend(hints)
        for key, hints in self._phrases.items():
            cats = {h.category for h in hints}
            share = 1.0 / math.sqrt(len(cats))
            length = 1.0 + 0.5 * (len(key) - 1)
            # one category listing the same stem at two strengths ("camat" strong, "kecamatan" weak):
            # the weaker wins, since stemming made them one word
            best: dict[str, _Hint] = {}
            for h in hints:
                if h.category not in best or h.weight < best[h.category].weight:
                    best[h.category] = h
            self._phrases[key] = [_Hint(h.category, h.text, h.weight * share * length) for h in best.values()]
        self.max_len = max((len(k) for k in self._phrases), default=1)
        # fuzzy vocabulary: single-word hints and phrases written as one word ("lampujalan")
        self._fuzzy_vocab: dict[str, tuple[str, ...]] = {}
        for key in self._phrases:
            if len(key) == 1 and len(key[0]) >= FUZZY_MIN_LEN:
                self._fuzzy_vocab[key[0]] = key
            joined = "".join(key)
            if len(key) > 1 and len(joined) >= FUZZY_MIN_LEN + 2:
                self._fuzzy_vocab.setdefault(joined, key)
        self._fuzzy_keys = list(self._fuzzy_vocab)
        self._hint_stems = (
            frozenset(w for key in self._phrases for w in key if len(w) > 2 and w not in FILLERS)
            - GENERIC_WORDS
        )
        # ordinary words (not hints) by first letter and length, to tell a misheard word from a hint
        hint_words = {w for key in self._phrases for w in key} | {w for words in raw for w in words}
        self._plain: dict[tuple[str, int], list[str]] = {}
        for w in tx.dictionary_words():
            fit = len(w) >= FUZZY_MIN_LEN - 1 and w.isalpha() and w not in hint_words
            if fit and tx.stem(w) not in hint_words:
                self._plain.setdefault((w[0], len(w)), []).append(w)
        self._fuzzy_cached = lru_cache(maxsize=100_000)(self._fuzzy_uncached)

    def is_hint_word(self, word: str) -> bool:
        """Whether a (normalised) word of a text is, by its stem, part of some category's hint."""
        return tx.stem(tx.ABBREVIATIONS.get(word, word)) in self._hint_stems

    # ---------------------------------------------------------------------------------------------
    def _closest_plain(self, word: str) -> float:
        """How close (0..100) ``word`` is to an ordinary word that is no hint, of nearly its length."""
        best = 0.0
        for n in (len(word) - 1, len(word), len(word) + 1):
            cands = self._plain.get((word[0], n))
            if cands:
                found = process.extractOne(word, cands, scorer=fuzz.ratio)
                if found and found[1] > best:
                    best = found[1]
        return best

    def _fuzzy_uncached(self, word: str) -> tuple[tuple[str, ...], float] | None:
        if len(word) < FUZZY_MIN_LEN or tx.is_known_root(word) or not self._fuzzy_keys:
            return None
        found = process.extractOne(word, self._fuzzy_keys, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        if found is None:
            return None
        # a misheard everyday word ("diras" for "dinas", "lapol" for "lapor") is that word, not a hint:
        # the hint counts only when it is closer than every ordinary word of the same shape
        if self._closest_plain(word) >= found[1]:
            return None
        return self._fuzzy_vocab[found[0]], found[1] / 100.0

    def hits(
        self,
        words: list[str],
        stems: list[str],
        weights: list[float] | None = None,
        clause: list[int] | None = None,
    ) -> dict[str, list[HintHit]]:
        """The hints found in a text (already split into ``words`` and their ``stems``), by category.
        ``weights`` (one per word, 0..1) say how much each word is the complaint itself (a greeting or
        the caller's introduction counts little); a hint counts as much as its least weighty word."""
        out: dict[str, list[HintHit]] = {}
        n = len(stems)
        if weights is None:
            weights = [1.0] * n

        def add(cat: str, hit: HintHit, start: int, end: int) -> None:
            if clause is not None and clause[start] != clause[end - 1]:
                return  # "sepuluh meter, air waduk" is no "meter air": phrases stay inside a clause
            w = min(weights[start:end])
            if w > 0:
                out.setdefault(cat, []).append(
                    HintHit(hit.hint, hit.said, hit.weight * w, hit.fuzzy) if w != 1 else hit
                )

        covered = 0  # words up to here belong to a phrase already counted
        for i in range(n):
            matched = False
            for length in range(min(self.max_len, n - i), 0, -1):
                if i + length <= covered:
                    break
                hints = self._phrases.get(tuple(stems[i : i + length]))
                if hints:
                    said = " ".join(words[i : i + length])
                    for h in hints:
                        add(h.category, HintHit(h.text, said, h.weight), i, i + length)
                    covered = i + length
                    matched = True
                    break
            if not matched and i >= covered and (i == 0 or stems[i] != stems[i - 1]):
                found = self._fuzzy_cached(stems[i]) or (
                    self._fuzzy_cached(words[i]) if words[i] != stems[i] else None
                )
                if found:
                    key, sim = found
                    for h in self._phrases[key]:
                        # a misheard word is never strong evidence on its own
                        weight = min(h.weight, FUZZY_MAX) * FUZZY_FACTOR * sim
                        add(h.category, HintHit(h.text, words[i], weight, fuzzy=True), i, i + 1)
        # two-word hints with a filler in between, as people speak: "jalan yang rusak", "dalan ingkang
        # rusak", "lampu sudah mati"
        for i in range(n - 2):
            if stems[i + 1] in FILLERS:
                hints = self._phrases.get((stems[i], stems[i + 2]))
                if hints:
                    said = " ".join(words[i : i + 3])
                    for h in hints:
                        add(h.category, HintHit(h.text, said, h.weight * 0.9), i, i + 3)
        # ... and with where it is in between: "jalan di depan SD rusak parah", "lampu dekat masjid mati"
        if clause is not None:
            for i in range(n - 2):
                for j in range(i + 2, min(n, i + 2 + MAX_WHERE_GAP)):
                    between = range(i + 1, j)
                    if clause[j] != clause[i] or not all(_where(words[k], weights[k]) for k in between):
                        break
                    if j == i + 2 and stems[i + 1] in FILLERS:
                        continue  # counted above
                    for tail in (2, 1):
                        key = (stems[i], *stems[j : j + tail])
                        hints = self._phrases.get(key) if j + tail <= n and len(key) > 1 else None
                        if hints:
                            said = " ".join((words[i], "\u2026", *words[j : j + tail]))
                            for h in hints:
                                w = min(weights[i], *weights[j : j + tail])
                                if w > 0:
                                    out.setdefault(h.category, []).append(
                                        HintHit(h.text, said, h.weight * WHERE_GAP_FACTOR * w)
                                    )
                            break
        return out

    def raw_scores(self, hits: dict[str, list[HintHit]]) -> np.ndarray:
        """Evidence per category: repeated hints count with diminishing returns (1 + log n)."""
        scores = np.zeros(len(self.codes))
        for cat, cat_hits in hits.items():
            per_hint: dict[str, list[float]] = {}
            for h in cat_hits:
                per_hint.setdefault(h.hint, []).append(h.weight)
            scores[self._col[cat]] = sum(max(w) * (1.0 + math.log(len(w))) for w in per_hint.values())
        return scores
