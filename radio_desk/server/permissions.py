"""Who may see which case and who may make which status change — one rule set for the API, the console
and the command line.

* admin / coordinator (Diskominfo): every change the lifecycle allows, on every case;
* ``opd`` (an officer of one OPD): only on the cases forwarded to that OPD — ``diproses``, ``selesai``
  (also reopening a ``selesai`` case), and handing a case back as not its authority (sent as
  ``bukan_wewenang`` or ``terverifikasi``): the case returns to ``terverifikasi`` without an OPD, for
  Diskominfo to forward again;
* ``station``: only on its own cases, only the target statuses the regency's policy allows
  (:attr:`ServerSettings.station_transitions`, env ``RADIO_DESK_STATION_TRANSITIONS``, default
  ``terverifikasi,diteruskan``); a station that forwards must name the OPD (e.g. ``polres`` for an
  accident). The change is recorded with the station as its author; Diskominfo can still correct it;
* the public: nothing.

Every refusal raises :class:`Forbidden` after one line on the security log: who (account name and
role), which case and which change — never a caller's name, phone or the case's text.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import ColumnElement, Select, and_, false, true

from radio_desk.domain.enums import Status
from radio_desk.errors import RadioDeskError, ValidationError
from radio_desk.server.auth import Principal, Role
from radio_desk.server.models import ServiceRequest

log = logging.getLogger("radio_desk.server.security")

DEFAULT_STATION_TRANSITIONS = frozenset({Status.TERVERIFIKASI, Status.DITERUSKAN})
OPD_TARGETS = frozenset({Status.DIPROSES, Status.SELESAI})
HAND_BACK_TARGETS = frozenset({Status.BUKAN_WEWENANG, Status.TERVERIFIKASI})
HAND_BACK_FROM = frozenset({Status.DITERUSKAN, Status.DIPROSES})


class Forbidden(RadioDeskError):
    """The caller may not see or change this (HTTP 403)."""


def parse_station_transitions(value: str | Iterable[str] | None) -> frozenset[Status]:
    """The policy setting: status codes separated by commas (``""`` or ``none``: stations change none)."""
    if value is None:
        return DEFAULT_STATION_TRANSITIONS
    items = value.split(",") if isinstance(value, str) else list(value)
    codes = [i.strip().lower() for i in items if i.strip() and i.strip().lower() != "none"]
    out: set[Status] = set()
    for code in codes:
        try:
            out.add(Status(code))
        except ValueError as err:
            known = ", ".join(s.value for s in Status if s != Status.BARU)
            raise ValidationError(
                f"RADIO_DESK_STATION_TRANSITIONS: status \u201c{code}\u201d tidak dikenal "
                f"(pilih dari {known}).",
                field="station_transitions",
            ) from err
    if Status.BARU in out:
        raise ValidationError(
            "RADIO_DESK_STATION_TRANSITIONS: \u201cbaru\u201d bukan perubahan status.",
            field="station_transitions",
        )
    return frozenset(out)


# ------------------------------------------------------------------------------------------- seeing
def forwarded(req: ServiceRequest) -> bool:
    return req.forwarded_at is not None


def handles(principal: Principal, req: ServiceRequest) -> bool:
    """``principal`` is an officer of the OPD this case is forwarded to."""
    return principal.handles(req.opd, forwarded(req))


def may_see_case(principal: Principal, req: ServiceRequest) -> bool:
    """Whether the case exists for ``principal`` as more than its public face."""
    if principal.is_staff:
        return True
    if principal.is_station:
        return req.station_id == principal.account_id
    if principal.role == Role.OPD:
        return handles(principal, req)
    return not req.rahasia


def may_see_private(principal: Principal, req: ServiceRequest) -> bool:
    return principal.may_see_private(req.station_id, req.opd, forwarded(req))


def may_see_identity(principal: Principal, req: ServiceRequest) -> bool:
    return principal.may_see_identity(req.station_id, req.anonim, req.opd, forwarded(req))


def visibility(principal: Principal) -> ColumnElement[bool]:
    """The cases ``principal`` may list, as a WHERE clause on ServiceRequest (queues, search,
    monitoring): staff all; a station its own; an OPD officer the cases forwarded to its OPD (rahasia
    ones too: the OPD must act on them); the public what is not rahasia."""
    if principal.is_staff:
        return true()
    if principal.is_station:
        return ServiceRequest.station_id == principal.account_id
    if principal.role == Role.OPD:
        if not principal.opd:
            return false()
        return and_(ServiceRequest.opd == principal.opd, ServiceRequest.forwarded_at.is_not(None))
    return ServiceRequest.rahasia.is_(False)


def visible(query: Select, principal: Principal) -> Select:
    """Restrict a query over ServiceRequest to the cases ``principal`` may list."""
    return query.where(visibility(principal))


def refuse(principal: Principal, what: str, message: str) -> Forbidden:
    """Log a refusal (account and role, no personal data) and return the error to raise."""
    log.warning("refused: %s (%s) %s", principal.name, principal.role or "publik", what)
    return Forbidden(message)


# -------------------------------------------------------------------------------------- changing status
@dataclass(frozen=True)
class StatusChange:
    """What a permitted change stores: the status, and whether it is an OPD handing the case back."""

    target: Status
    hand_back: bool = False


def check_status_change(
    principal: Principal,
    req: ServiceRequest,
    target: Status,
    *,
    station_transitions: frozenset[Status] = DEFAULT_STATION_TRANSITIONS,
    opd: str | None = None,
) -> StatusChange:
    """May ``principal`` move ``req`` to ``target``? Return what to store, or raise :class:`Forbidden`.
    The lifecycle itself (is the move legal at all) is checked after this, by the caller."""
    current = Status(req.status)
    what = f"tried to change case {req.id} from {current.value} to {target.value}"
    if principal.is_staff:
        return StatusChange(target)
    if principal.is_public:
        raise refuse(principal, what, "Masuk atau sertakan kunci API untuk mengubah status aduan.")
    if principal.role == Role.OPD:
        if not handles(principal, req):
            raise refuse(
                principal, what + " (not forwarded to its OPD)", "Aduan ini tidak diteruskan ke OPD Anda."
            )
        if target in HAND_BACK_TARGETS and current in HAND_BACK_FROM:
            return StatusChange(Status.TERVERIFIKASI, hand_back=True)
        if target in OPD_TARGETS:
            if opd is not None and opd != principal.opd:
                raise refuse(
                    principal, what + " (to another OPD)", "OPD tidak bisa meneruskan aduan ke OPD lain."
                )
            return StatusChange(target)
        raise refuse(
            principal,
            what,
            "OPD hanya boleh menandai aduan diproses, selesai, atau mengembalikannya sebagai bukan wewenang.",
        )
    if principal.is_station:
        if req.station_id != principal.account_id:
            raise refuse(principal, what + " of another station", "Aduan ini milik stasiun lain.")
        if target not in station_transitions:
            allowed = (
                ", ".join(s.label for s in sorted(station_transitions, key=list(Status).index)) or "tidak ada"
            )
            raise refuse(
                principal,
                what + " (not allowed to stations by the regency policy)",
                "Kebijakan kabupaten tidak mengizinkan stasiun mengubah status ke "
                f"\u201c{target.label}\u201d (yang boleh: {allowed}).",
            )
        return StatusChange(target)
    raise refuse(principal, what, "Akun ini tidak boleh mengubah status aduan.")
