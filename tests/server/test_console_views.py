"""The console's monitoring and search pages over HTTP: who gets what, and what the page holds."""

from __future__ import annotations

import csv
import io
import re

from console_data import build

from radio_desk.server.models import ServiceRequest


def test_monitoring_page_for_staff(env) -> None:  # type: ignore[no-untyped-def]
    build(env.app.state.sessionmaker)
    r = env.client.get("/console/monitoring?minggu=4", headers=env.h(env.key_coord))
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    html = r.text
    assert "<script" not in html and '<html lang="id">' in html
    assert "Per OPD" in html and "Per stasiun" in html and "Aduan lewat batas" in html
    assert "stasiun-a" in html and "stasiun-b" in html
    svgs = re.findall(r"<svg[^>]*role=\"img\"[^>]*>\s*<title id=\"(ct\d+)\">[^<]+</title><desc", html)
    assert len(svgs) >= 3  # trend, per OPD, per station (plus the sparklines)
    assert "Penelepon" not in html  # no caller names on the monitoring page


def test_monitoring_csv(env) -> None:  # type: ignore[no-untyped-def]
    build(env.app.state.sessionmaker)
    r = env.client.get("/console/monitoring.csv", headers=env.h(env.key_admin))
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")
    assert "attachment" in r.headers["content-disposition"]
    rows = list(csv.reader(io.StringIO(r.content.decode("utf-8-sig")), delimiter=";"))
    assert rows[0][0] == "jenis" and {row[0] for row in rows[1:]} == {"opd", "stasiun"}
    late = env.client.get("/console/monitoring.csv?isi=terlambat", headers=env.h(env.key_admin))
    assert late.status_code == 200 and late.content.decode("utf-8-sig").startswith("nomor;")
    assert (
        env.client.get("/console/monitoring.csv?isi=semua", headers=env.h(env.key_admin)).status_code == 400
    )


def test_station_sees_only_its_own_figures(env) -> None:  # type: ignore[no-untyped-def]
    build(env.app.state.sessionmaker)
    html = env.client.get("/console/monitoring", headers=env.h(env.key_a)).text
    assert "stasiun-a" in html and "stasiun-b" not in html


def test_public_is_refused_and_logged(env, caplog) -> None:  # type: ignore[no-untyped-def]
    for path in ("/console/monitoring", "/console/monitoring.csv", "/console/cari?q=jalan"):
        with caplog.at_level("WARNING", logger="radio_desk.server.security"):
            r = env.client.get(path)
        assert r.status_code == 403, path
        assert "masuk" in r.text.lower()
    assert any("not logged in" in rec.getMessage() for rec in caplog.records)


def test_search_page(env) -> None:  # type: ignore[no-untyped-def]
    ids = build(env.app.state.sessionmaker)
    html = env.client.get("/console/cari?q=berlubang", headers=env.h(env.key_coord)).text
    for n in (3, 6, 7):
        assert f"/console/aduan/{ids[n]}" in html
    assert "[RAHASIA]" in html
    html_a = env.client.get("/console/cari?q=berlubang", headers=env.h(env.key_a)).text
    assert f"/console/aduan/{ids[6]}" in html_a and f"/console/aduan/{ids[3]}" not in html_a
    assert f"/console/aduan/{ids[7]}" not in html_a
    empty = env.client.get("/console/cari?q=%22%27%3B", headers=env.h(env.key_coord))
    assert empty.status_code == 200 and "Kata pencarian tidak sah" in empty.text
    xss = env.client.get("/console/cari?q=%3Cscript%3Ealert(1)%3C/script%3E", headers=env.h(env.key_coord))
    assert "<script>" not in xss.text and "&lt;script&gt;" in xss.text


def test_search_pages_through_many_hits(env) -> None:  # type: ignore[no-untyped-def]
    ids = build(env.app.state.sessionmaker)
    with env.app.state.sessionmaker() as s:
        base = s.get(ServiceRequest, ids[1])
        for i in range(30):
            s.add(
                ServiceRequest(
                    case_uuid=f"00000000-0000-4000-8000-{i:012d}", token=f"tok{i:029d}",
                    station_id=base.station_id, service_code="jalan", status="baru", channel="on_air",
                    urgency="sedang", description=f"Banjir setinggi lutut nomor {i}", notes="",
                    anonim=False, rahasia=False, requested_datetime=base.requested_datetime,
                    created_at=base.requested_datetime, updated_datetime=base.requested_datetime,
                )
            )  # fmt: skip
        s.commit()
    first = env.client.get("/console/cari?q=banjir", headers=env.h(env.key_coord)).text
    assert first.count("/console/aduan/") == 25 and 'rel="next"' in first
    second = env.client.get("/console/cari?q=banjir&halaman=2", headers=env.h(env.key_coord)).text
    assert second.count("/console/aduan/") == 5 and 'rel="prev"' in second
