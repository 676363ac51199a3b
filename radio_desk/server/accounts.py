"""Stations and staff accounts: create, list, rotate and revoke their API keys."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from radio_desk.errors import NotFoundError, ValidationError
from radio_desk.server.auth import Role, issue_key, revoke
from radio_desk.server.models import Account, utcnow

NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


@dataclass(frozen=True)
class AccountInfo:
    name: str
    role: str
    key_prefix: str | None
    created_at: datetime
    rotated_at: datetime | None
    revoked_at: datetime | None


def _info(a: Account) -> AccountInfo:
    return AccountInfo(a.name, a.role, a.key_prefix, a.created_at, a.rotated_at, a.revoked_at)


def add_account(session: Session, name: str, role: Role) -> str:
    """Create the account and return its new key (shown once; only the hash is kept)."""
    if not NAME_RE.match(name):
        raise ValidationError(
            f"Nama \u201c{name}\u201d tidak sah: pakai huruf, angka, titik, garis bawah atau tanda hubung "
            "(mis. malowopati-fm).",
            field="name",
        )
    if session.scalar(select(Account).where(Account.name == name)) is not None:
        raise ValidationError(
            f"Akun \u201c{name}\u201d sudah ada; pakai rotate untuk kunci baru.", field="name"
        )
    account = Account(name=name, role=role.value, created_at=utcnow())
    key = issue_key(session, account)
    session.add(account)
    session.commit()
    return key


def _get(session: Session, name: str, roles: set[Role]) -> Account:
    account = session.scalar(select(Account).where(Account.name == name))
    if account is None or Role(account.role) not in roles:
        raise NotFoundError(f"Akun \u201c{name}\u201d tidak ada.")
    return account


def rotate_key(session: Session, name: str, roles: set[Role]) -> str:
    account = _get(session, name, roles)
    key = issue_key(session, account)
    account.rotated_at = utcnow()
    session.commit()
    return key


def revoke_key(session: Session, name: str, roles: set[Role]) -> None:
    account = _get(session, name, roles)
    revoke(account)
    session.commit()


def list_accounts(session: Session, roles: set[Role]) -> list[AccountInfo]:
    rows = session.scalars(
        select(Account).where(Account.role.in_([r.value for r in roles])).order_by(Account.name)
    )
    return [_info(a) for a in rows]
