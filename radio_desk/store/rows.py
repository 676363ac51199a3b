"""One row by its primary key inside a repository's session, or :class:`NotFoundError` when there is none."""

from __future__ import annotations

from typing import Any, TypeVar

from sqlalchemy.orm import Session

from radio_desk.errors import NotFoundError

R = TypeVar("R")


def get_row(s: Session, model: type[R], key: Any, missing: str, *, field: str | None = None) -> R:
    """The ``model`` row with primary key ``key``; ``missing`` (an Indonesian sentence) is the
    NotFoundError's message, ``field`` the form field it concerns."""
    row = s.get(model, key)
    if row is None:
        raise NotFoundError(missing, field=field)
    return row
