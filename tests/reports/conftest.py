"""Fixtures for report tests: sample cases and a real SQLite store holding them."""

from __future__ import annotations

import subprocess
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from radio_desk.reports.sample import sample_cases

START, END = date(2026, 11, 13), date(2026, 11, 19)
AS_OF = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)  # Friday 08.00 WIB, the review morning


@pytest.fixture(scope="session")
def sample():  # type: ignore[no-untyped-def]
    return sample_cases(150, START)


def pdf_text(path: Path) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def fonts_not_embedded(path: Path) -> list[str]:
    """pdffonts rows of fonts the PDF uses without embedding them (should be none)."""
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = out.strip().splitlines()[2:]
    assert rows, "pdffonts lists no fonts at all"
    return [r for r in rows if r.split()[-5] != "yes"]


def save_to_sqlite(db: Path, cases, events) -> None:  # type: ignore[no-untyped-def]
    from sqlalchemy import create_engine
    from sqlalchemy.orm import Session

    from radio_desk.store.convert import case_values
    from radio_desk.store.models import Base, CaseRow, StationRow, StatusEventRow

    engine = create_engine(f"sqlite:///{db}")
    Base.metadata.create_all(engine)
    with Session(engine) as s:
        s.add(StationRow(code="malowopati-fm", name="Malowopati FM", regency_code="35.22"))
        for c in cases:
            s.add(CaseRow(**case_values(c)))  # the store's own Case -> row mapping
        s.flush()
        for e in events:
            s.add(
                StatusEventRow(
                    case_id=e.case_id,
                    from_status=e.from_status.value if e.from_status else None,
                    to_status=e.to_status.value,
                    at=e.at,
                    by=e.by,
                    note=e.note,
                )
            )
        s.commit()
    engine.dispose()
