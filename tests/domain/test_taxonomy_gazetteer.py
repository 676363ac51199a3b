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
