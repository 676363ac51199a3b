"""Figures of a triage suggester on labelled texts: the written set and the call sets, side by side.

A *predictor* turns a text into an :class:`Answer` (top-3 categories, urgency, the kecamatan and desa it
would fill in, a summary).  Two are measured in one run: the desk's :class:`Suggester` as the operator
meets it (F8: a place is filled in only when its confidence reaches ``PLACE_MIN_CONFIDENCE``) and the
plain :class:`~radio_desk.triage.peer.KeywordPeer`.

Figures (``None`` where the set has no labels for them):
  * ``category_top1`` / ``category_top3``;
  * ``kecamatan_accuracy`` / ``desa_accuracy``: among texts that name the problem's kecamatan (desa),
    the share where exactly that one is filled in (nothing filled in counts as wrong);
    ``kecamatan_precision`` / ``desa_precision``: of the places filled in there, the share right;
  * ``place_when_none_rate``: among texts that name no place, the share where one is filled in anyway;
  * ``darurat_recall`` / ``darurat_precision``: urgency Darurat found / right (``darurat_category_*``: the
    same for the category Kedaruratan dan Bencana as the first choice);
  * ``urgency_accuracy``: the exact level;
  * ``summary_hit_rate``: the summary names the problem and (when named) its place
    (:func:`~radio_desk.triage.callset.summary_hit`); no summary is a miss;
    ``summary_present_rate``, ``summary_too_long_rate`` (over ``SUMMARY_MAX`` characters),
    ``summary_clean_rate`` (no greeting, thanks or host's question: ``CHATTER``) and ``summary_good_rate``
    (a hit, clean and not too long);
  * ``desa_when_only_kecamatan_rate``: among texts naming only the kecamatan, the share where a desa is
    filled in anyway (often the kecamatan's namesake desa);
  * ``ms_p50`` / ``ms_p95`` per text; ``by_tag``: top-1 and desa accuracy per call tag.
"""

from __future__ import annotations

import statistics
import time
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from radio_desk.domain.gazetteer import get_gazetteer
from radio_desk.domain.taxonomy import Taxonomy
from radio_desk.triage import suggest as suggest_module
from radio_desk.triage.callset import Call, normalize_words, summary_hit
from radio_desk.triage.peer import KeywordPeer
from radio_desk.triage.suggest import Suggester

SUMMARY_MAX = 140
MAX_MISSES = 200
# a summary of the complaint has none of these (greetings, thanks, the host's questions, fillers)
CHATTER = (
    "halo", "hallo", "selamat pagi", "selamat siang", "selamat sore", "selamat malam", "assalamualaikum",
    "terima kasih", "makasih", "matur nuwun", "mas penyiar", "pak penyiar", "dengan siapa", "di mana",
    "monggo", "silakan", "nggih",
)  # fmt: skip


@dataclass(frozen=True)
class Gold:
    """One labelled text; ``urgency`` None and ``summary_terms`` empty where the set does not say."""

    id: str
    text: str
    category: str
    urgency: str | None = None
    kecamatan: str | None = None
    desa: str | None = None
    summary_terms: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    @classmethod
    def of_call(cls, call: Call) -> Gold:
        return cls(
            call.id,
            call.text,
            call.category,
            call.urgency.value,
            call.kecamatan,
            call.desa,
            call.summary_terms,
            call.tags,
        )


@dataclass(frozen=True)
class Answer:
    categories: tuple[str, ...]
    urgency: str | None
    kecamatan: str | None  # what would be filled in
    desa: str | None
    summary: str | None


Predictor = Callable[[str], Answer]


def desk_predictor(taxonomy: Taxonomy, regency_code: str, suggester: Suggester | None = None) -> Predictor:
    """The desk's suggester as the operator's F8 uses it (hints only unless ``suggester`` has a model)."""
    s = suggester or Suggester(taxonomy, regency_code)
    gaz = get_gazetteer()

    def predict(text: str) -> Answer:
        result = s.suggest(text)
        min_conf = getattr(suggest_module, "PLACE_MIN_CONFIDENCE", 0.5)
        desa = result.desa.code if result.desa and result.desa.confidence >= min_conf else None
        kec = result.kecamatan.code if result.kecamatan and result.kecamatan.confidence >= min_conf else None
        if desa and kec is None:
            kec = gaz.get(desa).parent_code
        summary = getattr(result, "summary", None)  # the field the suggester may not have yet
        return Answer(
            tuple(c.code for c in result.categories),
            result.urgency.value,
            kec,
            desa,
            summary if isinstance(summary, str) else None,
        )

    return predict


def peer_predictor(taxonomy: Taxonomy, regency_code: str) -> Predictor:
    peer = KeywordPeer(taxonomy, regency_code)

    def predict(text: str) -> Answer:
        a = peer.predict(text)
        return Answer(a.categories, a.urgency, a.kecamatan, a.desa, a.summary)

    return predict


def ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def figures_of(counts: dict[str, int], table: tuple[tuple[str, str, str | None], ...]) -> dict:
    """``{name: counts[a] / counts[b]}`` for each ``(name, a, b)`` of ``table`` (``b`` None: the count)."""
    return {name: counts[a] if b is None else ratio(counts[a], counts[b]) for name, a, b in table}


def ms_figures(times_ms: list[float], prefix: str = "ms_") -> dict[str, float | None]:
    """Median and 95th percentile of per-text times in milliseconds (``ms_p50``, ``ms_p95``)."""
    ms = sorted(times_ms)
    return {
        f"{prefix}p50": round(statistics.median(ms), 3) if ms else None,
        f"{prefix}p95": round(ms[int(0.95 * (len(ms) - 1))], 3) if ms else None,
    }


def _chatter(summary: str) -> bool:
    padded = " " + " ".join(normalize_words(summary)) + " "
    return any(f" {c} " in padded for c in CHATTER)


def measure(items: Iterable[Gold], predict: Predictor, keep_misses: bool = False) -> dict:
    items = list(items)
    n = len(items)
    c: Counter[str] = Counter()
    tags: dict[str, dict[str, int]] = {}
    misses: list[dict] = []
    times: list[float] = []
    for g in items:
        start = time.perf_counter()
        a = predict(g.text)
        times.append((time.perf_counter() - start) * 1000)
        cats = list(a.categories)
        ok1 = bool(cats) and cats[0] == g.category
        c["top1"] += ok1
        c["top3"] += g.category in cats[:3]
        if g.kecamatan:
            c["kec_named"] += 1
            c["kec_pred"] += a.kecamatan is not None
            c["kec_ok"] += a.kecamatan == g.kecamatan
        if g.desa:
            c["desa_named"] += 1
            c["desa_pred"] += a.desa is not None
            c["desa_ok"] += a.desa == g.desa
        if g.kecamatan and not g.desa:
            c["kec_only"] += 1
            c["kec_only_desa"] += a.desa is not None
        if not g.kecamatan and not g.desa:
            c["none"] += 1
            c["none_filled"] += bool(a.kecamatan or a.desa)
        if g.urgency:
            c["urg_rows"] += 1
            c["urg_ok"] += a.urgency == g.urgency
            c["dar_gold"] += g.urgency == "darurat"
            c["dar_pred"] += a.urgency == "darurat"
            c["dar_ok"] += g.urgency == "darurat" and a.urgency == "darurat"
        top = cats[0] if cats else None
        c["dcat_gold"] += g.category == "darurat"
        c["dcat_pred"] += top == "darurat"
        c["dcat_ok"] += g.category == "darurat" and top == "darurat"
        hit = None
        if g.summary_terms:
            c["sum_rows"] += 1
            hit = summary_hit(a.summary, g.summary_terms)
            c["sum_hit"] += hit
            c["sum_present"] += bool(a.summary)
            too_long = len(a.summary or "") > SUMMARY_MAX
            clean = bool(a.summary) and not _chatter(a.summary or "")
            c["sum_long"] += too_long
            c["sum_clean"] += clean
            c["sum_good"] += hit and clean and not too_long
        for tag in g.tags:
            t = tags.setdefault(tag, {"n": 0, "top1": 0, "desa_named": 0, "desa_ok": 0})
            t["n"] += 1
            t["top1"] += ok1
            if g.desa:
                t["desa_named"] += 1
                t["desa_ok"] += a.desa == g.desa
        if keep_misses and len(misses) < MAX_MISSES:
            wrong = []
            if not ok1:
                wrong.append(f"category {g.category} -> {cats[0] if cats else None}")
            if g.kecamatan != a.kecamatan:
                wrong.append(f"kecamatan {g.kecamatan} -> {a.kecamatan}")
            if g.desa != a.desa:
                wrong.append(f"desa {g.desa} -> {a.desa}")
            if g.urgency and (g.urgency == "darurat") != (a.urgency == "darurat"):
                wrong.append(f"urgency {g.urgency} -> {a.urgency}")
            if hit is False and a.summary:
                wrong.append(f"summary {a.summary!r}")
            if wrong:
                misses.append({"id": g.id, "wrong": wrong})
    c["rows"] = n
    out: dict = {"rows": n, **figures_of(c, FIGURES), **ms_figures(times)}
    out["by_tag"] = {
        tag: {
            "n": t["n"],
            "top1": ratio(t["top1"], t["n"]),
            "desa_accuracy": ratio(t["desa_ok"], t["desa_named"]),
        }
        for tag, t in sorted(tags.items())
    }
    if keep_misses:
        out["misses"] = misses
    return out


# every figure of measure(): (name, count, the count it is a share of; None: the count itself)
FIGURES = (
    ("category_top1", "top1", "rows"),
    ("category_top3", "top3", "rows"),
    ("kecamatan_named", "kec_named", None),
    ("kecamatan_accuracy", "kec_ok", "kec_named"),
    ("kecamatan_precision", "kec_ok", "kec_pred"),
    ("desa_named", "desa_named", None),
    ("desa_accuracy", "desa_ok", "desa_named"),
    ("desa_precision", "desa_ok", "desa_pred"),
    ("kecamatan_only_named", "kec_only", None),
    ("desa_when_only_kecamatan_rate", "kec_only_desa", "kec_only"),
    ("no_place_named", "none", None),
    ("place_when_none_rate", "none_filled", "none"),
    ("urgency_accuracy", "urg_ok", "urg_rows"),
    ("darurat_recall", "dar_ok", "dar_gold"),
    ("darurat_precision", "dar_ok", "dar_pred"),
    ("darurat_category_recall", "dcat_ok", "dcat_gold"),
    ("darurat_category_precision", "dcat_ok", "dcat_pred"),
    ("summary_hit_rate", "sum_hit", "sum_rows"),
    ("summary_present_rate", "sum_present", "sum_rows"),
    ("summary_too_long_rate", "sum_long", "sum_rows"),
    ("summary_clean_rate", "sum_clean", "sum_rows"),
    ("summary_good_rate", "sum_good", "sum_rows"),
)
# the figures every report of the call sets shows (``radio-desk bench triage``'s compact summary)
HEADLINE = (
    "category_top1",
    "category_top3",
    "kecamatan_accuracy",
    "desa_accuracy",
    "place_when_none_rate",
    "darurat_recall",
    "darurat_precision",
    "summary_hit_rate",
    "ms_p50",
    "ms_p95",
)

# the figures the human table shows, in order, with the targets for the call sets
TABLE = (
    ("category_top1", "kategori top-1", ">= 0.85"),
    ("category_top3", "kategori top-3", ">= 0.95"),
    ("kecamatan_accuracy", "kecamatan benar (disebut)", ">= 0.90"),
    ("desa_accuracy", "desa benar (disebut)", ">= 0.85"),
    ("place_when_none_rate", "tempat diisi padahal tak disebut", "<= 0.05"),
    ("desa_when_only_kecamatan_rate", "desa diisi, hanya kecamatan disebut", ""),
    ("darurat_recall", "darurat recall", ">= 0.95"),
    ("darurat_precision", "darurat presisi", ">= 0.80"),
    ("urgency_accuracy", "urgensi tepat", ""),
    ("summary_hit_rate", "ringkasan kena (masalah + tempat)", ">= 0.80"),
    ("summary_good_rate", "... dan tanpa salam, <= 140 huruf", ""),
    ("ms_p50", "ms per teks p50", "<= 20"),
    ("ms_p95", "ms per teks p95", ""),
)


def table(sets: dict[str, dict[str, dict]]) -> str:
    """``sets[set name][predictor name] = figures`` as a fixed-width text table."""
    cols = [(s, p) for s, preds in sets.items() for p in preds]
    width = 36
    names = "".join(f"{s.removeprefix('calls_')[:12] + '/' + p:>18}" for s, p in cols)
    head = f"{'':<{width}}" + names + "   target (calls)"
    lines = [head]
    for key, label, target in TABLE:
        cells = []
        for s, p in cols:
            v = sets[s][p].get(key)
            cells.append(f"{'-' if v is None else v!s:>18}")
        lines.append(f"{label:<{width}}" + "".join(cells) + (f"   {target}" if target else ""))
    rows = "".join(f"{sets[s][p]['rows']!s:>18}" for s, p in cols)
    lines.append(f"{'teks':<{width}}" + rows)
    return "\n".join(lines) + "\n"
