"""Kecamatan → desa completion from the gazetteer, tolerant of typos.  No Qt here.

Completion offers names that start with or contain what was typed, then names that are close to it
(rapidfuzz), so "Kapas", "kpas" and "Kapaz" all find Kapas.  :func:`resolve` turns a finished entry
into one place of the gazetteer, or ``None`` when nothing is close enough.
"""

from __future__ import annotations

from rapidfuzz import fuzz, process

from radio_desk.domain.gazetteer import Gazetteer, Place, normalize_name

RESOLVE_MIN = 0.75  # fuzzy score (0..1) below which a typed name is not taken as a place


def complete(text: str, places: list[Place], limit: int = 12) -> list[str]:
    needle = normalize_name(text)
    if not needle:
        return sorted(p.name for p in places)[:limit]
    keys = [(normalize_name(p.name), p.name) for p in places]
    starts = [name for key, name in keys if key.startswith(needle)]
    contains = [name for key, name in keys if needle in key and name not in starts]
    fuzzy = [
        keys[i][1]
        for _, score, i in process.extract(
            needle, [k for k, _ in keys], scorer=fuzz.WRatio, limit=limit, score_cutoff=60
        )
    ]
    out: list[str] = []
    for name in (*sorted(starts), *sorted(contains), *fuzzy):
        if name not in out:
            out.append(name)
    return out[:limit]


def resolve(text: str, places: list[Place]) -> Place | None:
    needle = normalize_name(text)
    if not needle:
        return None
    keys = [normalize_name(p.name) for p in places]
    for key, place in zip(keys, places, strict=True):
        if key == needle:
            return place
    best = process.extractOne(needle, keys, scorer=fuzz.ratio, score_cutoff=RESOLVE_MIN * 100)
    if best is None:
        starts = [p for k, p in zip(keys, places, strict=True) if k.startswith(needle)]
        return starts[0] if len(starts) == 1 else None
    return places[best[2]]


class PlaceLookup:
    """The home regency's kecamatan and, per kecamatan, its desa."""

    def __init__(self, gazetteer: Gazetteer, regency_code: str) -> None:
        self.gazetteer = gazetteer
        self.regency_code = regency_code
        self.kecamatan = sorted(gazetteer.kecamatan_of(regency_code), key=lambda p: p.name)

    def desa_elsewhere(self, text: str, kecamatan_code: str | None) -> list[Place]:
        """Desa of the regency named ``text`` (or close to it) outside ``kecamatan_code``: where a
        desa typed under the wrong kecamatan really is."""
        others = [d for d in self.desa(None) if not (kecamatan_code and d.parent_code == kecamatan_code)]
        needle = normalize_name(text)
        if not needle:
            return []
        exact = [d for d in others if normalize_name(d.name) == needle]
        if exact:
            return exact
        close = resolve(text, others)
        if close is None:
            return []
        return [d for d in others if normalize_name(d.name) == normalize_name(close.name)]

    def desa(self, kecamatan_code: str | None) -> list[Place]:
        if not kecamatan_code:
            return self.gazetteer.villages_of_regency(self.regency_code)
        return sorted(self.gazetteer.desa_of(kecamatan_code), key=lambda p: p.name)
