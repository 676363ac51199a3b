"""A small hand-built set of cases with known monitoring figures (shared by the console tests).

"Now" is Wednesday 25 November 2026, 10.00 WIB (no holiday near).  Times below are WIB.

 #  station  status         opd      received       forwarded      followed up   overdue now?
 1  A        baru           -        Mon 16 09.00                                 yes (due Thu 19 09.00)
 2  A        terverifikasi  -        Tue 24 08.00                                 no  (due Fri 27)
 3  B        diteruskan     dpubmpr  Mon 16 08.00   Tue 17 08.00                  yes (due Tue 24 08.00)
 4  B        diteruskan     dishub   Mon 23 08.00   Mon 23 10.00                  no  (due Mon 30)
 5  A        selesai        dpubmpr  Mon 16 08.00   Mon 16 14.00   Wed 18 14.00   closed
 6  A        diproses       dpubmpr  Mon 23 07.00   Mon 23 11.00   Tue 24 11.00   no clock
 7  B rahasia baru          -        Tue 10 08.00                                 yes (due Fri 13 08.00)
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta, timezone
from typing import Any

from sqlalchemy import select

from radio_desk.server.models import Account, ServiceRequest

WIB = timezone(timedelta(hours=7))
NOW = datetime(2026, 11, 25, 10, 0, tzinfo=WIB)


def t(day: int, hour: int) -> datetime:
    return datetime(2026, 11, day, hour, 0, tzinfo=WIB)


ROWS = [
    # (no, station, status, opd, received, forwarded, followed, rahasia, description, notes)
    (1, "a", "baru", None, t(16, 9), None, None, False, "Lampu penerangan jalan mati di Kapas", ""),
    (2, "a", "terverifikasi", None, t(24, 8), None, None, False, "Sampah menumpuk di pasar Kota", ""),
    (3, "b", "diteruskan", "dpubmpr", t(16, 8), t(17, 8), None, False, "Jalan berlubang di Sumberrejo", ""),
    (4, "b", "diteruskan", "dishub", t(23, 8), t(23, 10), None, False, "Lampu lalu lintas rusak", ""),
    (5, "a", "selesai", "dpubmpr", t(16, 8), t(16, 14), t(18, 14), False, "Jembatan retak di Kalitidu", ""),
    (6, "a", "diproses", "dpubmpr", t(23, 7), t(23, 11), t(24, 11), False, "Jalan berlubang dekat SD", ""),
    (7, "b", "baru", None, t(10, 8), None, None, True, "Pungutan liar berlubang rahasia", "saksi takut"),
]


def build(sessionmaker, changes: dict[int, dict[str, Any]] | None = None) -> dict[int, int]:  # type: ignore[no-untyped-def]
    """Insert the set, with ``changes`` (row number → columns) made to some of its rows; returns
    {row number: service_request id}."""
    ids: dict[int, int] = {}
    changes = changes or {}
    with sessionmaker() as s:
        stations = {a.name[-1]: a.id for a in s.scalars(select(Account).where(Account.role == "station"))}
        for no, st, status, opd, rec, fwd, fol, rahasia, desc, notes in ROWS:
            closed = fol if status == "selesai" else None
            columns: dict[str, Any] = dict(
                case_uuid=str(uuid.uuid4()),
                token=uuid.uuid4().hex,
                station_id=stations[st],
                service_code="jalan",
                status=status,
                status_notes="Sudah ditambal oleh tim" if status == "selesai" else None,
                opd=opd,
                channel="on_air",
                urgency="sedang",
                description=desc,
                notes=notes,
                caller_name=f"Pak Penelepon{no}",
                phone=f"+62812000000{no}",
                anonim=False,
                rahasia=rahasia,
                kecamatan_code="35.22.01",
                requested_datetime=rec,
                created_at=rec,
                updated_datetime=fol or fwd or rec,
                verified_at=fwd,
                forwarded_at=fwd,
                followed_up_at=fol,
                closed_at=closed,
            )
            req = ServiceRequest(**{**columns, **changes.get(no, {})})
            s.add(req)
            s.flush()
            ids[no] = req.id
        s.commit()
    return ids


def add_many(  # type: ignore[no-untyped-def]
    sessionmaker, like: int, n: int, description: str = "x", at: datetime | None = None, **fields
) -> None:
    """``n`` more cases (jalan, baru, on air, sedang) at the station of case id ``like``, numbered in their
    uuid and token; ``description`` may name the number (``{i}``), ``at`` is their time (default: that
    case's), ``fields`` set any other column."""
    with sessionmaker() as s:
        base = s.get(ServiceRequest, like)
        at = at or base.requested_datetime
        for i in range(n):
            s.add(
                ServiceRequest(
                    case_uuid=f"00000000-0000-4000-8000-{i:012d}", token=f"tok{i:029d}",
                    station_id=base.station_id, service_code="jalan", status="baru", channel="on_air",
                    urgency="sedang", description=description.format(i=i), notes="", anonim=False,
                    rahasia=False, requested_datetime=at, created_at=at, updated_datetime=at, **fields,
                )
            )  # fmt: skip
        s.commit()


PASSWORD = "kata-sandi-uji-panjang"


def login(env, name: str, role: str):  # type: ignore[no-untyped-def]
    """A fresh TestClient signed in to the console as ``name`` (its password set here)."""
    import re

    from fastapi.testclient import TestClient

    from radio_desk.server.accounts import set_password
    from radio_desk.server.auth import Role

    with env.app.state.sessionmaker() as s:
        set_password(s, name, PASSWORD, {Role(role)})
    client = TestClient(env.app)
    form = client.get("/console/masuk")
    csrf = re.search(r'name="csrf" value="([^"]+)"', form.text).group(1)
    r = client.post(
        "/console/masuk", data={"name": name, "password": PASSWORD, "csrf": csrf}, follow_redirects=False
    )
    assert r.status_code == 303, r.text
    return client
