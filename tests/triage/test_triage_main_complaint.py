"""The complaint that matters, and the place that is the problem's: what the caller says about them."""

from __future__ import annotations

import pytest

from radio_desk.triage import spans
from radio_desk.triage.suggest import PLACE_MIN_CONFIDENCE


def _place(s, text):
    r = s.suggest(text)
    kec = r.kecamatan.code if r.kecamatan and r.kecamatan.confidence >= PLACE_MIN_CONFIDENCE else None
    desa = r.desa.code if r.desa and r.desa.confidence >= PLACE_MIN_CONFIDENCE else None
    return kec, desa, r


def test_the_caller_says_which_complaint_matters_most():
    talk = spans.read("Lampu jalan mati, terus jalannya berlubang. Yang paling penting jalannya itu, Mas.")
    assert talk.emphasis[2] > 1 and talk.emphasis[0] < 1  # ... | "Yang paling penting jalannya itu" | "Mas"
    # a cue in a clause of its own points at the clause before, "dulu" at the one after
    talk = spans.read("Got di gang mampet. Itu yang paling penting. Lampu juga mati.")
    assert talk.emphasis[0] > 1 and talk.emphasis[2] < 1
    talk = spans.read("Ada dua hal, yang paling penting dulu ya. Sekolah anak saya atapnya bocor.")
    assert talk.emphasis[2] > 1
    talk = spans.read("Sampah numpuk di pasar. Kalau soal parkir nanti saja.")
    assert talk.emphasis[1] < 1 and talk.emphasis[0] == 1
    # a story set aside: "tapi bukan itu yang mau saya sampaikan"
    talk = spans.read("Kemarin ban saya bocor. Tapi bukan itu yang mau saya sampaikan. Air sumur kering.")
    assert talk.emphasis[0] < 0.5 and talk.emphasis[2] == 1


@pytest.mark.parametrize(
    ("text", "category"),
    [
        ("Jalan di gang kami banyak lubang, lampu jalannya juga mati. Yang paling penting jalannya.",
         "jalan"),
        ("Pohon besar sudah miring ke jalan, lampu jalan juga kedip-kedip. Pohonnya itu yang bahaya.",
         "lingkungan"),
        ("Lampu jalan depan rumah mati, tapi tolong saluran yang meluap ke kelas itu dulu, Mas.", "drainase"),
    ],
)  # fmt: skip
def test_the_main_complaint_leads_the_category(bojonegoro, text, category):
    assert bojonegoro.suggest(text).category == category


def test_a_question_about_a_concrete_problem_is_not_a_request_for_information(bojonegoro):
    r = bojonegoro.suggest("Mas saya cuma tanya berkas di loket, malah dibentak petugasnya. Kok begitu?")
    assert r.category != "informasi"


@pytest.mark.parametrize(
    "text",
    [
        "Saya cuma mau bilang terima kasih, jalan di depan rumah sudah diaspal, mulus sekarang.",
        "Mau ngucapin makasih ke petugas damkar yang kemarin cepat datang waktu ada kebakaran.",
    ],
)
def test_a_call_to_thank_is_no_complaint_and_no_emergency(bojonegoro, text):
    r = bojonegoro.suggest(text)
    assert r.category == "lainnya" and r.urgency.value == "rendah"


def test_krama_and_counting_words_are_no_hints(bojonegoro):
    # "niki" (this, krama) is no NIK; "dua kali lipat" is no river
    r = bojonegoro.suggest("Mas, pripun niki, wit ageng roboh nutup margi, mobil mboten saged liwat.")
    assert r.category != "adminduk"
    r = bojonegoro.suggest("Perpanjang SIM lewat calo bayar dua kali lipat, itu pungli kan?")
    assert "drainase" not in [c.code for c in r.categories[:1]]


@pytest.mark.parametrize(
    "text",
    [
        "Anak saya kerja di Kalitidu. Di kampung kami sampah tidak diangkut seminggu.",
        "Kemarin saya pulang dari Baureno, lha tetangga bilang BLT-nya dipotong.",
        "Halo, ini di Kapas ya Pak? Begini Mas, lampu di gang kami mati.",
        "Di kalangan warga sudah jadi omongan, pasar desa sepi pembeli.",
    ],
)
def test_a_place_said_in_passing_is_not_filled_in(bojonegoro, text):
    kec, desa, r = _place(bojonegoro, text)
    assert (kec, desa) == (None, None), r.kecamatan


@pytest.mark.parametrize(
    ("text", "kec", "desa"),
    [
        # a place said once, weakened by the rules (a street's or a building's name, "Mas" after it),
        # is still the problem's place when nothing says otherwise
        ("Gorong-gorong di jalan Klangon ambrol, Mas.", "35.22.15", "35.22.15.1007"),
        ("antrean puskesmas Kanor lama sekali", "35.22.11", None),
        ("Saya di trucuk mas, jembatan bambunya putus.", "35.22.23", None),
        ("Mas, SPBU Kapas antre solar sampai ke jalan.", "35.22.14", None),
        # the caller's home is the problem's place: "Desa Pojok" is not lost to "pojok" (a corner)
        (
            "Halo, saya dari Desa Pojok Purwosari. Di pojok lapangan ada kabel menjuntai.",
            "35.22.18",
            "35.22.18.2008",
        ),
    ],
)
def test_a_place_said_with_nothing_against_it_is_filled_in(bojonegoro, text, kec, desa):
    got_kec, got_desa, r = _place(bojonegoro, text)
    assert got_kec == kec, r.place_candidates
    if desa:
        assert got_desa == desa, r.place_candidates


def test_a_direction_does_not_set_the_callers_home_aside(bojonegoro):
    kec, desa, _ = _place(
        bojonegoro, "Saya dari Desa Ngujo Kalitidu, jalannya rusak parah. Itu jalan yang menuju Padangan."
    )
    assert (kec, desa) == ("35.22.16", "35.22.16.2019")


def test_the_problem_place_wins_over_one_said_in_passing_or_denied(bojonegoro):
    kec, desa, _ = _place(
        bojonegoro, "Saya kerja di Baureno, tapi jalan di Desa Sidomukti Kepohbaru yang rusak berat."
    )
    assert (kec, desa) == ("35.22.09", "35.22.09.2004")
    kec, _, r = _place(bojonegoro, "Ini bukan Kapas Mas, ini di Kecamatan Kanor, jembatannya ambles.")
    assert kec == "35.22.11"
    assert any("disangkal" in why for c in r.place_candidates for why in c.reasons if c.code == "35.22.14")


def test_a_misheard_kecamatan_is_chosen_among_those_of_the_desa_just_named(bojonegoro):
    """Whisper's "desa sukarejo, kecamatan mozonga glorong": Sukorejo is a desa of three kecamatan, and
    of those three the heard words are clearly closest to Bojonegoro."""
    text = "Saya bu siti nari desa sukarejo, kecamatan mozonga glorong. Jalan di depan balai desa rusak."
    kec, desa, _ = _place(bojonegoro, text)
    assert (kec, desa) == ("35.22.15", "35.22.15.2003")
    # far from every one of them: nothing is guessed
    kec, desa, _ = _place(bojonegoro, "desa sukarejo, kecamatan wuwuh, jalan rusak")
    assert (kec, desa) == (None, None)
