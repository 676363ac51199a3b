"""``/publik``: no login, never a name, phone, recording or rahasia case (asserted on the HTML)."""

from __future__ import annotations

import re

from console_data import ROWS, build

from radio_desk.server.models import ServiceRequest


def _prepare(env) -> dict[int, int]:  # type: ignore[no-untyped-def]
    done = {
        "caller_name": "Sutrisno Wibowo",
        "status_notes": "Sudah ditambal; Pak Sutrisno Wibowo dihubungi di 0812-3456-7890.",
    }
    anon = {
        "anonim": True,
        "caller_name": "Dewi Lestari",
        "status_notes": "Dewi minta dikabari, nomor +62 813 1111 2222",
    }
    secret = {"status_notes": "Tindak lanjut rahasia oleh inspektorat"}
    return build(env.app.state.sessionmaker, {5: done, 6: anon, 7: secret})


def _row(case_id: int) -> str:
    return f'<th scope="row">{case_id}</th>'


def _html(env, query: str = "") -> str:  # type: ignore[no-untyped-def]
    r = env.client.get("/publik" + query)
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/html")
    return r.text


def _assert_private_absent(html: str, ids: dict[int, int]) -> None:
    for name in ["Sutrisno", "Wibowo", "Dewi", "Lestari", *(f"Penelepon{n}" for n in range(1, 8))]:
        assert name not in html
    digits = re.sub(r"\D", "", html)
    for phone in ["81234567890", "8131111222", "6281200000"]:
        assert phone not in digits
    assert "inspektorat" not in html and "Pungutan" not in html and "takut" not in html
    assert _row(ids[7]) not in html  # the rahasia case's number
    for word in ("uploads", "audio", "<audio", ".flac", ".wav", "rekaman/"):
        assert word not in html.replace("rekaman suara tidak pernah ditampilkan", "")
    for row in ROWS:  # no summary text either (it may name people)
        assert row[8] not in html


def test_public_page_shows_the_open_cases_and_follow_up(env) -> None:  # type: ignore[no-untyped-def]
    ids = _prepare(env)
    html = _html(env)
    assert '<html lang="id">' in html and "<script" not in html
    assert "6 aduan" in html  # seven cases, one rahasia
    for n in (1, 2, 3, 4, 5, 6):
        assert _row(ids[n]) in html
    assert "Sudah ditambal" in html and "0812****890" in html  # the follow-up, number masked
    assert "[anonim]" in html  # the name removed from the follow-up text
    assert "Dinas Pekerjaan Umum Bina Marga dan Penataan Ruang" in html
    assert "Ngraho" in html  # kecamatan by name
    _assert_private_absent(html, ids)


def test_figures_per_opd_leave_out_rahasia(env) -> None:  # type: ignore[no-untyped-def]
    ids = _prepare(env)
    with env.app.state.sessionmaker() as s:
        secret = s.get(ServiceRequest, ids[7])
        secret.status, secret.opd = "diteruskan", "dishub"
        secret.forwarded_at = secret.requested_datetime
        s.commit()
    html = _html(env)
    row = re.search(r"<th scope=\"row\">Dinas Perhubungan</th>(.*?)</tr>", html, re.S)
    assert row is not None
    assert re.findall(r">(\d+)<", row.group(1)) == ["1", "1", "0"]  # its rahasia case not counted
    _assert_private_absent(html, ids)


def test_filters_and_paging(env) -> None:  # type: ignore[no-untyped-def]
    ids = _prepare(env)
    html = _html(env, "?status=selesai")
    assert "1 aduan" in html and _row(ids[5]) in html and _row(ids[3]) not in html
    html = _html(env, "?status=open&kecamatan=35.22.01&kategori=jalan")
    assert "5 aduan" in html
    assert "0 aduan" in _html(env, "?kecamatan=35.22.02")
    # paging: 45 more public cases → 51, three pages of 20
    from console_data import add_many, t

    add_many(env.app.state.sessionmaker, ids[1], 45, at=t(20, 8), caller_name="Rahmat Hidayat")
    first = _html(env)
    assert (
        "51 aduan" in first and "halaman 1 dari 3" in first and 'rel="next" href="/publik?halaman=2"' in first
    )
    last = _html(env, "?halaman=3")
    assert 'rel="prev" href="/publik?halaman=2"' in last and 'rel="next"' not in last
    assert last.count('<th scope="row">') == 11 + 2  # 11 cases + 2 OPD rows
    assert "Rahmat" not in first + last


def test_bad_filters_get_a_clear_message(env) -> None:  # type: ignore[no-untyped-def]
    _prepare(env)
    for query in ("?status=hilang", "?kategori=%3Cscript%3E", "?kecamatan=99", "?halaman=abc", "?halaman=0"):
        r = env.client.get("/publik" + query)
        assert r.status_code == 400, query
        assert "Filter tidak bisa dipakai" in r.text and "<script>" not in r.text
        assert "Traceback" not in r.text


def test_css_is_served_by_the_server(env) -> None:  # type: ignore[no-untyped-def]
    html = env.client.get("/publik").text
    assert 'href="/publik/gaya.css"' in html and "http" not in re.sub(r"https?://www\.w3\.org", "", html)
    r = env.client.get("/publik/gaya.css")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/css") and "body" in r.text


def test_figures_cache_expires() -> None:
    from radio_desk.server.public import FiguresCache

    calls = []
    cache = FiguresCache(seconds=60)
    assert cache.get("k", lambda: calls.append(1) or 1) == 1
    assert cache.get("k", lambda: calls.append(2) or 2) == 1 and calls == [1]
    stale = FiguresCache(seconds=0)
    stale.get("k", lambda: calls.append(3) or 3)
    assert stale.get("k", lambda: calls.append(4) or 4) == 4
