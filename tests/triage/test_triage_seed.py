"""The seed model: learned from our own tuning call sets at first use, cached, and overtaken by the
station's own cases."""

from __future__ import annotations

import numpy as np
import pytest
from test_triage_learning import PROBE, confirmed_cases

from radio_desk.domain.taxonomy import CATEGORY_CODES
from radio_desk.triage import seed as seed_module
from radio_desk.triage.callset import CALL_SETS, call_set_path, load_calls
from radio_desk.triage.evaluate import Seeds
from radio_desk.triage.model import CategoryModel, train
from radio_desk.triage.seed import SEED_SETS, load_or_train, seed_pairs, seed_path, train_seed
from radio_desk.triage.suggest import Suggester

# flies: no word of the taxonomy says "environment" here, the calls taught it ("laler")
FLIES = "laler e akeh banget nang omah"


@pytest.fixture(scope="module")
def seed() -> CategoryModel:
    return train_seed()


def test_the_seed_learns_only_from_the_tuning_sets_and_the_same_way_every_time(seed):
    assert SEED_SETS == ("dev", "dev2", "dev3", "dev4", "dev5")
    assert not any(name.startswith("heldout") for name in SEED_SETS)
    calls = sum(len(load_calls(call_set_path(name))) for name in SEED_SETS)
    pairs = seed_pairs()
    assert len(pairs) == calls == seed.n_trained
    again = train_seed()
    assert list(again.vocabulary) == list(seed.vocabulary)
    assert np.array_equal(again.weights, seed.weights) and again.trained_at == seed.trained_at == 0.0
    # what it reads: the complaint's words, without the regency's one-word place names
    text, _ = next(p for p in pairs if p[1] == "jalan")
    assert "sukorejo" not in " ".join(t for t, _ in pairs)
    assert text and "halo" not in text.split()[:1]
    assert "w:sukorejo" not in seed.vocabulary


def test_the_cache_name_follows_what_the_seed_is_trained_from(monkeypatch, tmp_path):
    first = seed_path()
    assert first.name.startswith("seed-model-") and first.parent.name == "triage"
    changed = tmp_path / "calls_dev.jsonl"
    changed.write_text(call_set_path("dev").read_text(encoding="utf-8") + "\n", encoding="utf-8")
    real = seed_module.call_set_path
    monkeypatch.setattr(seed_module, "call_set_path", lambda name: changed if name == "dev" else real(name))
    assert seed_path() != first


def test_a_fresh_desk_suggests_with_the_seed(taxonomy, seed):
    hints_only = Suggester(taxonomy, "35.22")
    fresh = Suggester(taxonomy, "35.22", seed=seed)
    before = hints_only.suggest(FLIES)
    assert before.categories[0].code != "lingkungan"
    assert not any(c.code == "lingkungan" and c.words for c in before.categories)  # no keyword hint
    after = fresh.suggest(FLIES)
    assert after.categories[0].code == "lingkungan", after.categories
    assert "laler (dipelajari)" in after.categories[0].words
    assert not any(w.startswith(("banget ", "nang ")) for w in after.categories[0].words)
    # the hints still lead where they speak
    assert fresh.suggest("lampu jalan mati di gang tiga").categories[0].code == "pju"


def test_the_station_model_takes_over_as_cases_accumulate(taxonomy, seed):
    from radio_desk.triage import suggest

    s = Suggester(taxonomy, "35.22", seed=seed)
    assert s.suggest(PROBE).categories[0].code == "ketertiban"  # noise: public order, by hints and seed
    gains = []
    for n in (20, 200):
        pairs = confirmed_cases(n_sound=n * 2 // 5, n_other=n - n * 2 // 5)
        s.set_model(train(pairs, CATEGORY_CODES))
        gains.append(s.say())
    assert gains[-1]["seed"] < gains[0]["seed"] < suggest.SEED_GAIN  # the seed's say shrinks ...
    assert gains[-1]["station"] > gains[-1]["seed"]  # ... below the station's
    assert s.seed is seed
    got = s.suggest(PROBE)
    assert got.categories[0].code == "lingkungan", got.categories  # this station's own habit wins
    s.set_model(None)
    assert s.suggest(PROBE).categories[0].code == "ketertiban" and s.seed is seed


def test_a_damaged_cache_file_is_ignored_and_trained_again(seed):
    path = seed_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"PK\x03\x04 not a model")
    stale = path.parent / "seed-model-0000000000000000.npz"
    stale.write_bytes(b"an older release's seed")
    model = load_or_train()
    assert np.array_equal(model.weights, seed.weights)
    assert np.array_equal(CategoryModel.load(path).weights, seed.weights)  # rewritten, readable
    assert not stale.exists()
    assert load_or_train().n_trained == seed.n_trained  # from the cache now


def test_the_service_loads_the_seed_in_the_background(taxonomy, seed):
    from radio_desk.triage.learning import Learner
    from radio_desk.triage.service import TriageService

    service = TriageService(None, Suggester(taxonomy, "35.22"), Learner(), seed=lambda: seed)
    worker = service.load_seed_in_background()
    assert worker is not None
    worker.join(timeout=60)
    assert service.suggester.seed is seed
    assert service.suggest(FLIES).categories[0].code == "lingkungan"

    def broken() -> CategoryModel:
        raise OSError("disk full")

    failing = TriageService(None, Suggester(taxonomy, "35.22"), Learner(), seed=broken)
    assert failing.load_seed() is False and failing.suggester.seed is None
    assert TriageService(None, Suggester(taxonomy, "35.22"), Learner()).load_seed_in_background() is None


def test_the_bench_measures_each_tuning_set_with_a_seed_that_never_saw_it():
    seeds = Seeds()
    for name in SEED_SETS:
        assert seeds.sets_for(f"calls_{name}") == tuple(s for s in SEED_SETS if s != name)
    assert seeds.sets_for("calls_heldout") == SEED_SETS == seeds.sets_for("written")
    assert set(CALL_SETS) - set(SEED_SETS) == {n for n in CALL_SETS if n.startswith("heldout")}
    assert Seeds(enabled=False).for_set("calls_dev") is None
    described = seeds.describe(["calls_dev", "calls_heldout"])
    assert described["trained_on"]["calls_dev"] == ["dev2", "dev3", "dev4", "dev5"]
    assert "leave-one-set-out" in described["note"]
