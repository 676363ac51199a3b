"""Category suggestions out of the box (hints only), on hand-written complaints.

Each category has an Indonesian and a Javanese example, written for these tests in the way callers
speak on air or write by SMS (no punctuation, short forms, a misheard word here and there).
"""

from __future__ import annotations

import pytest

from radio_desk.domain.taxonomy import CATEGORY_CODES

EXAMPLES: list[tuple[str, str]] = [
    ("jalan", "jalan poros desa kami rusak parah banyak lubang kalau hujan motor sering jatuh"),
    ("jalan", "dalane neng dusun kulon ajur bolong bolong mas, wis pirang taun ora didandani"),
    ("drainase", "selokan depan rumah mampet penuh lumpur jadi kalau hujan airnya meluap ke jalan"),
    ("drainase", "kalene buntu, saben udan banyune ngembeng neng omah omah warga"),
    ("pju", "lampu penerangan jalan di perempatan mati sudah dua minggu, gelap sekali kalau malam"),
    ("pju", "lampu dalan ing gang kulon wis seminggu ora murub, peteng ndedet yen bengi"),
    ("air_bersih", "air pdam di rumah kami tidak mengalir sejak kemarin, kalaupun keluar airnya keruh"),
    ("air_bersih", "banyu pdam mati telung dina, banyune buthek pisan"),
    ("lingkungan", "tumpukan sampah di pinggir sungai tidak pernah diangkut, baunya sampai ke rumah"),
    ("lingkungan", "uwuh numpuk neng pinggir kali, mambu banget, ana sing bakar sampah saben sore"),
    ("lalu_lintas", "setiap pagi macet total di depan pasar karena parkir liar memakan badan jalan"),
    ("lalu_lintas", "lampu bangjo neng perempatan mati, truk truk gede ngebut, rawan"),
    ("kesehatan", "ibu saya ditolak di puskesmas karena kartu bpjs tidak aktif padahal sakit"),
    ("kesehatan", "bapak kula gering, bidan desa mboten wonten, obate ning puskesmas entek"),
    ("pendidikan", "anak saya tidak diterima di smp negeri karena zonasi padahal rumah dekat sekolah"),
    ("pendidikan", "sekolahe bocahku njaluk sumbangan seragam larang, guru ne ngomong wajib"),
    ("adminduk", "sudah tiga bulan ktp el saya belum jadi, katanya blangko habis di dukcapil"),
    ("adminduk", "aku arep ngurus akta kelahiran anakku, syarate apa wae lan kartu keluarga kudu diganti"),
    ("sosial", "keluarga saya miskin tapi tidak pernah dapat bansos pkh, malah tetangga yang mampu dapat"),
    ("sosial", "mbah ku wis tuwo urip dewe mlarat, durung tau oleh bantuan sembako blas"),
    ("perumahan", "rumah janda di rt kami hampir roboh, atapnya bocor, mohon program bedah rumah"),
    ("perumahan", "omahe pak tarno reyot gedhek e bolong, payone bocor, layak e oleh rtlh"),
    ("ketertiban", "tiap malam minggu ada balap liar dan anak muda mabuk miras di lapangan desa"),
    ("ketertiban", "mercon disulut tengah wengi, bocah bocah mendem ciu ngganggu warga"),
    ("darurat", "ada kecelakaan truk menabrak motor di jalan raya, korbannya luka parah"),
    ("darurat", "omah e tanggaku kobong, geni ne gedhe, tulung damkar enggal teka"),
    ("ekonomi", "harga elpiji tiga kilo di pangkalan mahal sekali dan sering langka"),
    ("ekonomi", "regane lenga goreng ning pasar larang banget, bakul bakul padha sambat"),
    ("pertanian", "pupuk subsidi di kios langka padahal sudah terdaftar kartu tani dan waktunya tanam"),
    ("pertanian", "sawahku kena wereng, parine gagal panen, ppl ora tau teka"),
    ("pemerintahan_desa", "perangkat desa sulit ditemui, minta surat pengantar di balai desa tidak dilayani"),
    ("pemerintahan_desa", "pak kades ora tau neng kantor desa, dana desa ora jelas dienggo apa"),
    ("listrik", "listrik di desa kami sering padam bisa lima kali sehari, pln tidak ada penjelasan"),
    ("listrik", "kabel pln neng ngarep omah kendor meh tiba, tiang listrik e doyong"),
    ("kepegawaian", "oknum pegawai kecamatan minta uang pelicin untuk mempercepat urusan, itu pungli"),
    ("kepegawaian", "petugas ing kantor njaluk duwit rokok, yen ora mbayar dipersulit"),
    ("pajak_retribusi", "tagihan pbb tahun ini naik dua kali lipat, sppt saya juga salah luas tanah"),
    ("pajak_retribusi", "sppt pbb kula dereng dugi, mbayar pajek e teng pundi"),
    ("informasi", "saya mau minta informasi jadwal dan syarat pendaftaran program pelatihan dari pemkab"),
    ("informasi", "nyuwun pirsa, pripun carane daftar wifi gratis kangge desa, sinyal ing mriki ugi awon"),
]


@pytest.mark.parametrize(
    ("expected", "text"), EXAMPLES, ids=[f"{c}-{i % 2}" for i, (c, _) in enumerate(EXAMPLES)]
)
def test_hand_written_complaint_gets_its_category_first(bojonegoro, expected, text):
    s = bojonegoro.suggest(text)
    assert s.categories[0].code == expected, [(c.code, c.score, c.words) for c in s.categories]
    assert s.evidence
    assert s.categories[0].words, "a suggestion must say which words led to it"


def test_every_category_except_lainnya_has_examples():
    covered = {c for c, _ in EXAMPLES}
    assert covered == set(CATEGORY_CODES) - {"lainnya"}


def test_top_three_are_distinct_with_falling_scores_that_sum_at_most_one(bojonegoro):
    s = bojonegoro.suggest("jalan rusak dan selokan mampet, lampu jalan juga mati")
    codes = [c.code for c in s.categories]
    assert len(codes) == 3 and len(set(codes)) == 3
    scores = [c.score for c in s.categories]
    assert scores == sorted(scores, reverse=True)
    assert 0 < sum(scores) <= 1.0001
    assert set(codes) == {"jalan", "drainase", "pju"}


def test_misheard_words_still_count(bojonegoro):
    # ASR slips: "puskesmass", "bpjes", "selokkan"; typed typos "pdma" are too short to guess
    s = bojonegoro.suggest("ibu saya ke puskesmass tapi kartu bpjes ditolak")
    assert s.categories[0].code == "kesehatan"
    assert any("puskesmass" in w for w in s.categories[0].words)
    s = bojonegoro.suggest("selokkan di depan rumah mampett")
    assert s.categories[0].code == "drainase"


def test_opd_follows_the_category(bojonegoro, taxonomy):
    s = bojonegoro.suggest("pupuk subsidi langka di kios")
    assert s.opd == taxonomy.default_opd("pertanian") == "distan"
    assert s.opd_name == taxonomy.opd_name("distan")


def test_opd_routes_by_place_when_the_regency_says_so(tmp_path, taxonomy):
    from radio_desk.domain.taxonomy import default_taxonomy_path, load_taxonomy
    from radio_desk.triage.suggest import Suggester

    text = default_taxonomy_path().read_text(encoding="utf-8")
    text += '\n[[route]]\ncategory = "jalan"\nkecamatan = ["35.22.16"]\nopd = "dpmd"\n'
    path = tmp_path / "taxonomy.toml"
    path.write_text(text, encoding="utf-8")
    s = Suggester(load_taxonomy(path), "35.22")
    routed = s.suggest("jalan rusak parah di desa leran kecamatan kalitidu")
    assert routed.kecamatan and routed.kecamatan.code == "35.22.16"
    assert routed.opd == "dpmd"
    elsewhere = s.suggest("jalan rusak parah di desa ngumpakdalem kecamatan dander")
    assert elsewhere.opd == "dpubmpr"


# as the taxonomy issue lists them; the server, reports and sync rely on them
ISSUE_CODES = [
    "jalan", "drainase", "pju", "air_bersih", "lingkungan", "lalu_lintas", "kesehatan", "pendidikan",
    "adminduk", "sosial", "perumahan", "ketertiban", "darurat", "ekonomi", "pertanian",
    "pemerintahan_desa", "listrik", "kepegawaian", "pajak_retribusi", "informasi", "lainnya",
]  # fmt: skip


def test_default_taxonomy_has_exactly_the_fixed_codes_each_named_with_an_opd(taxonomy):
    assert list(CATEGORY_CODES) == ISSUE_CODES
    assert list(taxonomy.categories) == ISSUE_CODES
    for code, cat in taxonomy.categories.items():
        assert cat.name and cat.description, code
        assert taxonomy.default_opd(code) in taxonomy.opds, code


def test_taxonomy_hint_lists_load(taxonomy):
    for code in CATEGORY_CODES:
        cat = taxonomy.categories[code]
        assert cat.hints, code
        assert cat.prior > 0
        assert all(h == h.lower().strip() and h for h in cat.hints + cat.strong_hints + cat.weak_hints), code
    assert taxonomy.categories["pju"].strong_hints and taxonomy.categories["jalan"].weak_hints
    assert {"darurat", "tinggi", "rendah"} <= set(taxonomy.urgency_hints)


def test_older_taxonomy_without_strong_weak_or_prior_still_works(tmp_path):
    import re

    from radio_desk.domain.taxonomy import default_taxonomy_path, load_taxonomy
    from radio_desk.triage.suggest import Suggester

    text = default_taxonomy_path().read_text(encoding="utf-8")
    text = re.sub(r"^(strong_hints|weak_hints|prior) = .*$", "", text, flags=re.MULTILINE)
    path = tmp_path / "taxonomy.toml"
    path.write_text(text, encoding="utf-8")
    old = load_taxonomy(path)
    assert not old.categories["pju"].strong_hints and old.categories["pju"].prior == 1.0
    s = Suggester(old, "35.22").suggest("lampu jalan di gang mati, gelap sekali")
    assert s.categories[0].code == "pju"


def test_bad_prior_in_taxonomy_is_a_clear_error(tmp_path):
    from radio_desk.domain.taxonomy import default_taxonomy_path, load_taxonomy
    from radio_desk.errors import ValidationError

    text = default_taxonomy_path().read_text(encoding="utf-8").replace("prior = 2.5", 'prior = "banyak"', 1)
    path = tmp_path / "taxonomy.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError, match="prior kategori jalan harus angka"):
        load_taxonomy(path)


def test_a_place_named_with_its_marker_is_no_village_government_hint(bojonegoro):
    """ "desa Kemiri" says where; "perangkat desa", "jalan desa" still say what."""
    s = bojonegoro.suggest("Mas, asap hitam keluar dari rumah tetangga di desa Drenges Sugihwaras")
    assert s.categories[0].code == "darurat", s.categories
    s = bojonegoro.suggest("perangkat desa di desa Kemiri Malo minta uang buat surat pindah")
    assert s.categories[0].code == "pemerintahan_desa", s.categories
    s = bojonegoro.suggest("jalan di desa Panjang rusak, sudah dilaporkan berkali-kali")
    assert s.categories[0].code == "jalan", s.categories  # "berkali-kali" is no river (kali)
