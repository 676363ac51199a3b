"""Text preparation for triage: normalisation, tokens and Indonesian/Javanese stems.

Callers' words arrive as Whisper transcripts (no punctuation, misheard words) or as SMS/WhatsApp texts
(abbreviations, repeated letters, ``lampu2`` for ``lampu-lampu``).  Everything the suggesters compare is
first brought to one form here: lower case ASCII, abbreviations written out, stems from Sastrawi (the
standard Indonesian stemmer) with a light Javanese affix pass for words Sastrawi does not know.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from Sastrawi.Stemmer.StemmerFactory import StemmerFactory

# Texts longer than this are cut before triage: a 50 KB paste must not stall the operator's screen.
MAX_CHARS = 6000

# Short forms seen in SMS/WhatsApp complaints and in sloppy transcripts (general Indonesian usage).
ABBREVIATIONS: dict[str, str] = {
    "yg": "yang", "dgn": "dengan", "dg": "dengan", "utk": "untuk", "untk": "untuk", "tdk": "tidak",
    "tdak": "tidak", "gk": "tidak", "ga": "tidak", "gak": "tidak", "nggak": "tidak", "ngga": "tidak",
    "enggak": "tidak", "tak": "tidak", "g": "tidak", "blm": "belum", "blum": "belum", "sdh": "sudah",
    "udh": "sudah", "udah": "sudah", "dah": "sudah", "krn": "karena", "karna": "karena", "krna": "karena",
    "sy": "saya", "sya": "saya", "aq": "aku", "kmi": "kami", "kami2": "kami", "mhn": "mohon",
    "tlg": "tolong", "tlong": "tolong", "trs": "terus", "trus": "terus", "skrg": "sekarang",
    "skrng": "sekarang", "sdg": "sedang", "lg": "lagi", "jg": "juga", "dr": "dari", "pd": "pada",
    "dlm": "dalam", "bs": "bisa", "bsa": "bisa", "dpt": "dapat", "msh": "masih", "sm": "sama",
    "org": "orang", "orng": "orang", "bgt": "banget", "tsb": "tersebut", "dll": "dan lain lain",
    "gg": "gang", "kel": "kelurahan", "kec": "kecamatan",
    "kab": "kabupaten", "ds": "desa", "dsn": "dusun", "kades": "kepala desa",
    "pemkab": "pemerintah kabupaten",
    "pemkot": "pemerintah kota", "pemdes": "pemerintah desa", "rmh": "rumah", "bpk": "bapak",
    "pak": "bapak", "ibu": "ibu", "bu": "ibu", "mas": "mas", "mbk": "mbak", "thn": "tahun", "bln": "bulan",
    "hr": "hari", "mgg": "minggu", "tgl": "tanggal", "wkt": "waktu", "smp": "smp", "lmp": "lampu",
    "kmrn": "kemarin", "kemaren": "kemarin", "gmn": "bagaimana", "gimana": "bagaimana",
    "gmana": "bagaimana", "knp": "kenapa", "napa": "kenapa", "kpn": "kapan", "bnyk": "banyak",
    "byk": "banyak", "bnr": "benar", "sgt": "sangat", "sngt": "sangat", "pdhl": "padahal",
    "spt": "seperti", "kyk": "kayak", "ky": "kayak", "hrs": "harus", "ok": "oke", "trims": "terima kasih",
    "makasih": "terima kasih", "mksh": "terima kasih", "tks": "terima kasih", "thx": "terima kasih",
    "ktp": "ktp", "ektp": "ktp el", "kk": "kartu keluarga", "akte": "akta", "rs": "rumah sakit",
    "pkm": "puskesmas", "sekolahan": "sekolah", "wr": "", "wb": "", "assalamualaikum": "salam",
}  # fmt: skip

# Words of every call that a recogniser mishears and that are no complaint hint: a near miss of one of
# these ("lapol", "diras", "penyiyar") is that word.
CALL_WORDS = frozenset(
    [
        "lapor",
        "melapor",
        "laporan",
        "dinas",
        "penyiar",
        "selamat",
        "terima",
        "kasih",
        "bapak",
        "ibu",
        "kecamatan",
        "kelurahan",
        "dusun",
        "kabupaten",
        "mohon",
        "tolong",
        "sampaikan",
        "menyampaikan",
        "keluhan",
        "mengeluhkan",
        "warga",
        "daerah",
        "wilayah",
        "halo",
        "assalamualaikum",
        "matur",
        "nuwun",
        "sekian",
    ]
)

# Sastrawi's dictionary trips on a few words that matter here (ke-rusak-an -> "rusa", a deer).
STEM_OVERRIDES: dict[str, str] = {
    "kerusakan": "rusak", "rusaknya": "rusak", "pengaduan": "aduan", "aduan": "aduan", "pengadu": "aduan",
    "perumahan": "rumah", "pemukiman": "mukim", "permukiman": "mukim", "penerangan": "terang",
    "lampunya": "lampu", "sampahnya": "sampah", "salurannya": "salur", "selokannya": "selokan",
    "jalannya": "jalan", "jalanan": "jalan", "kebakaran": "bakar", "pelayanan": "layan", "layanan": "layan",
    "berobat": "obat", "pengobatan": "obat", "pendidikan": "didik", "kesehatan": "sehat",
    "ketertiban": "tertib", "penertiban": "tertib", "bantuan": "bantu", "sekolahnya": "sekolah",
    "perijinan": "izin", "perizinan": "izin", "ijin": "izin", "paving": "paving", "pavingisasi": "paving",
    "dipavingisasi": "paving", "dipaving": "paving",
    "pengaspalan": "aspal", "diaspal": "aspal", "macet": "macet", "kemacetan": "macet",
    # krama function words the Indonesian stemmer cuts into hints ("niki" -> "nik", an adminduk hint)
    "niki": "niki", "nika": "nika", "punika": "punika", "menika": "menika",
}  # fmt: skip

# Javanese affixes tried when Sastrawi does not know a word: dalane -> dalan, lampune -> lampu,
# dibenakke -> benak, omahipun -> omah.  A strip is kept only if it lands on a known root.
_JV_SUFFIXES = ("ipun", "nya", "ake", "ne", "e", "ke", "na", "an", "i")
_JV_PREFIXES = ("dipun", "di", "ke", "nge", "ng", "ny", "m", "n", "ka", "sa")

_TOKEN = re.compile(r"[a-z0-9]+")
_REPEAT3 = re.compile(r"(.)\1{2,}")  # "tolooong" -> "tolong"
_REDUP_DIGIT = re.compile(r"\b([a-z]{2,})2\b")  # "lampu2" -> "lampu lampu"
_DIGITS = re.compile(r"^\d+$")
_COMBINING = re.compile(r"[\u0300-\u036f]")

_STEMMER = StemmerFactory().create_stemmer()
_DICTIONARY = _STEMMER.delegatedStemmer.dictionary
_extra_roots: set[str] = set()
_roots_version = [0]  # bumped when roots are added: stems (and features kept from them) change


def roots_version() -> int:
    return _roots_version[0]


def register_roots(words: set[str] | frozenset[str]) -> None:
    """Add words (e.g. the taxonomy's Javanese hints) the Javanese affix pass may land on."""
    new = {w for w in words if w and w not in _extra_roots}
    if new:
        _extra_roots.update(new)
        _roots_version[0] += 1
        stem.cache_clear()


def is_known_root(word: str) -> bool:
    return word in _extra_roots or _DICTIONARY.contains(word)


def dictionary_words() -> frozenset[str]:
    """Sastrawi's root words and the words of every call (:data:`CALL_WORDS`)."""
    return frozenset(_DICTIONARY.words) | CALL_WORDS


def normalize(text: str) -> str:
    """Lower-case ASCII text with single spaces; no punctuation; at most ``MAX_CHARS`` characters."""
    if not text:
        return ""
    text = text[:MAX_CHARS]
    text = _COMBINING.sub("", unicodedata.normalize("NFKD", text)).lower()  # "Désa" -> "desa"
    text = _REPEAT3.sub(r"\1\1", text)
    text = _REDUP_DIGIT.sub(r"\1 \1", text)
    text = text.replace("-", " ")
    return " ".join(_TOKEN.findall(text))


def tokens(text: str) -> list[str]:
    """Normalised words with abbreviations written out (``yg`` -> ``yang``); digits kept."""
    out: list[str] = []
    for tok in normalize(text).split():
        full = ABBREVIATIONS.get(tok, tok)
        if full:
            out.extend(full.split())
    return out


@lru_cache(maxsize=200_000)
def stem(word: str) -> str:
    """The stem of one normalised word (Sastrawi, then Javanese affixes, then overrides)."""
    if word in STEM_OVERRIDES:
        return STEM_OVERRIDES[word]
    if len(word) <= 3 or _DIGITS.match(word):
        return word
    if _DICTIONARY.contains(word):
        return word
    for suffix in _JV_SUFFIXES:  # a Javanese form of a hint word: "dalane" -> "dalan" (Sastrawi: "dal")
        if word.endswith(suffix) and word[: -len(suffix)] in _extra_roots:
            return word[: -len(suffix)]
    s = _STEMMER.delegatedStemmer.stem(word)
    if s != word and not _affixed(word, s):
        # Sastrawi cut something that is no affix ("kamituwo" -> "kami", "rastra" -> "ras",
        # "ngurusnya" -> "guru"): a word of its own, or a Javanese form
        base = word[:-3] if word.endswith("nya") and len(word) > 6 else word
        if base != word:
            return stem(base)
        return _javanese_stem(word)
    if s != word:
        # ke-rusak-an -> "rusa": prefer the root that keeps the k when it is also a word
        if word.endswith(s + "kan") and _DICTIONARY.contains(s + "k") and not word.endswith("kkan"):
            return s + "k"
        return s
    return _javanese_stem(word)


_SUFFIXES = ("", "kan", "an", "i", "nya", "lah", "kah", "pun", "ku", "mu", "kannya", "annya", "inya",
             "kanlah", "ilah", "nyalah")  # fmt: skip


def _affixed(word: str, root: str) -> bool:
    """Whether ``word`` is ``root`` with Indonesian affixes: it ends with the root (its first letter may
    have melted into the prefix, as in menyapu/sapu) and one of the suffixes."""
    for suffix in _SUFFIXES:
        body = word[: len(word) - len(suffix)] if suffix else word
        if suffix and not word.endswith(suffix):
            continue
        if body.endswith(root) or (len(root) > 3 and body.endswith(root[1:]) and len(body) > len(root)):
            return True
    return False


def _javanese_stem(word: str) -> str:
    for suffix in ("", *_JV_SUFFIXES):
        if not word.endswith(suffix):
            continue
        base = word[: -len(suffix)] if suffix else word
        if len(base) < 3:
            continue
        if suffix and is_known_root(base):
            return base
        for prefix in _JV_PREFIXES:
            if base.startswith(prefix) and len(base) - len(prefix) >= 3:
                root = base[len(prefix) :]
                if is_known_root(root):
                    return root
    return word


def stems(text: str) -> list[str]:
    return [stem(t) for t in tokens(text)]


_POSSESSIVE = ("nya", "ne", "ku", "mu", "e")


def word_lists(table: str) -> tuple[frozenset[str], ...]:
    """Word lists written as one table, in order: ``name: words ...`` starts a list (the name is for
    the reader), a line without ``name:`` goes on with the list before it, ``#`` starts a comment.
    ``A, B = word_lists(...)`` reads like a row of ``frozenset`` constants without repeating their code."""
    lists: list[list[str]] = []
    for line in table.splitlines():
        words = line.split("#", 1)[0].split()
        if words and words[0].endswith(":"):
            lists.append([])
            words = words[1:]
        if words:
            lists[-1].extend(words)
    return tuple(frozenset(words) for words in lists)


def light_stem(word: str) -> str:
    """Only the possessive/definite endings off (``kecelakaannya``, ``omahe``): for danger words, where
    a full stem would turn ``melahirkan`` into ``kelahiran``."""
    for suffix in _POSSESSIVE:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word
