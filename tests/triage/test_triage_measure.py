"""The figures of ``radio-desk bench triage`` (radio_desk/triage/measure.py) and its keyword peer."""

from __future__ import annotations

import pytest

from radio_desk.triage.measure import Answer, Gold, measure, peer_predictor

GOLD = [
    Gold("a", "t1", "jalan", "sedang", "35.22.16", "35.22.16.2020", ("jalan", "leran")),
    Gold("b", "t2", "darurat", "darurat", "35.22.11", None, ("kebakaran", "kanor")),
    Gold("c", "t3", "pju", "sedang", None, None, ("lampu",), ("sms",)),
    Gold("d", "t4", "darurat", "darurat", None, None, ("tenggelam",), ("sms",)),
]
ANSWERS = {
    # right category, place and summary
    "t1": Answer(("jalan", "pju", "drainase"), "sedang", "35.22.16", "35.22.16.2020", "Jalan rusak di Leran"),
    # second choice only; kecamatan right, a desa filled in although only the kecamatan was named
    "t2": Answer(("lingkungan", "darurat"), "darurat", "35.22.11", "35.22.11.2002", None),
    # a place filled in where none was named; a greeting in the summary
    "t3": Answer(("pju",), "darurat", "35.22.14", None, "Halo Mas, lampu mati"),
    # darurat missed
    "t4": Answer(("darurat",), "tinggi", None, None, "x" * 141 + " tenggelam"),
}


def test_figures_count_what_they_say():
    m = measure(GOLD, ANSWERS.__getitem__, keep_misses=True)
    assert m["rows"] == 4
    assert m["category_top1"] == 0.75 and m["category_top3"] == 1.0
    assert m["kecamatan_named"] == 2 and m["kecamatan_accuracy"] == 1.0
    assert m["desa_named"] == 1 and m["desa_accuracy"] == 1.0
    assert m["desa_when_only_kecamatan_rate"] == 1.0
    assert m["no_place_named"] == 2 and m["place_when_none_rate"] == 0.5
    assert m["darurat_recall"] == 0.5 and m["darurat_precision"] == 0.5  # t2 right, t3 wrong, t4 missed
    assert m["urgency_accuracy"] == 0.5
    assert m["darurat_category_recall"] == 0.5 and m["darurat_category_precision"] == 1.0
    assert m["summary_hit_rate"] == 0.75  # t1, t3, t4 name the terms; t2 has no summary
    assert m["summary_present_rate"] == 0.75
    assert m["summary_too_long_rate"] == 0.25
    assert m["summary_clean_rate"] == 0.5  # t3 greets
    assert m["summary_good_rate"] == 0.25  # only t1
    assert m["by_tag"]["sms"] == {"n": 2, "top1": 1.0, "desa_accuracy": None}
    assert m["ms_p50"] >= 0
    wrong = {x["id"]: x["wrong"] for x in m["misses"]}
    assert "a" not in wrong
    assert wrong["b"] == ["category darurat -> lingkungan", "desa None -> 35.22.11.2002"]
    assert "urgency sedang -> darurat" in wrong["c"]


def test_missing_summary_is_a_miss():
    m = measure(GOLD[:1], lambda _: Answer(("jalan",), "sedang", "35.22.16", "35.22.16.2020", None))
    assert m["summary_hit_rate"] == 0.0 and m["category_top1"] == 1.0


@pytest.fixture(scope="module")
def peer(taxonomy):
    return peer_predictor(taxonomy, "35.22")


def test_keyword_peer_reads_words_places_and_urgency(peer):
    a = peer("Halo Mas. Ada kebakaran rumah di desa Leran kecamatan Kalitidu, apinya besar. Makasih.")
    assert a.categories[0] == "darurat" and len(a.categories) == 3
    assert a.urgency == "darurat"
    assert (a.kecamatan, a.desa) == ("35.22.16", "35.22.16.2020")
    assert "kebakaran" in a.summary and "Halo" not in a.summary
    b = peer("lampu jalan mati")
    assert b.categories[0] == "pju" and (b.kecamatan, b.desa) == (None, None) and b.urgency == "sedang"
