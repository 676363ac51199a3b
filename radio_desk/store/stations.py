"""Stations and the small key/value sync state (e.g. the server's update-feed cursor)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from radio_desk.domain.models import Station, utcnow
from radio_desk.errors import ValidationError
from radio_desk.store.convert import station_from_row
from radio_desk.store.models import StationRow, SyncStateRow
from radio_desk.store.rows import get_row

if TYPE_CHECKING:
    from radio_desk.store.store import Store


class StationRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def upsert(self, station: Station) -> Station:
        code = (station.code or "").strip()
        if not code or len(code) > 64:
            raise ValidationError("Kode stasiun wajib diisi (paling banyak 64 karakter).", field="station")
        with self._store.write() as s:
            row = s.get(StationRow, code)
            if row is None:
                s.add(StationRow(code=code, name=station.name or code, regency_code=station.regency_code))
            else:
                row.name = station.name or code
                row.regency_code = station.regency_code
        return Station(code, station.name or code, station.regency_code)

    def get(self, code: str) -> Station:
        with self._store.read() as s:
            missing = f"Stasiun \u201c{code}\u201d tidak terdaftar."
            return station_from_row(get_row(s, StationRow, code, missing, field="station"))

    def list(self) -> list[Station]:
        with self._store.read() as s:
            return [station_from_row(r) for r in s.scalars(select(StationRow).order_by(StationRow.name))]


def put_state(s: Session, key: str, value: str) -> None:
    """Set a ``sync_state`` value inside the caller's transaction."""
    row = s.get(SyncStateRow, key)
    if row is None:
        s.add(SyncStateRow(key=key, value=value, updated_at=utcnow()))
    else:
        row.value, row.updated_at = value, utcnow()


class SyncStateRepository:
    def __init__(self, store: Store) -> None:
        self._store = store

    def get(self, key: str, default: str | None = None) -> str | None:
        with self._store.read() as s:
            row = s.get(SyncStateRow, key)
            return row.value if row else default

    def set(self, key: str, value: str) -> None:
        with self._store.write() as s:
            put_state(s, key, value)

    def all(self) -> dict[str, str]:
        with self._store.read() as s:
            return {r.key: r.value for r in s.scalars(select(SyncStateRow))}
