"""Categories and OPDs: loaded from ``taxonomy.toml`` (the regency's copy in the settings folder first,
then the default shipped in ``resources/taxonomy/``)."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from radio_desk.errors import ValidationError
from radio_desk.paths import app_paths, resource_path

# The codes every installation shares (issue: keep these codes; names and OPDs are the regency's).
CATEGORY_CODES = (
    "jalan", "drainase", "pju", "air_bersih", "lingkungan", "lalu_lintas", "kesehatan", "pendidikan",
    "adminduk", "sosial", "perumahan", "ketertiban", "darurat", "ekonomi", "pertanian",
    "pemerintahan_desa", "listrik", "kepegawaian", "pajak_retribusi", "informasi", "lainnya",
)  # fmt: skip


@dataclass(frozen=True)
class Opd:
    code: str
    name: str
    short: str


@dataclass(frozen=True)
class Category:
    code: str
    name: str
    description: str
    opd: str | None
    hints: tuple[str, ...] = ()
    # optional: hints that settle the category almost alone / that only nudge it; prior: how common
    # the category is among the regency's complaints (1.0 = average), used when the text says little
    strong_hints: tuple[str, ...] = ()
    weak_hints: tuple[str, ...] = ()
    prior: float = 1.0


@dataclass(frozen=True)
class Taxonomy:
    categories: dict[str, Category]
    opds: dict[str, Opd]
    regency_code: str
    urgency_hints: dict[str, tuple[str, ...]] = field(default_factory=dict)
    source: Path | None = None

    def category(self, code: str | None) -> Category:
        if code not in self.categories:
            raise ValidationError(f"Kategori \u201c{code}\u201d tidak dikenal.", field="category")
        return self.categories[code]  # type: ignore[index]

    def opd(self, code: str | None) -> Opd:
        if code not in self.opds:
            raise ValidationError(f"OPD \u201c{code}\u201d tidak dikenal.", field="opd")
        return self.opds[code]  # type: ignore[index]

    def default_opd(self, category: str | None) -> str | None:
        return self.categories[category].opd if category in self.categories else None

    def category_name(self, code: str | None) -> str:
        return self.categories[code].name if code in self.categories else (code or "-")

    def opd_name(self, code: str | None) -> str:
        return self.opds[code].name if code in self.opds else (code or "-")


def default_taxonomy_path() -> Path:
    return resource_path("taxonomy", "taxonomy.toml")


def taxonomy_path() -> Path:
    user = app_paths().config / "taxonomy.toml"
    return user if user.exists() else default_taxonomy_path()


def load_taxonomy(path: Path | None = None) -> Taxonomy:
    path = path or taxonomy_path()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as err:
        raise ValidationError(f"Berkas taksonomi {path} tidak bisa dibaca: {err}") from err
    opds = {o["code"]: Opd(o["code"], o["name"], o.get("short", o["name"])) for o in data.get("opd", [])}
    cats: dict[str, Category] = {}
    for c in data.get("category", []):
        opd = c.get("opd") or None
        if opd is not None and opd not in opds:
            raise ValidationError(f"Taksonomi {path}: kategori {c['code']} merujuk OPD tak dikenal {opd}.")
        try:
            prior = float(c.get("prior", 1.0))
        except (TypeError, ValueError):
            prior = -1.0
        if not prior > 0:
            raise ValidationError(f"Taksonomi {path}: prior kategori {c['code']} harus angka lebih dari 0.")
        cats[c["code"]] = Category(
            c["code"],
            c["name"],
            c.get("description", ""),
            opd,
            tuple(h.lower() for h in c.get("hints", [])),
            tuple(h.lower() for h in c.get("strong_hints", [])),
            tuple(h.lower() for h in c.get("weak_hints", [])),
            prior,
        )
    missing = [code for code in CATEGORY_CODES if code not in cats]
    if missing:
        raise ValidationError(f"Taksonomi {path} tidak memuat kategori wajib: {', '.join(missing)}.")
    urgency = {k: tuple(v) for k, v in data.get("urgency", {}).items()}
    return Taxonomy(cats, opds, data.get("regency_code", "35.22"), urgency, path)


@lru_cache(maxsize=4)
def _cached(path: Path, mtime: float) -> Taxonomy:
    return load_taxonomy(path)


def get_taxonomy() -> Taxonomy:
    """The taxonomy in force, cached until its file changes."""
    path = taxonomy_path()
    return _cached(path, path.stat().st_mtime)
