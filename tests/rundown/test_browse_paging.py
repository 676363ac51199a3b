"""The browser's keyset pages: every case exactly once, in the requested order, for any sort key."""

from __future__ import annotations

import pytest

from radio_desk.demo_data import seed_store
from radio_desk.domain import Urgency
from radio_desk.store import HL_START, CaseFilter, open_store
from radio_desk.store.browse import SORT_KEYS, browse_page


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = open_store(tmp_path_factory.mktemp("browse") / "b.sqlite3")
    seed_store(s, 120, seed=11)
    yield s
    s.close()


def _all(store, filters=None, **kw):
    rows, after = [], None
    while page := browse_page(store, filters, after=after, limit=17, **kw):
        rows += page
        after = page[-1].key
    return rows


@pytest.mark.parametrize("sort", sorted(SORT_KEYS))
@pytest.mark.parametrize("descending", [True, False])
def test_pages_cover_every_case_once_in_order(store, sort, descending):
    rows = _all(store, sort=sort, descending=descending)
    assert len(rows) == 120 and len({r.pk for r in rows}) == 120
    keys = [(r.key.value, r.pk) for r in rows]
    assert keys == sorted(keys, reverse=descending)


def test_filtered_search_pages_match_the_store(store):
    f = CaseFilter(text="air", urgency=Urgency.TINGGI)
    rows = _all(store, f)
    assert {r.id for r in rows} == {c.id for c in store.cases.list(f, limit=None)}
    assert rows and all(HL_START in r.snippet for r in rows)  # every hit shows why it matched
    anonim = [r for r in _all(store) if r.anonim]
    assert anonim and all(r.caller == "" for r in anonim)


def test_a_superseded_query_is_cancelled(store, monkeypatch):
    from radio_desk.store import browse
    from radio_desk.store.browse import QueryCancelled

    monkeypatch.setattr(browse, "PROGRESS_STEPS", 10)  # a small database finishes between checks

    with pytest.raises(QueryCancelled):
        browse_page(store, CaseFilter(text="air"), sort="summary", cancelled=lambda: True)
    # the connection is usable afterwards, without the handler
    assert len(browse_page(store, CaseFilter(text="air"), limit=5)) == 5


def test_snippet_marks_every_word_prefix_and_accents():
    from radio_desk.store.queries import make_snippet, search_terms
    from radio_desk.store.search import spans

    terms = search_terms('air "pdam mati" jal')
    assert terms == [("air", False), ("pdam", False), ("mati", False), ("jal", True)]
    text, marks = spans(make_snippet([None, "Air PDAM di Désa Jalanan mati tiga hari, air galon"], terms))
    assert [text[a:b] for a, b in marks] == ["Air", "PDAM", "Jalanan", "mati", "air"]
    long = " ".join(f"kata{i}" for i in range(60)) + " banjir " + " ".join(f"akhir{i}" for i in range(60))
    snip = make_snippet([long], search_terms("banjir"))
    assert snip.startswith("…") and snip.endswith("…") and len(snip.split()) <= 17
    assert make_snippet(["tidak cocok"], search_terms("banjir")) == ""


@pytest.mark.parametrize("descending", [True, False])
def test_date_walk_plan_gives_the_same_pages(store, monkeypatch, descending):
    """Many matches switch the plan to walking the date index: same rows, same order."""
    from radio_desk.store import queries

    f = CaseFilter(text="jalan", anonim=False)
    default = _all(store, f, descending=descending)
    monkeypatch.setattr(queries, "MANY_MATCHES", 0)
    walked = _all(store, f, descending=descending)
    assert [r.pk for r in walked] == [r.pk for r in default] and len(default) > 17
    assert [r.snippet for r in walked] == [r.snippet for r in default]


@pytest.mark.parametrize(
    "f", [CaseFilter(text="air"), CaseFilter(text="air", urgency=Urgency.TINGGI), CaseFilter(text="!!"), None]
)
def test_count_matches_the_store(store, f):
    from radio_desk.store.browse import count_cases

    assert count_cases(store, f) == store.cases.count(f)
