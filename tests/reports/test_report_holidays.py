"""The weekly report's norm clocks skip national holidays, cuti bersama and the regency's own days (the
``regency_holidays`` setting), through the real command on a real store file."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

from radio_desk.domain import Case, Status, StatusEvent
from radio_desk.domain.workdays import WIB
from tests.reports.conftest import pdf_text, save_to_sqlite


def _forwarded(received: str, forwarded: str) -> tuple[Case, list[StatusEvent]]:
    at = datetime.fromisoformat(received).replace(tzinfo=WIB)
    fwd = datetime.fromisoformat(forwarded).replace(tzinfo=WIB)
    case = Case(received_at=at, status=Status.DITERUSKAN, station="malowopati-fm", category="jalan",
                opd="dpubmpr", created_at=at, updated_at=fwd)  # fmt: skip
    return case, [
        StatusEvent(case.id, None, Status.BARU, at),
        StatusEvent(case.id, Status.BARU, Status.DITERUSKAN, fwd),
    ]


def _late_to_forward(tmp_path: Path, db: Path, regency_days: str | None) -> str:
    home = tmp_path / f"home-{regency_days}"
    if regency_days is not None:
        settings = home / "config" / "settings.json"
        settings.parent.mkdir(parents=True)
        settings.write_text(json.dumps({"version": 2, "regency_holidays": regency_days}), encoding="utf-8")
    out = tmp_path / f"laporan-{regency_days}.pdf"
    subprocess.run(
        [sys.executable, "-m", "radio_desk", "report", "weekly", "--database", str(db),
         "--from", "2026-03-01", "--to", "2026-08-31", "--out", str(out)],
        env={**os.environ, "RADIO_DESK_HOME": str(home)}, check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    line = next(x for x in pdf_text(out).splitlines() if "Lewat batas 3 hari kerja" in x)
    return line.split(")")[-1].split()[0]


def test_weekly_report_counts_working_days_without_holidays(tmp_path: Path) -> None:
    pairs = [
        _forwarded("2026-03-17T10:00", "2026-03-27T09:00"),  # Nyepi, Idul Fitri + 5 days cuti bersama
        _forwarded("2026-05-26T10:00", "2026-06-03T09:00"),  # Idul Adha + cuti, Hari Lahir Pancasila
        _forwarded("2026-08-24T10:00", "2026-08-31T09:00"),  # Maulid 25 Aug; on time only with 27 Aug off
    ]
    db = tmp_path / "desk.sqlite3"
    save_to_sqlite(db, [c for c, _ in pairs], [e for _, ev in pairs for e in ev])
    assert _late_to_forward(tmp_path, db, None) == "1"  # national days only: the August case is late
    assert _late_to_forward(tmp_path, db, "2026-08-27") == "0"  # the regency's own day off
