"""ORM rows ↔ domain dataclasses.  Nothing above the store ever sees a row."""

from __future__ import annotations

from dataclasses import fields
from functools import cache
from typing import Any, TypeVar

from radio_desk.domain.enums import Channel, RecordingState, Status, Urgency
from radio_desk.domain.models import Case, Recording, Station, StatusEvent, TranscriptSegment
from radio_desk.store.models import CaseRow, RecordingRow, SegmentRow, StationRow, StatusEventRow

T = TypeVar("T")

# Case fields that map one-to-one onto CaseRow columns.
CASE_COLUMNS = (
    "id", "station", "received_at", "channel", "caller_name", "phone", "anonim", "rahasia",
    "kecamatan_code", "desa_code", "category", "urgency", "summary", "notes", "status", "opd",
    "duplicate_of", "created_at", "updated_at",
)  # fmt: skip


def from_row(cls: type[T], row: object, **converted: Any) -> T:
    """The domain dataclass ``cls`` from ``row``: each field from the column of the same name, except the
    ones in ``converted`` (a code to its enum, JSON, another column's name, a value not in the row)."""
    values = {name: getattr(row, name) for name in _init_fields(cls) if name not in converted}
    return cls(**values, **converted)


@cache
def _init_fields(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in fields(cls) if f.init)


def case_from_row(row: CaseRow) -> Case:
    return from_row(
        Case,
        row,
        channel=Channel(row.channel),
        anonim=bool(row.anonim),
        rahasia=bool(row.rahasia),
        urgency=Urgency(row.urgency),
        status=Status(row.status),
    )


def case_values(case: Case) -> dict[str, object]:
    """Column values for a (normalised) case; enums as their stored codes."""
    values: dict[str, object] = {name: getattr(case, name) for name in CASE_COLUMNS}
    for name in ("channel", "urgency", "status"):
        values[name] = str(values[name])
    return values


def recording_from_row(row: RecordingRow) -> Recording:
    return from_row(Recording, row, state=RecordingState(row.state))


def segment_from_row(row: SegmentRow) -> TranscriptSegment:
    return from_row(TranscriptSegment, row, start=row.start_s, end=row.end_s, edited=bool(row.edited))


def event_from_row(row: StatusEventRow) -> StatusEvent:
    return from_row(
        StatusEvent,
        row,
        from_status=Status(row.from_status) if row.from_status else None,
        to_status=Status(row.to_status),
    )


def station_from_row(row: StationRow) -> Station:
    return from_row(Station, row)
