"""A rundown and its entries as plain dataclasses, and the ordering rules.

Entries are kept grouped by the OPD asked to answer (the officials of one OPD answer their
complaints in one go on air): groups appear in the order of their first entry, entries keep their
order inside a group.  Every change of order goes through :func:`group_by_opd` so the stored
``position`` is always the aired order.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date, datetime

from radio_desk.domain.models import Case, TranscriptSegment, utcnow

DEFAULT_CLIP_SECONDS = 30.0
EXCERPT_CHARS = 400


@dataclass
class RundownEntry:
    case_id: uuid.UUID
    summary: str = ""  # what the host reads out
    excerpt: str = ""  # transcript excerpt printed for the host
    recording_id: uuid.UUID | None = None
    clip_in: float | None = None  # seconds into the recording
    clip_out: float | None = None
    opd: str | None = None  # OPD asked to answer (default: the case's)
    position: int = 0
    rahasia_included_by: str | None = None  # set when an editor explicitly includes a rahasia case
    rahasia_included_at: datetime | None = None
    id: int | None = None

    @property
    def clip_length(self) -> float | None:
        if self.clip_in is None or self.clip_out is None:
            return None
        return max(0.0, self.clip_out - self.clip_in)

    @property
    def rahasia_included(self) -> bool:
        return self.rahasia_included_by is not None


@dataclass
class Rundown:
    show_date: date
    title: str = "Ayo Mas Bro"
    station: str = ""
    entries: list[RundownEntry] = field(default_factory=list)
    id: uuid.UUID = field(default_factory=uuid.uuid4)
    created_at: datetime = field(default_factory=utcnow)
    updated_at: datetime = field(default_factory=utcnow)
    exported_at: datetime | None = None
    exported_by: str = ""

    def entry_for(self, case_id: uuid.UUID) -> RundownEntry | None:
        return next((e for e in self.entries if e.case_id == case_id), None)


def group_by_opd(entries: list[RundownEntry]) -> list[RundownEntry]:
    """Entries grouped by OPD (groups in order of first appearance, stable inside a group), with
    ``position`` renumbered 0..n-1."""
    order: dict[str | None, int] = {}
    for e in entries:
        order.setdefault(e.opd, len(order))
    out = sorted(entries, key=lambda e: order[e.opd])  # sorted() is stable
    for i, e in enumerate(out):
        e.position = i
    return out


def move_entry(entries: list[RundownEntry], index: int, step: int) -> list[RundownEntry]:
    """Move the entry at ``index`` (in grouped order) one place up (``step=-1``) or down (``+1``).
    Inside its OPD group it swaps with its neighbour; at the edge of the group the whole group swaps
    with the neighbouring group."""
    items = group_by_opd(list(entries))
    if not 0 <= index < len(items) or step not in (-1, 1):
        return items
    me = items[index]
    j = index + step
    if 0 <= j < len(items) and items[j].opd == me.opd:
        items[index], items[j] = items[j], items[index]
        return group_by_opd(items)
    groups: list[list[RundownEntry]] = []
    for e in items:
        if groups and groups[-1][0].opd == e.opd:
            groups[-1].append(e)
        else:
            groups.append([e])
    g = next(i for i, grp in enumerate(groups) if me in grp)
    h = g + step
    if 0 <= h < len(groups):
        groups[g], groups[h] = groups[h], groups[g]
    return group_by_opd([e for grp in groups for e in grp])


def excerpt_of(segments: list[TranscriptSegment], limit: int = EXCERPT_CHARS) -> str:
    text = " ".join(s.text.strip() for s in segments if s.text.strip())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit)
    return text[: cut if cut > limit // 2 else limit].rstrip() + "\u2026"


def new_entry(
    case: Case,
    segments: list[TranscriptSegment] | None = None,
    *,
    recording_id: uuid.UUID | None = None,
    duration: float | None = None,
    default_opd: str | None = None,
) -> RundownEntry:
    """A fresh entry for ``case``: its summary to read out, the start of its transcript, and a clip of
    the first :data:`DEFAULT_CLIP_SECONDS` of its recording (the editor moves the points).  The OPD
    asked to answer is the case's, else ``default_opd`` (the category's usual OPD)."""
    segs = [s for s in segments or [] if recording_id is None or s.recording_id == recording_id]
    clip_in = clip_out = None
    if recording_id is not None:
        end = duration if duration and duration > 0 else (max((s.end for s in segs), default=0.0))
        if end > 0:
            clip_in, clip_out = 0.0, round(min(end, DEFAULT_CLIP_SECONDS), 3)
    return RundownEntry(
        case_id=case.id,
        summary=case.summary,
        excerpt=excerpt_of(segs),
        recording_id=recording_id,
        clip_in=clip_in,
        clip_out=clip_out,
        opd=case.opd or default_opd,
    )
