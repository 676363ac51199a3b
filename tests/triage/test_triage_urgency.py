"""Urgency from danger words and their context."""

from __future__ import annotations

import pytest

from radio_desk.domain.enums import Urgency

CASES = [
    (Urgency.DARURAT, "tolong ada kecelakaan di jalan raya kapas, motor ditabrak truk"),
    (Urgency.DARURAT, "anak saya hilang sejak sore belum pulang, terakhir main di sungai"),
    (Urgency.DARURAT, "ana bocah kintir neng kali bengawan, tulung"),
    (Urgency.DARURAT, "rumah tetangga kobong, geni ne wis gedhe"),
    (Urgency.DARURAT, "tebing longsor menimbun rumah warga di dusun atas"),
    (Urgency.DARURAT, "ada warga pingsan di pasar tidak sadarkan diri"),
    (Urgency.TINGGI, "pohon besar di pinggir jalan rawan tumbang, kalau angin bahaya"),
    (Urgency.TINGGI, "kabel listrik menjuntai sampai ke jalan, membahayakan anak anak"),
    (Urgency.TINGGI, "kampung kami kebanjiran sejak semalam"),
    (Urgency.TINGGI, "wingi ana sing tiba numpak motor merga dalane bolong"),
    (Urgency.SEDANG, "lampu jalan di gang tiga mati sudah seminggu"),
    (Urgency.SEDANG, "sampah di tps belum diangkut"),
    (Urgency.RENDAH, "saya mau tanya syarat membuat akta kelahiran"),
    (Urgency.RENDAH, "terima kasih pak, jalannya sudah diperbaiki, saran saya diberi marka"),
]


@pytest.mark.parametrize(("expected", "text"), CASES)
def test_urgency(bojonegoro, expected, text):
    s = bojonegoro.suggest(text)
    assert s.urgency is expected, (s.urgency, s.urgency_words)
    if expected in (Urgency.DARURAT, Urgency.TINGGI):
        assert s.urgency_words, "a raised urgency names the words that raised it"


def test_negated_danger_word_does_not_count(bojonegoro):
    hurt = bojonegoro.suggest("ada pohon tumbang menimpa warung, ada korban luka")
    unhurt = bojonegoro.suggest("ada pohon tumbang menimpa warung, tidak ada korban dan tidak ada yang luka")
    assert hurt.urgency is Urgency.DARURAT
    assert unhurt.urgency is Urgency.TINGGI  # the fallen tree itself still matters


def test_emergency_phrase_pulls_category_to_darurat(bojonegoro):
    s = bojonegoro.suggest("anak saya hilang tadi di pasar, tolong dibantu cari")
    assert s.categories[0].code == "darurat"
    assert s.urgency is Urgency.DARURAT


def test_lost_document_is_not_an_emergency(bojonegoro):
    s = bojonegoro.suggest("ktp saya hilang, bagaimana cara mengurus yang baru")
    assert s.urgency is not Urgency.DARURAT
    assert s.categories[0].code == "adminduk"


def test_politeness_and_questions_with_trouble_are_not_rendah(bojonegoro):
    s = bojonegoro.suggest("jalan di depan balai desa berlubang, mohon diperbaiki, terima kasih")
    assert s.urgency is Urgency.SEDANG
    s = bojonegoro.suggest("saya mau tanya kenapa lampu jalan belum diperbaiki sampai sekarang")
    assert s.urgency is Urgency.SEDANG
    assert s.categories[0].code == "pju"


def test_greetings_alone_do_not_make_a_category(bojonegoro):
    s = bojonegoro.suggest("assalamualaikum mas penyiar, salam kagem sedaya pamiarsa, matur nuwun")
    assert s.categories[0].score < 0.5


# Emergencies told by what the caller sees (radio_desk/triage/emergency.py), worded unlike any call set
INDIRECT = [
    (Urgency.DARURAT, "pak ada bapak bapak terkapar di trotoar dekat terminal"),
    (Urgency.DARURAT, "ada pemotor jatuh di tikungan, orangnya tidak bergerak sama sekali"),
    (Urgency.DARURAT, "kebul ireng metu saka gudang pabrik, ora ana wong"),
    (Urgency.DARURAT, "banjir di dusun kami sudah sedada orang dewasa"),
    (Urgency.DARURAT, "air kali mlebu omah kabeh, warga ngungsi ke masjid"),
    (Urgency.DARURAT, "pikap terbalik masuk sungai di dekat bendungan"),
    (Urgency.DARURAT, "ada orang mabuk mengamuk bawa celurit di warung"),
    (Urgency.DARURAT, "bocah tengelem nang kedung"),  # misheard "tenggelam"
    (Urgency.TINGGI, "tadi hampir tabrakan di perempatan karena lampunya mati"),
    (Urgency.TINGGI, "tebing di pinggir jalan longsor, jalannya tertutup separuh"),
    (Urgency.TINGGI, "gorong gorong hanyut terbawa arus, jalan putus"),
    # an emergency is happening now (radio_desk/triage/emergency.py, not_now): the past, the future, what
    # keeps happening, costs and papers temper a danger word; "now", "still" and "not found yet" do not
    (Urgency.TINGGI, "tahun lalu gudang di ujung gang kebakaran, sampai sekarang puingnya belum diangkut"),
    (Urgency.TINGGI, "trafo di pertigaan itu tiap hujan keluar api, warga resah"),
    (Urgency.TINGGI, "adik saya mau melahirkan bulan depan, kartu jkn-nya belum jadi"),
    (Urgency.TINGGI, "santunan buat keluarga korban kecelakaan belum turun juga"),
    (Urgency.TINGGI, "bapak saya sudah meninggal, ibu sendirian, minta didata untuk bantuan"),
    (Urgency.TINGGI, "saya terjebak macet dua jam gara-gara galian kabel"),
    (Urgency.TINGGI, "tanah longsor menutup separuh jalan ke sawah"),
    (Urgency.TINGGI, "air kali sempat masuk rumah warga, tapi sudah surut"),
    (Urgency.TINGGI, "longsor menimpa kandang di belakang rumah, untung orangnya selamat"),
    (Urgency.TINGGI, "ada kucing terjebak di atas tiang listrik sejak pagi"),
    (Urgency.TINGGI, "mbah saya sakit stroke, minta kursi roda dari dinsos"),
    (Urgency.SEDANG, "ada pipa gas, eh, pipa air di bawah jalan bocor, airnya keluar terus"),  # a slip
    (Urgency.DARURAT, "gudang kayu di ujung gang kebakaran sekarang, apinya tinggi"),
    (Urgency.DARURAT, "bapak mertua tiba-tiba bicaranya pelo, tangannya lemas"),
    (Urgency.DARURAT, "simbah dhawah teng kali, mboten saged minggah"),
    (Urgency.DARURAT, "anak saya hilang sejak dua hari, belum ketemu"),
    (Urgency.DARURAT, "bocah keli nang kali, wong-wong nggoleki"),
    (Urgency.DARURAT, "rumahnya ambruk, mbahnya masih di dalam, belum bisa dikeluarkan"),
]


@pytest.mark.parametrize(("expected", "text"), INDIRECT)
def test_emergency_told_by_what_is_seen(bojonegoro, expected, text):
    s = bojonegoro.suggest(text)
    assert s.urgency is expected, (s.urgency, s.urgency_words)


def test_cues_stay_quiet_on_everyday_complaints(bojonegoro):
    for text in (
        "asap bakar sampah tetangga masuk ke rumah, anak saya batuk",
        "jalan tergenang sedengkul kalau hujan, selokannya buntu",
        "pengisian perangkat desa katanya ada titipan",  # not a misspelt "pingsan"
        "ada odgj keliling kampung, keluarganya tidak mampu berobat",
    ):
        s = bojonegoro.suggest(text)
        assert s.urgency is not Urgency.DARURAT, (text, s.urgency_words)
