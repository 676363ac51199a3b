"""Suggestions on calls as callers speak (issue 17): the complaint outweighs the caller's introduction,
a misheard word does not decide, the problem's place is found, and the summary is the complaint."""

from __future__ import annotations

import json
import subprocess
import sys

from radio_desk.triage import spans
from radio_desk.triage.suggest import PLACE_MIN_CONFIDENCE

DEMO = (
    "Halo selamat pagi Mas, saya Bu Siti dari desa Sukorejo kecamatan Bojonegoro, mau lapor jalan di depan "
    "balai desa rusak parah banyak lubang"
)


def _sure(p):
    return p.code if p is not None and p.confidence >= PLACE_MIN_CONFIDENCE else None


def test_the_complaint_outweighs_the_callers_home_and_the_building_named_as_address(bojonegoro):
    s = bojonegoro.suggest(DEMO)
    assert s.categories[0].code == "jalan"
    assert _sure(s.kecamatan) == "35.22.15" and _sure(s.desa) == "35.22.15.2003"  # not Tambakrejo
    assert any("lubang" in w or "rusak" in w for w in s.categories[0].words)  # still says which words


def test_village_words_are_not_a_village_government_complaint(bojonegoro):
    assert bojonegoro.suggest("jembatan di dusun kami ambruk kena banjir").categories[0].code == "jalan"
    s = bojonegoro.suggest("e-KTP saya hilang, ngurusnya di mana")
    assert s.categories[0].code == "adminduk"


def test_a_misheard_word_does_not_decide(bojonegoro):
    s = bojonegoro.suggest(
        "saya mau lapol pak, jalan di desa Kapas sudah rusak lama, dari diras belum ada perbaikan"
    )
    assert s.categories[0].code == "jalan"
    assert not any("diras" in w for c in s.categories for w in c.words)
    # a single misheard hint alone is never a sure suggestion
    alone = bojonegoro.suggest("puskesmass")
    assert alone.categories[0].code == "kesehatan" and alone.categories[0].score < 0.8


def test_an_everyday_word_is_a_desa_only_with_context(bojonegoro):
    s = bojonegoro.suggest("jalan di desa Kapas kecamatan Kapas sudah rusak parah")
    assert _sure(s.desa) == "35.22.14.2011"  # Kapas, not desa Sudah (Kec. Malo)
    none = bojonegoro.suggest("lampunya sudah mati dua minggu, sudah lapor belum ada yang datang")
    assert _sure(none.desa) is None and _sure(none.kecamatan) is None
    # with its kecamatan named, the everyday word is the desa
    named = bojonegoro.suggest("saluran di Sudah Malo mampet, kalau hujan banjir")
    assert named.desa is not None and named.desa.name == "Sudah" and _sure(named.kecamatan) == "35.22.17"


def test_the_problems_place_not_the_callers_home(bojonegoro):
    s = bojonegoro.suggest(
        "Saya Pak Joko dari desa Sukorejo kecamatan Bojonegoro, mau lapor jalan di desa Kapas kecamatan "
        "Kapas rusak parah"
    )
    assert _sure(s.kecamatan) == "35.22.14" and _sure(s.desa) == "35.22.14.2011"
    # a desa said right before its kecamatan, without markers
    pair = bojonegoro.suggest("Mas, warga Gajah Baureno ini sudah seminggu airnya keruh kayak teh")
    assert _sure(pair.kecamatan) == "35.22.10" and pair.desa is not None and pair.desa.name == "Gajah"


def test_the_summary_is_the_complaint_itself(bojonegoro):
    s = bojonegoro.suggest(DEMO + ". Iya Bu, sudah lama ya Bu? Sudah lama Mas. Matur nuwun Mas.")
    assert s.summary.lower().startswith("jalan di depan balai desa rusak parah")
    assert "Sukorejo" in s.summary and len(s.summary) <= 140
    for not_complaint in ("Halo", "Siti", "Matur", "ya Bu"):
        assert not_complaint not in s.summary
    # only the caller's words and the gazetteer's place names
    said = set(spans.read(DEMO).words) | {"sukorejo", "bojonegoro"}
    assert {w for w in spans.read(s.summary).words} <= said


def test_greeting_intro_host_and_thanks_are_told_apart():
    t = spans.read(
        "Halo selamat pagi Mas, saya Bu Siti dari desa Sukorejo. Jalan rusak. Ada korban Bu? Terima kasih"
    )
    role = dict(zip(t.words, t.roles, strict=False))
    assert role["halo"] == spans.GREETING and role["siti"] == spans.INTRO and role["sukorejo"] == spans.INTRO
    assert (
        role["jalan"] == spans.COMPLAINT and role["korban"] == spans.HOST and role["terima"] == spans.THANKS
    )


def test_cli_answers_carry_a_summary():
    line = json.dumps({"text": DEMO})
    out = subprocess.run(
        [sys.executable, "-m", "radio_desk", "triage", "suggest", "--regency", "35.22", "--json",
         "--hints-only"],
        input=line + "\n", capture_output=True, text=True, timeout=120, check=True,
    )  # fmt: skip
    d = json.loads(out.stdout.splitlines()[0])
    assert d["categories"][0]["code"] == "jalan" and d["urgency"] in ("sedang", "tinggi")
    assert d["kecamatan"]["code"] == "35.22.15" and d["desa"]["code"] == "35.22.15.2003"
    assert "jalan" in d["summary"].lower() and "Sukorejo" in d["summary"]
