"""``radio-desk bench triage``: how good the suggestions are on a labelled CSV and on the call sets.

The shipped call sets (``resources/triage/calls_dev.jsonl`` and ``calls_heldout.jsonl``, see
:mod:`radio_desk.triage.callset`) are measured by default, next to the CSV when ``--test`` gives one;
each set for the desk's suggester and for the plain keyword peer, side by side
(:mod:`radio_desk.triage.measure`).

CSV columns: ``text``, ``category`` and optionally ``kecamatan`` and ``kelurahan`` (names).  Reports
top-1/top-3 category accuracy (with ``--train``: after learning from those rows as confirmed cases, in
memory only: the station's own model is neither used nor touched) and place precision/recall.

The desk is measured as a fresh install meets it: with the seed model learned from our tuning call sets
(:mod:`radio_desk.triage.seed`; ``--no-seed``: hints only).  A tuning set itself is measured with a
seed trained on the other tuning sets only (leave one set out), so its figures are not trained-on ones;
every other set (the held-out sets, a CSV) gets the seed of all the tuning sets.

Place figures: a row counts as *named* when the text contains its kelurahan's name; the suggested desa
counts when its confidence is at least ``PLACE_MIN_CONFIDENCE`` (what the form fills in by itself).
"""

from __future__ import annotations

import argparse
import csv
import json
import sys
import time
from pathlib import Path

from radio_desk.domain.gazetteer import Gazetteer, get_gazetteer, normalize_name
from radio_desk.domain.taxonomy import CATEGORY_CODES, get_taxonomy
from radio_desk.errors import ValidationError
from radio_desk.triage import text as tx
from radio_desk.triage.callset import CALL_REGENCY, CALL_SETS, call_set_path, load_calls
from radio_desk.triage.measure import (
    Gold,
    desk_predictor,
    figures_of,
    measure,
    ms_figures,
    peer_predictor,
    ratio,
    table,
)
from radio_desk.triage.model import CategoryModel, train
from radio_desk.triage.seed import SEED_SETS, train_seed
from radio_desk.triage.suggest import PLACE_MIN_CONFIDENCE, Suggester

csv.field_size_limit(10_000_000)


def read_rows(path: str | Path) -> list[dict[str, str]]:
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            reader = csv.DictReader(fh)
            fields = set(reader.fieldnames or [])
            missing = {"text", "category"} - fields
            if missing:
                raise ValidationError(f"Berkas {path} tidak punya kolom {', '.join(sorted(missing))}.")
            rows = [dict(r) for r in reader]
    except OSError as err:
        raise ValidationError(f"Berkas {path} tidak bisa dibaca: {err.strerror or err}.") from err
    except (UnicodeDecodeError, csv.Error) as err:
        raise ValidationError(f"Berkas {path} bukan CSV UTF-8 yang sah: {err}.") from err
    unknown = sorted({r["category"] for r in rows if r.get("category") not in CATEGORY_CODES})
    if unknown:
        raise ValidationError(f"Berkas {path} memuat kategori tak dikenal: {', '.join(unknown[:5])}.")
    return rows


def _gold_desa(gaz: Gazetteer, regency: str, kelurahan: str, kecamatan: str) -> str | None:
    """The code of a kelurahan given by name (and its kecamatan, which settles shared names)."""
    if not kelurahan.strip():
        return None
    key = normalize_name(kelurahan)
    kec_key = normalize_name(kecamatan)
    matches = [p for p in gaz.villages_of_regency(regency) if normalize_name(p.name) == key]
    if not matches:  # "Wonorejo Rungkut": the kecamatan appended to tell two namesakes apart
        matches = [
            p
            for p in gaz.villages_of_regency(regency)
            if key == normalize_name(p.name) + normalize_name(gaz.name(p.parent_code))
        ]
    if len(matches) > 1 and kec_key:
        matches = [p for p in matches if normalize_name(gaz.name(p.parent_code)) == kec_key] or matches
    return matches[0].code if len(matches) == 1 else None


def evaluate(
    test: list[dict[str, str]],
    train_rows: list[dict[str, str]] | None = None,
    regency: str | None = None,
    seed: CategoryModel | None = None,
) -> dict:
    taxonomy = get_taxonomy()
    gaz = get_gazetteer()
    regency_code = gaz.regency(regency).code if regency else taxonomy.regency_code
    suggester = Suggester(taxonomy, regency_code, seed=seed)
    train_s = None
    if train_rows:
        start = time.perf_counter()
        model = train([(r["text"], r["category"]) for r in train_rows], list(taxonomy.categories))
        train_s = time.perf_counter() - start
        suggester.set_model(model)
    top1 = top3 = 0
    times: list[float] = []
    place = {"rows_with_kelurahan": 0, "named": 0, "pred": 0, "pred_ok": 0, "named_pred": 0, "named_ok": 0}
    kec = {"rows": 0, "pred": 0, "ok": 0}
    for row in test:
        start = time.perf_counter()
        s = suggester.suggest(row["text"])
        times.append(time.perf_counter() - start)
        codes = [c.code for c in s.categories]
        top1 += bool(codes) and codes[0] == row["category"]
        top3 += row["category"] in codes
        gold = _gold_desa(gaz, regency_code, row.get("kelurahan") or "", row.get("kecamatan") or "")
        desa = s.desa if s.desa and s.desa.confidence >= PLACE_MIN_CONFIDENCE else None
        if gold:
            place["rows_with_kelurahan"] += 1
            named = normalize_name(gaz.name(gold)) in normalize_name(tx.normalize(row["text"]))
            place["named"] += named
            if desa:
                place["pred"] += 1
                place["pred_ok"] += desa.code == gold
                if named:
                    place["named_pred"] += 1
                    place["named_ok"] += desa.code == gold
        gold_kec = (row.get("kecamatan") or "").strip()
        if gold_kec:
            kec["rows"] += 1
            if s.kecamatan and s.kecamatan.confidence >= PLACE_MIN_CONFIDENCE:
                kec["pred"] += 1
                kec["ok"] += normalize_name(s.kecamatan.name) == normalize_name(gold_kec)
    n = len(test)
    both = {**place, **{f"kec_{k}": v for k, v in kec.items()}}
    return {
        "rows": n,
        "train_rows": len(train_rows or []),
        "regency": regency_code,
        "category_top1": ratio(top1, n),
        "category_top3": ratio(top3, n),
        "place": {**place, **figures_of(both, PLACE_FIGURES), "min_confidence": PLACE_MIN_CONFIDENCE},
        **ms_figures([t * 1000 for t in times], "suggest_ms_"),
        "train_s": round(train_s, 3) if train_s is not None else None,
        "seed": seed is not None,
    }


# the place figures of evaluate(): (name, count, the count it is a share of)
PLACE_FIGURES = (
    ("desa_precision_named", "named_ok", "named_pred"),
    ("desa_recall_named", "named_ok", "named"),
    ("desa_precision_all", "pred_ok", "pred"),
    ("desa_recall_all", "pred_ok", "rows_with_kelurahan"),
    ("kecamatan_precision", "kec_ok", "kec_pred"),
    ("kecamatan_recall", "kec_ok", "kec_rows"),
)


def written_gold(rows: list[dict[str, str]], regency_code: str) -> list[Gold]:
    """The CSV's rows as :class:`Gold`: a place counts as named when its name is in the text."""
    gaz = get_gazetteer()
    kec_by_name = {normalize_name(k.name): k.code for k in gaz.kecamatan_of(regency_code)}
    out = []
    for i, row in enumerate(rows, 1):
        text = row["text"]
        said = normalize_name(tx.normalize(text))
        desa = _gold_desa(gaz, regency_code, row.get("kelurahan") or "", row.get("kecamatan") or "")
        kec = kec_by_name.get(normalize_name(row.get("kecamatan") or ""))
        if desa:
            kec = gaz.get(desa).parent_code
        desa_named = bool(desa) and normalize_name(gaz.name(desa)) in said
        kec_named = bool(kec) and normalize_name(gaz.name(kec)) in said
        out.append(
            Gold(
                id=row.get("id") or str(i),
                text=text,
                category=row["category"],
                kecamatan=kec if (kec_named or desa_named) else None,
                desa=desa if desa_named else None,
            )
        )
    return out


# the tuning sets, which also teach the seed: misses listed (never the held-out sets)
TUNE_SETS = tuple(f"calls_{name}" for name in SEED_SETS)


def call_sets(names: list[str]) -> dict[str, list[Gold]]:
    """``dev``, ``dev2``, ``heldout`` (the shipped sets) or paths of other call-set files, by name."""
    out: dict[str, list[Gold]] = {}
    for name in names:
        path = call_set_path(name) if name in CALL_SETS else Path(name)
        label = f"calls_{name}" if name in CALL_SETS else path.stem
        out[label] = [Gold.of_call(c) for c in load_calls(path)]
    return out


class Seeds:
    """The seed for each measured set: a tuning set gets one trained on the *other* tuning sets
    (leave one set out), every other set the seed of all of them.  Each is trained once, in memory."""

    def __init__(self, enabled: bool = True) -> None:
        self.enabled = enabled
        self._trained: dict[tuple[str, ...], CategoryModel] = {}

    def sets_for(self, label: str) -> tuple[str, ...]:
        return tuple(s for s in SEED_SETS if f"calls_{s}" != label)

    def for_set(self, label: str) -> CategoryModel | None:
        if not self.enabled:
            return None
        sets = self.sets_for(label)
        if sets not in self._trained:
            self._trained[sets] = train_seed(sets)
        return self._trained[sets]

    def describe(self, labels) -> dict:
        """What the JSON says of the seeds: which sets taught the seed of each measured set."""
        return {
            "enabled": self.enabled,
            "note": "tuning sets are measured leave-one-set-out: their seed never saw their calls",
            "trained_on": {label: list(self.sets_for(label)) for label in labels} if self.enabled else {},
        }


def side_by_side(
    sets: dict[str, tuple[list[Gold], str]],
    model_rows=None,
    misses: tuple[str, ...] = (),
    seeds: Seeds | None = None,
) -> dict:
    """Every set (items, regency) for the desk and the peer: ``{set: {"desk": figures, "peer": ...}}``.

    ``model_rows`` (the CSV's ``--train`` rows) give the desk a learned model on the written set only;
    ``misses`` names the sets whose wrong answers are listed (the dev sets: the ones to tune on);
    ``seeds`` gives the desk its seed model per set (default: leave one tuning set out)."""
    taxonomy = get_taxonomy()
    seeds = seeds or Seeds()
    out: dict[str, dict[str, dict]] = {}
    for name, (items, regency) in sets.items():
        suggester = Suggester(taxonomy, regency, seed=seeds.for_set(name))
        if model_rows and name == "written":
            cats = list(taxonomy.categories)
            suggester.set_model(train([(r["text"], r["category"]) for r in model_rows], cats))
        keep = name in misses
        out[name] = {
            "desk": measure(items, desk_predictor(taxonomy, regency, suggester), keep_misses=keep),
            "peer": measure(items, peer_predictor(taxonomy, regency), keep_misses=keep),
        }
    return out


def run_bench_triage(args: argparse.Namespace) -> int:
    limit = getattr(args, "limit", None)
    names = [n for n in (getattr(args, "calls", None) or list(CALL_SETS)) if n != "none"]
    if not args.test and not names:
        raise ValidationError("Tidak ada yang diukur: beri --test CSV atau --calls.")
    out = sys.stdout
    result: dict = {}
    sets: dict[str, tuple[list[Gold], str]] = {}
    train_rows = None
    seeds = Seeds(enabled=not getattr(args, "no_seed", False))
    if args.test:
        test = read_rows(args.test)
        if not test:
            raise ValidationError(f"Berkas {args.test} tidak berisi baris aduan.")
        if limit:
            test = test[:limit]
        train_rows = read_rows(args.train) if args.train else None
        result = evaluate(test, train_rows, args.regency, seed=seeds.for_set("written"))
        out.write(f"baris uji            {result['rows']}   (latih: {result['train_rows']})\n")
        out.write(f"kategori top-1       {result['category_top1']}\n")
        out.write(f"kategori top-3       {result['category_top3']}\n")
        p = result["place"]
        out.write(
            f"desa (nama disebut)  presisi {p['desa_precision_named']}  recall {p['desa_recall_named']}"
            f"  (n={p['named']})\n"
        )
        out.write(f"desa (semua)         presisi {p['desa_precision_all']}  recall {p['desa_recall_all']}\n")
        out.write(
            f"kecamatan            presisi {p['kecamatan_precision']}  recall {p['kecamatan_recall']}\n"
        )
        out.write(
            f"waktu saran          p50 {result['suggest_ms_p50']} ms  p95 {result['suggest_ms_p95']} ms\n"
        )
        sets["written"] = (written_gold(test, result["regency"]), result["regency"])
    for label, items in call_sets(names).items():
        sets[label] = (items[:limit] if limit else items, CALL_REGENCY)
    result["sets"] = side_by_side(sets, train_rows, misses=TUNE_SETS, seeds=seeds)
    result["seed"] = seeds.describe(list(sets))
    out.write("\n" + table(result["sets"]))
    if seeds.enabled:
        out.write(
            "model awal (seed): dilatih dari " + ", ".join(SEED_SETS) + "; set dev diukur leave-one-set-out "
            "(seed-nya tak pernah melihat panggilannya sendiri)\n"
        )
    else:
        out.write("tanpa model awal (seed): petunjuk kata saja\n")
    if args.json_out:
        try:
            Path(args.json_out).write_text(
                json.dumps(result, indent=2, ensure_ascii=False) + "\n", encoding="utf-8"
            )
        except OSError as err:
            raise ValidationError(
                f"Berkas {args.json_out} tidak bisa ditulis: {err.strerror or err}."
            ) from err
    return 0
