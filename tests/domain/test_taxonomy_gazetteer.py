from __future__ import annotations

import pytest

from radio_desk.domain.gazetteer import get_gazetteer, normalize_name
from radio_desk.domain.taxonomy import CATEGORY_CODES, load_taxonomy
from radio_desk.errors import NotFoundError, ValidationError


def test_taxonomy_has_all_codes_and_valid_opds():
    tax = load_taxonomy()
    assert set(CATEGORY_CODES) <= set(tax.categories)
    for cat in tax.categories.values():
        assert cat.opd is None or cat.opd in tax.opds
    with pytest.raises(ValidationError) as err:
        tax.category("tidak_ada")
    assert err.value.field == "category"


def test_taxonomy_bad_file(tmp_path):
    bad = tmp_path / "taxonomy.toml"
    bad.write_text("[[category]\n", encoding="utf-8")
    with pytest.raises(ValidationError):
        load_taxonomy(bad)


def test_gazetteer_tolerant_lookup():
    g = get_gazetteer()
    bjn = g.regency("Bojonegoro")
    assert bjn.code == "35.22"
    assert g.regency("probolinggo").code == "35.13"
    for spelling in ("Kec. Dander", "DANDER ", "dander", "Kecamatan  Dander", "Dandr"):
        assert g.find_kecamatan(spelling, bjn.code)[0].place.name == "Dander", spelling
    assert normalize_name("Ds. Tjepu") == normalize_name("cepu")


def test_check_place():
    g = get_gazetteer()
    kecs = g.kecamatan_of("35.22")
    a, b = kecs[0], kecs[1]
    g.check_place(a.code, g.desa_of(a.code)[0].code)
    with pytest.raises(ValidationError) as err:
        g.check_place(a.code, g.desa_of(b.code)[0].code)
    assert err.value.field == "desa"
    with pytest.raises(NotFoundError):
        g.check_place("35.22.99", None)
    with pytest.raises(ValidationError):
        g.check_place(g.desa_of(a.code)[0].code, None)  # a desa code where a kecamatan is expected


def test_probolinggo_as_home_regency():
    g = get_gazetteer()
    assert g.regency("35.13").name == "Kabupaten Probolinggo"
    assert g.regency("Kab. Probolinggo").code == "35.13"
    assert g.regency("Kota Probolinggo").code == "35.74"  # the city is another regency, not confused
    assert g.regency("kota  kediri").code == "35.71" and g.regency("Kediri").code == "35.06"
    assert len(g.kecamatan_of("35.13")) == 24
    for spelling, name in [("KRAKSAN", "Kraksaan"), ("Kec. Paiton", "Paiton"), ("sumber asih", "Sumberasih"),
                           ("kotaanyar", "Kotaanyar"), ("Kota Anyar", "Kotaanyar")]:  # fmt: skip
        assert g.find_kecamatan(spelling, "35.13")[0].place.name == name, spelling
    kraksaan = g.find_kecamatan("Kraksaan", "35.13")[0].place
    desa = g.find_desa("Ds. sidomukti", kraksaan.code)[0].place
    assert desa.parent_code == kraksaan.code and desa.name == "Sidomukti"
    g.check_place(kraksaan.code, desa.code)
    with pytest.raises(NotFoundError):
        g.regency("Atlantis")


def test_gazetteer_spacing_and_double_letters():
    g = get_gazetteer()
    for spelling in ("Kedung Adem", "kedungadem", "KEDUNG-ADEM"):
        assert g.find_kecamatan(spelling, "35.22")[0].place.name == "Kedungadem", spelling
    assert g.find_kecamatan("Sumberejo", "35.22")[0].place.name == "Sumberrejo"
    assert g.find_kecamatan("", "35.22") == [] and g.find_kecamatan("😀", "35.22") == []


def test_regency_edits_its_own_taxonomy(isolated_home):
    from radio_desk.domain.taxonomy import default_taxonomy_path, get_taxonomy

    text = default_taxonomy_path().read_text(encoding="utf-8")
    assert 'short = "Dinas PU Bina Marga"' in text
    own = isolated_home / "config" / "taxonomy.toml"
    own.parent.mkdir(parents=True)
    own.write_text(
        text.replace('short = "Dinas PU Bina Marga"', 'short = "PUPR Probolinggo"'), encoding="utf-8"
    )
    tax = get_taxonomy()
    assert tax.source == own and tax.opds["dpubmpr"].short == "PUPR Probolinggo"
    assert tax.category("jalan").name and tax.category("jalan").hints  # Indonesian name, keyword hints
