"""The shipped call sets (resources/triage/calls_*.jsonl): present, well-formed, codes that exist."""

from __future__ import annotations

import json
from collections import Counter

import pytest

from radio_desk.domain.enums import Urgency
from radio_desk.domain.gazetteer import get_gazetteer
from radio_desk.errors import ValidationError
from radio_desk.triage.callset import (
    CALL_REGENCY,
    call_set_path,
    load_calls,
    normalize_words,
    summary_hit,
    term_found,
)

MINIMUM = {
    "dev": 170,
    "dev2": 120,
    "dev3": 150,
    "dev4": 160,
    "dev5": 120,
    "heldout": 70,
    "heldout2": 120,
    "heldout3": 150,
    "heldout4": 170,
}


@pytest.fixture(scope="module")
def sets(taxonomy):
    return {name: load_calls(call_set_path(name), taxonomy) for name in MINIMUM}


@pytest.mark.parametrize("name", sorted(MINIMUM))
def test_call_set_is_big_enough_and_covers_every_category(sets, taxonomy, name):
    calls = sets[name]
    assert len(calls) >= MINIMUM[name]
    cats = Counter(c.category for c in calls)
    if name == "dev":
        assert set(cats) == set(taxonomy.categories)
    assert cats["darurat"] >= 8
    assert sum(c.urgency is Urgency.DARURAT for c in calls) >= 8
    assert {Urgency.RENDAH, Urgency.SEDANG, Urgency.TINGGI} <= {c.urgency for c in calls}
    # named and unnamed places, desa named with and without the kecamatan's say
    assert sum(c.desa is not None for c in calls) >= len(calls) // 3
    assert sum(c.kecamatan is None for c in calls) >= 10
    tags = Counter(t for c in calls for t in c.tags)
    for tag in ("asr", "jawa", "home_diff", "common_word"):
        assert tags[tag] >= 3, tag
    assert tags["sms"] + tags["whatsapp"] >= 3


@pytest.mark.parametrize("name", sorted(MINIMUM))
def test_codes_exist_and_places_are_in_the_regency(sets, taxonomy, name):
    gaz = get_gazetteer()
    for c in sets[name]:
        assert c.category in taxonomy.categories
        if c.kecamatan:
            kec = gaz.get(c.kecamatan)
            assert kec.level == "district" and kec.parent_code == CALL_REGENCY
        if c.desa:
            assert gaz.get(c.desa).parent_code == c.kecamatan


@pytest.mark.parametrize("name", sorted(MINIMUM))
def test_summary_terms_can_be_taken_from_the_call_itself(sets, name):
    """An extractive summary can name them: every term (an alternative of it) is in the transcript,
    and the place term is the labelled desa (or kecamatan) name."""
    gaz = get_gazetteer()
    for c in sets[name]:
        assert summary_hit(c.text, c.summary_terms), c.id
        if c.kecamatan:
            place = gaz.name(c.desa or c.kecamatan).lower()
            assert place in c.summary_terms[1].lower().split("|"), c.id


def test_the_sets_do_not_share_calls(sets):
    names = sorted(sets)
    for i, a in enumerate(names):
        for b in names[i + 1 :]:
            assert not {c.id for c in sets[a]} & {c.id for c in sets[b]}, (a, b)
            assert not {c.text.lower() for c in sets[a]} & {c.text.lower() for c in sets[b]}, (a, b)


def test_calls_are_not_filled_in_templates(sets):
    """Varied wording: no run of five words recurs in more than four calls of all the sets."""
    runs: Counter[str] = Counter()
    for c in [c for name in sorted(sets) for c in sets[name]]:
        words = normalize_words(c.text)
        runs.update({" ".join(words[i : i + 5]) for i in range(len(words) - 4)})
    assert runs.most_common(1)[0][1] <= 4, runs.most_common(3)


def test_dev3_has_the_voices_the_other_sets_lack(sets):
    """dev3 was written for what dev/dev2 miss: passing mentions of other places, the host naming a
    place, two complaints with the main one said, older callers, long calls, other regions' speech."""
    calls = sets["dev3"]
    tags = Counter(t for c in calls for t in c.tags)
    for tag in ("passing_place", "host_place", "multi_main", "elder", "long", "number_street"):
        assert tags[tag] >= 2, tag
    assert tags["krama"] >= 5 and tags["ngoko"] >= 5
    assert tags["suroboyoan"] + tags["betawi"] + tags["sunda"] + tags["madura"] >= 5
    # common words that are desa names, used both as the place and in their ordinary sense
    common = [c for c in calls if "common_word" in c.tags]
    assert sum(c.desa is not None for c in common) >= 10
    assert sum(c.kecamatan is None for c in common) >= 8


def test_dev4_has_the_voices_it_was_written_for(sets):
    """dev4 was written blind, as a coordinator hears calls: the caller's home apart from the problem's
    place, the host asking the place, split or misheard names, emergencies told without the obvious
    words and alarming words on ordinary complaints, kecamatan said bare, and about 15% with no place."""
    calls = sets["dev4"]
    tags = Counter(t for c in calls for t in c.tags)
    for tag in ("home_diff", "host_questions", "split_desa", "late_place", "kec_bare", "village_words"):
        assert tags[tag] >= 5, tag
    for tag in ("emergency_plain", "alarm_words", "sms", "whatsapp", "thanks", "greet"):
        assert tags[tag] >= 5, tag
    plain = [c for c in calls if "emergency_plain" in c.tags]
    assert all("darurat" not in c.text.lower() for c in plain)
    alarm = [c for c in calls if "alarm_words" in c.tags]
    assert any(c.urgency is not Urgency.DARURAT for c in alarm)
    common = [c for c in calls if "common_word" in c.tags]
    assert sum(c.desa is not None for c in common) >= 10
    assert sum(c.kecamatan is None for c in common) >= 5
    assert 0.12 <= sum(c.kecamatan is None for c in calls) / len(calls) <= 0.20
    assert len({c.kecamatan for c in calls if c.kecamatan}) >= 25


def test_dev5_has_what_it_was_written_for(sets):
    """dev5 (round 6) is about urgency: emergencies happening now told without the word "darurat",
    alarming calls that are no emergency now, personal matters placed at the caller's home, no place."""
    calls = sets["dev5"]
    tags = Counter(t for c in calls for t in c.tags)
    plain = [c for c in calls if "emergency_plain" in c.tags]
    assert len(plain) >= 30 and all(c.urgency is Urgency.DARURAT and c.category == "darurat" for c in plain)
    assert all("darurat" not in c.text.lower() for c in plain)
    alarm = [c for c in calls if "alarm_words" in c.tags]
    assert len(alarm) >= 40 and all(c.urgency is not Urgency.DARURAT for c in alarm)
    for tag in ("past_event", "near_miss", "feared", "over", "aid_after", "krama", "ngoko"):
        assert tags[tag] >= 2, tag
    home = [c for c in calls if "personal_home" in c.tags]
    assert len(home) >= 15 and all(c.kecamatan for c in home)  # the convention: home is the place
    assert sum(c.kecamatan is None for c in calls) >= 15


def test_term_matching():
    assert term_found("jalan", "Jalannya rusak di Sukorejo")
    assert not term_found("jalan", "perjalanan ke kota")
    assert term_found("dalane|jalan", "dalane bolong")
    assert term_found("sukorejo", "desa Suko rejo", place=True)
    assert not term_found("sukorejo", "desa Suko rejo")
    assert summary_hit("Jalan rusak di Desa Sukorejo", ("jalan", "sukorejo"))
    assert not summary_hit("Jalan rusak", ("jalan", "sukorejo"))
    assert not summary_hit(None, ("jalan",))


def _line(**over) -> str:
    row = {
        "id": "x1",
        "text": "jalan rusak di desa leran",
        "category": "jalan",
        "urgency": "sedang",
        "kecamatan": "35.22.16",
        "desa": None,
        "summary_terms": ["jalan", "kalitidu"],
    }
    row.update(over)
    return json.dumps({k: v for k, v in row.items() if v is not ...})


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (["{not json"], "bukan JSON"),
        ([_line(summary_terms=...)], "summary_terms tidak ada"),
        ([_line(category="jalanan")], "kategori .jalanan. tidak ada"),
        ([_line(urgency="penting")], "urgensi .penting. tidak dikenal"),
        ([_line(kecamatan="35.22.99")], "tidak ada di gazetir"),
        ([_line(desa="35.22.15.2003")], "tidak berada di Kecamatan Kalitidu"),
        ([_line(kecamatan="35.13.01", summary_terms=["jalan", "x"])], "tidak berada di kabupaten"),
        ([_line(kecamatan=None, desa="35.22.16.2001")], "desa diisi tanpa kecamatan"),
        ([_line(summary_terms=["jalan"])], "harus memuat tempat"),
        ([_line(), _line(text="lain")], "id x1 sudah dipakai"),
        ([_line(), _line(id="x2", text="Jalan rusak, di desa Leran!")], "teks yang sama"),
    ],
)
def test_bad_call_sets_are_refused_with_a_clear_message(tmp_path, taxonomy, lines, message):
    path = tmp_path / "calls.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.raises(ValidationError, match=message):
        load_calls(path, taxonomy)


def test_unknown_set_name_and_missing_file(tmp_path, taxonomy):
    with pytest.raises(ValidationError, match="tidak dikenal"):
        call_set_path("test")
    with pytest.raises(ValidationError, match="tidak bisa dibaca"):
        load_calls(tmp_path / "nope.jsonl", taxonomy)
