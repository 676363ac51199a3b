"""Normalisation and stemming of callers' words."""

from __future__ import annotations

from radio_desk.triage import text as tx


def test_normalise_lowercases_strips_punctuation_and_accents():
    assert tx.normalize("  Jalan RUSAK!!!  di Désa—Leran.  ") == "jalan rusak di desa leran"


def test_short_forms_are_written_out():
    assert tx.tokens("yg tdk ada utk sy, mhn tlg") == [
        "yang",
        "tidak",
        "ada",
        "untuk",
        "saya",
        "mohon",
        "tolong",
    ]


def test_repeated_letters_and_digit_reduplication():
    assert tx.tokens("tolooong lampu2 mati") == ["toloong", "lampu", "lampu", "mati"]


def test_indonesian_stems():
    assert tx.stem("berlubang") == "lubang"
    assert tx.stem("kebanjiran") == "banjir"
    assert tx.stem("diperbaiki") == "baik"
    assert tx.stem("kerusakan") == "rusak"  # Sastrawi alone says "rusa" (a deer)


def test_javanese_suffixes_land_on_known_roots():
    tx.register_roots(frozenset({"dalan", "omah", "lampu"}))
    assert tx.stem("dalane") == "dalan"
    assert tx.stem("omahe") == "omah"
    assert tx.stem("lampune") == "lampu"


def test_unknown_words_are_left_alone():
    assert tx.stem("qwzrtx") == "qwzrtx"


def test_huge_text_is_cut():
    assert len(tx.normalize("a" * 100_000)) <= tx.MAX_CHARS


def test_word_lists_read_a_table_of_named_lists_in_order():
    first, second = tx.word_lists(
        """
        first: jalan dalan  # a comment
            margi
        # a line of its own
        second: lampu
        """
    )
    assert first == frozenset({"jalan", "dalan", "margi"})
    assert second == frozenset({"lampu"})
