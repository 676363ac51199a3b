"""API keys and who is asking.

A key is 32 random bytes (url-safe text, prefixed ``rdk_``); only its SHA-256 is stored, which is
enough for a secret with that much entropy (no slow hash needed) and lets a lookup use an index.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from radio_desk.server.models import Account, utcnow

KEY_PREFIX = "rdk_"


class Role(StrEnum):
    STATION = "station"
    COORDINATOR = "coordinator"
    ADMIN = "admin"
    OPD = "opd"  # an officer of one OPD (account.opd): the cases forwarded to that OPD


STAFF_ROLES = frozenset({Role.ADMIN, Role.COORDINATOR})


@dataclass(frozen=True)
class Principal:
    """The caller of a request; ``account_id`` is None for the public (no key)."""

    account_id: int | None
    name: str
    role: Role | None
    opd: str | None = None  # the OPD code of an ``opd`` account

    @property
    def is_opd(self) -> bool:
        return self.role == Role.OPD and bool(self.opd)

    def handles(self, opd: str | None, forwarded: bool) -> bool:
        """An OPD officer and a case forwarded to that officer's OPD."""
        return self.is_opd and forwarded and opd == self.opd

    @property
    def is_public(self) -> bool:
        return self.account_id is None

    @property
    def is_staff(self) -> bool:
        return self.role in STAFF_ROLES

    @property
    def is_station(self) -> bool:
        return self.role == Role.STATION

    def may_see_private(self, station_id: int, opd: str | None = None, forwarded: bool = False) -> bool:
        """Rahasia cases, the anonim/rahasia flags and internal notes: staff, the owning station and the
        OPD the case was forwarded to (pass the case's ``opd`` and whether it was forwarded)."""
        return (
            self.is_staff
            or (self.is_station and self.account_id == station_id)
            or self.handles(opd, forwarded)
        )

    def may_see_identity(
        self, station_id: int, anonim: bool, opd: str | None = None, forwarded: bool = False
    ) -> bool:
        """The reporter's name, phone and voice: an anonim reporter's only to staff (admin/coordinator);
        otherwise also to the station that took the call and the OPD that must follow it up."""
        return self.is_staff or (not anonim and self.may_see_private(station_id, opd, forwarded))


PUBLIC = Principal(None, "publik", None)


def new_key() -> str:
    return KEY_PREFIX + secrets.token_urlsafe(32)


def hash_key(key: str) -> str:
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def key_prefix(key: str) -> str:
    return key[: len(KEY_PREFIX) + 4]


def find_account(session: Session, key: str) -> Account | None:
    """The account owning ``key`` (check ``revoked_at``), or None for an unknown key."""
    digest = hash_key(key)
    account = session.scalar(select(Account).where(Account.key_hash == digest))
    if account is None or not hmac.compare_digest(account.key_hash or "", digest):
        return None
    return account


def issue_key(session: Session, account: Account) -> str:
    key = new_key()
    account.key_hash = hash_key(key)
    account.key_prefix = key_prefix(key)
    account.revoked_at = None
    return key


def revoke(account: Account) -> None:
    # the hash stays so a revoked key is recognised (and logged) as revoked rather than unknown
    account.revoked_at = utcnow()
