"""Labelled call transcripts for measuring triage on what callers actually say (``resources/triage``).

Each line of a call set is one JSON object::

    {"id": "d001", "text": "Halo selamat pagi Mas, saya Bu Siti dari desa Sukorejo ...",
     "category": "jalan", "urgency": "sedang", "kecamatan": "35.22.15", "desa": "35.22.15.2003",
     "summary_terms": ["jalan", "sukorejo"], "tags": ["greet", "home", "village_word"]}

``kecamatan`` and ``desa`` are the official codes of where the *problem* is (not the caller's home), or
``null`` when the call does not name it.  ``summary_terms`` are what a good summary must name: first the
problem, then (when the call names one) its place; ``a|b`` gives alternatives ("dalane|jalan").  ``tags``
say what makes the call hard (``asr`` misheard words, ``jawa`` Javanese, ``sms`` typed text,
``home_diff`` the caller's home is not the problem's place, ``common_word`` an ordinary word that is also
a desa name, ``village_word`` "balai desa"/"jalan desa" in a complaint that is not about the village
government...).

The sets are written by the developers in their own words (not transcripts of real people), so they
ship with the app: ``calls_dev.jsonl`` and ``calls_dev2.jsonl`` are the ones to tune on (dev2 was written
on purpose in the styles dev lacks: very short and rambling calls, several problems in one call, callers
correcting themselves, formal Indonesian, Javanese ngoko and krama, SMS shorthand, ASR garbling, a
neighbouring kecamatan as landmark, emergencies told indirectly), ``calls_heldout.jsonl`` (written later,
in another style) is for checking only.  ``calls_dev3.jsonl`` was written before the third round of rule
changes, in the voices the others lack (other regions' colloquial speech, older callers, long calls with
digressions, other places mentioned in passing, the host naming a place, numbers and streets, two
complaints with the one that matters most said, krama/ngoko mixing, ASR garbling) and was measured
before and after that round without tuning on its individual calls. ``calls_heldout2.jsonl`` was
written blind, by a writer who never read the triage code or the other sets, and is for checking only;
so were ``calls_heldout3.jsonl`` and ``calls_heldout4.jsonl`` (heldout4 by yet another writer, for
measuring once).
``calls_dev5.jsonl`` (round 6) is a tuning set about urgency: emergencies happening now told without the
word "darurat", alarming calls that are no emergency now, urgent-sounding ordinary complaints, personal
matters whose only place is the caller's home (that home is their place), and calls naming no place.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

from radio_desk.domain.enums import Urgency
from radio_desk.domain.gazetteer import Gazetteer, get_gazetteer
from radio_desk.domain.taxonomy import Taxonomy, get_taxonomy
from radio_desk.errors import RadioDeskError, ValidationError
from radio_desk.paths import resource_path

CALL_SETS = {
    "dev": "calls_dev.jsonl",
    "dev2": "calls_dev2.jsonl",
    "dev3": "calls_dev3.jsonl",
    "dev4": "calls_dev4.jsonl",
    "dev5": "calls_dev5.jsonl",
    "heldout": "calls_heldout.jsonl",
    "heldout2": "calls_heldout2.jsonl",
    "heldout3": "calls_heldout3.jsonl",
    "heldout4": "calls_heldout4.jsonl",
}
CALL_REGENCY = "35.22"  # Kabupaten Bojonegoro: every shipped call is set there
FIELDS = ("id", "text", "category", "urgency", "kecamatan", "desa", "summary_terms")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


@dataclass(frozen=True)
class Call:
    id: str
    text: str
    category: str
    urgency: Urgency
    kecamatan: str | None  # code of the problem's kecamatan, None when not named
    desa: str | None  # code of the problem's desa/kelurahan, None when not named
    summary_terms: tuple[str, ...]
    tags: tuple[str, ...] = ()


def call_set_path(name: str) -> Path:
    """The shipped call set ``dev`` .. ``dev5`` or ``heldout`` .. ``heldout4``."""
    if name not in CALL_SETS:
        raise ValidationError(
            f"Kumpulan panggilan \u201c{name}\u201d tidak dikenal (pilih: {', '.join(CALL_SETS)})."
        )
    return resource_path("triage", CALL_SETS[name])


def load_calls(
    path: str | Path,
    taxonomy: Taxonomy | None = None,
    gazetteer: Gazetteer | None = None,
    regency: str = CALL_REGENCY,
) -> list[Call]:
    """Read and check a call set: every field present, codes known, no duplicate ids or texts."""
    path = Path(path)
    taxonomy = taxonomy or get_taxonomy()
    gaz = gazetteer or get_gazetteer()
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as err:
        raise ValidationError(f"Berkas {path} tidak bisa dibaca: {err.strerror or err}.") from err
    except UnicodeDecodeError as err:
        raise ValidationError(f"Berkas {path} bukan teks UTF-8: {err}.") from err
    calls: list[Call] = []
    ids: set[str] = set()
    texts: set[str] = set()
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        where = f"{path.name} baris {number}"
        try:
            obj = json.loads(line)
        except ValueError as err:
            raise ValidationError(f"{where}: bukan JSON yang sah ({err}).") from err
        if not isinstance(obj, dict):
            raise ValidationError(f"{where}: harus berupa objek JSON.")
        missing = [f for f in FIELDS if f not in obj]
        if missing:
            raise ValidationError(f"{where}: kolom {', '.join(missing)} tidak ada.")
        call = _call(obj, where, taxonomy, gaz, regency)
        if call.id in ids:
            raise ValidationError(f"{where}: id {call.id} sudah dipakai.")
        key = " ".join(normalize_words(call.text))
        if key in texts:
            raise ValidationError(f"{where}: teks yang sama sudah ada.")
        ids.add(call.id)
        texts.add(key)
        calls.append(call)
    return calls


def _call(obj: dict, where: str, taxonomy: Taxonomy, gaz: Gazetteer, regency: str) -> Call:
    for name in ("id", "text", "category", "urgency"):
        if not isinstance(obj[name], str) or not obj[name].strip():
            raise ValidationError(f"{where}: {name} harus teks yang tidak kosong.")
    if obj["category"] not in taxonomy.categories:
        raise ValidationError(f"{where}: kategori \u201c{obj['category']}\u201d tidak ada di taksonomi.")
    try:
        urgency = Urgency(obj["urgency"])
    except ValueError:
        raise ValidationError(f"{where}: urgensi \u201c{obj['urgency']}\u201d tidak dikenal.") from None
    kec, desa = obj["kecamatan"], obj["desa"]
    for name, value in (("kecamatan", kec), ("desa", desa)):
        if value is not None and not isinstance(value, str):
            raise ValidationError(f"{where}: {name} harus kode wilayah atau null.")
    if desa and not kec:
        raise ValidationError(f"{where}: desa diisi tanpa kecamatan.")
    try:
        gaz.check_place(kec, desa)
    except RadioDeskError as err:
        raise ValidationError(f"{where}: {err}") from err
    if kec and gaz.get(kec).parent_code != regency:
        raise ValidationError(f"{where}: kecamatan {kec} tidak berada di kabupaten {regency}.")
    terms = obj["summary_terms"]
    if (
        not isinstance(terms, list)
        or not terms
        or len(terms) > 2
        or not all(isinstance(t, str) and normalize_words(t) for t in terms)
    ):
        raise ValidationError(f"{where}: summary_terms harus daftar 1-2 kata (masalah, lalu tempat).")
    if (kec is not None) != (len(terms) == 2):
        raise ValidationError(f"{where}: summary_terms harus memuat tempat bila (dan hanya bila) ada tempat.")
    tags = obj.get("tags", [])
    if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
        raise ValidationError(f"{where}: tags harus daftar teks.")
    return Call(obj["id"], obj["text"], obj["category"], urgency, kec, desa, tuple(terms), tuple(tags))


def normalize_words(text: str) -> list[str]:
    """Lower-case words without punctuation: what summary terms are compared on."""
    return _NON_ALNUM.sub(" ", text.lower()).split()


def term_found(term: str, text: str, place: bool = False) -> bool:
    """Whether ``text`` names ``term`` (any of its ``|`` alternatives).

    A word matches at the start of a word ("jalan" in "jalannya").  A ``place`` also matches when
    speech recognition split it or the writer joined it ("Suko rejo" for "Sukorejo")."""
    words = normalize_words(text)
    joined = " " + " ".join(words)
    squeezed = "".join(words)
    for alt in term.split("|"):
        want = normalize_words(alt)
        if not want:
            continue
        if " " + " ".join(want) in joined or (place and "".join(want) in squeezed):
            return True
    return False


def summary_hit(summary: str | None, terms: tuple[str, ...] | list[str]) -> bool:
    """A summary hits when it names every term: the problem and (when named) its place."""
    if not summary:
        return False
    return all(term_found(t, summary, place=i > 0) for i, t in enumerate(terms))
