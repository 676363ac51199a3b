"""CSV export of any case list: UTF-8 with BOM and ";" (what Excel expects on Indonesian Windows).

Rows are written as they come, so any number of cases streams in constant memory.  Phones are
masked, anonymous callers unnamed, free text cleaned; the public edition drops rahasia cases and names
no reporter (:func:`radio_desk.reports.privacy.as_printed`).
Cells that a spreadsheet would run as a formula (=, +, -, @) are prefixed with an apostrophe.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from pathlib import Path

from radio_desk.domain import Case
from radio_desk.domain.gazetteer import get_gazetteer
from radio_desk.domain.taxonomy import get_taxonomy
from radio_desk.errors import ValidationError
from radio_desk.reports.indonesian import format_short_date, format_time
from radio_desk.reports.privacy import as_printed, caller_label, clean_text, phone_label

HEADER = [
    "id",
    "tanggal",
    "jam",
    "stasiun",
    "saluran",
    "pelapor",
    "telepon",
    "kecamatan",
    "desa",
    "kategori",
    "urgensi",
    "status",
    "opd",
    "rahasia",
    "ringkasan",
    "catatan",
]


def spreadsheet_safe(value: str) -> str:
    """The cell as text a spreadsheet will not run as a formula: an apostrophe before =, +, - or @."""
    return "'" + value if value[:1] in ("=", "+", "-", "@") else value


def write_cases_csv(
    cases: Iterable[Case], out: str | Path, edition: str = "internal", delimiter: str = ";"
) -> int:
    """Write the CSV; return the number of cases written."""
    tax, gaz = get_taxonomy(), get_gazetteer()
    n = 0
    try:
        with open(out, "w", encoding="utf-8-sig", newline="") as fh:
            w = csv.writer(fh, delimiter=delimiter)
            w.writerow(HEADER)
            for c in as_printed(cases, edition):
                row = [
                    str(c.id),
                    format_short_date(c.received_at),
                    format_time(c.received_at),
                    clean_text(c.station),
                    c.channel.label,
                    caller_label(c),
                    phone_label(c) if not c.anonim else "",
                    gaz.name(c.kecamatan_code),
                    gaz.name(c.desa_code),
                    tax.category_name(c.category) if c.category else "",
                    c.urgency.label,
                    c.status.label,
                    tax.opd_name(c.opd) if c.opd else "",
                    "ya" if c.rahasia else "tidak",
                    clean_text(c.summary, c),
                    clean_text(c.notes, c) if edition == "internal" else "",
                ]
                w.writerow([spreadsheet_safe(v) for v in row])
                n += 1
    except OSError as err:
        raise ValidationError(f"Berkas CSV {out} tidak bisa ditulis: {err.strerror or err}.") from err
    return n
