"""FastAPI dependencies: the database session, the principal behind the request, and who may call a
route at all (:data:`KeyedDep` any valid key, :data:`StationDep` a station, :data:`StaffDep` admin or
coordinator).  What depends on the case itself (its station, its OPD) is :mod:`.permissions`."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Header, Query, Request
from sqlalchemy.orm import Session

from radio_desk.errors import RadioDeskError
from radio_desk.server.auth import PUBLIC, Principal, Role, find_account, hash_key
from radio_desk.server.config import ServerSettings
from radio_desk.server.deadlines import Calendar
from radio_desk.server.models import Account
from radio_desk.server.permissions import Forbidden

log = logging.getLogger("radio_desk.server.security")


class AuthError(RadioDeskError):
    """A missing, unknown or revoked key (HTTP 403, as in Open311)."""


def get_session(request: Request) -> Iterator[Session]:
    with request.app.state.sessionmaker() as session:
        yield session


def get_settings(request: Request) -> ServerSettings:
    return request.app.state.settings


def get_calendar(request: Request) -> Calendar:
    return request.app.state.calendar


SessionDep = Annotated[Session, Depends(get_session)]
SettingsDep = Annotated[ServerSettings, Depends(get_settings)]
CalendarDep = Annotated[Calendar, Depends(get_calendar)]


def client_address(request: Request) -> str:
    return request.client.host if request.client else "?"


def principal_of(account: Account) -> Principal:
    return Principal(account.id, account.name, Role(account.role), account.opd)


def principal_for_key(session: Session, key: str | None, request: Request) -> Principal:
    if not key:
        return PUBLIC
    account = find_account(session, key)
    client = request.client.host if request.client else "?"
    known = request.app.state.known_keys  # the rate limiter's: a valid key gets the keyed rate
    if account is None or account.revoked_at is not None:
        known.discard(hash_key(key))
    else:
        known.add(hash_key(key))
    if account is None:
        log.warning("refused: unknown API key on %s %s from %s", request.method, request.url.path, client)
        raise AuthError("Kunci API tidak dikenal.")
    if account.revoked_at is not None:
        log.warning(
            "refused: revoked key of %s on %s %s from %s",
            account.name,
            request.method,
            request.url.path,
            client,
        )
        raise AuthError("Kunci API ini sudah dicabut; minta kunci baru ke admin Diskominfo.")
    request.state.principal_name = account.name
    return principal_of(account)


def get_principal(
    request: Request,
    session: SessionDep,
    x_api_key: Annotated[str | None, Header(description="Kunci API stasiun atau staf")] = None,
    api_key: Annotated[str | None, Query(description="Kunci API (gaya Open311)")] = None,
) -> Principal:
    return principal_for_key(session, x_api_key or api_key, request)


def require_key(principal: Annotated[Principal, Depends(get_principal)], request: Request) -> Principal:
    if principal.is_public:
        client = request.client.host if request.client else "?"
        log.warning("refused: no API key on %s %s from %s", request.method, request.url.path, client)
        raise AuthError("Kunci API wajib disertakan (header X-API-Key, atau api_key gaya Open311).")
    return principal


PrincipalDep = Annotated[Principal, Depends(get_principal)]
KeyedDep = Annotated[Principal, Depends(require_key)]


def _refused(request: Request, principal: Principal, message: str) -> Forbidden:
    # the account and its role, the route: never the key, never the query string
    log.warning(
        "refused: %s (%s) on %s %s from %s",
        principal.name,
        principal.role or "publik",
        request.method,
        request.url.path,
        client_address(request),
    )
    return Forbidden(message)


def station_only(principal: Principal, request: Request) -> Principal:
    """The caller, if a station (the accounts that post cases: a radio desk, an Open311 client)."""
    if not principal.is_station:
        raise _refused(request, principal, "Hanya kunci stasiun yang boleh mengirim aduan.")
    return principal


def staff_only(principal: Principal, request: Request) -> Principal:
    if not principal.is_staff:
        raise _refused(request, principal, "Hanya untuk admin atau koordinator Diskominfo.")
    return principal


def require_station(principal: KeyedDep, request: Request) -> Principal:
    return station_only(principal, request)


def require_staff(principal: KeyedDep, request: Request) -> Principal:
    return staff_only(principal, request)


StationDep = Annotated[Principal, Depends(require_station)]
StaffDep = Annotated[Principal, Depends(require_staff)]
