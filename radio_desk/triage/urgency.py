"""Urgency from danger words and their context.

The taxonomy's ``[urgency]`` table lists words and phrases per level (darurat, tinggi, rendah).  A phrase
matches even with a few words in between (``anak saya hilang`` meets ``anak hilang``); a danger word
right after a negation (``tidak ada korban``) does not count.  An emergency told without an emergency
word ("ada yang tergeletak di jalan", "asap hitam dari rumah tetangga") is found by its cues
(:mod:`emergency`).  Without danger words a complaint is
Sedang; a question, suggestion or request for information that reports no trouble is Rendah.  An
emergency category (darurat) is at least Tinggi.
"""

# ruff: noqa: SIM905  (word lists read best as one string)
from __future__ import annotations

from dataclasses import dataclass

from radio_desk.domain.enums import Urgency
from radio_desk.domain.taxonomy import Taxonomy
from radio_desk.triage import text as tx
from radio_desk.triage.emergency import (
    IF_PEOPLE,
    IF_PERSON_BEFORE,
    INSTITUTION,
    PEOPLE_OR_HOMES,
    WINDOW,
    DangerSpelling,
    emergency_cues,
    going_on,
    hedged,
    not_now,
    over,
    safe,
)

NEGATIONS = frozenset({"tidak", "belum", "tanpa", "bukan", "ora", "durung", "mboten", "dereng", "nggak"})
# a question that also reports trouble ("kenapa jalan belum diperbaiki") is a complaint, not Rendah
TROUBLE = frozenset(
    "rusak mati padam belum kenapa mengapa macet mampet bocor hilang susah sulit ditolak kecewa keluh "
    "mengeluh mengeluhkan parah tolong lama rusake ora durung dereng mboten angel".split()
)
MAX_GAP = 2  # words allowed between the words of a phrase
ILLNESS = frozenset("sakit menderita penderita riwayat pasien".split())
TRAPPED = frozenset("terjebak kejebak terjepit kejepit".split())
ANIMALS = frozenset("kucing anjing ayam kambing sapi kerbau burung monyet kucinge pitik wedhus".split())
# "korban penipuan", "terjebak macet": the danger word in another sense
OTHER_SENSE = {
    "korban": frozenset(
        "penipuan pungli pungutan pemerasan investasi arisan calo hoaks hoax php phk penggusuran gusuran "
        "banjir bencana kekeringan kebijakan longsor gempa kebakaran puting angin".split()
    ),
    "terjebak": frozenset("macet kemacetan antrean antrian".split()),
    "darurat": frozenset("air banyu sampah pangan beras listrik bbm pupuk obat".split()),  # "darurat air"
    "kejebak": frozenset("macet".split()),
}
_LEVELS = {"darurat": Urgency.DARURAT, "tinggi": Urgency.TINGGI, "rendah": Urgency.RENDAH}
# "sampai lemas", "nganti semaput": a degree, not a place ("sampai" is also a where-word: "sampai pasar")
DEGREE = frozenset("sampai sampe nganti hingga".split())


def counted_words(words: list[str], weights: list[float], least: float) -> list[bool]:
    """Which words' danger counts: those of the complaint itself (``weights`` at least ``least``), and a
    state said after a degree word ("ada yang sampai lemas"), which the where-word made an address."""
    return [k >= least or (i > 0 and k > 0 and words[i - 1] in DEGREE) for i, k in enumerate(weights)]


@dataclass(frozen=True)
class UrgencyResult:
    level: Urgency
    words: tuple[str, ...]  # what the caller said that set the level
    over: bool = False  # the call says the emergency is over or its people are safe


class UrgencyRater:
    def __init__(self, taxonomy: Taxonomy) -> None:
        self.phrases: list[tuple[tuple[str, ...], Urgency, str]] = []
        for key, level in _LEVELS.items():
            for phrase in taxonomy.urgency_hints.get(key, ()):
                words = tx.tokens(phrase)
                if words:
                    self.phrases.append((tuple(tx.light_stem(w) for w in words), level, phrase))
        self.spelling = DangerSpelling(
            [stems[0] for stems, level, _ in self.phrases if level is Urgency.DARURAT and len(stems) == 1]
        )
        self.first: dict[str, list[int]] = {}
        for i, (stems, _, _) in enumerate(self.phrases):
            self.first.setdefault(stems[0], []).append(i)

    def _danger_stem(self, word: str) -> str:
        """ "apinya" is "api", "kbakaran" is "kebakaran" (the colloquial ke- of ter-, "kebalik", counts
        only in the cues of :mod:`emergency`, next to a person or a boat: "Kebalik Mas" is no accident)."""
        s = tx.light_stem(word)
        if s in self.first:
            return s
        for suffix in ("nya", "ne", "e"):  # short roots the light stem keeps whole ("apinya", "genine")
            if word.endswith(suffix) and word[: -len(suffix)] in self.first:
                return word[: -len(suffix)]
        return self.spelling(s) or s

    def rate(
        self,
        words: list[str],
        category: str | None = None,
        clause: list[int] | None = None,
        counted: list[bool] | None = None,
    ) -> UrgencyResult:
        """The urgency of ``words``; ``clause`` (the clause of each word, optional) lets a clause that
        tells of the past or of what keeps happening temper its danger words (:func:`not_now`).
        ``counted`` (optional, with ``clause``) marks the words whose danger counts (the complaint
        itself); the others still tell when it happens ("... sudah dibawa ambulans" in a clause that
        counts less, "bulan kemarin" in an address)."""
        if counted is not None and clause is not None and not all(counted):
            return self._rate_in_context(words, category, clause, counted)
        return self._rate(words, category, clause)

    def _rate_in_context(
        self, words: list[str], category: str | None, clause: list[int], counted: list[bool]
    ) -> UrgencyResult:
        keep = [i for i, c in enumerate(counted) if c]
        context = ([tx.light_stem(w) for w in words], clause, keep)
        return self._rate([words[i] for i in keep], category, [clause[i] for i in keep], context)

    def _rate(
        self,
        words: list[str],
        category: str | None = None,
        clause: list[int] | None = None,
        context: tuple[list[str], list[int], list[int]] | None = None,
    ) -> UrgencyResult:
        stems = [self._danger_stem(w) for w in words]

        def later(i: int) -> bool:  # not happening now, judged on the whole text when it is given
            if context is None:
                return not_now(stems, i, clause)
            all_stems, all_clause, where = context
            return not_now(all_stems, where[i], all_clause)

        found: dict[Urgency, list[str]] = {}
        n = len(stems)
        matches: list[tuple[int, int, Urgency, int]] = []
        for i, s in enumerate(stems):
            for k in self.first.get(s, ()):
                phrase, level, _ = self.phrases[k]
                end = _match_with_gaps(stems, i, phrase)
                if end is None or _negated(words, i):
                    continue
                if level is Urgency.DARURAT and (
                    _tempered(stems, i, end, clause) or _other_sense(stems, i, end) or later(i)
                ):
                    level = Urgency.TINGGI
                matches.append((i, end, level, len(phrase)))
        for i, end, level, size in matches:
            # "demam berdarah" (tinggi) is not "berdarah" (darurat): a longer phrase covering it decides
            if any(j <= i and e >= end and sz > size for j, e, _, sz in matches):
                continue
            found.setdefault(level, []).append(" ".join(words[i:end]))
        del n
        if Urgency.DARURAT not in found:
            # "ada yang tergeletak", "asap hitam dari rumah", "air masuk rumah"
            cues = emergency_cues(words, clause, context)
            if cues:
                found[Urgency.DARURAT] = list(cues)
            elif clause is not None and (past := emergency_cues(words)):
                found.setdefault(Urgency.TINGGI, []).extend(past)  # "air sempat masuk rumah, sudah surut"
        done = safe(stems) or (over(stems) and not going_on(stems))
        if Urgency.DARURAT in found and done:
            # "longsor nutup dalan, rong omah kena. Wong e selamet": the people are safe; "tabrakan ...,
            # sudah diurus polisi": it is over (and nothing in the call is still going on)
            found.setdefault(Urgency.TINGGI, []).extend(found.pop(Urgency.DARURAT))
        for level in (Urgency.DARURAT, Urgency.TINGGI):
            if level in found:
                return UrgencyResult(
                    level, tuple(dict.fromkeys(found[level])), done and level is Urgency.TINGGI
                )
        if category == "darurat":  # an emergency without danger words is still at least Tinggi
            return UrgencyResult(Urgency.TINGGI, ())
        if Urgency.RENDAH in found and not any(w in TROUBLE for w in words):
            return UrgencyResult(Urgency.RENDAH, tuple(dict.fromkeys(found[Urgency.RENDAH])))
        return UrgencyResult(Urgency.SEDANG, ())


def _match_with_gaps(stems: list[str], start: int, phrase: tuple[str, ...]) -> int | None:
    pos = start
    for s in phrase[1:]:
        for j in range(pos + 1, min(len(stems), pos + 2 + MAX_GAP)):
            if stems[j] == s:
                pos = j
                break
        else:
            return None
    return pos + 1


def _tempered(stems: list[str], i: int, end: int, clause: list[int] | None = None) -> bool:
    """A danger word that is Tinggi here: nearly happened ("hampir tabrakan"), a place's name
    ("instalasi gawat darurat"), or an event that hit no people or homes ("longsor nutup jalan"; the
    people or homes said in its clause or the one before or after: "dalan longsor ke sungai, tinggal
    separuh. Orang naik motor harus turun" is a road)."""
    if hedged(stems, i) or (i > 0 and stems[i - 1] in INSTITUTION):
        return True
    if stems[end - 1] in IF_PEOPLE and (end - i == 1 or stems[i] == "tanah"):  # "(tanah) longsor"
        around = [*range(max(0, i - WINDOW), i), *range(end, min(len(stems), end + WINDOW))]
        if clause is not None:
            around = [k for k in around if abs(clause[k] - clause[i]) <= 1]
        return not any(stems[k] in PEOPLE_OR_HOMES and not _other_sense(stems, k, k + 1) for k in around)
    if end - i == 1 and stems[i] in IF_PERSON_BEFORE:
        return not any(w in PEOPLE_OR_HOMES for w in stems[max(0, i - 3) : i])
    return False


def _other_sense(stems: list[str], i: int, end: int) -> bool:
    """ "korban penipuan", "korban banjir (dapat bantuan)", "terjebak macet", "kucing terjebak": not a
    person in danger;
    "sakit stroke", "riwayat jantung": an illness, not an attack now."""
    if i > 0 and stems[i - 1] in ILLNESS:
        return True
    if stems[i] in TRAPPED and any(w in ANIMALS for w in stems[max(0, i - 2) : i]):
        return True  # "kucing terjebak di atas pohon"
    other = OTHER_SENSE.get(stems[i]) if end - i == 1 else None
    return other is not None and any(w in other for w in stems[end : end + 2])


def _negated(words: list[str], i: int) -> bool:
    """``tidak ada korban``, ``belum ada yang luka``, ``tanpa korban``."""
    window = words[max(0, i - 3) : i]
    return any(w in NEGATIONS for w in window)
