"""The console's monitoring and search pages over HTTP: who gets what, and what the page holds."""

from __future__ import annotations

import csv
import io
import re

from console_data import add_many, build, login


def test_monitoring_page_for_staff(env) -> None:  # type: ignore[no-untyped-def]
    build(env.app.state.sessionmaker)
    r = login(env, "koordinator", "coordinator").get("/console/monitoring?minggu=4")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert "<script" not in html and '<html lang="id">' in html
    assert "Per OPD" in html and "Per stasiun" in html and "Aduan lewat batas" in html
    assert "stasiun-a" in html and "stasiun-b" in html
    svgs = re.findall(r"<svg[^>]*role=\"img\"[^>]*>\s*<title id=\"(ct\d+)\">[^<]+</title><desc", html)
    assert len(svgs) >= 3  # trend, per OPD, per station (plus the sparklines)
    assert "Penelepon" not in html  # no caller names on the monitoring page
    assert 'action="/console/laporan-mingguan.pdf"' in html  # the regency PDF, from the console


def test_monitoring_csv(env) -> None:  # type: ignore[no-untyped-def]
    build(env.app.state.sessionmaker)
    admin = login(env, "admin", "admin")
    r = admin.get("/console/monitoring.csv")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "jenis" and {row[0] for row in rows[1:]} == {"opd", "stasiun"}
    late = admin.get("/console/monitoring.csv?isi=terlambat")
    assert late.status_code == 200 and late.content.decode("utf-8-sig").startswith("nomor;")
    assert admin.get("/console/monitoring.csv?isi=semua").status_code == 400


def test_station_sees_only_its_own_figures(env) -> None:  # type: ignore[no-untyped-def]
    build(env.app.state.sessionmaker)
    html = login(env, "stasiun-a", "station").get("/console/monitoring").text
    assert "stasiun-a" in html and "stasiun-b" not in html
    assert "laporan-mingguan.pdf" not in html  # staff only


def test_without_login_the_console_asks_to_sign_in(env) -> None:  # type: ignore[no-untyped-def]
    build(env.app.state.sessionmaker)
    for path in ("/console/monitoring", "/console/monitoring.csv", "/console/cari?q=jalan"):
        r = env.client.get(path, follow_redirects=False)
        assert r.status_code == 303 and r.headers["location"].startswith("/console/masuk"), path
        # an API key is not a console login
        r = env.client.get(path, headers=env.h(env.key_admin), follow_redirects=False)
        assert r.status_code == 303, path


def test_search_page(env) -> None:  # type: ignore[no-untyped-def]
    ids = build(env.app.state.sessionmaker)
    coord = login(env, "koordinator", "coordinator")
    html = coord.get("/console/cari?q=berlubang").text
    for n in (3, 6, 7):
        assert f"/console/aduan/{ids[n]}" in html
    assert "[RAHASIA]" in html
    html_a = login(env, "stasiun-a", "station").get("/console/cari?q=berlubang").text
    assert f"/console/aduan/{ids[6]}" in html_a and f"/console/aduan/{ids[3]}" not in html_a
    assert f"/console/aduan/{ids[7]}" not in html_a
    empty = coord.get("/console/cari?q=%22%27%3B")
    assert empty.status_code == 200 and "Kata pencarian tidak sah" in empty.text
    xss = coord.get("/console/cari?q=%3Cscript%3Ealert(1)%3C/script%3E")
    assert "<script>" not in xss.text and "&lt;script&gt;" in xss.text


def test_search_pages_through_many_hits(env) -> None:  # type: ignore[no-untyped-def]
    ids = build(env.app.state.sessionmaker)
    add_many(env.app.state.sessionmaker, ids[1], 30, "Banjir setinggi lutut nomor {i}")
    coord = login(env, "koordinator", "coordinator")
    first = coord.get("/console/cari?q=banjir").text
    assert first.count("/console/aduan/") == 25 and 'rel="next"' in first
    second = coord.get("/console/cari?q=banjir&halaman=2").text
    assert second.count("/console/aduan/") == 5 and 'rel="prev"' in second


def test_opd_officer_finds_only_its_forwarded_cases(env) -> None:  # type: ignore[no-untyped-def]
    from radio_desk.server.accounts import add_account
    from radio_desk.server.auth import Role

    ids = build(env.app.state.sessionmaker)
    with env.app.state.sessionmaker() as s:
        add_account(s, "petugas-dpu", Role.OPD, opd="dpubmpr")
        add_account(s, "petugas-dishub", Role.OPD, opd="dishub")
    dpu = login(env, "petugas-dpu", "opd")
    html = dpu.get("/console/cari?q=berlubang").text
    assert f"/console/aduan/{ids[3]}" in html and f"/console/aduan/{ids[6]}" in html
    assert f"/console/aduan/{ids[7]}" not in html  # rahasia, not forwarded
    assert "/console/aduan/" not in dpu.get("/console/cari?q=lampu").text  # dishub's case, and unsent
    dishub = login(env, "petugas-dishub", "opd")
    assert f"/console/aduan/{ids[4]}" in dishub.get("/console/cari?q=lampu").text
    mon = dishub.get("/console/monitoring").text
    assert "Dinas Perhubungan" in mon and "Dinas Pekerjaan Umum Bina Marga" not in mon
    assert dishub.get("/console/laporan-mingguan.pdf?dari=2026-11-01&sampai=2026-11-30").status_code == 403
