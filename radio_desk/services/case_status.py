"""Status changes that need more than the lifecycle: who may reopen a final case.  No Qt here.

The desk has no login; the settings say the desk's role (``desk_role``: operator, editor or
coordinator).  Only a coordinator reopens a final case (bukan wewenang, duplikat, ditolak), always
with a reason; a refusal is logged (who and which case, never the reason's text) and raised as
:class:`~radio_desk.errors.PermissionDenied` in Indonesian.
"""

from __future__ import annotations

import logging
import uuid

from radio_desk.domain.models import StatusEvent
from radio_desk.errors import PermissionDenied
from radio_desk.store import Store

log = logging.getLogger(__name__)

COORDINATOR = "koordinator"
ROLES = ("operator", "editor", COORDINATOR)


def may_reopen(role: str) -> bool:
    return role == COORDINATOR


def reopen_case(store: Store, case_id: uuid.UUID, *, by: str, role: str, reason: str) -> StatusEvent:
    """Reopen ``case_id`` as ``by`` (in ``role``) for ``reason``: recorded in its status history."""
    if not may_reopen(role):
        log.warning("reopen refused: case %s, role %s", case_id, role or "-")
        raise PermissionDenied(
            "Hanya koordinator yang boleh membuka kembali aduan berstatus akhir "
            "(Pengaturan → peran meja ini: koordinator)."
        )
    return store.cases.reopen(case_id, by=by, reason=reason)
