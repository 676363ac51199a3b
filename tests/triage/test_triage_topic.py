"""What the complaint is about (issue 17, round 5): emergencies that are over, the caller's office,
hearsay, place names and thanks that go on to complain."""

from __future__ import annotations

import pytest

from radio_desk.domain.enums import Urgency
from radio_desk.triage import spans


@pytest.mark.parametrize(
    ("text", "category"),
    [
        # an emergency that is over: what the call asks for decides
        ("Rumah tetangga kami terbakar minggu lalu, sekarang keluarganya numpang di rumah saudara, "
         "butuh bantuan beras dan pakaian.", "sosial"),
        # ... and one happening now wins over the scene it happens in
        ("Tolong Mas, ada bapak jatuh dari atap dekat puskesmas, kepalanya berdarah, tidak sadar.",
         "darurat"),
        # the caller's office is who calls, not what about
        ("Saya Pak Darto, kepala dusun di Kedungadem. Saluran di pinggir jalan mampet, airnya masuk "
         "rumah warga.", "drainase"),
        # a desa's name is no hint ("Nglarangan" is no "larang", dear)
        ("Sawah kulo teng Nglarangan Kanor kebak tikus, mboten wonten obat.", "pertanian"),
        # thanks, then "tapi" and a complaint
        ("Mau bilang terima kasih, lampu gang sudah dipasang. Tapi selokan di gang kami mampet, "
         "airnya ngembeng.", "drainase"),
    ],
)  # fmt: skip
def test_what_the_complaint_is_about_leads(bojonegoro, text, category):
    assert bojonegoro.suggest(text).categories[0].code == category


def test_danger_hints_without_a_danger_word_keep_their_weight(bojonegoro):
    # no danger word rated, so nothing says it is over: the hints ("ular") are all there is
    r = bojonegoro.suggest("Mas tolong, ular kobra besar masuk kamar anak saya, kami semua keluar rumah.")
    assert r.categories[0].code == "darurat" and r.urgency.rank >= Urgency.TINGGI.rank


def test_hearsay_names_no_speaker():
    talk = spans.read("Retribusi pasar itu katanya dua ribu, tapi ditarik lima ribu.")
    assert talk.roles[0] == spans.COMPLAINT  # "retribusi"
    talk = spans.read("Perangkat desa bilang jalannya tahun depan.")
    assert talk.roles[0] == spans.ADDRESS  # "perangkat": the speaker


def test_the_callers_office_belongs_to_the_introduction():
    talk = spans.read("Saya Pak Darto, kepala dusun di Kedungadem. Saluran mampet.")
    i = talk.words.index("kepala")
    assert talk.roles[i] == spans.INTRO and talk.roles[i + 1] == spans.INTRO
