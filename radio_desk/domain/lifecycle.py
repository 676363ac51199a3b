"""The complaint lifecycle as an explicit state machine (after SP4N-LAPOR! practice).

baru → terverifikasi → diteruskan (to an OPD) → diproses → selesai; a case may also end as
bukan wewenang (not the regency's authority), duplikat or ditolak.  Closed cases stay closed except
that an OPD may reopen a "selesai" case (the caller says nothing was fixed): selesai → diproses.
A forwarded case can go back to terverifikasi (diteruskan/diproses → terverifikasi): the OPD hands it back
as not its authority, or Diskominfo takes back a wrong forward, and then forwards it again.
"""

from __future__ import annotations

from radio_desk.domain.enums import Status
from radio_desk.errors import IllegalTransition

S = Status
TRANSITIONS: dict[Status, frozenset[Status]] = {
    S.BARU: frozenset({S.TERVERIFIKASI, S.BUKAN_WEWENANG, S.DUPLIKAT, S.DITOLAK}),
    S.TERVERIFIKASI: frozenset({S.DITERUSKAN, S.BUKAN_WEWENANG, S.DUPLIKAT, S.DITOLAK}),
    S.DITERUSKAN: frozenset({S.DIPROSES, S.SELESAI, S.BUKAN_WEWENANG, S.TERVERIFIKASI}),
    S.DIPROSES: frozenset({S.SELESAI, S.TERVERIFIKASI}),
    S.SELESAI: frozenset({S.DIPROSES}),
    S.BUKAN_WEWENANG: frozenset(),
    S.DUPLIKAT: frozenset(),
    S.DITOLAK: frozenset(),
}


# Final statuses a coordinator may reopen, with a reason (a mistaken duplicate, rejection or "not our
# authority"): the case goes back to "terverifikasi" to be handled again.  "selesai" is not final:
# it may go back to "diproses" along the lifecycle.
REOPEN_TO = Status.TERVERIFIKASI


def is_final(status: Status) -> bool:
    """No change along the lifecycle is left: only a coordinator's reopening moves it."""
    return not TRANSITIONS[Status(status)]


def check_reopen(current: Status) -> None:
    if not is_final(current):
        raise IllegalTransition(
            f"Aduan berstatus “{Status(current).label}” belum final; ubah statusnya seperti biasa.",
            field="status",
        )


def allowed_transitions(current: Status) -> frozenset[Status]:
    return TRANSITIONS[Status(current)]


def can_transition(current: Status, target: Status) -> bool:
    return Status(target) in TRANSITIONS[Status(current)]


def check_transition(current: Status, target: Status) -> None:
    """Raise :class:`IllegalTransition` with an Indonesian explanation if the change is not allowed."""
    current, target = Status(current), Status(target)
    if current == target:
        raise IllegalTransition(f"Status aduan sudah \u201c{current.label}\u201d.", field="status")
    if target not in TRANSITIONS[current]:
        allowed = ", ".join(s.label for s in sorted(TRANSITIONS[current], key=list(Status).index))
        hint = f" Yang boleh: {allowed}." if allowed else " Status ini sudah final."
        raise IllegalTransition(
            f"Status tidak bisa diubah dari \u201c{current.label}\u201d ke \u201c{target.label}\u201d.{hint}",
            field="status",
        )
