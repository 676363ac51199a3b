"""Earlier cases related to a new one: the same caller (repeat caller) and possible duplicates.

A possible duplicate is a case of the same desa and category received in the last 30 days whose text
is similar (cosine of stem counts, so word order and affixes do not matter).  Works on plain
:class:`~radio_desk.domain.models.Case` objects with their texts, so the store only has to supply the
candidates (cases by phone; recent cases of a desa).
"""

# ruff: noqa: SIM905  (word lists read best as one string)
from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from radio_desk.domain.models import Case, utcnow
from radio_desk.triage import text as tx

DUPLICATE_WINDOW = timedelta(days=30)
DUPLICATE_MIN_SIMILARITY = 0.35
# function words that make unrelated complaints look alike
_STOP = frozenset(
    "yang dan di ke dari ini itu ada saya kami kita untuk dengan pada sudah belum tidak sangat mohon "
    "tolong terima kasih bapak ibu mas mbak pak bu selamat pagi siang sore malam salam nggih niku "
    "iki kuwi sing lan karo wis ora aku kula panjenengan".split()
)


@dataclass(frozen=True)
class RelatedCase:
    case: Case
    similarity: float  # 0..1 (1.0 for repeat caller matches, which are by phone)
    shared_words: tuple[str, ...] = ()


def _bag(text: str) -> Counter[str]:
    return Counter(s for s in tx.stems(text) if len(s) > 2 and s not in _STOP and not s.isdigit())


def similarity(a: str, b: str) -> tuple[float, tuple[str, ...]]:
    """Cosine similarity of two texts' stem counts, and the stems they share (most weight first)."""
    ba, bb = _bag(a), _bag(b)
    if not ba or not bb:
        return 0.0, ()
    shared = set(ba) & set(bb)
    dot = sum(ba[w] * bb[w] for w in shared)
    norm = math.sqrt(sum(v * v for v in ba.values())) * math.sqrt(sum(v * v for v in bb.values()))
    words = tuple(sorted(shared, key=lambda w: -ba[w] * bb[w])[:8])
    return dot / norm, words


def case_text(case: Case, transcript: str = "") -> str:
    return " ".join(t for t in (case.summary, case.notes, transcript) if t)


def possible_duplicates(
    text: str,
    desa_code: str | None,
    category: str | None,
    candidates: Iterable[tuple[Case, str]],
    *,
    now: datetime | None = None,
    exclude: object = None,
    limit: int = 5,
) -> list[RelatedCase]:
    """Candidates ``(case, its text)`` of the same desa and category in the last 30 days with similar
    text, most similar first.  ``exclude`` is the id of the case being triaged."""
    if not desa_code or not category:
        return []
    now = now or utcnow()
    out: list[RelatedCase] = []
    for case, other in candidates:
        if case.id == exclude or case.desa_code != desa_code or case.category != category:
            continue
        if now - case.received_at > DUPLICATE_WINDOW or case.received_at > now + timedelta(minutes=5):
            continue
        sim, words = similarity(text, other or case_text(case))
        if sim >= DUPLICATE_MIN_SIMILARITY:
            out.append(RelatedCase(case, round(sim, 3), words))
    out.sort(key=lambda r: -r.similarity)
    return out[:limit]


def repeat_caller(phone: str | None, earlier: Iterable[Case], *, exclude: object = None) -> list[Case]:
    """The same phone number's earlier cases, newest first (anonymous callers included: the phone is
    known to the station even when the identity is hidden from others)."""
    if not phone:
        return []
    same = [c for c in earlier if c.phone == phone and c.id != exclude]
    return sorted(same, key=lambda c: c.received_at, reverse=True)
