"""Suggestions for one complaint text: category (top 3), OPD, urgency, kecamatan and desa, with reasons.

The category ranking adds three kinds of evidence on a log scale:
  * the taxonomy's hints (works from the first day; :mod:`radio_desk.triage.hints`);
  * the category's prior (how common it is in the regency, from the taxonomy);
  * the seed model, learned from the developers' call sets (:mod:`radio_desk.triage.seed`): there from
    the first call on a fresh install, its say shrinks as the station's own cases grow;
  * once the station has confirmed cases, the learned model (:mod:`radio_desk.triage.model`), whose say
    grows with the number of cases it learned from.
Everything here is plain Python, safe to call from any thread; one :class:`Suggester` serves a session.
"""

# ruff: noqa: SIM905  (word lists read best as one string)
from __future__ import annotations

import threading
import time
import tomllib
from dataclasses import asdict, dataclass, field

import numpy as np

from radio_desk.domain.enums import Urgency
from radio_desk.domain.taxonomy import Taxonomy, get_taxonomy
from radio_desk.triage import emergency, spans
from radio_desk.triage import text as tx
from radio_desk.triage.hints import FILLERS, WHERE_WORDS, HintScorer
from radio_desk.triage.model import CategoryModel, features
from radio_desk.triage.places import COMMON_WORDS, PlaceFound, regency_places
from radio_desk.triage.summary import summarize
from radio_desk.triage.urgency import UrgencyRater, UrgencyResult, counted_words

HINT_GAIN = 1.2  # log-odds per unit of hint evidence
MODEL_GAIN = 2.0  # log-odds per unit of model score once the model is mature
MODEL_HALF = 100  # cases after which the model has half its full say
SEED_GAIN = 1.5  # log-odds per unit of the seed model's score on a fresh install
SEED_HALF = 100  # station cases after which the seed has half its first say
DARURAT_EVIDENCE = 4.5  # hint evidence an emergency (urgency Darurat) adds to the category darurat
# share of the darurat hints' evidence kept when the urgency is below Darurat: the disaster word tells of
# one that is over, feared or the reason for aid ("korban longsor bulan lalu", "jalan tertimbun longsor")
NOT_NOW_SHARE = 0.5
INFO_EVIDENCE = 2.5  # hint evidence a plain request for information adds to the category informasi
PROBLEM_DAMPING = 1.5  # hint evidence a concrete problem takes away from informasi ("tanya" + "rusak")
# a concrete problem: a question around it ("kapan diperbaiki?") asks for action, not information
PROBLEM_WORDS = frozenset(
    "rusak risak mati padam macet mampet buntu bocor ambrol ambruk roboh jebol bolong berlubang lubang "
    "retak putus keruh kering asin bau kotor numpuk menumpuk pungli dibentak kasar ditolak dipotong "
    "ditahan dicuri kecurian hilang ilang telat terlambat nunggak kosong habis entek langka mahal larang "
    "nonaktif dinonaktifkan belum durung dereng tidak nggak gak ora mboten longsor banjir kebanjiran "
    "ambles amblas tumbang tergenang menggenang meluap limbah bising berisik liar dipungut ditarik "
    "dimintai diminta gelap peteng salah".split()
)  # fmt: skip
# "belum"/"tidak" are a problem only with what did not happen: "belum cair", "tidak keluar"
_NEGATORS = frozenset("belum durung dereng tidak nggak gak ora mboten".split())
_NOT_PROBLEM_AFTER = frozenset("ya yah tahu ngerti paham bisa pernah ada apa".split())
# ... a request for information, not a suggestion or praise ("saran", "apresiasi" are Rendah too)
ASKING = (
    "tanya", "bertanya", "menanyakan", "tanyakan", "nanya", "takon", "pirsa", "informasi", "info", "jadwal",
    "syarat",
    "persyaratan", "caranya", "carane", "cara",
)  # fmt: skip
THANKS_EVIDENCE = 4.5  # hint evidence a call made to thank or praise adds to the category lainnya
# "saya cuma mau bilang terima kasih ...", "mau mengapresiasi ...": the call is the thanks itself
GRATITUDE = frozenset("terima makasih makasi matur suwun apresiasi mengapresiasi".split())
GRATITUDE_VERBS = frozenset(
    "bilang ngucapin ngucapke mengucapkan ucapkan ngaturaken menyampaikan sampaikan ngomong".split()
)
DONE_WORDS = frozenset("sudah udah sampun wis uwis telah".split())
DONE_SHARE = 0.4  # how much a clause telling of what was done counts, when "tapi" and a complaint follow
PLACE_STEM = "\u00a7"  # the stem given to a place's name: it matches no hint, exactly or fuzzily
PLACE_MIN_CONFIDENCE = 0.5  # below this the place is offered as a candidate, not filled in
TOP = 3
DARURAT_SURE = 0.95  # the category darurat this sure makes the urgency Darurat
PLACE_REFERENCE_MARKERS = frozenset("desa dusun dukuh kelurahan kecamatan".split())
# nouns that make a compound with a place marker ("jalan desa", "perangkat desa", "dana desa")
_COMPOUND_HEADS = (
    "jalan dalan margi balai kantor kepala perangkat dana aparat pemerintah pemerintahan sekretaris "
    "anggaran aset tanah lapangan makam musyawarah badan pegawai saluran irigasi"
)
COMPOUND_HEADS = frozenset(_COMPOUND_HEADS.split())
# "dua kali", "beberapa kali", "berkali-kali": "kali" counts times here, not a river
TIMES_WORDS = frozenset(
    "berkali sekali berkali2 dua tiga empat lima enam tujuh delapan sembilan sepuluh beberapa banyak "
    "puluhan loro telu papat limo kaping".split()
)  # fmt: skip
PLACE_REFERENCE_WEIGHT = spans.ROLE_WEIGHT[spans.ADDRESS]  # "desa Kemiri": where, not what
URGENT_ROLE = 0.6  # danger words count in the complaint itself (not greetings, intros, the host, fears)


@dataclass(frozen=True)
class CategorySuggestion:
    code: str
    name: str
    score: float  # 0..1, the suggester's belief
    words: tuple[str, ...] = ()  # what in the text pointed here (hints, learned words)


@dataclass(frozen=True)
class PlaceSuggestion:
    code: str
    name: str
    level: str  # district | village
    confidence: float
    said: str
    reasons: tuple[str, ...] = ()

    @classmethod
    def of(cls, found: PlaceFound | None) -> PlaceSuggestion | None:
        if found is None:
            return None
        p = found.place
        return cls(p.code, p.name, p.level, found.confidence, found.said, found.reasons)


@dataclass(frozen=True)
class Suggestion:
    categories: tuple[CategorySuggestion, ...]
    opd: str | None
    opd_name: str
    urgency: Urgency
    urgency_words: tuple[str, ...]
    kecamatan: PlaceSuggestion | None
    desa: PlaceSuggestion | None
    place_candidates: tuple[PlaceSuggestion, ...] = field(default_factory=tuple)
    evidence: bool = True  # False: the text gave nothing to go on (empty, gibberish)
    summary: str = ""  # the complaint in a line, from the caller's own words (radio_desk.triage.summary)
    elapsed_ms: float = 0.0

    @property
    def category(self) -> str | None:
        return self.categories[0].code if self.categories else None

    def to_dict(self) -> dict:
        d = asdict(self)
        d["urgency"] = self.urgency.value
        d["category"] = self.category
        return d


@dataclass(frozen=True)
class _Prepared:
    talk: spans.Talk
    words: list[str]  # expanded tokens (``yg`` -> ``yang``)
    weights: list[float]  # how much each token is the complaint itself (spans.ROLE_WEIGHT)
    clause: list[int]  # the clause of each token
    stems: list[str]
    said: str  # the complaint's own words, for the learned models


# a learned model, its column for each of the suggester's codes, and its say (log-odds per unit)
_Learned = tuple[CategoryModel, np.ndarray, float]
# ... with the text's vector for it
_Read = tuple[CategoryModel, np.ndarray, float, tuple]
_State = tuple[CategoryModel | None, CategoryModel | None, tuple[_Learned, ...]]  # station, seed, both


class Suggester:
    def __init__(
        self,
        taxonomy: Taxonomy | None = None,
        regency_code: str | None = None,
        model: CategoryModel | None = None,
        seed: CategoryModel | None = None,
    ) -> None:
        self.taxonomy = taxonomy or get_taxonomy()
        self.regency_code = regency_code or self.taxonomy.regency_code
        self.hints = HintScorer(self.taxonomy)
        self.codes = self.hints.codes
        self.urgency = UrgencyRater(self.taxonomy)
        self.places = regency_places(self.regency_code)
        # one-word names of the regency's places that are no word of the dictionary nor an everyday
        # word: "Nglarangan" is no "larang" (dear), "Kanor" no misheard "kantor", "Tikusan" no rats
        self._place_words = frozenset(
            k
            for k in self.places.by_key
            if k.isalpha() and len(k) > 3 and not tx.is_known_root(k) and k not in COMMON_WORDS
        )
        self.routes = _load_routes(self.taxonomy)
        # the station's model and the seed, each with its columns for self.codes and its say: one
        # attribute, so a swap from another thread is atomic
        self._state: _State = (None, None, ())
        self._swap_lock = threading.Lock()
        self._swap(model, seed)

    @property
    def model(self) -> CategoryModel | None:
        return self._state[0]

    @property
    def seed(self) -> CategoryModel | None:
        return self._state[1]

    def set_model(self, model: CategoryModel | None) -> None:
        """Swap the station's learned model (e.g. after a background retrain); ``None`` = none."""
        with self._swap_lock:
            self._swap(model, self._state[1])

    def set_seed(self, seed: CategoryModel | None) -> None:
        """Swap the seed model (built in the background at first use); ``None`` = none."""
        with self._swap_lock:
            self._swap(self._state[0], seed)

    def _swap(self, model: CategoryModel | None, seed: CategoryModel | None) -> None:
        n = model.n_trained if model else 0
        learned = []
        if model is not None:
            learned.append((model, self._columns(model), MODEL_GAIN * n / (n + MODEL_HALF)))
        if seed is not None:
            learned.append((seed, self._columns(seed), SEED_GAIN * SEED_HALF / (SEED_HALF + n)))
        self._state = (model, seed, tuple(learned))

    def say(self) -> dict[str, float]:
        """How much each learned model counts now (log-odds per unit of its score): station, seed."""
        model, seed, learned = self._state
        gains = {id(m): gain for m, _, gain in learned}
        return {name: gains[id(m)] for name, m in (("station", model), ("seed", seed)) if m is not None}

    def _columns(self, model: CategoryModel) -> np.ndarray:
        where = {c: i for i, c in enumerate(model.categories)}
        return np.array([where.get(c, -1) for c in self.codes])

    # ---------------------------------------------------------------------------------------------
    def _category_logits(
        self,
        p: _Prepared,
        read: list[_Read],
    ) -> tuple[np.ndarray, dict[str, list[str]], bool, UrgencyResult, float]:
        """Log-scores of every category (``self.codes`` order), the words behind each, whether the
        text gave any evidence at all, the urgency (an emergency is evidence for ``darurat``) and what
        was taken from ``darurat`` because the urgency is below Darurat (see NOT_NOW_SHARE)."""
        text = p.said
        hits = self.hints.hits(p.words, p.stems, p.weights, p.clause)
        raw = self.hints.raw_scores(hits)
        logits = self.hints.log_prior + HINT_GAIN * raw
        why: dict[str, list[str]] = {  # strongest first
            c: [f"\u201c{h.said}\u201d" for h in sorted(hs, key=lambda h: -h.weight)]
            for c, hs in hits.items()
        }
        evidence = bool(hits)
        for model, cols, gain, vec in read:
            scores = model.log_scores(text, vec)
            if np.any(scores != 0):
                evidence = True
                logits = logits + gain * np.where(cols >= 0, scores[np.maximum(cols, 0)], 0.0)
        if "darurat" in hits:
            dar = self.codes.index("darurat")
            dar_raw = float(raw[dar])
        else:
            dar, dar_raw = -1, 0.0
        # danger words count in the complaint itself; every word of their clauses tells when it happens
        counted = counted_words(p.words, p.weights, URGENT_ROLE)
        urg = self.urgency.rate(p.words, clause=p.clause, counted=counted)
        feared = [w for w, k in zip(p.words, p.weights, strict=True) if k == spans.ROLE_WEIGHT[spans.FEAR]]
        if feared and urg.level.rank < Urgency.TINGGI.rank:
            # "takut roboh", "kalau hujan bisa banjir": a danger feared is Tinggi at most
            maybe = self.urgency.rate(feared)
            if maybe.level.rank > urg.level.rank:
                urg = UrgencyResult(Urgency.TINGGI, maybe.words)
        if _thanking(p.words) and len(_problem_words(p)) <= 1 and "lainnya" in self.codes:
            # a call to thank or praise ("jalannya sudah diaspal, terima kasih"; "damkar cepat datang
            # waktu ada kebakaran"): what it tells is over, not a complaint and not an emergency
            logits[self.codes.index("lainnya")] += HINT_GAIN * THANKS_EVIDENCE
            why.setdefault("lainnya", []).append("\u201cterima kasih\u201d")
            urg = UrgencyResult(Urgency.RENDAH, ())
            if "darurat" in self.codes:  # the emergency it tells of is over
                logits[self.codes.index("darurat")] -= HINT_GAIN * DARURAT_EVIDENCE
        said = " ".join(urg.words).split()
        asks = urg.level is Urgency.RENDAH and any(w.startswith(a) for w in said for a in ASKING)
        problem = _problem_words(p)
        if problem and "informasi" in self.codes:
            # "mau tanya, jalannya kapan diperbaiki?": a question about a problem asks for action
            logits[self.codes.index("informasi")] -= HINT_GAIN * PROBLEM_DAMPING
            asks = False
        if asks and "informasi" in self.codes:
            # "mau tanya jadwal ...", "ada info ...?": a request for information that reports no trouble
            logits[self.codes.index("informasi")] += HINT_GAIN * INFO_EVIDENCE
            why.setdefault("informasi", []).extend(f"\u201c{w}\u201d" for w in urg.words)
        not_now = 0.0
        heard = urg.words or urg.over or _told_not_now(p, hits)
        if dar >= 0 and urg.level is not Urgency.DARURAT and heard:
            # a danger the call tells of as not happening now (past, over, feared, a cost): its words
            # count for less than the thing they happened to; with no danger word heard at all ("ular
            # kobra masuk kamar") the hints are all there is, and they keep their weight
            not_now = HINT_GAIN * (1.0 - NOT_NOW_SHARE) * dar_raw
            logits[dar] -= not_now
        if urg.level is Urgency.DARURAT and "darurat" in self.codes:
            # "anak saya hilang", "ada yang tenggelam": an emergency is also evidence for its category
            logits[self.codes.index("darurat")] += HINT_GAIN * DARURAT_EVIDENCE
            why.setdefault("darurat", []).extend(f"\u201c{w}\u201d" for w in urg.words)
            evidence = True
        return logits, why, evidence, urg, not_now

    def _prepare(self, text: str):
        talk = spans.read(text, self.places.name_len)
        words: list[str] = []
        weights: list[float] = []
        clause: list[int] = []
        named = self._place_references(talk.words)
        done = _done_before_but(talk)
        for i, w in enumerate(talk.words):
            full = tx.ABBREVIATIONS.get(w, w)
            if full:
                parts = full.split()
                words.extend(parts)
                weight = min(talk.weight(i), PLACE_REFERENCE_WEIGHT) if i in named else talk.weight(i)
                weight *= talk.emphasis_of(i)  # the complaint the caller says matters most
                if talk.clause[i] in done:
                    weight *= DONE_SHARE
                weights.extend([weight] * len(parts))
                clause.extend([talk.clause[i]] * len(parts))
        stems = [tx.stem(w) if w not in self._place_words else PLACE_STEM for w in words]
        # the learned models read the complaint itself, not the greetings and introductions around it
        said = " ".join(talk.complaint_words()) or text
        read: list[_Read] = []
        learned = self._state[2]
        if words and learned:
            feats = features(said)
            read = [(m, cols, gain, m.vector(said, feats)) for m, cols, gain in learned]
        return _Prepared(talk, words, weights, clause, stems, said), read

    def model_text(self, text: str, places: bool = True) -> str:
        """What the learned models read of ``text``: the complaint's own words; without the regency's
        one-word place names when ``places`` is false (what the seed learns from)."""
        talk = spans.read(text, self.places.name_len)
        words = talk.complaint_words()
        if not places:
            words = [w for w in words if w not in self._place_words]
        return " ".join(words) or text

    def _place_references(self, words: list[str]) -> set[int]:
        """Where a place is named with its marker ("desa Kemiri", "ds. Jetak", "kecamatan Malo"): the
        marker and the name say where, not what, so "desa" there is no hint of village government."""
        out: set[int] = set()
        for i, w in enumerate(words[:-1]):
            if tx.ABBREVIATIONS.get(w, w) in PLACE_REFERENCE_MARKERS:
                size = self.places.name_len(words, i + 1)
                if size:
                    # "jalan desa Leran", "balai desa Kemiri": the marker also ends a thing's name
                    head = words[i - 2] if i > 1 and words[i - 1] in ("di", "ing", "nang", "teng") else ""
                    compound = i > 0 and (words[i - 1] in COMPOUND_HEADS or head in COMPOUND_HEADS)
                    first = i + 1 if compound else i
                    out.update(range(first, i + 1 + size))
            elif i > 0 and w == "kali" and (words[i - 1] in TIMES_WORDS or words[i - 1].isdigit()):
                out.update((i - 1, i))  # "berkali-kali", "dua kali lipat" (times) is no river
        return out

    def rank(self, text: str | None) -> list[tuple[str, float]]:
        """Every category with its probability, best first."""
        text = text or ""
        p, read = self._prepare(text)
        logits, _, _, _, _ = self._category_logits(p, read)
        probs = _softmax(logits)
        order = np.argsort(-probs)
        return [(self.codes[i], float(probs[i])) for i in order]

    def suggest(self, text: str | None) -> Suggestion:
        start = time.perf_counter()
        text = text or ""
        p, read = self._prepare(text)
        logits, why, evidence, urg, not_now = self._category_logits(p, read)
        probs = _softmax(logits)
        order = np.argsort(-probs)[:TOP]
        cats = []
        for i in order:
            code = self.codes[i]
            reasons = list(dict.fromkeys(why.get(code, [])))[:5]
            if read:
                learned = [f"{w} (dipelajari)" for w in _learned_words(p.said, code, read)]
                reasons += [w for w in learned if w not in reasons][: max(0, 5 - len(reasons))]
            cats.append(
                CategorySuggestion(
                    code, self.taxonomy.category_name(code), round(float(probs[i]), 3), tuple(reasons)
                )
            )
        top = cats[0].code
        found = self.places.find_in(p.talk) if p.words else None
        kec = PlaceSuggestion.of(found.kecamatan) if found else None
        desa = PlaceSuggestion.of(found.desa) if found else None
        cands = tuple(PlaceSuggestion.of(c) for c in found.candidates[:5]) if found else ()
        opd = self.opd_for(top, kec.code if kec and kec.confidence >= PLACE_MIN_CONFIDENCE else None)
        if top == "darurat" and urg.level.rank < Urgency.TINGGI.rank:
            urg = UrgencyResult(Urgency.TINGGI, urg.words)
        sure = cats[0].score
        if top == "darurat" and not_now:  # how sure the hints alone are, before the damping
            sure = float(_softmax(logits + not_now * (np.arange(len(self.codes)) == order[0]))[order[0]])
        heard_not_now = urg.level is Urgency.TINGGI and bool(not_now)
        if (
            top == "darurat"
            and sure >= DARURAT_SURE
            and urg.level is not Urgency.DARURAT
            and not urg.over
            and not heard_not_now
        ):
            # "ular kobra masuk kamar", "perahu terbalik": an emergency beyond doubt is Darurat (not one
            # the caller says is over: "apinya sudah dipadamkan", nor a danger word the rater heard and
            # judged not happening now: "korban puting beliung bulan kemarin")
            urg = UrgencyResult(
                Urgency.DARURAT, urg.words or tuple(w.strip("\u201c\u201d") for w in cats[0].words[:2])
            )
        summary = summarize(p.talk, found, self.hints.is_hint_word)
        return Suggestion(
            categories=tuple(cats),
            opd=opd,
            opd_name=self.taxonomy.opd_name(opd),
            urgency=urg.level,
            urgency_words=urg.words,
            kecamatan=kec,
            desa=desa,
            place_candidates=tuple(c for c in cands if c is not None),
            evidence=evidence,
            summary=summary,
            elapsed_ms=round((time.perf_counter() - start) * 1000, 2),
        )

    def opd_for(self, category: str | None, kecamatan_code: str | None = None) -> str | None:
        """The category's OPD, or the one the regency routes this kecamatan's cases of it to."""
        if category and kecamatan_code:
            routed = self.routes.get((category, kecamatan_code))
            if routed:
                return routed
        return self.taxonomy.default_opd(category)


def _told_not_now(p: _Prepared, hits: dict) -> bool:
    """Every darurat hint is said in a clause that tells of the past, of what is over or of what keeps
    happening ("tadi malam ada ular masuk rumah, sudah diusir", "tiap kemarau ... kebakaran")."""
    spots = []
    for h in hits.get("darurat", ()):
        said = h.said.split()
        at = next((i for i in range(len(p.words)) if p.words[i : i + len(said)] == said), None)
        if at is not None:
            spots.append(at)
    if not spots:
        return False
    stems = [tx.light_stem(w) for w in p.words]
    return all(emergency.not_now(stems, i, p.clause) for i in spots)


# words that lead no suggestion on their own: fillers, "where" words, the caller speaking of self
_NOT_A_REASON = FILLERS | WHERE_WORDS | spans.FILLERS | spans.SELF


def _learned_words(said: str, code: str, read: list[_Read], top: int = 3) -> list[str]:
    """The words the learned models (station and seed, by their say) pushed towards ``code`` most."""
    best: dict[str, float] = {}
    for model, _, gain, vec in read:
        for word, value in model.explain(said, code, top=top + 3, vec=vec):
            if all(w in _NOT_A_REASON or len(w) < 3 for w in word.split()):
                continue  # "saya", "di", "banget": no reason an operator would take
            best[word] = best.get(word, 0.0) + gain * value
    return [w for w, _ in sorted(best.items(), key=lambda kv: -kv[1])[:top]]


def _thanking(words: list[str]) -> bool:
    """The caller called to thank or praise ("mau bilang terima kasih", "ngucapin makasih"), and no
    complaint follows the thanks ("terima kasih dulu, jalannya sudah dipaving. Tapi ada satu lagi ...")."""
    for i, w in enumerate(words):
        thanks = w in ("apresiasi", "mengapresiasi") or (
            w in GRATITUDE and any(v in GRATITUDE_VERBS for v in words[max(0, i - 3) : i])
        )
        if thanks:
            return not any(v in spans.CONTRASTS for v in words[i + 1 :])
    return False


def _done_before_but(talk: spans.Talk) -> set[int]:
    """Clauses that tell of something done, followed by "tapi"/"namung" and the complaint: "jalan depan
    rumah sudah dipaving. Tapi ... got di gang sebelahnya ...", "dalan sampun dipun cor, namung
    saluranipun kelalen": what was done is not what the call is about (unless it names a problem)."""
    out: set[int] = set()
    clauses = talk.clauses
    for k in range(len(clauses) - 1):
        a, b = clauses[k]
        said = [tx.ABBREVIATIONS.get(w, w) for w in talk.words[a:b]]
        na, nb = clauses[k + 1]
        nxt = talk.words[na:nb]
        # "... sudah dicor, namung ..." in one clause: the contrast inside it
        cut = next((m for m, w in enumerate(said) if w in spans.CONTRASTS and m > 0), None)
        if cut is not None:
            said = said[:cut]
        elif not nxt or nxt[0] not in spans.CONTRASTS:
            continue
        at = next((m for m, w in enumerate(said) if w in DONE_WORDS), None)
        # ... done to it: "sudah dipaving", "sampun dipun cor" (not "sudah rekam setahun, tapi ...")
        after = said[at:] if at is not None else []
        passive = any((w.startswith("di") and len(w) > 4) or w == "dipun" for w in after)
        if passive and not any(w in PROBLEM_WORDS for w in said):
            out.add(k)
    return out


def _problem_words(p: _Prepared) -> list[str]:
    """Words of the complaint itself that name a concrete problem ("rusak", "belum cair", "dibentak")."""
    out = []
    n = len(p.words)
    for i, w in enumerate(p.words):
        if p.weights[i] < URGENT_ROLE or w not in PROBLEM_WORDS:
            continue
        if w in _NEGATORS:
            nxt = p.words[i + 1] if i + 1 < n else ""
            if not nxt or nxt in _NOT_PROBLEM_AFTER or p.clause[i + 1] != p.clause[i]:
                continue
        out.append(w)
    return out


def _softmax(x: np.ndarray) -> np.ndarray:
    e = np.exp(x - x.max())
    return e / e.sum()


def _load_routes(taxonomy: Taxonomy) -> dict[tuple[str, str], str]:
    """Optional ``[[route]]`` tables in the taxonomy: category + kecamatan code(s) -> OPD.

    ``[[route]] category = "ketertiban"  kecamatan = ["35.22.01"]  opd = "satpolpp"``
    """
    if taxonomy.source is None:
        return {}
    try:
        data = tomllib.loads(taxonomy.source.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError):
        return {}  # the taxonomy loader already reported an unreadable file
    routes: dict[tuple[str, str], str] = {}
    for r in data.get("route", []):
        cat, opd, kec = r.get("category"), r.get("opd"), r.get("kecamatan", [])
        if cat in taxonomy.categories and opd in taxonomy.opds:
            for k in [kec] if isinstance(kec, str) else kec:
                routes[(cat, k)] = opd
    return routes
