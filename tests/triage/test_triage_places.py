"""Kecamatan and desa found in the text through the home regency's gazetteer, tolerant of errors."""

from __future__ import annotations

import pytest

from radio_desk.triage.places import find_places
from radio_desk.triage.suggest import PLACE_MIN_CONFIDENCE

BOJONEGORO_CASES = [
    # (text, kecamatan code, desa code or None)
    ("jalan rusak di desa leran kecamatan kalitidu", "35.22.16", "35.22.16.2020"),
    ("lampu mati di Desa Sumberrejo Kecamatan Sumberrejo", "35.22.12", "35.22.12.2006"),
    ("kula saking ds. ngumpakdalem kec dander badhe lapor", "35.22.06", None),
    # misspelt / misheard: "kalitdu", "sumberejo" (one r), "temayan"
    ("banjir di desa leran kecamatan kalitdu", "35.22.16", "35.22.16.2020"),
    ("aku wong kecamatan temayan, dalane rusak", "35.22.21", None),
    ("warga kedewan mengeluh sumur kering", "35.22.25", None),
    # a desa name misheard ("dalam" for "dalem") or split in two words by the recogniser
    ("jalan rusak di desa ngumpakdalam kecamatan dander", "35.22.06", "35.22.06.2013"),
    ("lampu mati di desa ngumpak dalem kecamatan dander", "35.22.06", "35.22.06.2013"),
]

PROBOLINGGO_CASES = [
    ("jalan berlubang di desa ngadisari kecamatan sukapura", "35.13.01", "35.13.01.2001"),
    ("sampah numpuk neng desa kalikajar kulon kecamatan paiton", "35.13.12", None),
    ("pdam mati di kecamatan kraksan", "35.13.14", None),  # "kraksan" for Kraksaan
    ("lampu mati di desa pondok wulu kecamatan leces", "35.13.05", None),  # "wulu" for Wuluh
]


def _check(result, kec, desa):
    assert result.kecamatan is not None, result.candidates
    assert result.kecamatan.place.code == kec, result.candidates
    assert result.kecamatan.confidence >= PLACE_MIN_CONFIDENCE
    if desa:
        assert result.desa is not None and result.desa.place.code == desa, result.candidates
        assert result.desa.confidence >= PLACE_MIN_CONFIDENCE


@pytest.mark.parametrize(("text", "kec", "desa"), BOJONEGORO_CASES)
def test_bojonegoro_places(text, kec, desa):
    _check(find_places(text, "35.22"), kec, desa)


@pytest.mark.parametrize(("text", "kec", "desa"), PROBOLINGGO_CASES)
def test_probolinggo_places(text, kec, desa):
    _check(find_places(text, "35.13"), kec, desa)


def test_desa_names_of_the_right_kecamatan_when_several_share_it():
    # Sukorejo is a desa in several kecamatan of Bojonegoro; the kecamatan named settles which
    r = find_places("saluran mampet di desa sukorejo kecamatan malo", "35.22")
    assert r.desa is not None and r.desa.place.parent_code == "35.22.17"
    alone = find_places("saluran mampet di desa sukorejo", "35.22")
    assert alone.desa is None or alone.desa.confidence < PLACE_MIN_CONFIDENCE


def test_everyday_words_are_not_taken_for_places():
    # "sudah", "jari" and "opo opo" are desa names too
    r = find_places("jalannya sudah rusak, jari saya luka, ora opo opo", "35.22")
    assert r.desa is None or r.desa.confidence < PLACE_MIN_CONFIDENCE
    r = find_places("ora opo opo mas", "35.13")
    assert r.desa is None or r.desa.confidence < PLACE_MIN_CONFIDENCE


def test_near_misses_of_real_words_are_not_places():
    # "meninggal" is one letter from Menanggal (Surabaya); real words never match fuzzily
    r = find_places("suami saya meninggal dan saya butuh pekerjaan", "35.78")
    assert r.desa is None


def test_places_of_other_regencies_are_ignored():
    r = find_places("jalan rusak di desa ngadisari kecamatan sukapura", "35.22")
    assert r.kecamatan is None or r.kecamatan.confidence < PLACE_MIN_CONFIDENCE


def test_suggestion_carries_place_with_confidence_and_words(bojonegoro):
    s = bojonegoro.suggest("jembatan putus di desa leran kecamatan kalitidu")
    assert s.kecamatan.code == "35.22.16" and s.kecamatan.name == "Kalitidu"
    assert s.desa.code == "35.22.16.2020" and 0 < s.desa.confidence <= 1
    assert "leran" in s.desa.said


@pytest.mark.parametrize(
    "text, kec, desa",
    [
        # the recogniser's "kecamatan Bozonga Gorou" (Bojonegoro) and "Suka Rejo" (Sukorejo, split in two
        # everyday-looking words): found only because the word "kecamatan" and the kecamatan are there
        ("saya bu siti dari desa suka rejo kecamatan bozonga gorou jalan rusak", "35.22.15", "35.22.15.2003"),
        ("Suka Rejo, kecamatan Bozonga Gorou, jalan di depan balai desa rusak", "35.22.15", "35.22.15.2003"),
    ],
)
def test_a_misheard_name_after_kecamatan_and_a_split_desa_name_of_it(text, kec, desa):
    _check(find_places(text, "35.22"), kec, desa)


def test_split_everyday_words_are_no_desa_without_their_kecamatan():
    result = find_places("saya suka rejo sekali jalannya sudah diperbaiki", "35.22")
    assert result.desa is None or result.desa.confidence < PLACE_MIN_CONFIDENCE
