"""The web console on SQLite and PostgreSQL (the ``env`` fixture): the access matrix of every console
route for every role, CSRF refusals, login throttling, the idle timeout, cookies, the audit log."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import timedelta

import pytest
from console_helpers import PASSWORD, add_console_user, csrf_of, login, upload
from fastapi.testclient import TestClient
from server_helpers import Env, make_case
from sqlalchemy import select, update

from radio_desk.server.auth import Role
from radio_desk.server.models import AuditEntry, ConsoleSession, utcnow

SECRET_TEXT = "Rahasia: pungli di kantor desa Kapas"
CALLER = "Bu Sri"


@dataclass
class World:
    env: Env
    clients: dict[str, TestClient]
    c1: str  # station A, forwarded to dpubmpr (OPD A), rahasia
    c2: str  # station B, forwarded to dinkes (OPD B)
    c3: str  # station A, new, anonim, with a recording and a transcript


ROLES = {
    "stasiun-a": Role.STATION,
    "stasiun-b": Role.STATION,
    "pu-budi": Role.OPD,
    "dinkes-ani": Role.OPD,
    "koordinator": Role.COORDINATOR,
    "admin": Role.ADMIN,
}
OPDS = {"pu-budi": "dpubmpr", "dinkes-ani": "dinkes"}


@pytest.fixture
def world(env: Env) -> Iterator[World]:
    sm = env.app.state.sessionmaker
    for name, role in ROLES.items():
        add_console_user(sm, name, role, OPDS.get(name))
    [a1, a3] = env.post_cases(
        env.key_a,
        [
            make_case(rahasia=True, description=SECRET_TEXT),
            make_case(anonim=True, caller_name="Pak Anonim", description="Lampu jalan mati di Kapas"),
        ],
    )
    [b2] = env.post_cases(env.key_b, [make_case(description="Puskesmas tutup pagi")])
    for rid, opd in ((a1["service_request_id"], "dpubmpr"), (b2["service_request_id"], "dinkes")):
        env.set_status(rid, "terverifikasi")
        env.set_status(rid, "diteruskan", opd=opd, note="mohon segera")
    c3 = a3["service_request_id"]
    upload(env.client, env.key_a, c3, "audio", b"RIFF" + b"\0" * 60, "audio/wav")
    transcript = {"text": "Lampu jalan di depan balai desa mati sejak Senin.", "segments": []}
    upload(env.client, env.key_a, c3, "transcript", json.dumps(transcript).encode(), "application/json")
    clients: dict[str, TestClient] = {"publik": TestClient(env.app)}
    for name in ROLES:
        c = TestClient(env.app)
        r = login(c, name)
        assert r.status_code == 303, r.text
        clients[name] = c
    try:
        yield World(env, clients, a1["service_request_id"], b2["service_request_id"], c3)
    finally:
        for c in clients.values():
            c.close()


def _get(c: TestClient, path: str):  # type: ignore[no-untyped-def]
    return c.get(path, follow_redirects=False)


def _post_status(c: TestClient, w: World, rid: str, status: str, **extra):  # type: ignore[no-untyped-def]
    token = csrf_of(c.get("/console/masuk").text)  # any token: refused below when it is not the session's
    page = c.get(f"/console/aduan/{rid}", follow_redirects=False)
    if page.status_code == 200 and 'name="csrf"' in page.text:
        token = csrf_of(page.text)
    return c.post(
        f"/console/aduan/{rid}/status",
        data={"csrf": token, "status": status, **extra},
        follow_redirects=False,
    )


def test_access_matrix(world: World) -> None:
    w = world
    c1, c2, c3 = w.c1, w.c2, w.c3
    routes = [
        "/console/",
        "/console/antrian",
        "/console/opd",
        "/console/stasiun",
        "/console/audit",
        f"/console/aduan/{c1}",
        f"/console/aduan/{c2}",
        f"/console/aduan/{c3}",
        f"/console/aduan/{c3}/audio",
    ]
    expected = {
        "publik": [303] * 9,
        "stasiun-a": [303, 403, 403, 200, 403, 200, 403, 200, 403],  # anonim recording: staff only
        "stasiun-b": [303, 403, 403, 200, 403, 403, 200, 403, 403],
        "pu-budi": [303, 403, 200, 403, 403, 200, 403, 403, 403],
        "dinkes-ani": [303, 403, 200, 403, 403, 403, 200, 403, 403],
        "koordinator": [200, 200, 403, 403, 403, 200, 200, 200, 200],
        "admin": [200, 200, 403, 403, 200, 200, 200, 200, 200],
    }
    got = {who: [_get(w.clients[who], r).status_code for r in routes] for who in expected}
    assert got == expected

    public = w.clients["publik"]
    for r in routes:
        resp = _get(public, r)
        assert resp.headers["location"].startswith("/console/masuk")
        assert SECRET_TEXT not in resp.text and CALLER not in resp.text
    # OPD A's inbox has its case, never OPD B's; the case page has no caller of an anonim case
    inbox = w.clients["pu-budi"].get("/console/opd").text
    assert f"#{c1}" in inbox and f"#{c2}" not in inbox
    assert "Puskesmas tutup pagi" not in inbox
    station_list = w.clients["stasiun-a"].get("/console/stasiun").text
    assert f"#{c1}" in station_list and f"#{c3}" in station_list and f"#{c2}" not in station_list
    coord_page = w.clients["koordinator"].get(f"/console/aduan/{c3}").text
    assert "Pak Anonim" in coord_page and "balai desa mati sejak Senin" in coord_page
    assert f'src="/console/aduan/{c3}/audio"' in coord_page
    station_page = w.clients["stasiun-a"].get(f"/console/aduan/{c3}").text
    assert "Pak Anonim" not in station_page and "/audio" not in station_page
    assert "balai desa" in station_page  # the transcript of its own case
    assert w.clients["koordinator"].get(f"/console/aduan/{c3}/audio").content.startswith(b"RIFF")
    # the queue: new cases of all stations, oldest first, with their deadline
    queue = w.clients["koordinator"].get("/console/antrian").text
    assert f"#{c3}" in queue and ("sisa" in queue or "terlambat" in queue)
    # the navigation links the pages of the role (monitoring and search of the console-views modules too)
    assert 'href="/console/monitoring"' in queue and 'href="/console/cari"' in queue
    assert 'href="/console/audit"' not in queue
    assert 'href="/console/antrian"' not in inbox and 'href="/console/opd"' in inbox
    # static CSS is served by the server itself, to anyone
    css = _get(public, "/console/static/console.css")
    assert css.status_code == 200 and "text/css" in css.headers["content-type"]


def test_actions_follow_the_permission_rules(world: World) -> None:
    w = world
    # station: read-only in the console, even on its own case
    assert _post_status(w.clients["stasiun-a"], w, w.c3, "terverifikasi").status_code == 403
    # OPD B cannot act on OPD A's case; OPD A can
    assert _post_status(w.clients["dinkes-ani"], w, w.c1, "diproses").status_code == 403
    r = _post_status(w.clients["pu-budi"], w, w.c1, "diproses", note="tim berangkat")
    assert r.status_code == 303 and r.headers["location"].startswith(f"/console/aduan/{w.c1}")
    r = _post_status(w.clients["pu-budi"], w, w.c1, "selesai", note="Sudah diperbaiki")
    assert r.status_code == 303
    api = w.env.client.get(f"/open311/v2/requests/{w.c1}.json", headers=w.env.h(w.env.key_a)).json()[0]
    assert api["external_status_code"] == "selesai" and api["status_notes"] == "Sudah diperbaiki"
    # an illegal move is explained on the page (400), nothing changes
    bad = _post_status(w.clients["koordinator"], w, w.c1, "terverifikasi")
    assert bad.status_code == 400 and "tidak bisa diubah" in bad.text
    # OPD B hands its case back: it leaves its inbox and is verified again, without an OPD
    r = _post_status(w.clients["dinkes-ani"], w, w.c2, "bukan_wewenang", note="urusan jalan, bukan kesehatan")
    assert r.status_code == 303 and r.headers["location"].startswith("/console/opd")
    assert _get(w.clients["dinkes-ani"], f"/console/aduan/{w.c2}").status_code == 403
    assert f"#{w.c2}" in w.clients["koordinator"].get("/console/antrian").text
    # coordinator: duplicate of an original picked from the page, bulk verification
    coord = w.clients["koordinator"]
    r = _post_status(coord, w, w.c3, "duplikat", duplicate_of=w.c1)
    assert r.status_code == 303
    [n1, n2] = w.env.post_cases(w.env.key_b, [make_case(), make_case()])
    token = csrf_of(coord.get("/console/antrian").text)
    r = coord.post(
        "/console/antrian/massal",
        data={
            "csrf": token,
            "status": "terverifikasi",
            "id": [n1["service_request_id"], n2["service_request_id"]],
        },
        follow_redirects=False,
    )
    assert r.status_code == 303
    for n in (n1, n2):
        got = w.env.client.get(
            f"/open311/v2/requests/{n['service_request_id']}.json", headers=w.env.h(w.env.key_admin)
        ).json()[0]
        assert got["external_status_code"] == "terverifikasi"
    # every action is in the audit log, with who and from where
    with w.env.app.state.sessionmaker() as s:
        rows = list(s.scalars(select(AuditEntry).where(AuditEntry.action == "status")))
    assert {(r.actor, r.target) for r in rows} >= {
        ("pu-budi", f"aduan {w.c1}"),
        ("koordinator", f"aduan {w.c3}"),
    }
    assert all(r.address for r in rows)
    audit_page = w.clients["admin"].get("/console/audit").text
    assert "pu-budi" in audit_page and "masuk" in audit_page


def test_csrf_refusals(world: World) -> None:
    w = world
    coord = w.clients["koordinator"]
    for token in ("", "salah", csrf_of(w.clients["admin"].get("/console/antrian").text)):  # another session's
        r = coord.post(
            f"/console/aduan/{w.c3}/status", data={"csrf": token, "status": "ditolak", "note": "x"}
        )
        assert r.status_code == 403
        assert "Formulir ditolak" in r.text and "kedaluwarsa" in r.text
    api = w.env.client.get(f"/open311/v2/requests/{w.c3}.json", headers=w.env.h(w.env.key_admin)).json()[0]
    assert api["external_status_code"] == "baru"
    assert coord.post("/console/keluar", data={}).status_code == 403  # logout is a form too
    # the login form has its own token (a cookie and the form must match)
    fresh = TestClient(w.env.app)
    r = fresh.post("/console/masuk", data={"name": "admin", "password": PASSWORD, "csrf": "x"})
    assert r.status_code == 403
    with w.env.app.state.sessionmaker() as s:
        assert s.scalar(select(AuditEntry).where(AuditEntry.action == "csrf_ditolak")) is not None


def test_login_throttling(env: Env) -> None:
    sm = env.app.state.sessionmaker
    add_console_user(sm, "koordinator", Role.COORDINATOR)
    add_console_user(sm, "admin", Role.ADMIN)
    env.app.state.login_throttle.base_delay = 1.0
    c = TestClient(env.app)
    for _ in range(5):
        r = login(c, "koordinator", "salah-sandi-xx")
        assert r.status_code == 401 and "salah" in r.text
    r = login(c, "koordinator")  # the right password, but too soon
    assert r.status_code == 429 and "Coba lagi dalam" in r.text
    r = login(c, "admin")  # the same address, another account: also held
    assert r.status_code == 429
    time.sleep(1.2)  # a fixed time on purpose: the 1 s throttle delay itself must pass (polling would log in)
    assert login(c, "koordinator").status_code == 303  # after the delay, and the count is cleared
    # a growing delay: failures 6 and 7 double it
    d = env.app.state.login_throttle
    assert d.delay(4) == 0 and d.delay(5) == 1.0 and d.delay(6) == 2.0 and d.delay(7) == 4.0
    with sm() as s:
        actions = [a for (a,) in s.execute(select(AuditEntry.action))]
    assert actions.count("masuk_gagal") == 5 and "masuk_ditahan" in actions and "masuk" in actions
    # no password in the audit log
    with sm() as s:
        assert all("salah-sandi" not in (e.detail + e.actor) for e in s.scalars(select(AuditEntry)))


def test_session_idle_timeout_logout_and_cookie(env: Env) -> None:
    sm = env.app.state.sessionmaker
    add_console_user(sm, "koordinator", Role.COORDINATOR)
    c = TestClient(env.app)
    r = login(c, "koordinator")
    cookie = r.headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie and "Secure" not in cookie
    assert _get(c, "/console/antrian").status_code == 200
    with sm() as s:  # 31 minutes without a request (the default idle limit is 30)
        s.execute(update(ConsoleSession).values(last_seen=utcnow() - timedelta(minutes=31)))
        s.commit()
    r = _get(c, "/console/antrian")
    assert r.status_code == 303 and r.headers["location"] == "/console/masuk?pesan=berakhir"
    assert "berakhir" in c.get("/console/masuk?pesan=berakhir").text
    with sm() as s:
        assert s.scalar(select(ConsoleSession)) is None
    # logout ends the session on the server
    login(c, "koordinator")
    token = csrf_of(c.get("/console/antrian").text)
    assert c.post("/console/keluar", data={"csrf": token}, follow_redirects=False).status_code == 303
    assert _get(c, "/console/antrian").status_code == 303
    # behind a TLS proxy (setting) the cookie is Secure
    env.settings.behind_tls = True
    try:
        assert (
            "Secure"
            in login(TestClient(env.app, base_url="https://testserver"), "koordinator").headers["set-cookie"]
        )
    finally:
        env.settings.behind_tls = False


def test_new_password_ends_open_sessions(env: Env) -> None:
    sm = env.app.state.sessionmaker
    add_console_user(sm, "koordinator", Role.COORDINATOR)
    c = TestClient(env.app)
    login(c, "koordinator")
    assert _get(c, "/console/antrian").status_code == 200
    add_console_user(sm, "koordinator", Role.COORDINATOR)  # the password set again
    assert _get(c, "/console/antrian").status_code == 303


def test_follow_up_photo(world: World) -> None:
    w = world
    opd = w.clients["pu-budi"]
    page = opd.get(f"/console/aduan/{w.c1}").text
    png = b"\x89PNG\r\n\x1a\n" + b"\0" * (2 * 1024 * 1024)  # 2 MB: over the API's 1 MiB body limit
    r = opd.post(
        f"/console/aduan/{w.c1}/status",
        data={"csrf": csrf_of(page), "status": "selesai", "note": "Ditambal, foto terlampir"},
        files={"foto": ("hasil.png", png, "image/png")},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    page = opd.get(f"/console/aduan/{w.c1}").text
    src = page.split(f'src="/console/aduan/{w.c1}/foto/')[1].split('"')[0]
    photo = f"/console/aduan/{w.c1}/foto/{src}"
    assert opd.get(photo).content == png
    assert w.clients["koordinator"].get(photo).status_code == 200
    assert _get(w.clients["dinkes-ani"], photo).status_code == 403
    assert _get(w.clients["publik"], photo).status_code == 303
    # a file that is not a picture is refused with a message, and the status stays
    page = w.clients["dinkes-ani"].get(f"/console/aduan/{w.c2}").text
    r = w.clients["dinkes-ani"].post(
        f"/console/aduan/{w.c2}/status",
        data={"csrf": csrf_of(page), "status": "selesai", "note": "x"},
        files={"foto": ("a.exe", b"MZ", "application/x-msdownload")},
    )
    assert r.status_code == 400 and "JPEG, PNG atau WebP" in r.text
