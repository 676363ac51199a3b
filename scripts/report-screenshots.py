"""Sample pages of the weekly report and the report dialog, for docs/screenshots/ (linked from the README).

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/report-screenshots.py

Sample cases (radio_desk.reports.sample, invented), a throwaway database, pdftoppm for the pages.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from datetime import UTC, date, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
START, END = date(2026, 11, 13), date(2026, 11, 19)
AS_OF = datetime(2026, 11, 20, 1, 0, tzinfo=UTC)  # Friday 08.00 WIB
# cover, key figures, charts; the first page of "urgent and overdue" and of the appendix are found below
PAGES = {"01": 1, "02": 2, "03": 3}


def main() -> None:
    tmp = Path(tempfile.mkdtemp(prefix="rd-shots-"))
    os.environ.setdefault("RADIO_DESK_HOME", str(tmp / "home"))
    from radio_desk.reports.sample import sample_cases
    from radio_desk.reports.weekly import ReportData, build_weekly_report

    cases, events = sample_cases(120, START)
    pdf = tmp / "weekly.pdf"
    build_weekly_report(
        ReportData(START, END, cases, events, ["Malowopati FM"], "internal", "koordinator", AS_OF), pdf
    )
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    pages = text.split("\f")

    def first(heading: str) -> int:
        return next(i for i, p in enumerate(pages, 1) if heading in p)

    found = {"04": first("Aduan mendesak dan lewat batas waktu"), "05": first("Lampiran: daftar lengkap")}
    for name, page in {**PAGES, **found}.items():
        stem = OUT / f"report-weekly-{name}"
        subprocess.run(
            [
                "pdftoppm",
                "-png",
                "-r",
                "60",
                "-f",
                str(page),
                "-l",
                str(page),
                "-singlefile",
                str(pdf),
                str(stem),
            ],
            check=True,
        )
    dialog_shot(tmp, cases, events)
    print(f"written to {OUT}")


def dialog_shot(tmp: Path, cases: list, events: list) -> None:  # type: ignore[type-arg]
    from PySide6.QtWidgets import QApplication

    from radio_desk.gui.i18n import install_translators
    from radio_desk.gui.report_dialog import ReportDialog
    from radio_desk.gui.tasks import TaskRunner
    from radio_desk.settings import Settings
    from radio_desk.store import open_store
    from tests.reports.conftest import save_to_sqlite

    app = QApplication.instance() or QApplication([])
    install_translators(app, "id")
    db = tmp / "desk.sqlite3"
    open_store(db).close()
    save_to_sqlite(db, cases, events)
    store = open_store(db)
    settings = Settings(tmp / "settings.toml")
    settings.update({"operator_name": "koordinator"}, save=False)
    dialog = ReportDialog(store, settings, TaskRunner(synchronous=True))
    dialog.set_request(START, END, "malowopati-fm", "internal")
    dialog.resize(900, 680)  # its default: fits 1366x768 with a task bar and a title bar
    dialog.show()
    dialog.generate()
    app.processEvents()
    dialog.grab().save(str(OUT / "report-dialog.png"))
    dialog.close()
    store.close()


if __name__ == "__main__":
    main()
