"""The key figures of a report, computed from cases and their status events (a pure function).

Tests compare the text of the PDF with these figures, so the PDF prints only what is computed here.
Norm clocks (SP4N-LAPOR!): received → forwarded (or closed at verification) within 3 working days;
forwarded → OPD follow-up (diproses, selesai or bukan wewenang) within 5 working days.  A clock still
running is judged against ``as_of``.
"""

from __future__ import annotations

import statistics
import uuid
from collections import Counter
from collections.abc import Container, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from radio_desk.domain import Case, Channel, Status, StatusEvent, Urgency
from radio_desk.domain.station_time import local
from radio_desk.domain.workdays import FOLLOW_UP_DAYS, VERIFY_FORWARD_DAYS, is_late

S = Status
_VERIFIED = {S.TERVERIFIKASI, S.DITERUSKAN, S.DIPROSES, S.SELESAI}
_FORWARDED = {S.DITERUSKAN, S.DIPROSES, S.SELESAI}
_CLOSED_AT_VERIFY = {S.BUKAN_WEWENANG, S.DUPLIKAT, S.DITOLAK}
_FOLLOW_UP = {S.DIPROSES, S.SELESAI, S.BUKAN_WEWENANG}


@dataclass
class CaseTiming:
    forwarded_at: datetime | None = None
    resolved_at: datetime | None = None
    forward_late: bool = False  # 3-working-day norm broken (handled late, or still waiting past it)
    followup_late: bool = False  # 5-working-day norm broken
    open_overdue: bool = False  # a clock still running past its deadline: needs action now

    @property
    def overdue(self) -> bool:
        return self.forward_late or self.followup_late


@dataclass
class KeyFigures:
    received: int = 0
    by_channel: dict[str, int] = field(default_factory=dict)  # label → count, every channel
    by_urgency: dict[str, int] = field(default_factory=dict)
    by_status: dict[str, int] = field(default_factory=dict)
    by_category: dict[str, int] = field(default_factory=dict)  # code → count, largest first
    by_kecamatan: dict[str, int] = field(default_factory=dict)
    by_opd: dict[str, int] = field(default_factory=dict)
    per_day: dict[date, int] = field(default_factory=dict)
    verified: int = 0
    forwarded: int = 0
    resolved: int = 0
    median_hours_to_forward: float | None = None
    median_hours_to_resolve: float | None = None
    overdue_forward: int = 0
    overdue_followup: int = 0
    open_overdue: int = 0
    urgent_open: int = 0
    timings: dict[uuid.UUID, CaseTiming] = field(default_factory=dict)


def _hours(a: datetime, b: datetime) -> float:
    return (b - a).total_seconds() / 3600


def case_timing(
    case: Case, events: list[StatusEvent], as_of: datetime, holidays: Container[date] | None = None
) -> CaseTiming:
    """``holidays`` None: the national days off (see :mod:`radio_desk.domain.workdays`)."""
    events = sorted((e for e in events if e.at <= as_of), key=lambda e: e.at)
    t = CaseTiming()
    stop = next((e.at for e in events if e.to_status in (_CLOSED_AT_VERIFY | {S.DITERUSKAN})), None)
    t.forwarded_at = next((e.at for e in events if e.to_status == S.DITERUSKAN), None)
    if case.status == S.SELESAI:
        t.resolved_at = next((e.at for e in reversed(events) if e.to_status == S.SELESAI), None)
    if stop is not None:
        t.forward_late = is_late(case.received_at, stop, VERIFY_FORWARD_DAYS, holidays)
    elif case.status in (S.BARU, S.TERVERIFIKASI):
        t.forward_late = t.open_overdue = is_late(case.received_at, as_of, VERIFY_FORWARD_DAYS, holidays)
    if t.forwarded_at is not None:
        follow = next((e.at for e in events if e.at >= t.forwarded_at and e.to_status in _FOLLOW_UP), None)
        if follow is not None:
            t.followup_late = is_late(t.forwarded_at, follow, FOLLOW_UP_DAYS, holidays)
        elif case.status == S.DITERUSKAN:
            late = is_late(t.forwarded_at, as_of, FOLLOW_UP_DAYS, holidays)
            t.followup_late = late
            t.open_overdue = t.open_overdue or late
    return t


def compute_figures(
    cases: Iterable[Case],
    events: Iterable[StatusEvent],
    as_of: datetime,
    holidays: Container[date] | None = None,
) -> KeyFigures:
    cases = list(cases)
    by_case: dict[uuid.UUID, list[StatusEvent]] = {}
    for e in events:
        by_case.setdefault(e.case_id, []).append(e)
    f = KeyFigures(received=len(cases))
    channel = Counter(c.channel for c in cases)
    f.by_channel = {ch.label: channel[ch] for ch in Channel}
    urgency = Counter(c.urgency for c in cases)
    f.by_urgency = {u.label: urgency[u] for u in reversed(Urgency)}
    status = Counter(c.status for c in cases)
    f.by_status = {s.label: status[s] for s in Status if status[s]}
    f.by_category = dict(Counter(c.category or "" for c in cases).most_common())
    f.by_kecamatan = dict(Counter(c.kecamatan_code or "" for c in cases).most_common())
    f.by_opd = dict(Counter(c.opd or "" for c in cases).most_common())
    f.per_day = dict(sorted(Counter(local(c.received_at).date() for c in cases).items()))
    to_forward: list[float] = []
    to_resolve: list[float] = []
    for c in cases:
        ev = by_case.get(c.id, [])
        reached = {e.to_status for e in ev if e.at <= as_of} | {c.status}
        f.verified += bool(reached & _VERIFIED)
        f.forwarded += bool(reached & _FORWARDED)
        f.resolved += c.status == S.SELESAI
        t = case_timing(c, ev, as_of, holidays)
        f.timings[c.id] = t
        if t.forwarded_at is not None:
            to_forward.append(_hours(c.received_at, t.forwarded_at))
        if t.resolved_at is not None:
            to_resolve.append(_hours(c.received_at, t.resolved_at))
        f.overdue_forward += t.forward_late
        f.overdue_followup += t.followup_late
        f.open_overdue += t.open_overdue
        f.urgent_open += c.urgency in (Urgency.TINGGI, Urgency.DARURAT) and not c.status.is_closed
    f.median_hours_to_forward = statistics.median(to_forward) if to_forward else None
    f.median_hours_to_resolve = statistics.median(to_resolve) if to_resolve else None
    return f
