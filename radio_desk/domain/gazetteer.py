"""The gazetteer of Jawa Timur: province → regency → kecamatan → desa/kelurahan with official codes.

Lookups by name tolerate case, spacing, punctuation, prefixes people say ("Kecamatan", "Desa", "Ds.",
"Kel.") and the old spelling still seen on signs and in names (oe→u, dj→j, tj→c, nj→ny, sj→sy, ch→kh),
then fall back to fuzzy matching for typos and speech-recognition slips.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from rapidfuzz import fuzz, process

from radio_desk.errors import NotFoundError, ValidationError
from radio_desk.paths import resource_path

REGENCIES = {"bojonegoro": "35.22", "probolinggo": "35.13"}

_PREFIX = re.compile(
    r"^(?:kabupaten|kab\.?|kota|kecamatan|kec\.?|kelurahan|kel\.?|desa|ds\.?|dusun|dsn\.?)\s+", re.IGNORECASE
)
_REGENCY_KIND = re.compile(r"^\s*(kabupaten|kab\b\.?|kota)\s*", re.IGNORECASE)
_OLD_SPELLING = (("oe", "u"), ("dj", "j"), ("tj", "c"), ("nj", "ny"), ("sj", "sy"), ("ch", "kh"))
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def normalize_name(name: str) -> str:
    """A comparison key: ``"Kec. Kapas"`` and ``"kapas"`` and ``"KAPAS "`` give the same key."""
    text = name.strip().lower()
    while True:
        stripped = _PREFIX.sub("", text)
        if stripped == text:
            break
        text = stripped
    for old, new in _OLD_SPELLING:
        text = text.replace(old, new)
    return _NON_ALNUM.sub("", text)


@dataclass(frozen=True)
class Place:
    code: str
    level: str  # province | regency | district | village
    name: str
    parent_code: str

    @property
    def is_kelurahan(self) -> bool:
        # Permendagri 58/2021: 4th segment 1xxx = kelurahan, 2xxx = desa
        return self.level == "village" and self.code.rsplit(".", 1)[-1].startswith("1")

    @property
    def kind_label(self) -> str:
        if self.level == "village":
            return "Kelurahan" if self.is_kelurahan else "Desa"
        return {"district": "Kecamatan", "regency": "", "province": "Provinsi"}[self.level]


@dataclass(frozen=True)
class PlaceMatch:
    place: Place
    score: float  # 0..1


class Gazetteer:
    def __init__(self, places: list[Place]) -> None:
        self.places = {p.code: p for p in places}
        self.children: dict[str, list[Place]] = {}
        for p in places:
            self.children.setdefault(p.parent_code, []).append(p)
        self._keys: dict[str, list[tuple[str, Place]]] = {}

    @classmethod
    def load(cls, path: Path | None = None) -> Gazetteer:
        path = path or resource_path("gazetteer", "jatim.csv")
        with path.open(encoding="utf-8", newline="") as fh:
            rows = [Place(r["code"], r["level"], r["name"], r["parent_code"]) for r in csv.DictReader(fh)]
        return cls(rows)

    # -- by code ---------------------------------------------------------------------------------
    def get(self, code: str | None) -> Place:
        if not code or code not in self.places:
            raise NotFoundError(f"Kode wilayah \u201c{code}\u201d tidak ada di gazetir.", field="place")
        return self.places[code]

    def name(self, code: str | None) -> str:
        return self.places[code].name if code in self.places else ""

    def regency(self, code_or_name: str) -> Place:
        """A regency (kabupaten) or city (kota) by code or name.  A bare name means the kabupaten;
        "Kota Probolinggo" (35.74) and "Kabupaten Probolinggo" (35.13) are told apart."""
        kind = _REGENCY_KIND.match(code_or_name)
        wanted = None if kind is None else ("Kota " if kind.group(1).lower() == "kota" else "Kabupaten ")
        key = code_or_name.strip()
        if wanted is None:
            key = REGENCIES.get(normalize_name(code_or_name), key)
        place = self.places.get(key)
        if place is None:
            matches = [m for m in self.find(code_or_name, "35", "regency", limit=10) if m.score >= 0.9]
            if wanted is not None:
                matches = [m for m in matches if m.place.name.startswith(wanted)]
            else:  # a bare name: the kabupaten before the kota of the same name
                matches.sort(key=lambda m: (-m.score, m.place.name.startswith("Kota ")))
            if not matches:
                raise NotFoundError(f"Kabupaten/kota \u201c{code_or_name}\u201d tidak ada di Jawa Timur.")
            place = matches[0].place
        if place.level != "regency":
            raise ValidationError(f"\u201c{code_or_name}\u201d bukan kode kabupaten/kota.")
        return place

    def kecamatan_of(self, regency_code: str) -> list[Place]:
        return list(self.children.get(regency_code, []))

    def desa_of(self, kecamatan_code: str) -> list[Place]:
        return list(self.children.get(kecamatan_code, []))

    def villages_of_regency(self, regency_code: str) -> list[Place]:
        return [d for k in self.kecamatan_of(regency_code) for d in self.desa_of(k.code)]

    def check_place(self, kecamatan_code: str | None, desa_code: str | None) -> None:
        """Raise a clear error for an unknown kecamatan or desa code, or a desa outside the kecamatan."""
        if kecamatan_code:
            kec = self.get(kecamatan_code)
            if kec.level != "district":
                raise ValidationError(f"Kode {kecamatan_code} bukan kecamatan.", field="kecamatan")
        if desa_code:
            desa = self.get(desa_code)
            if desa.level != "village":
                raise ValidationError(f"Kode {desa_code} bukan desa/kelurahan.", field="desa")
            if kecamatan_code and desa.parent_code != kecamatan_code:
                raise ValidationError(
                    f"{desa.kind_label} {desa.name} tidak berada di Kecamatan {self.name(kecamatan_code)} "
                    f"(melainkan di Kecamatan {self.name(desa.parent_code)}).",
                    field="desa",
                )

    # -- by name ---------------------------------------------------------------------------------
    def _index(self, parent_code: str, level: str) -> list[tuple[str, Place]]:
        key = f"{parent_code}|{level}"
        if key not in self._keys:
            self._keys[key] = [
                (normalize_name(p.name), p)
                for p in self.places.values()
                if p.level == level and (p.code + ".").startswith(parent_code + ".")
            ]
        return self._keys[key]

    def find(self, name: str, within: str, level: str, limit: int = 5) -> list[PlaceMatch]:
        """Places of ``level`` under the code ``within`` whose name matches ``name``, best first."""
        needle = normalize_name(name)
        if not needle:
            return []
        index = self._index(within, level)
        exact = [PlaceMatch(p, 1.0) for k, p in index if k == needle]
        if exact:
            return exact[:limit]
        choices = [k for k, _ in index]
        found = process.extract(needle, choices, scorer=fuzz.ratio, limit=limit, score_cutoff=70)
        return [PlaceMatch(index[i][1], round(score / 100, 3)) for _, score, i in found]

    def find_kecamatan(self, name: str, regency_code: str) -> list[PlaceMatch]:
        return self.find(name, regency_code, "district")

    def find_desa(self, name: str, within: str) -> list[PlaceMatch]:
        """``within`` is a kecamatan code (or a regency code to search the whole regency)."""
        return self.find(name, within, "village")


@cache
def get_gazetteer() -> Gazetteer:
    return Gazetteer.load()
