"""Helpers of the console tests: accounts with passwords, signing in, the CSRF token of a page, uploads."""

from __future__ import annotations

import hashlib
import re

import httpx

from radio_desk.server.accounts import add_account, set_password
from radio_desk.server.auth import Role

PASSWORD = "sandi-uji-konsol-2026"
CSRF_RE = re.compile(r'name="csrf" value="([^"]+)"')


def add_console_user(sessionmaker, name: str, role: Role, opd: str | None = None, **kw) -> str:  # type: ignore[no-untyped-def]
    """Create (if needed) the account and give it the console password; return its API key (or "")."""
    with sessionmaker() as s:
        key = ""
        from sqlalchemy import select

        from radio_desk.server.models import Account

        if s.scalar(select(Account).where(Account.name == name)) is None:
            key = add_account(s, name, role, opd, **kw)
        set_password(s, name, PASSWORD, {role})
    return key


def csrf_of(html: str) -> str:
    m = CSRF_RE.search(html)
    assert m, "no CSRF token in the page"
    return m.group(1)


def login(client: httpx.Client, name: str, password: str = PASSWORD) -> httpx.Response:
    """Sign in with ``client`` (a TestClient or an httpx.Client on a live server); the redirect is
    returned, not followed."""
    form = client.get("/console/masuk")
    assert form.status_code == 200
    return client.post(
        "/console/masuk",
        data={"name": name, "password": password, "csrf": csrf_of(form.text)},
        follow_redirects=False,
    )


def upload(client: httpx.Client, key: str, rid: str, kind: str, data: bytes, content_type: str) -> None:
    """A whole file through the resumable upload API, as the desk's sync sends it."""
    h = {"X-API-Key": key}
    spec = {
        "kind": kind,
        "filename": "rekaman.wav" if kind == "audio" else "transkrip.json",
        "length": len(data),
        "sha256": hashlib.sha256(data).hexdigest(),
        "content_type": content_type,
    }
    r = client.post(f"/api/v1/requests/{rid}/uploads", json=spec, headers=h)
    assert r.status_code in (200, 201), r.text
    location = r.headers["location"]
    r = client.patch(
        location,
        content=data,
        headers={**h, "Upload-Offset": "0", "Content-Type": "application/offset+octet-stream"},
    )
    assert r.status_code == 204, r.text
