"""Round 6: an emergency is what is happening now, to someone; told by what the caller sees."""

from __future__ import annotations

import pytest

from radio_desk.domain.enums import Urgency

NOW = [
    # kin are persons, possessive endings off ("bojoku", "mertuane")
    "Mas, bojoku ora sadar ket mau, awake adem",
    "mertuane Pak Dul ambruk nang sawah, diceluk ora krungu",
    "Mas, kakek saya jatuh di dapur, dipanggil nggak nyahut",
    # two different symptoms seen together
    "anak saya napasnya sesak, bibirnya sampai biru, tolong",
    "simbah tiba ngomonge pelo, raine mencong",
    "bapak saya keringat dingin terus tangannya kesemutan, dadanya sakit",
    # a venomous bite, bleeding that does not stop
    "adik saya barusan dipatok ular di kebun, kakinya bengkak",
    "kepalane ngucur getih, wonge isih nang pinggir dalan",
    "lukanya dalam, darahnya tidak berhenti dari tadi",
    # someone still inside, in a call telling of water or fire
    "banjirnya makin tinggi, masih ada nenek di dalam rumah",
    "omahe kobong, bocahe isih nang njero",
    # a person missing and not found, a birth now, the colloquial ke- of ter-
    "ponakan saya umur tujuh tahun hilang sejak siang, dicari belum ketemu",
    "istri saya lahiran sekarang, bidannya belum datang",
    "perahu pencari pasir kebalik di bengawan, penumpangnya belum naik",
    "ibu saya ketimpa lemari waktu gempa, masih di bawahnya",
    # Javanese depth words, and water that "hampir sampai" the roof is no near miss
    "banyune wis tekan dhadha, wong tuwa ra iso metu",
    "airnya hampir sampai genteng, ada lansia yang belum keluar",
    # "kira-kira" is about, not what the caller thought
    "banjir masuk rumah, airnya kira-kira sedada, anak-anak belum bisa keluar",
    # the time word is said in a clause that counts less, the danger now
    "Mas, ada kebakaran gudang, apinya masih besar",
]

NOT_NOW = [
    # a long illness, an age is no duration but a duration is
    "ibu saya sudah setahun stroke, minta kursi roda",
    "bapak saya sakit sesak sebulan ini, lemas terus, BPJS nonaktif",
    # mild signs only: a complaint, not an emergency
    "anak-anak diare, muntah, lemas habis minum air sumur yang keruh",
    # retracted: what the caller thought was not so
    "tadi ada asap dari rumah tetangga, saya kira kebakaran, ternyata cuma bakar sate",
    "aku krungu ana geni, jebule mung wong obong godhong",
    # over, past, repeated, for aid
    "tadi ada kecelakaan, tapi korbannya sudah dibawa ke puskesmas. Motornya masih di jalan",
    "tiap kemarau hutan jati di Desa Nglampin, Ngambon, kebakaran. Minta sekat bakar",
    "mau tanya santunan buat korban puting beliung bulan kemarin di Desa Pohbogo Balen",
    "wingi bengi ana ula mlebu omah, wis diusir",
    # other senses
    "ini gawat, banyak warga jadi korban arisan bodong",
    "lampu jalannya kebalik Mas, siang nyala malam mati",
    "air masuk lewat genteng yang pecah kalau hujan",
]


@pytest.mark.parametrize("text", NOW)
def test_happening_now_is_darurat(bojonegoro, text):
    s = bojonegoro.suggest(text)
    assert s.urgency is Urgency.DARURAT, (s.urgency, s.urgency_words)
    assert s.urgency_words


@pytest.mark.parametrize("text", NOT_NOW)
def test_not_happening_now_is_not_darurat(bojonegoro, text):
    s = bojonegoro.suggest(text)
    assert s.urgency is not Urgency.DARURAT, s.urgency_words


@pytest.mark.parametrize(
    "text",
    [
        "mertuane Pak Dul ambruk nang sawah, diceluk ora krungu",  # the field is the scene, not the topic
        "anak tetangga kecemplung sumur di belakang rumah, sumurnya dalam",  # nor the well
    ],
)
def test_an_emergency_now_outweighs_the_scene_in_the_category(bojonegoro, text):
    s = bojonegoro.suggest(text)
    assert s.urgency is Urgency.DARURAT
    assert s.categories[0].code == "darurat"


def test_darurat_hints_told_as_past_count_less(bojonegoro):
    past = bojonegoro.suggest("kemarin malam ada ular masuk dapur, sudah ditangkap. Tolong kebun dibersihkan")
    now = bojonegoro.suggest("ada ular masuk dapur, tolong. Tolong kebun dibersihkan")
    assert past.urgency is not Urgency.DARURAT
    assert dict(bojonegoro.rank(past.summary or ""))  # the ranking still answers
    p = dict((c.code, c.score) for c in past.categories)
    n = dict((c.code, c.score) for c in now.categories)
    assert p.get("darurat", 0.0) < n.get("darurat", 0.0)


PLACES = [
    # a personal matter: the caller's home is its place
    ("Mas, kula saking Desa Klangon. Badhe tangklet SKTM kangge sekolah lare kula", "35.22.15.1007"),
    ("bpjs ibu saya nonaktif padahal nggak mampu, saya dari Desa Pomahan Baureno", "35.22.10.2022"),
    # no place said; common words that are desa names say none without context
    ("BPJS ibu saya nonaktif, ke rumah sakit disuruh bayar umum", None),
    ("td pagi sy ke kantor desa bareng tetangga mau urus surat, perangkatnya gk ada", None),
    ("sudah sudah, saya capek lapor, jalan depan rumah nggak pernah diurus", None),
]


@pytest.mark.parametrize(("text", "desa"), PLACES)
def test_the_home_of_a_personal_matter_is_its_place_and_none_is_invented(bojonegoro, text, desa):
    s = bojonegoro.suggest(text)
    filled = s.desa.code if s.desa and s.desa.confidence >= 0.5 else None
    assert filled == desa, s.desa
    if desa is None:
        assert not (s.kecamatan and s.kecamatan.confidence >= 0.5), s.kecamatan
