"""Cases, callers, categories, urgency and the status lifecycle: pure Python, no I/O frameworks."""

from radio_desk.domain.enums import Channel, RecordingState, Speaker, Status, Urgency
from radio_desk.domain.lifecycle import allowed_transitions, can_transition, check_transition
from radio_desk.domain.models import Case, Recording, Station, StatusEvent, TranscriptSegment, utcnow
from radio_desk.domain.phone import mask_phone, normalize_phone

__all__ = [
    "Case",
    "Channel",
    "Recording",
    "RecordingState",
    "Speaker",
    "Station",
    "Status",
    "StatusEvent",
    "TranscriptSegment",
    "Urgency",
    "allowed_transitions",
    "can_transition",
    "check_transition",
    "mask_phone",
    "normalize_phone",
    "utcnow",
]
