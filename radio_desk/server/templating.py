"""The Jinja2 environment of the server's HTML pages (``radio_desk/server/templates``), with the
Indonesian formats of the reports as filters.  Autoescaping is on for every template."""

from __future__ import annotations

import time
from pathlib import Path

from fastapi.templating import Jinja2Templates

from radio_desk.domain.enums import Status, label_of
from radio_desk.domain.gazetteer import get_gazetteer
from radio_desk.domain.taxonomy import Taxonomy, get_taxonomy
from radio_desk.reports.indonesian import (
    format_date,
    format_datetime,
    format_duration_hours,
    format_int,
    format_short_date,
)

TEMPLATES_DIR = Path(__file__).resolve().parent / "templates"
STATIC_DIR = Path(__file__).resolve().parent / "static"

TAXONOMY_SECONDS = 30.0
_taxonomy: tuple[float, Taxonomy] | None = None


def taxonomy() -> Taxonomy:
    """The taxonomy, looked up at most every ``TAXONOMY_SECONDS`` (a page names hundreds of categories
    and OPDs; each :func:`get_taxonomy` resolves the user's folders and checks the file's time)."""
    global _taxonomy
    now = time.monotonic()
    if _taxonomy is None or _taxonomy[0] < now:
        _taxonomy = (now + TAXONOMY_SECONDS, get_taxonomy())
    return _taxonomy[1]


templates = Jinja2Templates(directory=str(TEMPLATES_DIR))
env = templates.env
env.filters["tanggal"] = lambda d: format_date(d, weekday=False) if d else "-"
env.filters["tanggal_pendek"] = lambda d: format_short_date(d) if d else "-"
env.filters["waktu"] = lambda d: format_datetime(d, weekday=False) if d else "-"
env.filters["angka"] = format_int
env.filters["durasi"] = format_duration_hours
env.filters["status_label"] = lambda s: label_of(Status, s)
env.filters["kategori"] = lambda c: taxonomy().category_name(c)
env.filters["opd_nama"] = lambda c: taxonomy().opd_name(c) if c else "Belum ditentukan"
env.filters["wilayah"] = lambda c: get_gazetteer().name(c) or "-" if c else "-"
