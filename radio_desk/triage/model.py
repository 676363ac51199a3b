"""The learned part of category suggestions: a small classifier trained on the station's own cases.

Input is plain ``(text, category)`` pairs (cases an operator confirmed), so it does not depend on the
store.  Features are word stems, stem pairs and character 3-5-grams inside words (these forgive
misspellings and Javanese/Indonesian affix variants); each group is TF-IDF weighted and normalised.
The classifier is Complement Naive Bayes (Rennie et al. 2003): training is one pass of sums; each
text's features are kept (as ids), so a retrain featurises only the cases it has not seen; weights
are per-feature, so every suggestion can say which words pushed it.  Only numpy: no model is
shipped as a file: each station grows its own, on top of a seed trained at first use from the
developers' call sets (:mod:`radio_desk.triage.seed`).
"""

from __future__ import annotations

import json
import math
import os
import tempfile
import threading
import time
import zipfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, pairwise
from pathlib import Path

import numpy as np

from radio_desk.errors import ModelError
from radio_desk.triage import text as tx

FORMAT_VERSION = 1
ALPHA = 0.3  # smoothing of the complement counts
MAX_FEATURES = 300_000
CHAR_NGRAMS = (3, 4, 5)
GROUP_WEIGHTS = {"w": 1.0, "b": 0.6, "c": 0.8}  # word stems, stem pairs, char n-grams


@lru_cache(maxsize=200_000)
def _char_ngrams(word: str) -> tuple[str, ...]:
    padded = f" {word} "
    return tuple("c:" + padded[i : i + n] for n in CHAR_NGRAMS for i in range(len(padded) - n + 1))


# Retraining sees mostly the same confirmed cases again: each text's features are kept, as ids into one
# table of feature names, so a retrain featurises only the new cases and builds its arrays in numpy.
ENCODED_TEXTS = 20_000  # texts whose encoded features are kept
MAX_INTERNED = 3_000_000  # feature names in the table before it (and the kept texts) start afresh
_interned: dict[str, int] = {}
_names: list[str] = []
_intern_lock = threading.Lock()


def _encoded(text: str) -> tuple[np.ndarray, np.ndarray]:
    """A text's features as (ids into the name table, raw term frequencies)."""
    return _encoded_as_of(text, tx.roots_version())


@lru_cache(maxsize=ENCODED_TEXTS)
def _encoded_as_of(text: str, _roots: int) -> tuple[np.ndarray, np.ndarray]:
    feats = features(text)
    ids = np.empty(len(feats), dtype=np.int64)
    with _intern_lock:
        for k, name in enumerate(feats):
            j = _interned.get(name)
            if j is None:
                j = _interned[name] = len(_names)
                _names.append(name)
            ids[k] = j
    return ids, np.fromiter(feats.values(), dtype=np.float64, count=len(feats))


def _fresh_table_if_full() -> None:
    with _intern_lock:
        if len(_names) > MAX_INTERNED:
            _encoded_as_of.cache_clear()
            _interned.clear()
            _names.clear()


def features(text: str) -> Counter[str]:
    """Feature name -> raw term frequency for one text."""
    words = tx.tokens(text)
    stems = [tx.stem(w) for w in words]
    out: Counter[str] = Counter("w:" + s for s in stems if len(s) > 1)
    out.update(f"b:{a}_{b}" for a, b in pairwise(stems))
    out.update(chain.from_iterable(_char_ngrams(w) for w in set(words) if len(w) >= 3 and not w.isdigit()))
    return out


@dataclass
class CategoryModel:
    """Trained weights: ``weights[f, c]`` is how much feature f says "category c" (log scale)."""

    categories: list[str]
    vocabulary: dict[str, int]
    idf: np.ndarray  # (F,)
    weights: np.ndarray  # (F, C) float32
    bias: np.ndarray  # (C,) log prior of the training cases
    n_trained: int
    trained_at: float

    # -- prediction -------------------------------------------------------------------------------
    def vector(
        self, text: str, feats: Counter[str] | None = None
    ) -> tuple[np.ndarray, np.ndarray, list[str]]:
        """The text's known features: (indexes, weights, names); compute once, pass to the others.
        ``feats`` (``features(text)``) spares the work when two models read the same text."""
        feats = features(text) if feats is None else feats
        idx, vals, names = [], [], []
        for name, tf in feats.items():
            j = self.vocabulary.get(name)
            if j is not None:
                idx.append(j)
                vals.append(1.0 + math.log(tf))
                names.append(name)
        index = np.array(idx, dtype=np.int64)
        values = np.array(vals, dtype=np.float64) * self.idf[index] if idx else np.zeros(0)
        if idx:
            values = _normalise_groups(values, names)
        return index, values, names

    def log_scores(self, text: str, vec: tuple | None = None) -> np.ndarray:
        """One log-score per category (higher = more likely); centred on 0."""
        index, values, _ = vec or self.vector(text)
        scores = values @ self.weights[index] if len(index) else np.zeros(len(self.categories))
        return scores - scores.mean()

    def explain(
        self, text: str, category: str, top: int = 5, vec: tuple | None = None
    ) -> list[tuple[str, float]]:
        """The words (stems or stem pairs) that pushed ``text`` towards ``category`` most."""
        if category not in self.categories:
            return []
        index, values, names = vec or self.vector(text)
        if not len(index):
            return []
        c = self.categories.index(category)
        w = self.weights[index]
        contrib = values * (w[:, c] - w.mean(axis=1))
        best: dict[str, float] = {}
        for name, value in zip(names, contrib, strict=True):
            if value <= 0 or name.startswith("c:"):
                continue  # character pieces are not words an operator would recognise
            label = name[2:].replace("_", " ")
            best[label] = max(best.get(label, 0.0), float(value))
        return sorted(best.items(), key=lambda kv: -kv[1])[:top]

    # -- persistence ------------------------------------------------------------------------------
    def save(self, path: Path) -> None:
        """Write atomically: a crash mid-save leaves the previous model in place."""
        path.parent.mkdir(parents=True, exist_ok=True)
        names = sorted(self.vocabulary, key=self.vocabulary.__getitem__)
        meta = {"version": FORMAT_VERSION, "n_trained": self.n_trained, "trained_at": self.trained_at}
        fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp.npz")
        os.close(fd)
        try:
            np.savez_compressed(
                tmp,
                meta=np.array(json.dumps(meta)),
                categories=np.array(self.categories),
                vocabulary=np.array(names),
                idf=self.idf.astype(np.float32),
                weights=self.weights.astype(np.float32),
                bias=self.bias,
            )
            os.replace(tmp, path)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)

    @classmethod
    def load(cls, path: Path) -> CategoryModel:
        try:
            with np.load(path, allow_pickle=False) as data:
                meta = json.loads(str(data["meta"]))
                if meta.get("version") != FORMAT_VERSION:
                    raise ModelError(f"Model kategori {path} berformat lama; akan dilatih ulang.")
                names = [str(n) for n in data["vocabulary"]]
                return cls(
                    categories=[str(c) for c in data["categories"]],
                    vocabulary={n: i for i, n in enumerate(names)},
                    idf=data["idf"].astype(np.float64),
                    weights=data["weights"],
                    bias=data["bias"],
                    n_trained=int(meta["n_trained"]),
                    trained_at=float(meta["trained_at"]),
                )
        except ModelError:
            raise
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as err:  # cut short, not a zip
            raise ModelError(f"Model kategori {path} tidak bisa dibaca ({err}); akan dilatih ulang.") from err


def _normalise_groups(values: np.ndarray, names: Sequence[str]) -> np.ndarray:
    """L2-normalise each feature group separately, then weight the groups."""
    groups = np.array([n[0] for n in names])
    out = values.copy()
    for g, weight in GROUP_WEIGHTS.items():
        mask = groups == g
        norm = np.sqrt((out[mask] ** 2).sum())
        if norm > 0:
            out[mask] = out[mask] / norm * weight
    return out


def train(
    pairs: Iterable[tuple[str, str]], categories: Sequence[str], trained_at: float | None = None
) -> CategoryModel:
    """Train on ``(text, category)`` pairs; categories outside ``categories`` are skipped.
    ``trained_at`` fixed (not the clock) makes the saved file the same on every run."""
    cats = list(categories)
    col = {c: i for i, c in enumerate(cats)}
    _fresh_table_if_full()
    encoded: list[tuple[np.ndarray, np.ndarray]] = []
    labels_list: list[int] = []
    for text, category in pairs:
        if category not in col or not text or not text.strip():
            continue
        ids, tfs = _encoded(text)
        if not len(ids):
            continue
        encoded.append((ids, tfs))
        labels_list.append(col[category])
    if not labels_list:
        raise ModelError("Belum ada aduan terkonfirmasi untuk melatih saran kategori.")
    lengths = np.fromiter((len(ids) for ids, _ in encoded), dtype=np.int64, count=len(encoded))
    row = np.repeat(np.arange(len(encoded), dtype=np.int64), lengths)
    table_ids = np.concatenate([ids for ids, _ in encoded])
    tf = np.concatenate([tfs for _, tfs in encoded])
    # the table ids in use, and each one's place among them (linear: no sort of all the ids)
    with _intern_lock:
        present = np.zeros(len(_names), dtype=bool)
        present[table_ids] = True
        used = np.flatnonzero(present)
        unsorted = [_names[g] for g in used.tolist()]
    column = (np.cumsum(present) - 1)[table_ids]
    # the vocabulary in name order: the same model on every run, whatever the table's order
    by_name = sorted(range(len(unsorted)), key=unsorted.__getitem__)
    names = [unsorted[i] for i in by_name]
    rank = np.empty(len(by_name), dtype=np.int64)
    rank[np.array(by_name, dtype=np.int64)] = np.arange(len(by_name))
    column = rank[column]
    labels = np.array(labels_list, dtype=np.int64)
    n_docs = len(labels)
    df = np.bincount(column, minlength=len(names))
    if len(names) > MAX_FEATURES:  # keep the most widespread features
        keep = np.sort(np.argsort(-df, kind="stable")[:MAX_FEATURES])
        remap = np.full(len(names), -1)
        remap[keep] = np.arange(len(keep))
        mask = remap[column] >= 0
        row, column, tf = row[mask], remap[column[mask]], tf[mask]
        names = [names[i] for i in keep]
        df = df[keep]
    n_feat, n_cat = len(names), len(cats)
    idf = np.log((1 + n_docs) / (1 + df)) + 1.0
    values = (1.0 + np.log(tf)) * idf[column]
    # per document and feature group: L2 norm 1, then the group's weight
    gweights = np.array(list(GROUP_WEIGHTS.values()))
    gindex = {g: i for i, g in enumerate(GROUP_WEIGHTS)}
    group_of = np.array([gindex[n[0]] for n in names], dtype=np.int64)
    group = group_of[column]
    key = row * len(gweights) + group
    norms = np.sqrt(np.bincount(key, weights=values**2, minlength=n_docs * len(gweights)))
    values = values / norms[key] * gweights[group]
    counts = np.bincount(labels[row] * n_feat + column, weights=values, minlength=n_cat * n_feat).reshape(
        n_cat, n_feat
    )
    # Complement NB: a class's weight for a feature is minus how typical it is of the OTHER classes
    total = counts.sum(axis=0)
    comp = total[None, :] - counts + ALPHA
    log_comp = np.log(comp / comp.sum(axis=1, keepdims=True))
    weights = -log_comp
    weights -= weights.mean(axis=0, keepdims=True)
    # classes never seen get no say (their complement is everything, which would favour them)
    class_counts = np.bincount(labels, minlength=n_cat).astype(np.float64)
    weights[class_counts == 0] = 0.0
    bias = np.log((class_counts + 1.0) / (class_counts.sum() + n_cat))
    return CategoryModel(
        cats,
        {n: i for i, n in enumerate(names)},
        idf,
        weights.T.astype(np.float32),
        bias,
        n_docs,
        time.time() if trained_at is None else trained_at,
    )
