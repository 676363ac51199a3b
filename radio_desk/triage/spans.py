"""Which words of a call are the complaint: greetings, the caller's introduction, the host's questions,
thanks and fillers told apart from what the caller reports.

A call transcript says much that is not the complaint: "Halo selamat pagi Mas, saya Bu Siti dari desa
Sukorejo kecamatan Bojonegoro, mau lapor ..." then the complaint, the host's "alamatnya di mana, Bu?",
and "terima kasih".  Category hints, places and the summary each read the words with these roles:
  * ``greeting``, ``thanks``, ``filler``: said in every call, about nothing;
  * ``intro``: the caller's name and home ("saya Bu Siti dari desa Sukorejo"); the home is often, not
    always, where the problem is;
  * ``host``: the presenter's questions and answers ("alamatnya di mana?", "baik Bu, silakan");
  * ``address``: a building named only to say where ("di depan balai desa", "dekat SD"): where, not what;
  * ``complaint``: everything else.
The rules are general Indonesian/Javanese call usage, not phrases of any one set of calls.
"""

# ruff: noqa: SIM905  (word lists read best as one string)
from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from radio_desk.triage import text as tx

COMPLAINT, GREETING, INTRO, HOST, THANKS, FILLER, ADDRESS, FEAR = (
    "complaint", "greeting", "intro", "host", "thanks", "filler", "address", "fear",
)  # fmt: skip
# how much a hint in a word of each role counts towards the category
ROLE_WEIGHT = {
    COMPLAINT: 1.0,
    FEAR: 0.5,
    ADDRESS: 0.15,
    INTRO: 0.1,
    HOST: 0.35,
    GREETING: 0.0,
    THANKS: 0.0,
    FILLER: 0.0,
}

_CLAUSE = re.compile(r"[.!?;:\n]+|,\s*|\s+-\s+")
_QUESTION = re.compile(r"\?")

GREETINGS = frozenset(
    "halo hallo hello helo hai hi assalamualaikum asalamualaikum assalamu alaikum salam permisi sugeng "
    "selamat pagi siang sore malam met good morning sore dalu enjing wilujeng kulonuwun".split()
)
_GREETING_START = frozenset("halo hallo hello helo hai hi assalamualaikum asalamualaikum salam permisi "
                            "sugeng selamat met wilujeng kulonuwun".split())  # fmt: skip
HONORIFICS = frozenset(
    "bapak pak ibu bu mas mbak mbk mba bang kak dik adik mbah kang cak ning neng ning pakde bude om tante "
    "penyiar pak e bune mase".split()
)
THANKS_WORDS = frozenset(
    "terima kasih makasih makasi mksh trims matur nuwun suwun sembah sekian wassalam".split()
)
FILLERS = frozenset(
    "e eh ee em emm hmm hm anu apa ya yaa iya nggih inggih enggih oh ooh lho loh kok sih deh dong gitu "
    "begitu nah tuh oke ok baik halo".split()
)
SELF = frozenset("saya aku kula kulo kami sy aq gue dalem".split())
# after these the caller names home: "dari desa X", "warga dusun Y", "tinggal di Z"
HOME_WORDS = frozenset("dari saking asal warga tinggal alamat domisili rumah rumahe griya omah".split())
PLACE_MARKERS = frozenset(
    "desa ds dusun dsn dukuh kelurahan kel kecamatan kec rt rw kampung kabupaten kab kota lingkungan "
    "perumahan perum blok gang gg jalan jl jln nomor no".split()
)
# a word that ends the introduction: the caller starts saying why they called
INTRO_END = frozenset(
    "mau ingin pengen pingin arep ajeng badhe kepingin lapor melapor laporan lapol ngelapor matur "
    "menyampaikan sampaikan mengadu ngadu mengeluh mengeluhkan keluhan minta mohon tanya bertanya "
    "menanyakan yang ini itu niki niku iki kok ada wonten ana tolong".split()
)
# the host speaks to the caller: second person, inviting, acknowledging
HOST_CUES = frozenset("anda panjenengan sampeyan silakan silahkan monggo mangga".split())
HOST_PHRASES = (
    ("di", "mana"), ("dimana",), ("dengan", "siapa"), ("ada", "lagi"), ("sudah", "dilaporkan"),
    ("baik", "bapak"), ("baik", "ibu"), ("baik", "mas"), ("baik", "mbak"), ("nggih", "bapak"),
    ("nggih", "ibu"), ("kami", "teruskan"), ("akan", "kami"), ("kami", "sampaikan"), ("dari", "mana"),
    ("alamatnya",), ("alamate",), ("namanya", "siapa"), ("sinten",), ("pundi",), ("laporannya",),
    ("informasinya",),
)  # fmt: skip
# a question with these is the caller's, whatever else it says ("mau tanya ... di mana?")
CALLER_WORDS = frozenset("saya aku kula kulo tanya takon nyuwun minta mohon".split())
# where-words: a building after these says where the problem is, not what it is about
LOCATIVES = frozenset(
    "depan dekat samping sebelah belakang seberang sekitar pinggir ujung pojok utara selatan timur barat "
    "arah menuju sampai mulai antara ngarep ngarepe cedhak cerak sandhing mburi wetan kulon lor kidul "
    "sebelahnya depannya dekatnya".split()
)
OFFICES = frozenset("kantor balai".split())
REPORT_VERBS = frozenset("lapor melapor dilaporkan laporkan lapol mengadu ngadu matur sambat".split())
SAID_WORDS = frozenset("kata katanya bilang jawabnya ngendika jare jarene ngomong".split())
# "pipa gas, eh, pipa air": the caller corrects a slip (see _mark_corrections)
CORRECTIONS = frozenset("eh ee maaf ralat maksudnya maksud salah ding".split())
# what may happen, not what happened: "kalau hujan bisa banjir", "takut roboh", "nek ambruk"
FEAR_WORDS = frozenset("kalau jika jikalau apabila takut khawatir kuatir cemas nek yen menawi".split())
BUILDING_TAILS = frozenset("negeri n balai kantor umum pembantu besar agung jami".split())
# the caller says which complaint matters most ("yang paling penting jalannya", "tolong jembatannya
# dulu", "pohonnya itu yang bahaya") or which can wait ("sinyal nanti saja"), or sets a story aside
# ("tapi bukan itu yang mau saya sampaikan"): each clause gets an emphasis (1 = plain)
MAIN_PHRASES = (
    ("paling", "penting"), ("yang", "penting"), ("sing", "penting"), ("paling", "utama"),
    ("yang", "utama"), ("sing", "utama"), ("terutama",), ("paling", "parah"), ("yang", "bahaya"),
    ("paling", "bahaya"), ("sing", "bahaya"), ("paling", "mendesak"), ("yang", "mendesak"),
    ("paling", "khawatir"), ("paling", "khawatirkan"), ("paling", "dikhawatirkan"), ("ingkang", "wigati"),
    ("paling", "wigati"), ("yang", "pertama"), ("sing", "pertama"),
)  # fmt: skip
LATER_PHRASES = (
    ("nanti", "saja"), ("nanti", "aja"), ("belakangan",), ("mengko", "wae"), ("mangke", "mawon"),
    ("tidak", "terlalu", "penting"), ("nggak", "terlalu", "penting"), ("ora", "penting"),
    ("mboten", "penting"), ("tidak", "penting"), ("nggak", "penting"), ("gak", "penting"),
)  # fmt: skip
# "bukan itu (yang mau saya sampaikan)", "tapi yang (mau) saya laporkan ...": what came before was a story
# (matched without the words for "I": "tapi yang saya laporkan" is "tapi yang laporkan")
SET_ASIDE_PHRASES = (
    ("bukan", "itu"), ("bukan", "soal", "itu"), ("dudu", "iku"), ("sanes", "niku"), ("tapi", "yang", "mau"),
    ("tapi", "yang", "ingin"), ("tapi", "yang"), ("tapi", "sing", "arep"), ("nah", "yang", "mau"),
    ("masalahnya", "di"),
)  # fmt: skip
SET_ASIDE_VERBS = frozenset(
    "sampaikan laporkan laporin lapor adukan disampaikan dilaporkan sampekno matur ceritakan".split()
)
MAIN_EMPHASIS = 2.5  # hints in the clause of the main complaint count this much more
LATER_EMPHASIS = 0.3  # ... and in a complaint that can wait this much
ASIDE_EMPHASIS = 0.35  # ... and in a story the caller set aside
OTHER_EMPHASIS = 0.5  # ... and in the other clauses once the caller said which complaint matters most
_LINKS = frozenset("tapi tetapi namun terus lalu nah cuma tapine".split())
_ANNOUNCE = frozenset("dulu disik rumiyin dulunya".split())
_BARE = frozenset(
    "itu iku niku ini iki niki yang sing ingkang paling penting utama mas mbak pak bu ya".split()
)


@dataclass(frozen=True)
class Talk:
    """A text as words (normalised, not yet expanded), each with its role and clause number."""

    words: list[str]
    roles: list[str]
    clause: list[int]
    clauses: list[tuple[int, int]]  # (start, end) word index of each clause
    raw_clauses: list[str]  # each clause as written
    surface: list[str]  # the written token a word came from, at its first word ("" for the others)
    token_of: list[int]  # which written token each word came from
    emphasis: tuple[float, ...] = ()  # per clause: the main complaint > 1, one that can wait < 1
    questions: tuple[bool, ...] = ()  # per clause: asked (ends with "?")

    def emphasis_of(self, i: int) -> float:
        """How much word ``i``'s clause is the main complaint (1 when nothing says)."""
        return self.emphasis[self.clause[i]] if self.emphasis else 1.0

    def weight(self, i: int) -> float:
        return ROLE_WEIGHT[self.roles[i]]

    def complaint_words(self) -> list[str]:
        return [w for w, r in zip(self.words, self.roles, strict=True) if r in (COMPLAINT, ADDRESS, FEAR)]


def _expand(word: str) -> str:
    return tx.ABBREVIATIONS.get(word, word)


def read(text: str, place_len: Callable[[list[str], int], int] | None = None) -> Talk:
    """Split ``text`` into clauses and give every word a role.  ``place_len(words, i)`` (optional) says
    how many words from ``i`` are a place name, so "dari desa Kedung Adem" ends after "Adem"."""
    text = (text or "")[: tx.MAX_CHARS]
    words: list[str] = []
    roles: list[str] = []
    clause_of: list[int] = []
    spans: list[tuple[int, int]] = []
    raw: list[str] = []
    surface: list[str] = []
    token_of: list[int] = []
    asked: list[bool] = []
    for part, is_question in _clauses_with_marks(text):
        ws: list[str] = []
        for token in part.split():
            pieces = _pieces(token)
            if pieces:
                ws.extend(pieces)
                surface.append(token.strip("\"'()[]{}“”‘’"))
                surface.extend([""] * (len(pieces) - 1))
                token_of.extend([len(surface) - len(pieces)] * len(pieces))
        if not ws:
            continue
        start = len(words)
        words.extend(ws)
        clause_roles = _clause_roles(ws, is_question, place_len)
        for i in range(1, len(ws)):  # "e-KTP": a piece of a written word is no filler
            if token_of[start + i] == token_of[start + i - 1]:
                for j in (i - 1, i):
                    if clause_roles[j] == FILLER:
                        clause_roles[j] = COMPLAINT
        roles.extend(clause_roles)
        clause_of.extend([len(spans)] * len(ws))
        spans.append((start, len(words)))
        raw.append(part.strip())
        asked.append(is_question)
    _mark_corrections(words, roles, spans)
    _mark_locatives(words, roles)
    _mark_fears(words, roles, clause_of)
    _mark_reported(words, roles, clause_of)
    emphasis = _emphasis([[_expand(w) for w in words[a:b]] for a, b in spans])
    return Talk(words, roles, clause_of, spans, raw, surface, token_of, tuple(emphasis), tuple(asked))


def _has(ws: list[str], phrases: tuple[tuple[str, ...], ...]) -> bool:
    return any(tuple(ws[i : i + len(p)]) == p for p in phrases for i in range(len(ws) - len(p) + 1))


def _emphasis(clauses: list[list[str]]) -> list[float]:
    """Per clause: the main complaint (``MAIN_EMPHASIS``), one that can wait, a story set aside, or 1.

    A cue in a clause of its own ("Itu yang paling penting, Mas.") points at the clause before it."""
    out = [1.0] * len(clauses)
    for c, said in enumerate(clauses):
        ws = [w for w in said if w not in SELF]  # "yang paling saya khawatirkan"
        bare = all(w in _BARE or w in FILLERS or w in HONORIFICS or w in _ANNOUNCE for w in ws)
        target = c
        if bare and any(w in _ANNOUNCE for w in ws) and c + 1 < len(clauses):
            target = c + 1  # "yang paling penting dulu ya. Di desa X ada ...": the next one
        elif bare and c > 0:
            target = c - 1  # "... Itu yang paling penting, Mas."
        if _has(ws, LATER_PHRASES):
            out[target] = min(out[target], LATER_EMPHASIS)
        elif _has(ws, MAIN_PHRASES):
            out[target] = max(out[target], MAIN_EMPHASIS)
        elif _first_says_first(ws):
            out[c] = max(out[c], MAIN_EMPHASIS)  # "tolong jembatannya dulu (Mas)"
        if _has(ws, SET_ASIDE_PHRASES) and (
            any(w in SET_ASIDE_VERBS for w in ws)
            or (c + 1 < len(clauses) and any(w in SET_ASIDE_VERBS for w in clauses[c + 1][:4]))
        ):
            for k in range(c):
                out[k] = min(out[k], ASIDE_EMPHASIS)
    if any(e > 1 for e in out):
        # the caller said which one matters: the other complaints are the ones that can wait
        out = [e if e > 1 else min(e, OTHER_EMPHASIS) for e in out]
    return out


def _first_says_first(ws: list[str]) -> bool:
    """ "tolong jembatannya dulu, Mas", "nyuwun margi rumiyin": this one first."""
    tail = [w for w in ws if w not in HONORIFICS and w not in FILLERS]
    head = next((w for w in ws if w not in _LINKS), "")  # "tapi tolong ...", "terus mohon ..."
    return (
        bool(tail)
        and head in ("tolong", "mohon", "nyuwun", "tulung")
        and tail[-1] in ("dulu", "disik", "rumiyin", "duluan")
    )


_PLAIN = re.compile(r"[a-z]+|[0-9]+")
_EDGE = ".,!?;:\"'()[]{}\u201c\u201d\u2018\u2019"


def _pieces(token: str) -> list[str]:
    """The normalised words of one written token (most tokens are one plain word: a fast path)."""
    low = token.strip(_EDGE).lower()
    if _PLAIN.fullmatch(low) and not _REPEAT.search(low):
        return [low]
    return tx.normalize(token).split()


_REPEAT = re.compile(r"(.)\1\1")


def _clauses_with_marks(text: str) -> list[tuple[str, bool]]:
    out: list[tuple[str, bool]] = []
    pos = 0
    for m in _CLAUSE.finditer(text):
        piece = text[pos : m.start()]
        if piece.strip():
            out.append((piece, "?" in m.group()))
        pos = m.end()
    if text[pos:].strip():
        out.append((text[pos:], False))
    return out


def _is_host(ws: list[str], is_question: bool) -> bool:
    full = [_expand(w) for w in ws]
    if any(w in HOST_CUES for w in full):
        return True
    if (
        full
        and full[0] in ("baik", "oke", "ok", "nggih", "inggih")
        and len(full) > 1
        and full[1] in HONORIFICS
    ):
        return True
    if is_question and len(full) <= 6 and full[-1] in HONORIFICS and full[0] not in SELF:
        return True  # "Ada korban Bu?", "Sudah lama Pak?": the host asks the caller
    if any(w in CALLER_WORDS for w in full):
        return False  # "Mas, mau tanya ... di mana ya?": the caller asking the host
    if is_question or full[-1:] in (["ya"], ["nggih"]):
        for phrase in HOST_PHRASES:
            n = len(phrase)
            if any(tuple(full[i : i + n]) == phrase for i in range(len(full) - n + 1)):
                return True
    return False


def _clause_roles(
    ws: list[str], is_question: bool, place_len: Callable[[list[str], int], int] | None
) -> list[str]:
    n = len(ws)
    roles = [COMPLAINT] * n
    full = [_expand(w) for w in ws]
    if _is_host(ws, is_question):
        return [HOST] * n
    i = 0
    # greeting run at the start: "halo selamat pagi mas penyiar", "assalamualaikum wr wb"
    if full and (full[0] in _GREETING_START or full[0] in ("pagi", "siang", "sore", "malam")):
        while i < n and (
            full[i] in GREETINGS or full[i] in FILLERS or full[i] == "" or ws[i] in ("wr", "wb")
        ):
            roles[i] = GREETING
            i += 1
        i = _honorific_name(ws, full, roles, i, GREETING)
    # thanks: "terima kasih mas", "matur nuwun sanget"; everything after it in the clause is polite talk
    for j in range(i, n):
        thanks = full[j] in THANKS_WORDS or (full[j] == "terima" and j + 1 < n and full[j + 1] == "kasih")
        if thanks and (j == i or all(roles[k] != COMPLAINT or full[k] in FILLERS for k in range(i, j))):
            for k in range(j, n):
                roles[k] = THANKS
            return roles
    # self-introduction: "saya Bu Siti dari desa Sukorejo", "nama saya Joko warga dusun X", "kula Darmi"
    j = i
    while j < n and full[j] in FILLERS:
        roles[j] = FILLER
        j += 1
    if j < n and (full[j] in SELF or full[j] == "nama" or full[j] == "dengan"):
        k = j + 1
        if full[j] == "nama" and k < n and full[k] in SELF:
            k += 1
        intro_end = _intro_end(ws, full, k, place_len)
        if intro_end > k:
            for m in range(j, intro_end):
                roles[m] = INTRO
            i = intro_end
    # remaining fillers
    for m in range(i, n):
        if roles[m] == COMPLAINT and full[m] in FILLERS and full[m] not in ("apa", "baik"):
            roles[m] = FILLER
    return roles


def _honorific_name(ws: list[str], full: list[str], roles: list[str], i: int, role: str) -> int:
    """``mas penyiar``, ``pak Joko``: an honorific and the name after it take ``role``."""
    n = len(ws)
    while i < n and full[i] in HONORIFICS:
        roles[i] = role
        i += 1
        if i < n and full[i] not in HONORIFICS and full[i] not in SELF and not _function_word(full[i]):
            roles[i] = role
            i += 1
    return i


def _function_word(w: str) -> bool:
    return w in INTRO_END or w in HOME_WORDS or w in SELF or w in PLACE_MARKERS or w in FILLERS or w in (
        "di", "ke", "dan", "juga", "mau", "sudah", "belum", "tidak", "rusak")  # fmt: skip


def _intro_end(
    ws: list[str], full: list[str], k: int, place_len: Callable[[list[str], int], int] | None
) -> int:
    """Where the introduction that starts at ``k`` (just after "saya") ends; ``k`` when there is none."""
    n = len(ws)
    start = k
    named = False
    # "saya (ini) (Bu) Siti (Rahayu)"
    if k < n and full[k] == "ini":
        k += 1
    while k < n and full[k] in HONORIFICS:
        k += 1
        named = True
    titled = named
    names = 0
    before_names = k
    while k < n and names < 2 and not _function_word(full[k]) and not full[k].isdigit():
        k += 1
        names += 1
        named = True
    if names and not titled and k < n and full[k] not in HOME_WORDS and full[k] not in PLACE_MARKERS:
        # "saya urus KK baru": without "Pak/Bu" a word after "saya" is a name only when the caller
        # goes on to say where from ("saya Siti dari ...") or stops there
        k, named = before_names, False
    # "dari desa Sukorejo kecamatan Bojonegoro", "warga dusun X RT 3", "tinggal di X"
    homed = False
    while k < n and full[k] in HOME_WORDS:
        k += 1
        homed = True
        if k < n and full[k] in ("di", "ing", "neng", "nang", "saya", "kula"):
            k += 1
    if homed or (named and k < n and full[k] in PLACE_MARKERS):
        k = _place_chain(ws, full, k, place_len)
    elif not named:
        return start
    return k


def _place_chain(
    ws: list[str], full: list[str], k: int, place_len: Callable[[list[str], int], int] | None
) -> int:
    """Markers and names: "desa Sukorejo kecamatan Bojonegoro", "RT 3 RW 2", "dusun Krajan"."""
    n = len(ws)
    took_name = False
    while k < n:
        if full[k] in PLACE_MARKERS or full[k].isdigit():
            k += 1
            took_name = False
            continue
        if full[k] in INTRO_END or full[k] in ("di", "ke", "juga", "dan"):
            break
        if took_name and place_len is None:
            break
        length = place_len(ws, k) if place_len else 0
        if length <= 0:
            if took_name:
                break
            length = 1  # an unknown name right after "dari"/"desa": one word
        k += length
        took_name = True
    return k


def _mark_reported(words: list[str], roles: list[str], clause_of: list[int]) -> None:
    """Whom the caller already told and what they answered ("sudah lapor ke kantor desa", "kata Pak
    Kades ...", "perangkat desa bilang ..."): how the complaint went, not what it is about."""
    n = len(words)
    for i, w in enumerate(words):
        if roles[i] not in (COMPLAINT, HOST):
            continue
        if w in REPORT_VERBS and i + 1 < n and words[i + 1] in ("ke", "kepada", "sama", "dhateng", "nang"):
            for k in range(i + 2, min(n, i + 5)):
                if clause_of[k] != clause_of[i] or words[k] in ("tapi", "tetapi", "namun", "tapine"):
                    break
                roles[k] = ADDRESS
        elif w in SAID_WORDS:
            for k in range(max(0, i - 3), i):  # "perangkat desa bilang ...": the speaker
                if clause_of[k] == clause_of[i] and roles[k] == COMPLAINT:
                    roles[k] = ADDRESS
            k = i + 1
            while k < n and clause_of[k] == clause_of[i] and k < i + 5:  # "kata Pak Kades ...": the speaker
                if roles[k] == COMPLAINT:
                    roles[k] = ADDRESS
                k += 1


def _mark_corrections(words: list[str], roles: list[str], spans: list[tuple[int, int]]) -> None:
    """ "ada pipa gas, eh, pipa air bocor": a clause of its own saying "eh" / "maaf" / "maksudnya",
    then words that take up again a word said just before, take back what was said from that word on
    ("pipa gas"): a slip of the tongue, not what the caller reports."""
    for k in range(1, len(spans) - 1):
        a, b = spans[k]
        said = words[a:b]
        if not any(w in CORRECTIONS for w in said) or not all(w in CORRECTIONS or w in FILLERS for w in said):
            continue
        (pa, pb), (na, _) = spans[k - 1], spans[k + 1]
        again = words[na]
        for m in range(pb - 1, pa - 1, -1):
            if words[m] == again:
                for j in range(m, pb):
                    roles[j] = FILLER
                break


def _mark_fears(words: list[str], roles: list[str], clause_of: list[int]) -> None:
    """ "kalau angin kencang takut tumbang": what may happen is not what happened (to the end of the
    clause)."""
    for i, w in enumerate(words):
        if w in FEAR_WORDS and roles[i] == COMPLAINT:
            j = i
            while j < len(words) and clause_of[j] == clause_of[i]:
                if roles[j] == COMPLAINT:
                    roles[j] = FEAR
                j += 1


def _mark_locatives(words: list[str], roles: list[str]) -> None:
    """A building after a where-word ("di depan balai desa", "dekat SD 2") is an address, not the
    complaint: the word after the where-word and the place markers and numbers that follow it."""
    n = len(words)
    for i, w in enumerate(words):
        if roles[i] != COMPLAINT:
            continue
        if w in ("di", "ke", "dari", "ning", "neng", "teng") and i + 1 < n and words[i + 1] in OFFICES:
            pass  # "di kantor kecamatan ada pungli": the office is where, the pungli is what
        elif w not in LOCATIVES:
            continue
        j = i + 1
        if j < n and words[j] in ("nya", "e", "di", "ke"):
            j += 1
        if j >= n or roles[j] != COMPLAINT or _expand(words[j]) in PLACE_MARKERS - {"jalan", "gang"}:
            continue
        roles[j] = ADDRESS
        k = j + 1
        while (
            k < n
            and roles[k] == COMPLAINT
            and (_expand(words[k]) in PLACE_MARKERS or words[k].isdigit() or words[k] in BUILDING_TAILS)
        ):
            roles[k] = ADDRESS
            k += 1
