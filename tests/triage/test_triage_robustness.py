"""Odd input gives sensible output, never an error."""

from __future__ import annotations

import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from radio_desk.domain.enums import Urgency


@pytest.mark.parametrize("text", ["", "   ", "\n\t", None, "....!!!???", "12345 6789", "🙂🙂🙂", "a"])
def test_empty_or_wordless_text(bojonegoro, text):
    s = bojonegoro.suggest(text)
    assert len(s.categories) == 3
    assert not s.evidence
    assert s.urgency is Urgency.SEDANG
    assert s.kecamatan is None and s.desa is None
    assert s.opd == bojonegoro.taxonomy.default_opd(s.categories[0].code)


def test_gibberish_has_no_evidence_and_flat_scores(bojonegoro):
    s = bojonegoro.suggest("xqzv blorf gnarp wuzzle qwpoeiru zzkt")
    assert not s.evidence
    assert s.categories[0].score < 0.3  # the prior alone: no category stands out
    assert s.desa is None


def test_fifty_kilobyte_text_is_handled_quickly(bojonegoro):
    chunk = "jalan di desa leran kecamatan kalitidu rusak parah banyak lubang, aspal mengelupas. "
    text = (chunk * (50_000 // len(chunk) + 1))[:50_000]
    start = time.perf_counter()
    s = bojonegoro.suggest(text)
    elapsed = time.perf_counter() - start
    assert s.categories[0].code == "jalan"
    assert s.desa and s.desa.name == "Leran"
    assert elapsed < 1.0, elapsed


def test_binary_junk_and_control_characters(bojonegoro):
    s = bojonegoro.suggest("\x00\x01\x02 sampah \ufffd\ufeff numpuk \x7f")
    assert s.categories[0].code == "lingkungan"


def test_to_dict_is_json_ready(bojonegoro):
    import json

    d = bojonegoro.suggest("lampu jalan mati di desa leran").to_dict()
    again = json.loads(json.dumps(d))
    assert again["category"] == "pju"
    assert again["urgency"] == "sedang"
    assert again["desa"]["name"] == "Leran"


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(max_size=400))
def test_any_text_gives_a_complete_suggestion(bojonegoro, text):
    s = bojonegoro.suggest(text)
    assert len(s.categories) == 3
    assert all(0.0 <= c.score <= 1.0 for c in s.categories)
    assert s.urgency in Urgency
    for place in (s.kecamatan, s.desa):
        assert place is None or 0.0 <= place.confidence <= 1.0
