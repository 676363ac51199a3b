"""Kecamatan and desa/kelurahan named in a text, found through the home regency's gazetteer.

The text is read as windows of one to four words; each window is compared with the names of the
regency's kecamatan and desa the way :func:`normalize_name` compares names (old spellings, spacing),
first exactly and then, for longer names, fuzzily to forgive misheard or misspelt names
(``Sumberejo`` for ``Sumberrejo``, ``Kedungbaru`` for ``Kedung Baruk``).  Confidence rises when the
name follows ``desa``/``kelurahan``/``kecamatan``, when desa and kecamatan agree, and falls for names
that are also everyday words (``Pakis``, ``Beringin``) or are shared by several desa.
"""

# ruff: noqa: SIM905  (word lists read best as one string)
from __future__ import annotations

from dataclasses import dataclass, field, replace
from functools import lru_cache

from rapidfuzz import fuzz

from radio_desk.domain.gazetteer import Gazetteer, Place, get_gazetteer, normalize_name
from radio_desk.triage import spans
from radio_desk.triage import text as tx

DESA_MARKERS = frozenset(
    {"desa", "ds", "kelurahan", "kel", "kelurhan", "kalurahan", "deso", "dsa", "desanya", "desane", "desone"}
)
KEC_MARKERS = frozenset({"kecamatan", "kec", "kecamatn", "kcamatan"})
CITY = "kota"
SHORT = frozenset({"ds", "kel", "kec", "dsn", "dk"})  # markers written short, with a full stop
STREET_MARKERS, DIRECTION_MARKERS, ESTATE_WORDS, HOME_MARKERS = tx.word_lists(
    """
    # a name right after these is a street, estate or building named after a place, often elsewhere
    street_markers: jalan jl jln jaln gang gg jalane dalan raya perum perumahan pasar puskesmas rusun
        rusunawa taman makam terminal stasiun rs rsud sekolah sd smp sma smk kantor kawasan komplek
        kompleks blok perempatan pertigaan simpang bundaran jembatan halte masjid mall plaza depot
    # ... and after these it is where something goes or comes from, not where the problem is
    direction_markers: arah menuju sampai dari ke tembus perbatasan batas sebelum sesudah setelah
    # ... and a name followed by these is an estate or a street ("Darmo Permai", "Ngagel Timur"); not
    # "mas": on a call "di Trucuk, Mas" speaks to the host
    estate_words: indah permai asri regency residence park land raya timur barat utara selatan megah
        harapan golf city town hills garden
    # a name right after these is where the caller lives or the problem is
    home_markers: warga di daerah wilayah kampung dusun dukuh lingkungan alamat domisili
    """
)
MAX_WORDS = 4
# a place said in passing: where the caller works, studies, shops or travelled ("anak saya kerja di
# Surabaya", "kemarin ke pasar Kalitidu beli bibit", "pulang dari Baureno"), within PASSING_REACH words
PASSING_WORDS = frozenset(
    "kerja kerjo bekerja nyambut kuliah mondok merantau rantau pulang mudik dolan mampir belanja beli "
    "tuku kondangan nyekar liburan plesir piknik jalan-jalan".split()
)
PASSING_REACH = 4
PASSING_FACTOR = 0.4
HOST_FACTOR = 0.4  # the host's "di Kapas ya, Pak?": the caller's own words say where
DENIED_FACTOR = 0.3  # "bukan Kapas", "dudu Malo", "sanes ...": the place the caller corrects away
DENIALS = frozenset("bukan dudu sanes ndak".split())
DENIED = "disangkal (\u201cbukan\u201d)"
FILL_CONFIDENCE = 0.5  # a place this sure is filled in (F8); below, it is offered as a candidate
DIRECTION = "arah/asal, bukan tempat kejadian"
BY_HOST = "disebut penyiar"
PASSING = "disebut sambil lalu (kerja/pergi ke sana)"
ASIDE = "dalam cerita sampingan"
ELSEWHERE = frozenset({DIRECTION, BY_HOST, PASSING, ASIDE})  # said, but maybe not where the problem is
PLAIN = "tempat yang disebut, tak ada yang menyangkal"  # the plain reading (RegencyPlaces._plain)
ASIDE_FACTOR = 0.45  # a place in the story the caller set aside ("... tapi bukan itu yang mau saya lapor")
# "at" words before a capitalised everyday word make it a kecamatan's name ("di Kapas", "teng Malo")
AT_WORDS = frozenset("di ing neng nang ning teng wonten daerah wilayah dari saking sekitar".split())
# ... and these before a kecamatan named by an everyday word ("warga balen", "SPBU Kapas") too
PLACE_WORDS = AT_WORDS | HOME_MARKERS | STREET_MARKERS | frozenset("spbu pom polsek koramil kua".split())
EVERYDAY = "nama ini juga kata sehari-hari"  # such a desa needs "desa" or its kecamatan right after it
# the plain reading (RegencyPlaces._plain) never fills in a place said with these reasons
AGAINST = frozenset({EVERYDAY, DENIED, PASSING, BY_HOST})
DIRECTION_FACTOR = 0.75  # "dari X", "arah X": often still where the problem is, less sure
NAMESAKE_CONFIDENCE = 0.4  # a desa named like its kecamatan, said without "desa": an alternative only
PAIR_CONFIDENCE = 0.9  # "desa X kecamatan-name": a desa said right before its own kecamatan
MISHEARD_MARKER = 65.0  # how close a word must be to "kecamatan" to be taken for it
MISHEARD_CUTOFF = 66.0  # ... and the words after it to a kecamatan's name
MISHEARD_AMONG_CUTOFF = 50.0  # ... or, to choose among the kecamatan of a desa just named, this close
MISHEARD_MARGIN = 8.0  # ... and closer than to any other kecamatan by this much
MISHEARD_KEC = 0.55  # the confidence of such a kecamatan (its desa named next to it makes it sure)
TITLE_CASE_SHARE = 0.4  # a text with more capitalised words than this capitalises every word
HOME_OVERRIDE = 0.5  # a place this sure in the complaint wins over the caller's home
STREET_FACTOR = 0.7  # streets and buildings are mostly named after the place they are in
FUZZY_MIN_KEY = 6  # shorter names only match exactly (too many near misses otherwise)
FUZZY_CUTOFF = 86.0
SPLIT_NAME_REACH = 8  # words around a named kecamatan searched for its desa heard as split words
# Javanese and Indonesian words used every day that are also place names somewhere in Jawa Timur
COMMON_WORDS = frozenset(
    "kidul wetan kulon lor tengah baru lama kauman pasar kota sumber banyu kali gunung alas sawah tegal "
    "karang ngasem bulu jati dukuh made ujung mojo gading pakis beringin lontar jeruk genteng kapas balen "
    "kendal pandan randu asem klampis pucang kebon gedong bareng butoh betet pejok kedung malo "
    # Javanese everyday words (ngoko/krama) that are also names of desa ("Opo Opo", "Sudah", "Jari")
    "opo apa iki iku kuwi niku ora mboten ono ana wis sampun karo kaliyan sing ingkang neng nang ing "
    "wae mawon kabeh akeh lan terus mau niki nggih enggih sudah jari padang panjang turi soko gajah "
    "geger kunci petak pelem pojok teleng pacul jono kemiri bendo wedi seneng rawan paras boto bago "
    # more everyday words that name a desa: "di kalangan warga", "bakulan sayur", "tanggul bobol",
    # "musim rendeng", "mau temu", "nyumbang", "deru mesin", "kolong jembatan", "bulu ayam"
    "kalangan bakulan bobol rendeng temu sumbang deru kolong tikusan bakalan sedeng talun pesen "
    "tanjung sekaran jelu beji padang mori bakung pilang bungur soko "
    # Javanese "nganti" (until), "tanggungan" (a burden)
    "nganti tanggungan".split()
)


_name_key = lru_cache(maxsize=200_000)(normalize_name)


@dataclass(frozen=True)
class PlaceFound:
    place: Place
    confidence: float  # 0..1
    said: str  # the words of the text that named it
    reasons: tuple[str, ...] = ()
    at: int = -1  # word position of the mention in the text
    end: int = -1  # word position just after it


@dataclass(frozen=True)
class PlaceResult:
    kecamatan: PlaceFound | None = None
    desa: PlaceFound | None = None
    candidates: tuple[PlaceFound, ...] = field(default_factory=tuple)  # every mention, best first


class RegencyPlaces:
    """Name indexes of one regency's kecamatan and desa; build once, reuse for every text."""

    def __init__(self, gazetteer: Gazetteer, regency_code: str) -> None:
        self.regency = gazetteer.get(regency_code)
        self.gazetteer = gazetteer
        self.by_key: dict[str, list[Place]] = {}
        self._kecamatan = list(gazetteer.kecamatan_of(regency_code))
        for kec in self._kecamatan:
            self.by_key.setdefault(normalize_name(kec.name), []).append(kec)
            for desa in gazetteer.desa_of(kec.code):
                self.by_key.setdefault(normalize_name(desa.name), []).append(desa)
        self.by_key.pop("", None)
        seat = self.by_key.get(normalize_name(self.regency.name.removeprefix("Kabupaten ")), [])
        for kec in seat[:1] if seat and seat[0].level == "district" else ():
            # "Kadipaten, kota", "pasar kota": in a kabupaten "kota" is the kecamatan of its seat
            # (an everyday word: it counts after a place word or next to a desa of that kecamatan)
            self.by_key.setdefault(CITY, []).append(kec)
        self._buckets: dict[str, list[str]] = {}
        for key in self.by_key:
            if len(key) >= FUZZY_MIN_KEY:
                self._buckets.setdefault(key[:2], []).append(key)
        # a window can only match if its first word starts like some name (fuzzy matches keep the
        # first two letters too): most words of a text are ruled out by this set alone
        self._starts = frozenset(k[:2] for k in self.by_key)
        self.desa_count = {k: sum(p.level == "village" for p in ps) for k, ps in self.by_key.items()}
        self._lookup = lru_cache(maxsize=50_000)(self._lookup_uncached)

    def _lookup_uncached(self, key: str) -> tuple[str, float] | None:
        if key in self.by_key:
            return key, 1.0
        if len(key) < FUZZY_MIN_KEY:
            return None
        best: tuple[str, float] | None = None
        for cand in self._buckets.get(key[:2], ()):
            if abs(len(cand) - len(key)) > 2:
                continue
            score = fuzz.ratio(key, cand)
            if score >= FUZZY_CUTOFF and (best is None or score > best[1] * 100):
                best = (cand, score / 100.0)
        return best

    def is_common(self, key: str) -> bool:
        return key in COMMON_WORDS or tx.is_known_root(key)

    def _fuzzable(self, word: str) -> bool:
        """A word that may be a misspelt name: not a word of the language, nor a derived form of one."""
        if len(word) < 3 or word.isdigit() or self.is_common(word):
            return False
        root = tx.stem(word)
        return root == word or len(root) < 4

    # ---------------------------------------------------------------------------------------------
    def name_len(self, words: list[str], i: int) -> int:
        """How many words from ``i`` are a kecamatan or desa name (0: none)."""
        found = self._match_at(words, i) if i < len(words) else None
        return found[0] if found else 0

    def find(self, text: str) -> PlaceResult:
        return self.find_in(spans.read(text, self.name_len))

    def find_in(self, talk: spans.Talk) -> PlaceResult:
        """The problem's place: mentions in the complaint first; the caller's home ("saya dari desa X")
        when the complaint names none, or to settle the desa inside the kecamatan it names.  When these
        rules fill in nothing, the place the call names with nothing against it (:meth:`_plain`)."""
        problem, home = self._mentions(
            talk.words, talk.roles, talk.clause, _proper_nouns(talk), _said_by_the_way(talk)
        )
        return self._plain(self._ruled(problem, home), problem, home)

    def _ruled(self, problem: dict[str, PlaceFound], home: dict[str, PlaceFound]) -> PlaceResult:
        said = _plainly(problem)  # "jalan Trucuk ke Padangan": Trucuk
        if said is not problem:
            ruled = self._ruled(said, home)
            rest = tuple(m for c, m in problem.items() if c not in said)
            return PlaceResult(ruled.kecamatan, ruled.desa, ruled.candidates + rest)
        if not home:
            return self._decide(problem)
        result = self._decide(problem)
        kec = result.kecamatan
        if kec is not None and kec.confidence >= HOME_OVERRIDE and not _elsewhere(result):
            if result.desa is None or result.desa.confidence < HOME_OVERRIDE:
                at_home = self._decide(
                    {**home, **{k: m for k, m in problem.items() if m.place.level == "district"}}
                )
                if at_home.desa is not None and at_home.desa.place.parent_code == kec.place.code:
                    result = PlaceResult(kec, at_home.desa, result.candidates)
            cands = result.candidates + tuple(sorted(home.values(), key=lambda m: -m.confidence))
            return PlaceResult(result.kecamatan, result.desa, cands)
        return self._decide(_surest(home, problem))

    def _plain(
        self, result: PlaceResult, problem: dict[str, PlaceFound], home: dict[str, PlaceFound]
    ) -> PlaceResult:
        """The plain reading when the rules above fill in no kecamatan: the surest place named in the
        complaint (else the caller's home) that nothing speaks against (not an everyday word without
        context, not denied: :func:`_against`), filled in at ``FILL_CONFIDENCE``.  A place said once
        ("jalan Klangon rusak", "di trucuk mas") is the problem's place unless the call says otherwise."""
        if result.kecamatan is not None and result.kecamatan.confidence >= FILL_CONFIDENCE:
            return result
        for said in (problem, home):
            plain = self._decide(_plainly({c: m for c, m in said.items() if not _against(m)}))
            kec = plain.kecamatan
            if kec is None:
                continue  # nothing left, or a desa name several kecamatan share and nothing says which
            kec = _filled(kec)
            desa = plain.desa
            if (
                desa is not None
                and desa.place.parent_code == kec.place.code
                and _name_key(desa.place.name) != _name_key(kec.place.name)
            ):
                desa = _filled(desa)  # not the kecamatan's namesake desa ("pasar Baureno": the kecamatan)
            return PlaceResult(kec, desa, result.candidates)
        return result

    def _mentions(
        self,
        words: list[str],
        roles: list[str],
        clause: list[int],
        proper: list[bool] | None = None,
        by_the_way: list[tuple[float, str]] | None = None,
    ) -> tuple[dict[str, PlaceFound], dict[str, PlaceFound]]:
        problem: dict[str, PlaceFound] = {}
        home: dict[str, PlaceFound] = {}
        i = 0
        n = len(words)
        while i < n:
            marker = words[i] in KEC_MARKERS or _misheard_kec_marker(words[i])
            named_kec = i + 1 < n and words[i] in KEC_MARKERS and self._names_kecamatan(words, i + 1)
            if marker and i + 1 < n and not named_kec:
                # "Kacama Tanbo Zonagoro", "kecamatan Bozonga Gorou" (kecamatan Bojonegoro): after a
                # (misheard) "kecamatan" and no name heard right, the closest kecamatan name, when it
                # is clearly the closest
                target = home if roles[i] == spans.INTRO else problem
                heard = self._misheard_kecamatan(words, i + 1)
                if heard is None:
                    # "desa Sukarejo, kecamatan Mozonga Glorong": a desa of several kecamatan said
                    # just before; the closest of those kecamatan, when it is clearly the closest
                    for said_in in (problem, home):
                        among = {
                            m.place.parent_code
                            for m in said_in.values()
                            if m.place.level == "village" and 0 <= i - m.end <= 1
                        }
                        if len(among) > 1:
                            heard = self._misheard_kecamatan(words, i + 1, among, MISHEARD_AMONG_CUTOFF)
                            target = said_in  # with its desa: the caller's home or the problem's place
                            break
                if heard is not None:
                    length, place, sim = heard
                    said = " ".join(words[i + 1 : i + 1 + length])
                    found_kec = PlaceFound(
                        place,
                        MISHEARD_KEC,
                        said,
                        (f"mirip {round(sim * 100)}% setelah \u201c{words[i]}\u201d",),
                        i + 1,
                        i + 1 + length,
                    )
                    if place.code not in target or target[place.code].confidence < MISHEARD_KEC:
                        target[place.code] = found_kec
                    i += 1 + length
                    continue
            if words[i] in DESA_MARKERS or words[i] in KEC_MARKERS:
                i += 1
                continue
            found = self._match_at(words, i)
            if not found:
                i += 1
                continue
            length, places, sim = found
            said = " ".join(words[i : i + length])
            # the word before, in the same clause ("... lapor ke desa? Sudah, Mas": no "desa Sudah"), or
            # an abbreviation whose full stop split the clause ("Ds. Sudah")
            before = words[i - 1] if i > 0 and (clause[i - 1] == clause[i] or words[i - 1] in SHORT) else ""
            first = i
            while first > max(0, i - 2) and clause[first - 1] == clause[i]:
                first -= 1
            context = set(words[first:i])  # the words before it in its own clause
            after = words[i + length] if i + length < n else ""
            mentions = home if roles[i] == spans.INTRO else problem
            if mentions is home:
                context.discard("dari")  # "saya dari desa X": where the caller lives, not a direction
            # "di Kapas", "warga Balen", "SPBU Malo", "dari gayam": said as a place's name
            capital = bool(proper and proper[i])
            named = capital or before in PLACE_WORDS
            for place in places:
                conf, why = self._confidence(
                    place, said, sim, before, len(places), context, after, named, capital
                )
                if by_the_way and by_the_way[i][0] < 1:
                    conf, why = round(conf * by_the_way[i][0], 3), (*why, by_the_way[i][1])
                if conf <= 0:
                    continue
                old = mentions.get(place.code)
                if (
                    old is None
                    or conf > old.confidence
                    or (
                        conf > 0
                        and self._before_its_kecamatan(words, i + length, place)
                        and not self._before_its_kecamatan(words, old.end, place)
                    )
                ):
                    mentions[place.code] = PlaceFound(place, conf, said, why, i, i + length)
            i += length
        for mentions in (problem, home):
            self._split_desa_names(words, mentions)
        return problem, home

    def _before_its_kecamatan(self, words: list[str], i: int, place: Place) -> bool:
        """ "Bendo Kapas", "Pejok yang Kedungadem": the desa's own kecamatan is named right after it."""
        if place.level != "village":
            return False
        if i < len(words) and words[i] in ("yang", "sing", "ingkang"):
            i += 1
        found = self._match_at(words, i) if 0 <= i < len(words) else None
        return found is not None and any(p.code == place.parent_code for p in found[1])

    def _names_kecamatan(self, words: list[str], i: int) -> bool:
        """A kecamatan's name (or a desa's only: "kecamatan Sumberejo" for Sumberrejo) starts at ``i``."""
        found = self._match_at(words, i)
        return found is not None and any(p.level == "district" for p in found[1])

    def _split_desa_names(self, words: list[str], mentions: dict[str, PlaceFound]) -> None:
        """ "Suka Rejo" for Sukorejo: a desa name heard as two or three words, each an everyday word,
        counts only next to its own kecamatan named in the same part of the call (no desa found
        there yet), and only when the joined words are close to that kecamatan's desa name."""
        kecs = [m for m in mentions.values() if m.place.level == "district"]
        said_at = {m.at for m in kecs}  # a kecamatan's namesake desa ("Dander") is no desa found
        if not kecs or any(m.place.level == "village" and m.at not in said_at for m in mentions.values()):
            return
        for kec in kecs:
            names = {_name_key(d.name): d for d in self.gazetteer.desa_of(kec.place.code)}
            lo, hi = max(0, kec.at - SPLIT_NAME_REACH), min(len(words), kec.end + SPLIT_NAME_REACH)
            best: tuple[float, int, int, Place] | None = None
            for i in range(lo, hi):
                for length in (2, 3):
                    if i + length > hi or (kec.at < i + length and i < kec.end):
                        continue
                    window = words[i : i + length]
                    if any(w in DESA_MARKERS or w in KEC_MARKERS for w in window):
                        continue
                    key = _name_key("".join(window))
                    for name, desa in names.items():
                        if len(name) < FUZZY_MIN_KEY or abs(len(name) - len(key)) > 2:
                            continue
                        score = fuzz.ratio(key, name)
                        if score >= FUZZY_CUTOFF and (best is None or score > best[0]):
                            best = (score, i, length, desa)
            if best is not None:
                score, i, length, desa = best
                sim = score / 100.0
                said = " ".join(words[i : i + length])
                why = (f"mirip {round(score)}%", "nama terpisah, di kecamatannya")
                mentions[desa.code] = PlaceFound(desa, round(0.7 * sim**3, 3), said, why, i, i + length)

    def _misheard_kecamatan(
        self, words: list[str], i: int, among: set[str] | None = None, cutoff: float = MISHEARD_CUTOFF
    ) -> tuple[int, Place, float] | None:
        best: list[tuple[float, int, Place]] = []
        for length in (1, 2):
            if i + length > len(words):
                break
            window = words[i : i + length]
            key = _name_key("".join(window))
            if len(key) < 5 or all(tx.is_known_root(w) for w in window):
                continue  # "saya harus" is no kecamatan, however close it sounds
            for kec in self._kecamatan:
                if among is not None and kec.code not in among:
                    continue
                score = fuzz.ratio(key, _name_key(kec.name))
                best.append((score, length, kec))
        best.sort(key=lambda t: -t[0])
        if not best or best[0][0] < cutoff:
            return None
        top = best[0]
        rival = next((b for b in best[1:] if b[2].code != top[2].code), None)
        if rival is not None and top[0] - rival[0] < MISHEARD_MARGIN:
            return None
        return top[1], top[2], top[0] / 100.0

    def _match_at(self, words: list[str], i: int) -> tuple[int, list[Place], float] | None:
        if _name_key(words[i])[:2] not in self._starts:
            return None
        for length in range(min(MAX_WORDS, len(words) - i), 0, -1):
            window = words[i : i + length]
            if window[-1] in DESA_MARKERS or window[-1] in KEC_MARKERS:
                continue
            key = _name_key(" ".join(window))
            if not key or key.isdigit():
                continue
            hit = self._lookup(key)
            if hit is not None:
                if hit[1] < 1.0 and not all(self._fuzzable(w) for w in window):
                    continue  # "meninggal" is not Menanggal: near misses must be made of non-words
                return length, self.by_key[hit[0]], hit[1]
        return None

    def _confidence(
        self,
        place: Place,
        said: str,
        sim: float,
        before: str,
        n_same: int,
        context: set[str],
        after: str,
        proper: bool = False,
        capital: bool = False,
    ) -> tuple[float, tuple[str, ...]]:
        key = normalize_name(place.name)
        why: list[str] = []
        marker = DESA_MARKERS if place.level == "village" else KEC_MARKERS
        if before in marker:
            conf = 0.95
            why.append(f"didahului kata \u201c{before}\u201d")
        elif before in (DESA_MARKERS | KEC_MARKERS):
            conf = 0.45  # "kecamatan X" where X is (also) a desa
            why.append(f"didahului \u201c{before}\u201d (tingkat lain)")
        elif said == CITY:
            conf = 0.2  # "kota" only settles the desa said right before it ("Kauman kota")
            why.append(EVERYDAY)
        elif self.is_common(key) or len(key) <= 4 or all(w in COMMON_WORDS for w in said.split()):
            # an everyday word ("sudah", "pasar") is a desa only with context: a marker before it, or its
            # kecamatan named in the text (checked in _decide); a kecamatan by its name alone stays weak
            if (proper and place.level == "district") or (capital and place.level == "village"):
                # "di Kapas", "teng Malo", "warga balen": written as a name or after a word that names
                # a place: the kecamatan (a kecamatan is far more often meant than cotton or a tree);
                # "saking Bendo", "di Kuncen": a desa written with a capital inside a sentence
                conf = 0.6
                why.append("ditulis sebagai nama tempat")
            else:
                conf = 0.2
                why.append(EVERYDAY)
        elif " " in said or len(key) >= 8:
            conf = 0.8
        else:
            conf = 0.7
        if context & DIRECTION_MARKERS:
            conf *= DIRECTION_FACTOR
            why.append(DIRECTION)
        elif (before in STREET_MARKERS or (context & STREET_MARKERS and before not in AT_WORDS)) or (
            after in ESTATE_WORDS
        ):
            conf *= STREET_FACTOR
            why.append("bagian nama jalan/tempat")
        elif before in HOME_MARKERS:
            conf = min(0.9, conf + 0.1)
        if sim < 1.0:
            conf *= sim**3
            why.append(f"mirip {round(sim * 100)}%")
        n_desa = self.desa_count.get(key, 0)
        if place.level == "village" and n_desa > 1:
            conf /= n_desa
            why.append(f"{n_desa} desa bernama sama")
        elif place.level == "district" and n_same > 1:
            conf *= 0.9  # also the name of a desa
        return round(min(conf, 1.0), 3), tuple(why)

    def _decide(self, mentions: dict[str, PlaceFound]) -> PlaceResult:
        if not mentions:
            return PlaceResult()
        kec_found = {m.place.code: m for m in mentions.values() if m.place.level == "district"}
        desa_found: list[PlaceFound] = []
        # "Babad Kedungadem", "Gajah, Baureno": a desa right before its own kecamatan is how people say
        # where they mean; the pair settles both (even for a desa named by an everyday word)
        paired: set[str] = set()
        for m in mentions.values():
            k = kec_found.get(m.place.parent_code) if m.place.level == "village" else None
            if k is not None and m.end >= 0 and 0 <= k.at - m.end <= 1:
                paired.add(m.place.code)
                kec_found[k.place.code] = replace(k, confidence=max(k.confidence, PAIR_CONFIDENCE))
        namesakes = {
            m.place.code
            for m in mentions.values()
            if m.place.level == "village"
            and (k := kec_found.get(m.place.parent_code)) is not None
            and k.at == m.at
            and any(p in paired for p in mentions if mentions[p].place.parent_code == k.place.code)
        }
        for m in mentions.values():
            if m.place.level != "village" or m.place.code in namesakes:
                continue
            if m.place.code in paired:
                m = replace(
                    m,
                    confidence=max(m.confidence, PAIR_CONFIDENCE),
                    reasons=(*m.reasons, "disebut bersama kecamatannya"),
                )
                desa_found.append(m)
                continue
            parent = kec_found.get(m.place.parent_code)
            if EVERYDAY in m.reasons:
                continue  # "sudah", "pasar": an everyday word, not said with its kecamatan or "desa"
            if parent is not None and parent.at == m.at and not _after_desa_marker(m):
                # "di Kanor", "pasar Sumberrejo": the kecamatan's own name means the kecamatan; its
                # namesake desa stays an alternative
                desa_found.append(replace(m, confidence=min(m.confidence, NAMESAKE_CONFIDENCE)))
                continue
            n_same = self.desa_count.get(normalize_name(m.place.name), 1)
            if n_same > 1:
                if parent is None or parent.confidence < FILL_CONFIDENCE:
                    # ("Sekaran yang Kasiman, bukan Balen": a denied kecamatan says nothing)
                    desa_found.append(m)
                    continue
                # several desa share the name: the kecamatan named in the text says which one
                m = PlaceFound(m.place, round(min(0.95, m.confidence * n_same), 3), m.said, m.reasons, m.at)
            if parent is not None and parent.at != m.at and parent.confidence >= 0.5:
                # desa and its own kecamatan both named: they vouch for each other
                boosted = max(m.confidence, min(0.9, m.confidence + 0.2))
                m = PlaceFound(m.place, round(boosted, 3), m.said, (*m.reasons, "kecamatannya disebut"), m.at)
            desa_found.append(m)
        # a desa said with its kecamatan first ("Sekaran yang Balen" over a Sekaran whose kecamatan is
        # named elsewhere in the call, "Desa Gapluk, eh Desa Tinumpuk ding, Purwosari"; not one said in
        # passing or in a story set aside; of two such pairs
        # named, the later one is the caller's correction: "Sidorejo Padangan, maaf Sidorejo yang Sukosewu")
        first = {c for c in paired if not ELSEWHERE.intersection(mentions[c].reasons)}
        desa_found.sort(
            key=lambda m: (m.place.code not in first, -m.confidence, -m.at * (m.place.code in first))
        )
        desa = desa_found[0] if desa_found else None
        kecamatan: PlaceFound | None = None
        kept = {m.place.code for m in desa_found} | set(kec_found)
        mentions = {k: m for k, m in mentions.items() if k in kept}
        if kec_found:
            kecamatan = max(kec_found.values(), key=lambda m: m.confidence)
        tied = (
            desa is not None
            and sum(d.confidence == desa.confidence and d.said == desa.said for d in desa_found) > 1
        )
        if desa is not None:
            parent = self.gazetteer.get(desa.place.parent_code)
            if kecamatan is None or kecamatan.place.code != parent.code:
                if tied and kecamatan is None:
                    pass  # one of several desa of that name, nothing says which: no kecamatan either
                elif kecamatan is None or desa.confidence >= kecamatan.confidence:
                    kecamatan = PlaceFound(
                        parent, desa.confidence, desa.said, ("kecamatan dari desanya",), desa.at
                    )
            else:
                conf = max(kecamatan.confidence, desa.confidence)
                kecamatan = PlaceFound(kecamatan.place, conf, kecamatan.said, kecamatan.reasons, kecamatan.at)
        candidates = tuple(sorted(mentions.values(), key=lambda m: -m.confidence))
        return PlaceResult(kecamatan, desa, candidates)


def _said_by_the_way(talk: spans.Talk) -> list[tuple[float, str]]:
    """Per word: how much a place named there is the problem's place (1) or said by the way, and why:
    the host's question, a place the caller denies, where someone works or went, a story set aside."""
    words, out = talk.words, []
    for i in range(len(words)):
        c = talk.clause[i]
        before = [words[k] for k in range(max(0, i - PASSING_REACH), i) if talk.clause[k] == c]
        if talk.roles[i] == spans.HOST:
            out.append((HOST_FACTOR, BY_HOST))
        elif any(b in DENIALS for b in before[-2:]):
            out.append((DENIED_FACTOR, DENIED))
        elif any(b in PASSING_WORDS for b in before):
            out.append((PASSING_FACTOR, PASSING))
        elif talk.emphasis_of(i) <= spans.ASIDE_EMPHASIS:
            out.append((ASIDE_FACTOR, ASIDE))
        else:
            out.append((1.0, ""))
    return out


def _misheard_kec_marker(word: str) -> bool:
    """ "kacama", "kecamata", "kcamatn": a misheard "kecamatan" (not a word of its own)."""
    return (
        len(word) >= 5
        and word[0] == "k"
        and "c" in word
        and "am" in word
        and word not in KEC_MARKERS
        and not tx.is_known_root(word)
        and fuzz.ratio(word, "kecamatan") >= MISHEARD_MARKER
    )


def _proper_nouns(talk: spans.Talk) -> list[bool]:
    """Words written with a capital letter inside a clause (not its first word): names, in transcripts
    and typed texts that capitalise them."""
    out = [False] * len(talk.words)
    for i in range(len(talk.words)):
        token = talk.surface[talk.token_of[i]]
        first = talk.clauses[talk.clause[i]][0] == talk.token_of[i]
        out[i] = bool(token[:1].isupper()) and not first and not token.isupper()
    if sum(out) > TITLE_CASE_SHARE * len(out):
        return [False] * len(out)  # "Jalan Di Depan Balai Desa Rusak": capitals say nothing here
    return out


def _elsewhere(result: PlaceResult) -> bool:
    """The complaint's place was said as a direction, by the host, in passing or in a story set aside
    ("jalan yang menuju Padangan"): not enough to set the caller's own home aside."""
    kec = result.kecamatan
    source = result.desa if kec is not None and "kecamatan dari desanya" in kec.reasons else kec
    return source is not None and bool(ELSEWHERE.intersection(source.reasons))


def _plainly(mentions: dict[str, PlaceFound]) -> dict[str, PlaceFound]:
    """Without the places said only as a direction when another kecamatan is named plainly ("jalan
    Trucuk ke Padangan", "di jalan Sekar, sebelum batas Gondang"); a direction into a kecamatan named
    plainly stays ("jalan ke Desa Jono Temayang")."""

    def kec(m: PlaceFound) -> str:
        return m.place.code if m.place.level == "district" else m.place.parent_code

    plain = {kec(m) for m in mentions.values() if DIRECTION not in m.reasons and not _against(m)}
    kept = {c: m for c, m in mentions.items() if DIRECTION not in m.reasons or kec(m) in plain}
    return kept if plain and len(kept) < len(mentions) else mentions


def _against(m: PlaceFound) -> bool:
    """Something in the call says this mention is not the problem's place: an everyday word without
    context, a denied place, one where someone works or went, the host's guess."""
    return bool(AGAINST.intersection(m.reasons))


def _filled(m: PlaceFound) -> PlaceFound:
    if m.confidence >= FILL_CONFIDENCE:
        return m
    return replace(m, confidence=FILL_CONFIDENCE, reasons=(*m.reasons, PLAIN))


def _surest(*said: dict[str, PlaceFound]) -> dict[str, PlaceFound]:
    """Mentions of several parts of the call by place: the surest mention of each place ("saya dari
    Desa Pojok ... di pojok perempatan": the home's "Desa Pojok" is not lost to the everyday word)."""
    out: dict[str, PlaceFound] = {}
    for mentions in said:
        for code, m in mentions.items():
            if code not in out or m.confidence > out[code].confidence:
                out[code] = m
    return out


def _after_desa_marker(m: PlaceFound) -> bool:
    return any(r.startswith("didahului kata") for r in m.reasons)


@lru_cache(maxsize=8)
def regency_places(regency_code: str) -> RegencyPlaces:
    return RegencyPlaces(get_gazetteer(), regency_code)


def find_places(text: str, regency_code: str) -> PlaceResult:
    return regency_places(regency_code).find(text)
