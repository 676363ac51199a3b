"""ORM rows ↔ domain dataclasses.  Nothing above the store ever sees a row."""

from __future__ import annotations

from radio_desk.domain.enums import Channel, RecordingState, Status, Urgency
from radio_desk.domain.models import Case, Recording, Station, StatusEvent, TranscriptSegment
from radio_desk.store.models import CaseRow, RecordingRow, SegmentRow, StationRow, StatusEventRow

# Case fields that map one-to-one onto CaseRow columns.
CASE_COLUMNS = (
    "id", "station", "received_at", "channel", "caller_name", "phone", "anonim", "rahasia",
    "kecamatan_code", "desa_code", "category", "urgency", "summary", "notes", "status", "opd",
    "duplicate_of", "created_at", "updated_at",
)  # fmt: skip


def case_from_row(row: CaseRow) -> Case:
    return Case(
        id=row.id,
        station=row.station,
        received_at=row.received_at,
        channel=Channel(row.channel),
        caller_name=row.caller_name,
        phone=row.phone,
        anonim=bool(row.anonim),
        rahasia=bool(row.rahasia),
        kecamatan_code=row.kecamatan_code,
        desa_code=row.desa_code,
        category=row.category,
        urgency=Urgency(row.urgency),
        summary=row.summary,
        notes=row.notes,
        status=Status(row.status),
        opd=row.opd,
        duplicate_of=row.duplicate_of,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def case_values(case: Case) -> dict[str, object]:
    """Column values for a (normalised) case; enums as their stored codes."""
    values: dict[str, object] = {name: getattr(case, name) for name in CASE_COLUMNS}
    for name in ("channel", "urgency", "status"):
        values[name] = str(values[name])
    return values


def recording_from_row(row: RecordingRow) -> Recording:
    return Recording(
        id=row.id,
        case_id=row.case_id,
        path=row.path,
        format=row.format,
        samplerate=row.samplerate,
        channels=row.channels,
        channel_map=row.channel_map,
        duration_s=row.duration_s,
        sha256=row.sha256,
        state=RecordingState(row.state),
        started_at=row.started_at,
        device=row.device,
        source_sha256=row.source_sha256,
    )


def segment_from_row(row: SegmentRow) -> TranscriptSegment:
    return TranscriptSegment(
        recording_id=row.recording_id,
        start=row.start_s,
        end=row.end_s,
        text=row.text,
        speaker=row.speaker,
        engine=row.engine,
        model=row.model,
        edited=bool(row.edited),
        id=row.id,
    )


def event_from_row(row: StatusEventRow) -> StatusEvent:
    return StatusEvent(
        case_id=row.case_id,
        from_status=Status(row.from_status) if row.from_status else None,
        to_status=Status(row.to_status),
        at=row.at,
        by=row.by,
        note=row.note,
        id=row.id,
    )


def station_from_row(row: StationRow) -> Station:
    return Station(code=row.code, name=row.name, regency_code=row.regency_code)
