"""Console sign-in: argon2id passwords, server-side sessions behind an HttpOnly SameSite=Lax cookie
(Secure over https or behind a TLS proxy), a CSRF token on every form, login throttling and the idle
timeout. Other console modules use :data:`ConsoleUserDep`, :func:`require_roles` and
:func:`check_csrf` from here.

Throttling: after 5 failed logins for one account, or from one address, each further attempt must wait
``login_delay_seconds`` × 2^(failures − 5) (capped at 15 minutes) after the last failure — refused with
HTTP 429 until then, even with the right password. A successful login clears the account's and the
address's count. The counts live in the server process (one server process per regency).
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Annotated

from fastapi import Depends, Request
from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from radio_desk.errors import RadioDeskError
from radio_desk.server import audit
from radio_desk.server.auth import Principal, Role
from radio_desk.server.config import ServerSettings
from radio_desk.server.deps import SessionDep, client_address, principal_of
from radio_desk.server.models import Account, ConsoleSession, utcnow
from radio_desk.server.passwords import verify_password

log = logging.getLogger("radio_desk.server.security")

COOKIE = "rd_konsol"
LOGIN_CSRF_COOKIE = "rd_konsol_masuk"
FREE_FAILURES = 5
MAX_DELAY_SECONDS = 15 * 60


class LoginRequired(RadioDeskError):
    """No (or an expired) console session: the handler redirects to the login page."""

    def __init__(self, message: str = "", *, expired: bool = False) -> None:
        super().__init__(message or "Silakan masuk.")
        self.expired = expired


class ConsoleForbidden(RadioDeskError):
    """Signed in, but this page or action is not for this role (an HTML 403)."""


class CsrfError(RadioDeskError):
    """A form without the session's CSRF token (an HTML 403)."""


class Throttled(RadioDeskError):
    def __init__(self, wait: int) -> None:
        super().__init__(
            f"Terlalu banyak percobaan masuk yang gagal. Coba lagi dalam {wait} detik.", field="password"
        )
        self.wait = wait


# ------------------------------------------------------------------------------------------ throttling
@dataclass
class _Failures:
    count: int = 0
    last: float = 0.0


class LoginThrottle:
    """Failed logins per account name and per client address (see the module's text)."""

    def __init__(self, base_delay: float) -> None:
        self.base_delay = base_delay
        self._lock = threading.Lock()
        self._seen: dict[tuple[str, str], _Failures] = {}

    def delay(self, count: int) -> float:
        if count < FREE_FAILURES:
            return 0.0
        return min(self.base_delay * 2 ** (count - FREE_FAILURES), MAX_DELAY_SECONDS)

    def wait_for(self, name: str, address: str, now: float | None = None) -> int:
        """Seconds still to wait before this account may try from this address (0: go ahead)."""
        now = time.monotonic() if now is None else now
        with self._lock:
            waits = [
                f.last + self.delay(f.count) - now
                for key in (("akun", name.lower()), ("alamat", address))
                if (f := self._seen.get(key)) is not None
            ]
        wait = max(waits, default=0.0)
        return int(wait) + 1 if wait > 0 else 0

    def failed(self, name: str, address: str) -> int:
        now = time.monotonic()
        with self._lock:
            counts = []
            for key in (("akun", name.lower()), ("alamat", address)):
                f = self._seen.setdefault(key, _Failures())
                f.count, f.last = f.count + 1, now
                counts.append(f.count)
            if len(self._seen) > 50_000:  # a flood of names: forget the oldest half
                for k, _ in sorted(self._seen.items(), key=lambda kv: kv[1].last)[:25_000]:
                    del self._seen[k]
        return max(counts)

    def succeeded(self, name: str, address: str) -> None:
        with self._lock:
            self._seen.pop(("akun", name.lower()), None)
            self._seen.pop(("alamat", address), None)


# --------------------------------------------------------------------------------------------- sessions
def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def secure_cookies(request: Request, settings: ServerSettings) -> bool:
    """Secure cookies over https (uvicorn takes the scheme from a trusted proxy's X-Forwarded-Proto),
    behind a TLS proxy by setting, or when the public address is https."""
    return (
        request.url.scheme == "https"
        or settings.behind_tls
        or bool(settings.public_base_url and settings.public_base_url.startswith("https://"))
    )


def set_cookie(request: Request, response, name: str, value: str, settings: ServerSettings) -> None:  # type: ignore[no-untyped-def]
    response.set_cookie(
        name,
        value,
        httponly=True,
        samesite="lax",
        secure=secure_cookies(request, settings),
        path="/console",
    )


@dataclass(frozen=True)
class ConsoleUser:
    """The signed-in account, as the principal the permission rules know, plus the form token."""

    principal: Principal
    csrf: str
    session_id: str
    address: str

    @property
    def role(self) -> Role | None:
        return self.principal.role

    @property
    def name(self) -> str:
        return self.principal.name


def authenticate(
    session: Session, throttle: LoginThrottle, name: str, password: str, address: str
) -> Account:
    """The account for a name and password, or a :class:`RadioDeskError` (wrong / throttled)."""
    wait = throttle.wait_for(name, address)
    if wait:
        log.warning("refused: console login throttled for an account from %s (%ss)", address, wait)
        audit.record(session, name[:100], "masuk_ditahan", detail=f"tunggu {wait} detik", address=address)
        raise Throttled(wait)
    account = session.scalar(select(Account).where(Account.name == name[:100]))
    ok = verify_password(account.password_hash if account else None, password)
    usable = account is not None and account.revoked_at is None and ok
    if not usable:
        count = throttle.failed(name, address)
        log.warning("refused: console login failed (%s failures) from %s", count, address)
        audit.record(
            session,
            account.name if account else "",
            "masuk_gagal",
            detail="akun dicabut" if account is not None and ok else "nama atau kata sandi salah",
            address=address,
        )
        raise RadioDeskError("Nama akun atau kata sandi salah.", field="password")
    throttle.succeeded(name, address)
    return account  # type: ignore[return-value]


def open_session(session: Session, account: Account, address: str) -> tuple[str, str]:
    """Create the session row; return (cookie token, CSRF token)."""
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    now = utcnow()
    session.add(
        ConsoleSession(
            id=_digest(token),
            account_id=account.id,
            csrf=csrf,
            created_at=now,
            last_seen=now,
            address=address,
        )
    )
    session.commit()
    return token, csrf


def close_session(session: Session, session_id: str) -> None:
    session.execute(delete(ConsoleSession).where(ConsoleSession.id == session_id))
    session.commit()


def _idle_limit(settings: ServerSettings) -> timedelta:
    return timedelta(minutes=max(settings.console_idle_minutes, 1))


def current_user(request: Request, session: SessionDep) -> ConsoleUser:
    """The signed-in user, or :class:`LoginRequired` (no cookie, unknown, expired or revoked)."""
    token = request.cookies.get(COOKIE)
    if not token:
        raise LoginRequired()
    row = session.get(ConsoleSession, _digest(token))
    if row is None:
        raise LoginRequired(expired=True)
    settings: ServerSettings = request.app.state.settings
    now = utcnow()
    if now - row.last_seen > _idle_limit(settings) or row.account.revoked_at is not None:
        audit.record(
            session,
            principal_of(row.account),
            "sesi_berakhir",
            detail="tidak aktif" if row.account.revoked_at is None else "kunci dicabut",
            address=client_address(request),
        )
        close_session(session, row.id)
        raise LoginRequired(expired=True)
    if now - row.last_seen > timedelta(seconds=15):  # not a write on every request
        row.last_seen = now
        session.commit()
    user = ConsoleUser(principal_of(row.account), row.csrf, row.id, client_address(request))
    request.state.principal_name = user.name
    request.state.console_user = user
    return user


ConsoleUserDep = Annotated[ConsoleUser, Depends(current_user)]


def require_roles(*roles: Role):  # type: ignore[no-untyped-def]
    """A dependency: the signed-in user, if their role is one of ``roles`` (else an HTML 403, logged)."""
    wanted = frozenset(roles)

    def dependency(request: Request, user: ConsoleUserDep) -> ConsoleUser:
        if user.role not in wanted or (user.role == Role.OPD and not user.principal.opd):
            log.warning(
                "refused: %s (%s) opened %s %s from %s",
                user.name,
                user.role,
                request.method,
                request.url.path,
                user.address,
            )
            raise ConsoleForbidden("Halaman ini bukan untuk peran akun Anda.")
        return user

    return dependency


StaffDep = Annotated[ConsoleUser, Depends(require_roles(Role.ADMIN, Role.COORDINATOR))]
AdminDep = Annotated[ConsoleUser, Depends(require_roles(Role.ADMIN))]
OpdDep = Annotated[ConsoleUser, Depends(require_roles(Role.OPD))]


def check_csrf(user: ConsoleUser, submitted: str | None, request: Request) -> None:
    """Refuse a form whose token is not this session's (logged; the token is never logged)."""
    if not submitted or not hmac.compare_digest(submitted, user.csrf):
        log.warning(
            "refused: CSRF token missing or wrong from %s (%s) on %s %s from %s",
            user.name,
            user.role,
            request.method,
            request.url.path,
            user.address,
        )
        raise CsrfError("Formulir ini kedaluwarsa atau tidak berasal dari konsol.")


def check_login_csrf(request: Request, submitted: str | None) -> None:
    cookie = request.cookies.get(LOGIN_CSRF_COOKIE)
    if not submitted or not cookie or not hmac.compare_digest(submitted, cookie):
        log.warning("refused: CSRF token missing or wrong on the login form from %s", client_address(request))
        raise CsrfError("Formulir masuk kedaluwarsa atau tidak berasal dari konsol.")


def remaining(now: datetime, due: datetime) -> str:
    """A deadline as Indonesian text: "sisa 2 hari 3 jam" or "terlambat 5 jam"."""
    seconds = int((due - now).total_seconds())
    late = seconds < 0
    seconds = abs(seconds)
    days, hours, minutes = seconds // 86400, seconds % 86400 // 3600, seconds % 3600 // 60
    parts = []
    if days:
        parts.append(f"{days} hari")
    if hours or days:
        parts.append(f"{hours} jam")
    if not days:
        parts.append(f"{minutes} menit")
    text = " ".join(parts)
    return f"terlambat {text}" if late else f"sisa {text}"
