"""Learning from the station's confirmed cases moves suggestions; the model file is handled safely."""

from __future__ import annotations

import random

import numpy as np
import pytest

from radio_desk.domain.taxonomy import CATEGORY_CODES
from radio_desk.errors import ModelError
from radio_desk.triage import learning
from radio_desk.triage.learning import Learner, model_path
from radio_desk.triage.model import CategoryModel, train

# This station sends complaints about loud "sound horeg" parades to the environment office (noise),
# not to Satpol PP as the default hints would: its operators confirm them as "lingkungan".
SOUND = [
    "sound horeg karnaval lewat desa sampai jam dua malam, kaca rumah bergetar",
    "karnaval sound system gede banget suaranya, bayi tidak bisa tidur",
    "sound horeg arak arakan lewat kampung, genteng rumah sampai melorot",
    "tolong sound horeg dibatasi, suaranya bikin telinga sakit",
    "karnaval agustusan pakai sound horeg tiap malam, warga terganggu",
    "sound horeg neng desa sebelah banter banget, omahku nganti geter",
]
OTHERS = [
    ("jalan", "jalan desa berlubang dan aspal mengelupas, sering ada yang jatuh"),
    ("pju", "lampu jalan di pertigaan mati sudah seminggu"),
    ("air_bersih", "air pdam tidak mengalir tiga hari"),
    ("sosial", "kami keluarga miskin belum pernah dapat bansos"),
    ("adminduk", "ktp el saya belum dicetak karena blangko habis"),
    ("kesehatan", "antrean puskesmas panjang sekali dan dokternya tidak ada"),
]
PROBE = "sound horeg karnaval lewat kampung kami sampai tengah malam, sangat berisik"


def confirmed_cases(n_sound: int = 24, n_other: int = 36, seed: int = 7) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    pairs = [("lingkungan", rng.choice(SOUND)) for _ in range(n_sound)]
    pairs += [rng.choice(OTHERS) for _ in range(n_other)]
    rng.shuffle(pairs)
    return [(text, cat) for cat, text in pairs]


def test_confirmations_move_the_suggestion(bojonegoro):
    from radio_desk.triage.suggest import Suggester

    before = bojonegoro.suggest(PROBE)
    assert before.categories[0].code == "ketertiban"  # out of the box: noise is public order
    s = Suggester(bojonegoro.taxonomy, "35.22", model=train(confirmed_cases(), CATEGORY_CODES))
    after = s.suggest(PROBE)
    assert after.categories[0].code == "lingkungan", after.categories
    assert any("dipelajari" in w for w in after.categories[0].words)  # explained by learned words
    # what the station did not teach stays as it was
    assert s.suggest("lampu jalan mati di gang tiga").categories[0].code == "pju"
    assert s.suggest("tagihan pbb naik dua kali lipat").categories[0].code == "pajak_retribusi"


def test_learner_saves_loads_and_decides_when_to_retrain():
    learner = Learner()
    assert learner.path == model_path() and learner.model() is None
    pairs = confirmed_cases()
    assert not learner.needs_retrain(learning.MIN_CASES - 1)
    assert learner.needs_retrain(len(pairs))
    model = learner.retrain_if_needed(pairs)
    assert model is not None and model.n_trained == len(pairs)
    assert learner.path.exists()
    # a fresh learner (next start of the app) finds the saved model with the same weights
    again = Learner().model()
    assert again is not None and again.n_trained == len(pairs)
    np.testing.assert_allclose(again.log_scores(PROBE), model.log_scores(PROBE), rtol=1e-5, atol=1e-5)
    # a few new confirmations are not worth a retrain; enough new ones are
    assert not learner.needs_retrain(len(pairs) + 3)
    assert learner.needs_retrain(len(pairs) + learning.MIN_NEW + 5)
    assert learner.retrain_if_needed(pairs + pairs[:3]) is None


def test_damaged_model_file_means_hints_only_not_a_crash():
    path = model_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"not a model at all")
    assert Learner().model() is None
    with pytest.raises(ModelError, match="tidak bisa dibaca"):
        CategoryModel.load(path)
    path.write_bytes(b"PK\x03\x04 cut short")  # a zip's start, then nothing: a save cut off
    assert Learner().model() is None
    # the next retrain replaces it
    learner = Learner()
    learner.retrain(confirmed_cases())
    assert CategoryModel.load(path).n_trained == 60


def test_training_without_usable_cases_says_so():
    with pytest.raises(ModelError, match="Belum ada aduan"):
        train([("", "jalan"), ("teks", "bukan_kategori")], CATEGORY_CODES)


def test_forget_removes_the_model():
    learner = Learner()
    learner.retrain(confirmed_cases())
    learner.forget()
    assert not learner.path.exists() and learner.model() is None


def test_retraining_on_5000_cases_learns_them_all():
    """5,000 confirmed cases train one model (its speed is measured by bench/bench_triage.py)."""
    rng = random.Random(1)
    vocab = [w for _, t in OTHERS for w in t.split()] + [w for t in SOUND for w in t.split()]
    pairs = []
    for i in range(5000):
        cat, text = OTHERS[i % len(OTHERS)]
        extra = " ".join(rng.choice(vocab) + rng.choice(["", "nya", "an", "e"]) for _ in range(40))
        pairs.append((f"{text} {extra} nomor {i}", cat))
    model = train(pairs, CATEGORY_CODES)
    assert model.n_trained == 5000
    scores = model.log_scores("air pdam di rumah tidak mengalir")
    assert model.categories[int(np.argmax(scores))] == "air_bersih"


def test_a_retrain_reuses_the_features_it_kept_and_learns_the_same_model():
    """The features of cases seen before are kept (as ids): retraining gives the very same model as
    training from nothing, in name order, however the kept table was filled."""
    from radio_desk.triage import model as model_module

    pairs = [
        ("jalan desa rusak parah berlubang", "jalan"),
        ("lampu jalan mati gelap", "pju"),
        ("air pdam tidak keluar tiga hari", "air_bersih"),
        ("sampah numpuk bau", "lingkungan"),
    ]
    model_module.features("kata lain dulu")  # features alone leave the kept table as it is
    model_module._encoded("teks lain mengisi tabel lebih dulu")
    first = train(pairs, CATEGORY_CODES)
    again = train([*pairs, ("pupuk langka di kios", "pertanian")], CATEGORY_CODES)
    model_module._encoded_as_of.cache_clear()
    model_module._interned.clear()
    model_module._names.clear()
    fresh = train(pairs, CATEGORY_CODES)
    assert list(first.vocabulary) == sorted(first.vocabulary) == list(fresh.vocabulary)
    assert np.array_equal(first.weights, fresh.weights)
    assert "w:pupuk" in again.vocabulary and "w:pupuk" not in first.vocabulary
    text = "jalan rusak di desa"
    assert np.allclose(first.log_scores(text), fresh.log_scores(text))
