"""Console passwords: argon2id (argon2-cffi's defaults, RFC 9106's low-memory profile)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from radio_desk.errors import ValidationError

MIN_LENGTH = 10
MAX_LENGTH = 200
_hasher = PasswordHasher()
# checked against when the account does not exist, so a wrong name costs as long as a wrong password
_DUMMY = _hasher.hash("radio-desk-no-such-account")


def check_new_password(password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise ValidationError(f"Kata sandi minimal {MIN_LENGTH} karakter.", field="password")
    if len(password) > MAX_LENGTH:
        raise ValidationError(f"Kata sandi paling panjang {MAX_LENGTH} karakter.", field="password")
    if password.strip() != password or any(ord(c) < 32 for c in password):
        raise ValidationError(
            "Kata sandi tidak boleh diawali/diakhiri spasi atau memuat karakter kendali.", field="password"
        )


def hash_password(password: str) -> str:
    check_new_password(password)
    return _hasher.hash(password)


def verify_password(stored: str | None, password: str) -> bool:
    """True when ``password`` matches ``stored``; with no stored hash, a dummy check of the same cost."""
    try:
        return _hasher.verify(stored or _DUMMY, password[:MAX_LENGTH]) and stored is not None
    except (VerificationError, InvalidHashError):
        return False


def needs_rehash(stored: str) -> bool:
    return _hasher.check_needs_rehash(stored)
