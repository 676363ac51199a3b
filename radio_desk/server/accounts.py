"""Stations, staff and OPD accounts: create, list, rotate and revoke their API keys; console passwords."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from radio_desk.domain.taxonomy import get_taxonomy
from radio_desk.errors import NotFoundError, ValidationError
from radio_desk.server.auth import Role, issue_key, revoke
from radio_desk.server.models import Account, ConsoleSession, utcnow
from radio_desk.server.passwords import hash_password

NAME_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")


@dataclass(frozen=True)
class AccountInfo:
    name: str
    role: str
    key_prefix: str | None
    created_at: datetime
    rotated_at: datetime | None
    revoked_at: datetime | None
    opd: str | None = None
    has_password: bool = False


def _info(a: Account) -> AccountInfo:
    return AccountInfo(
        a.name, a.role, a.key_prefix, a.created_at, a.rotated_at, a.revoked_at, a.opd, bool(a.password_hash)
    )


def _check_opd(role: Role, opd: str | None) -> str | None:
    if role != Role.OPD:
        if opd:
            raise ValidationError("--opd hanya untuk akun berperan opd.", field="opd")
        return None
    if not opd:
        raise ValidationError("Akun OPD perlu kode OPD-nya (--opd, mis. --opd dpubmpr).", field="opd")
    tax = get_taxonomy()
    if opd not in tax.opds:
        known = ", ".join(sorted(tax.opds))
        raise ValidationError(f"OPD \u201c{opd}\u201d tidak dikenal (pilih dari: {known}).", field="opd")
    return opd


EMAIL_RE = re.compile(r"^[^@\s]{1,64}@[A-Za-z0-9.-]{1,190}\.[A-Za-z]{2,}$")


def _check_email(email: str | None) -> str | None:
    if email and not EMAIL_RE.match(email):
        raise ValidationError(f"Alamat surel \u201c{email[:60]}\u201d tidak sah.", field="email")
    return email or None


def add_account(
    session: Session, name: str, role: Role, opd: str | None = None, email: str | None = None
) -> str:
    """Create the account and return its new key (shown once; only the hash is kept). An ``opd`` account
    names its OPD code."""
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
    account = Account(
        name=name, role=role.value, opd=_check_opd(role, opd), email=_check_email(email), created_at=utcnow()
    )
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


def set_password(session: Session, name: str, password: str, roles: set[Role]) -> None:
    """Set the console password (argon2id); every open console session of the account ends."""
    account = _get(session, name, roles)
    account.password_hash = hash_password(password)
    account.password_set_at = utcnow()
    session.execute(delete(ConsoleSession).where(ConsoleSession.account_id == account.id))
    session.commit()


def revoke_key(session: Session, name: str, roles: set[Role]) -> None:
    """Revoke the key; the account can no longer sign in to the console either."""
    account = _get(session, name, roles)
    revoke(account)
    session.execute(delete(ConsoleSession).where(ConsoleSession.account_id == account.id))
    session.commit()


def list_accounts(session: Session, roles: set[Role]) -> list[AccountInfo]:
    rows = session.scalars(
        select(Account).where(Account.role.in_([r.value for r in roles])).order_by(Account.name)
    )
    return [_info(a) for a in rows]
