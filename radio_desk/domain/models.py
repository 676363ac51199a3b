"""The things Radio Desk keeps, as plain dataclasses.

These cross every boundary (store → GUI, CLI, sync, reports) so no layer above the store ever holds
a database session or an ORM object.  Times are timezone-aware UTC; the station's zone (WIB) is
applied only for display.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime

from radio_desk.domain.enums import Channel, RecordingState, Status, Urgency


def utcnow() -> datetime:
    return datetime.now(UTC)


@dataclass
class Station:
    code: str  # short stable identifier, e.g. "malowopati-fm"
    name: str
    regency_code: str = "35.22"  # Kabupaten Bojonegoro


@dataclass
class Case:
    id: uuid.UUID = field(default_factory=uuid.uuid4)
    station: str = ""  # Station.code
    received_at: datetime = field(default_factory=utcnow)
    channel: Channel = Channel.ON_AIR
    caller_name: str | None = None
    phone: str | None = None  # E.164, see domain.phone
    anonim: bool = False  # identity hidden from everyone but authorised staff
    rahasia: bool = False  # the whole report hidden from the public
    kecamatan_code: str | None = None  # e.g. "35.22.01"
    desa_code: str | None = None  # e.g. "35.22.01.2001"
    category: str | None = None  # taxonomy code, e.g. "jalan"
    urgency: Urgency = Urgency.SEDANG
    summary: str = ""
    notes: str = ""
    status: Status = Status.BARU
    opd: str | None = None  # OPD code from the taxonomy, e.g. "dpupr"
    duplicate_of: uuid.UUID | None = None
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime = field(default_factory=utcnow)

    @property
    def display_caller(self) -> str:
        """The caller as anyone without clearance may see it."""
        if self.anonim or not self.caller_name:
            return "Anonim"
        return self.caller_name


@dataclass
class Recording:
    id: uuid.UUID = field(default_factory=uuid.uuid4)
    case_id: uuid.UUID | None = None
    path: str = ""  # absolute path of the audio file
    format: str = "wav"  # "wav" | "flac" | "ogg" | "mp3"
    samplerate: int = 48_000
    channels: int = 1
    channel_map: str = "mono"  # "mono" | "mix" | "split" (ch1 caller, ch2 host)
    duration_s: float = 0.0
    sha256: str | None = None
    state: RecordingState = RecordingState.RECORDING
    started_at: datetime = field(default_factory=utcnow)
    device: str | None = None
    source_sha256: str | None = None  # an imported file: the SHA-256 of the file as it came (twice = same)


@dataclass
class TranscriptSegment:
    recording_id: uuid.UUID
    start: float  # seconds from the start of the recording
    end: float
    text: str
    speaker: str | None = None  # Speaker value or None
    engine: str = ""
    model: str = ""
    edited: bool = False
    id: int | None = None


@dataclass
class StatusEvent:
    case_id: uuid.UUID
    from_status: Status | None  # None for the creation of the case
    to_status: Status
    at: datetime = field(default_factory=utcnow)
    by: str = ""
    note: str = ""
    id: int | None = None
