"""Full-text search (PostgreSQL FTS / SQLite FTS5): what it finds, and what each principal may find."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from console_data import build
from sqlalchemy import select

from radio_desk.server.auth import Principal, Role
from radio_desk.server.models import Account
from radio_desk.server.search import PG_DOCUMENT, search_cases, visibility


@dataclass(frozen=True)
class OpdPrincipal(Principal):
    """An OPD officer as the console's login gives it (role "opd", one OPD code)."""

    opd: str | None = None


def _station(env, name: str) -> Principal:  # type: ignore[no-untyped-def]
    with env.app.state.sessionmaker() as s:
        a = s.scalar(select(Account).where(Account.name == name))
        return Principal(a.id, a.name, Role.STATION)


def _ids(env, principal: Principal, query: str) -> set[int]:  # type: ignore[no-untyped-def]
    with env.app.state.sessionmaker() as s:
        return {h.id for h in search_cases(s, principal, query).hits}


ADMIN = Principal(1, "admin", Role.ADMIN)


def test_finds_words_and_prefixes(env) -> None:  # type: ignore[no-untyped-def]
    ids = build(env.app.state.sessionmaker)
    assert _ids(env, ADMIN, "berlubang") == {ids[3], ids[6], ids[7]}
    assert _ids(env, ADMIN, "jalan berlubang") == {ids[3], ids[6]}  # every word
    assert _ids(env, ADMIN, "BERLUB") == {ids[3], ids[6], ids[7]}  # prefix, any case
    assert _ids(env, ADMIN, "ditambal") == {ids[5]}  # the follow-up text is searched
    assert _ids(env, ADMIN, "Penelepon3") == set()  # never the caller's name
    assert _ids(env, ADMIN, "takut") == set()  # nor the internal notes
    assert _ids(env, ADMIN, f"#{ids[2]}") == {ids[2]}  # a case number


@pytest.mark.parametrize("query", ["'", '"', "a:* & !", "); DROP TABLE account; --", "*", "OR", "\\"])
def test_query_syntax_never_reaches_the_engine(env, query: str) -> None:  # type: ignore[no-untyped-def]
    build(env.app.state.sessionmaker)
    with env.app.state.sessionmaker() as s:
        result = search_cases(s, ADMIN, query)
        assert s.scalar(select(Account.id).limit(1)) is not None
    assert result.hits == [] and result.message


def test_new_and_edited_cases_are_indexed(env) -> None:  # type: ignore[no-untyped-def]
    from radio_desk.server.models import ServiceRequest

    ids = build(env.app.state.sessionmaker)
    with env.app.state.sessionmaker() as s:
        req = s.get(ServiceRequest, ids[2])
        req.description = "Tumpukan sampah di Pasar Banjarejo"
        s.commit()
    assert _ids(env, ADMIN, "banjarejo") == {ids[2]}
    assert _ids(env, ADMIN, "kota") == set()


def test_each_principal_finds_only_what_it_may_see(env) -> None:  # type: ignore[no-untyped-def]
    ids = build(env.app.state.sessionmaker)
    a, b = _station(env, "stasiun-a"), _station(env, "stasiun-b")
    assert _ids(env, a, "berlubang") == {ids[6]}
    assert _ids(env, b, "berlubang") == {ids[3], ids[7]}  # its own rahasia case
    assert _ids(env, OpdPrincipal(9, "dpu", "opd", "dpubmpr"), "berlubang") == {ids[3], ids[6]}
    assert _ids(env, OpdPrincipal(9, "dpu", "opd", "dpubmpr"), "lampu") == set()  # dishub's and unsent
    assert _ids(env, OpdPrincipal(10, "dishub", "opd", "dishub"), "lampu") == {ids[4]}
    assert _ids(env, OpdPrincipal(11, "x", "opd", None), "berlubang") == set()
    assert _ids(env, Principal(None, "publik", None), "berlubang") == {ids[3], ids[6]}  # no rahasia
    assert ids[7] in _ids(env, Principal(2, "k", Role.COORDINATOR), "rahasia")


def test_snippet_hides_an_anonim_name_from_others(env) -> None:  # type: ignore[no-untyped-def]
    from radio_desk.server.models import ServiceRequest

    ids = build(env.app.state.sessionmaker)
    with env.app.state.sessionmaker() as s:
        req = s.get(ServiceRequest, ids[3])
        req.anonim = True
        req.caller_name = "Siti Aminah"
        req.description = "Siti Aminah melapor jalan berlubang, hubungi 081234567890"
        s.commit()
        opd = OpdPrincipal(9, "dpu", "opd", "dpubmpr")
        hit = next(h for h in search_cases(s, opd, "berlubang").hits if h.id == ids[3])
        staff_hit = next(h for h in search_cases(s, ADMIN, "berlubang").hits if h.id == ids[3])
    assert "Siti" not in hit.snippet and "Aminah" not in hit.snippet and "081234567890" not in hit.snippet
    assert "Siti Aminah" in staff_hit.snippet


def test_visibility_is_one_clause_per_principal() -> None:
    assert str(visibility(ADMIN)) == "true"
    assert "rahasia" in str(visibility(Principal(None, "publik", None)))


def test_migration_indexes_the_expression_searched() -> None:
    import importlib

    mig = importlib.import_module("radio_desk.server.migrations.versions.0003_search_index")
    assert mig.PG_DOCUMENT == PG_DOCUMENT
    assert (mig.revision, mig.down_revision) == ("0003", "0002")


def test_postgres_uses_the_index(env) -> None:  # type: ignore[no-untyped-def]
    if env.app.state.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL only")
    from sqlalchemy import text

    build(env.app.state.sessionmaker)
    with env.app.state.engine.connect() as c:
        c.execute(text("SET enable_seqscan = off"))
        plan = "\n".join(
            r[0]
            for r in c.execute(
                text(
                    "EXPLAIN SELECT id FROM service_request "
                    f"WHERE {PG_DOCUMENT} @@ to_tsquery('simple', 'jalan:*')"
                )
            )
        )
    assert "ix_service_request_fts" in plan


def test_an_opd_finds_the_rahasia_case_forwarded_to_it_and_nobody_else_does(env) -> None:  # type: ignore[no-untyped-def]
    """The OPD must act on a rahasia case forwarded to it: its inbox, search and figures agree."""
    from datetime import UTC, datetime

    from radio_desk.server.models import ServiceRequest

    ids = build(env.app.state.sessionmaker)
    with env.app.state.sessionmaker() as s:
        req = s.get(ServiceRequest, ids[7])
        req.status, req.opd = "diteruskan", "dishub"
        req.verified_at = req.forwarded_at = datetime(2026, 11, 11, 8, tzinfo=UTC)
        s.commit()
    assert ids[7] in _ids(env, OpdPrincipal(10, "dishub", "opd", "dishub"), "pungutan")
    assert _ids(env, OpdPrincipal(9, "dpu", "opd", "dpubmpr"), "pungutan") == set()
    assert _ids(env, Principal(None, "publik", None), "pungutan") == set()
    assert _ids(env, _station(env, "stasiun-a"), "pungutan") == set()
