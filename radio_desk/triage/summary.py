"""A one-line summary of the complaint itself, taken from the caller's own words.

Extractive only: the summary is made of words the caller said (as the transcript writes them) and, when
those do not name it, the problem's place as the gazetteer writes it.  Greetings, the caller's name and
home, the host's questions, thanks and fillers are left out (:mod:`radio_desk.triage.spans`), so are
the lead-ins ("saya mau lapor", "ingin menyampaikan").  The clause that says most about the problem
comes first in its place in the call, followed by the clauses next to it while the line stays under
:data:`MAX_CHARS`.
"""

# ruff: noqa: SIM905  (word lists read best as one string)
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from radio_desk.domain.gazetteer import normalize_name
from radio_desk.triage import spans

if TYPE_CHECKING:
    from radio_desk.triage.places import PlaceResult

MAX_CHARS = 140
PLACE_MIN = 0.5  # a place this sure is added when the chosen words do not name it
KEPT_ROLES = frozenset({spans.COMPLAINT, spans.ADDRESS, spans.FEAR})
# "saya mau lapor", "ingin menyampaikan", "mau ngadu": how the complaint is announced, not what it is
LEAD_WORDS = frozenset(
    "saya aku kula kami mau ingin pengen pingin arep ajeng badhe kepingin akan lapor melapor melaporkan "
    "laporan lapol ngelapor matur menyampaikan sampaikan mengadu mengadukan ngadu mengeluh "
    "mengeluhkan keluhan begini gini jadi anu mas mbak bapak ibu pak bu penyiar ini niki iki kalau "
    "bahwa tentang soal masalah perihal".split()
)
DROP_WORDS = frozenset("e eh ee em emm hmm anu gitu lho loh sih deh dong nah tuh nggih inggih".split())
TAIL_WORDS = frozenset("mas mbak pak bu bapak ibu ya nggih gitu".split())


def summarize(
    talk: spans.Talk, places: PlaceResult | None = None, is_key: Callable[[str], bool] | None = None
) -> str:
    """The complaint in at most about :data:`MAX_CHARS` characters; ``""`` when nothing was said."""
    clauses = []
    for k, (start, end) in enumerate(talk.clauses):
        idx = [
            i for i in range(start, end) if talk.roles[i] in KEPT_ROLES and talk.words[i] not in DROP_WORDS
        ]
        idx = _drop_lead(talk, idx)
        while idx and talk.words[idx[-1]] in TAIL_WORDS:
            idx.pop()
        if idx:
            clauses.append((k, idx))
    if not clauses:
        return ""
    place_keys = _place_keys(places)

    def score(idx: list[int]) -> float:
        total = 0.0
        for i in idx:
            w = talk.words[i]
            if is_key is not None and is_key(w):
                total += 2.0
            elif len(w) > 3:
                total += 0.2
        if place_keys:
            text = normalize_name(" ".join(talk.words[i] for i in idx))
            total += sum(1.0 for key in place_keys if key and key in text)
        return total

    scores = [score(idx) for _k, idx in clauses]
    rendered = [_render(talk, idx) for _k, idx in clauses]
    ranked = sorted(range(len(clauses)), key=lambda j: (-scores[j], j))
    chosen = {ranked[0]}
    length = len(rendered[ranked[0]])
    for j in ranked[1:]:
        if scores[j] <= 0.5:
            break
        extra = len(rendered[j]) + 2
        if length + extra > MAX_CHARS:
            continue
        chosen.add(j)
        length += extra
    parts = [rendered[j] for j in sorted(chosen)]
    line = _join(parts)
    where = _place_words(places, normalize_name(line))
    if where and len(line) + len(where) + 3 <= MAX_CHARS:
        line = f"{line} ({where})"
    elif where:
        line = f"{_cut(line, MAX_CHARS - len(where) - 3)} ({where})"
    return _cut(line, MAX_CHARS)


REPORTING = frozenset(
    "lapor melapor melaporkan laporan lapol ngelapor menyampaikan sampaikan mengadu mengadukan ngadu "
    "mengeluh mengeluhkan keluhan matur soal tentang masalah perihal begini gini jadi anu bahwa".split()
)


# "Mas, saya mau tanya ..." -> "tanya ...": the person spoken to and "I want" lead nothing
PLAIN_LEAD = frozenset(
    "mas mbak pak bu bapak ibu penyiar min admin saya aku kula kami mau ingin pengen".split()
)


def _drop_lead(talk: spans.Talk, idx: list[int]) -> list[int]:
    """ "saya mau lapor jalan rusak" -> "jalan rusak"; "saya mau tanya ..." -> "tanya ..." (only at the
    start of a clause)."""
    k = 0
    last_report = -1
    while k < len(idx) and talk.words[idx[k]] in LEAD_WORDS:
        if talk.words[idx[k]] in REPORTING:
            last_report = k
        k += 1
    if last_report >= 0:
        return idx[last_report + 1 :]
    k = 0
    while k < len(idx) and talk.words[idx[k]] in PLAIN_LEAD:
        k += 1
    return idx[k:]


def _render(talk: spans.Talk, idx: list[int]) -> str:
    out: list[str] = []
    seen: set[int] = set()
    for i in idx:
        t = talk.token_of[i]
        if t not in seen:
            seen.add(t)
            out.append(talk.surface[t].rstrip(".,;:!?"))
    text = " ".join(out)
    return text[:1].upper() + text[1:] if text else ""


def _join(parts: list[str]) -> str:
    line = parts[0]
    for p in parts[1:]:
        line += ", " + (p[:1].lower() + p[1:] if p[1:2].islower() else p)
    return line


def _place_keys(places: PlaceResult | None) -> list[str]:
    if places is None:
        return []
    return [normalize_name(p.place.name) for p in (places.desa, places.kecamatan) if p is not None]


def _place_words(places: PlaceResult | None, said: str) -> str:
    """The problem's desa and kecamatan as the gazetteer writes them, those the line does not name."""
    if places is None:
        return ""
    names = []
    for p in (places.desa, places.kecamatan):
        if p is None or p.confidence < PLACE_MIN:
            continue
        if normalize_name(p.place.name) in said:
            continue
        if p.place.name not in names:
            names.append(p.place.name)
    return ", ".join(names)


def _cut(line: str, limit: int) -> str:
    if len(line) <= limit:
        return line
    cut = line[: limit - 1].rsplit(" ", 1)[0].rstrip(",;: ")
    return cut + "\u2026"
