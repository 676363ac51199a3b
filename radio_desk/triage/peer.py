"""A plain keyword baseline, measured next to the desk's suggester (``radio-desk bench triage``).

What a first attempt would do, with the same taxonomy and gazetteer and nothing else: count the
category hints that occur word for word, take the highest urgency whose phrase occurs, take the first
kecamatan and desa names that occur anywhere, and summarise with the sentence holding most hints.  No
stems, no context, no learning: the figures show what the desk's suggester adds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from radio_desk.domain.gazetteer import get_gazetteer, normalize_name
from radio_desk.domain.taxonomy import Taxonomy
from radio_desk.triage import text as tx

WEIGHTS = {"strong_hints": 3.0, "hints": 1.0, "weak_hints": 0.3}
URGENCY_ORDER = ("darurat", "tinggi", "rendah")
SUMMARY_MAX = 140
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


@dataclass(frozen=True)
class PeerAnswer:
    categories: tuple[str, ...]
    urgency: str
    kecamatan: str | None
    desa: str | None
    summary: str


class KeywordPeer:
    def __init__(self, taxonomy: Taxonomy, regency_code: str) -> None:
        self.priors = {code: cat.prior for code, cat in taxonomy.categories.items()}
        self.hints: list[tuple[str, str, float]] = []  # (" phrase ", category, weight)
        for code, cat in taxonomy.categories.items():
            for attr, weight in WEIGHTS.items():
                for hint in getattr(cat, attr):
                    words = tx.tokens(hint)
                    if words:
                        self.hints.append((" " + " ".join(words) + " ", code, weight))
        self.urgency = {
            level: [" " + " ".join(tx.tokens(p)) + " " for p in taxonomy.urgency_hints.get(level, ())]
            for level in URGENCY_ORDER
        }
        gaz = get_gazetteer()
        self.kecamatan: dict[str, str] = {}
        self.desa: dict[str, list[tuple[str, str]]] = {}  # name key -> [(desa code, kecamatan code)]
        for kec in gaz.kecamatan_of(regency_code):
            self.kecamatan[normalize_name(kec.name)] = kec.code
            for desa in gaz.desa_of(kec.code):
                self.desa.setdefault(normalize_name(desa.name), []).append((desa.code, kec.code))

    def _padded(self, text: str) -> str:
        return " " + " ".join(tx.tokens(text)) + " "

    def predict(self, text: str) -> PeerAnswer:
        padded = self._padded(text)
        scores = dict.fromkeys(self.priors, 0.0)
        for phrase, code, weight in self.hints:
            if phrase in padded:
                scores[code] += weight * padded.count(phrase)
        ranked = sorted(scores, key=lambda c: (-scores[c], -self.priors[c]))[:3]
        urgency = "sedang"
        for level in URGENCY_ORDER:
            if any(p in padded for p in self.urgency[level]):
                urgency = level
                break
        kec, desa = self._place(padded.split())
        return PeerAnswer(tuple(ranked), urgency, kec, desa, self._summary(text))

    def _place(self, words: list[str]) -> tuple[str | None, str | None]:
        kec = None
        desa_hits: list[list[tuple[str, str]]] = []
        for i in range(len(words)):
            for n in (2, 1):  # "ledok kulon", then single words
                key = "".join(words[i : i + n])
                if kec is None and key in self.kecamatan:
                    kec = self.kecamatan[key]
                if key in self.desa:
                    desa_hits.append(self.desa[key])
        for options in desa_hits:
            inside = [(d, k) for d, k in options if kec is None or k == kec]
            if inside:
                return inside[0][1], inside[0][0]
        return kec, None

    def _summary(self, text: str) -> str:
        best, best_score = "", -1.0
        for sentence in _SENTENCE.split(text.strip()):
            padded = self._padded(sentence)
            score = sum(w for phrase, _, w in self.hints if phrase in padded)
            if score > best_score:
                best, best_score = sentence, score
        return best[:SUMMARY_MAX].strip()
