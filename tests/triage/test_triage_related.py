"""Repeat callers and possible duplicates."""

from __future__ import annotations

from datetime import timedelta

from radio_desk.domain.models import Case, utcnow
from radio_desk.triage.related import possible_duplicates, repeat_caller, similarity

DESA = "35.22.16.2020"


def _case(summary, days_ago=1, desa=DESA, category="jalan", phone=None):
    return Case(
        summary=summary, desa_code=desa, category=category, phone=phone,
        received_at=utcnow() - timedelta(days=days_ago),
    )  # fmt: skip


def test_similarity_ignores_affixes_and_function_words():
    sim, words = similarity("jalan di leran rusak berlubang", "lubang di jalan leran makin parah, rusaknya")
    assert sim > 0.5 and "lubang" in words
    assert similarity("yang dan di ke", "yang dan di ke")[0] == 0.0
    assert similarity("", "jalan rusak")[0] == 0.0


def test_possible_duplicates_same_desa_category_recent_and_similar():
    text = "jalan utama desa leran berlubang besar dekat masjid"
    same = _case("lubang besar di jalan utama leran dekat masjid", days_ago=3)
    old = _case("lubang besar di jalan utama leran dekat masjid", days_ago=45)
    other_desa = _case("lubang besar di jalan utama dekat masjid", desa="35.22.16.2001")
    other_cat = _case("lubang besar di jalan utama leran dekat masjid", category="drainase")
    unrelated = _case("jembatan kayu di ujung dusun lapuk", days_ago=2)
    found = possible_duplicates(
        text, DESA, "jalan", [(c, "") for c in (same, old, other_desa, other_cat, unrelated)]
    )
    assert [r.case.id for r in found] == [same.id]
    assert found[0].similarity >= 0.35 and "lubang" in found[0].shared_words


def test_no_duplicates_without_place_or_category():
    c = _case("jalan rusak")
    assert possible_duplicates("jalan rusak", None, "jalan", [(c, "")]) == []
    assert possible_duplicates("jalan rusak", DESA, None, [(c, "")]) == []


def test_the_case_itself_is_not_its_own_duplicate():
    c = _case("jalan rusak parah berlubang")
    assert possible_duplicates("jalan rusak parah berlubang", DESA, "jalan", [(c, "")], exclude=c.id) == []


def test_repeat_caller_newest_first_excluding_current():
    a = _case("satu", days_ago=10, phone="+6281234567890")
    b = _case("dua", days_ago=2, phone="+6281234567890")
    c = _case("tiga", days_ago=1, phone="+6289999999999")
    now = _case("baru", days_ago=0, phone="+6281234567890")
    got = repeat_caller("+6281234567890", [a, b, c, now], exclude=now.id)
    assert [x.summary for x in got] == ["dua", "satu"]
    assert repeat_caller(None, [a]) == []
