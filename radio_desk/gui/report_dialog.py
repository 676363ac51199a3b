"""The weekly review report from the app: period, station and edition, generated off the GUI thread,
previewed page by page, saved as PDF, and the same cases exported as CSV.  Wraps ``ui/report_dialog.ui``.

The PDF is written by :func:`radio_desk.reports.desk.write_weekly_report` (what ``radio-desk report
weekly`` runs) into a temporary folder; pages are rendered on demand by
:class:`radio_desk.reports.pages.PdfPages`, so a report of thousands of pages opens as fast as a short one.
"""

from __future__ import annotations

import getpass
import logging
import shutil
import tempfile
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QWidget

from radio_desk.domain.workdays import regency_days_off
from radio_desk.errors import RadioDeskError
from radio_desk.gui.date_typing import WholeDateTyping
from radio_desk.gui.error_message import error_text
from radio_desk.gui.generated.ui_report_dialog import Ui_ReportDialog
from radio_desk.gui.tasks import TaskRunner
from radio_desk.reports.desk import write_weekly_report
from radio_desk.reports.figures import KeyFigures
from radio_desk.reports.indonesian import format_int
from radio_desk.reports.pages import PageImage, PdfPages
from radio_desk.reports.period import last_review_week
from radio_desk.settings import Settings
from radio_desk.store import Store

log = logging.getLogger(__name__)

PREVIEW_DPI = 96.0


@dataclass(frozen=True)
class ReportRequest:
    """What the dialog's controls ask for; the PDF and the CSV are made from the same request."""

    start: date
    end: date
    station: str | None
    edition: str


@dataclass(frozen=True)
class Generated:
    request: ReportRequest
    pdf: Path
    figures: KeyFigures
    pages: PdfPages


def _qdate(d: date) -> QDate:
    return QDate(d.year, d.month, d.day)


def _pydate(q: QDate) -> date:
    return date(q.year(), q.month(), q.day())


class ReportDialog(QDialog):
    def __init__(
        self, store: Store, settings: Settings, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store, self.settings, self.runner = store, settings, runner
        self.ui = Ui_ReportDialog()
        self.ui.setupUi(self)
        self._tmp = tempfile.TemporaryDirectory(prefix="radio-desk-report-")
        self._serial = 0  # numbers each generation; a result for an older one is dropped
        self.generated: Generated | None = None
        self.page_index = -1  # the page on screen (0-based), -1 = none
        self._wanted_page = -1
        self._closed = False
        ui = self.ui
        start, end = last_review_week(date.today())
        ui.fromEdit.setDate(_qdate(start))
        ui.toEdit.setDate(_qdate(end))
        ui.stationCombo.addItem(self.tr("All stations"), None)
        for station in self._stations():
            ui.stationCombo.addItem(f"{station.name} ({station.code})", station.code)
        ui.editionCombo.addItem(self.tr("Internal (with confidential cases)"), "internal")
        ui.editionCombo.addItem(self.tr("Public (without confidential cases)"), "public")
        ui.generateButton.clicked.connect(self.generate)
        ui.generateButton.setDefault(True)  # Enter in a date field generates (it never closes the dialog)
        ui.saveButton.clicked.connect(self._ask_save_pdf)
        ui.csvButton.clicked.connect(self._ask_export_csv)
        # from the page last asked for, so quick clicks move on even before a page has been drawn
        ui.prevButton.clicked.connect(lambda: self.show_page(self._wanted_page - 1))
        ui.nextButton.clicked.connect(lambda: self.show_page(self._wanted_page + 1))
        ui.pageSpin.valueChanged.connect(lambda n: self.show_page(n - 1))
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        ui.buttonBox.rejected.connect(self.reject)
        for signal in (
            ui.fromEdit.dateChanged,
            ui.toEdit.dateChanged,
            ui.stationCombo.currentIndexChanged,
            ui.editionCombo.currentIndexChanged,
        ):
            signal.connect(self._options_changed)
        self._date_typing = WholeDateTyping(self)  # a whole date typed over the old one takes effect
        self._date_typing.watch(ui.fromEdit, ui.toEdit)
        for edit in (ui.fromEdit, ui.toEdit):  # and counts once the field is left or Enter pressed
            edit.editingFinished.connect(self._options_changed)
        ui.pageLabel.setText(self.tr("Choose the period and press Generate to see the report here."))
        self._update_controls()

    # -- the request -------------------------------------------------------------------------------
    def _stations(self) -> list[Any]:
        try:
            return list(self.store.stations.list())
        except RadioDeskError as err:
            log.warning("stations could not be listed: %s", err)
            return []

    def take_typed_dates(self) -> None:
        """Take what was typed into the date fields even while the cursor is still in one (Generate by
        its shortcut, the CSV button): the calendar is not the only way in."""
        for edit in (self.ui.fromEdit, self.ui.toEdit):
            edit.interpretText()

    def request(self) -> ReportRequest:
        ui = self.ui
        return ReportRequest(
            _pydate(ui.fromEdit.date()),
            _pydate(ui.toEdit.date()),
            ui.stationCombo.currentData(),
            ui.editionCombo.currentData(),
        )

    def set_request(
        self, start: date, end: date, station: str | None = None, edition: str = "internal"
    ) -> None:
        ui = self.ui
        ui.fromEdit.setDate(_qdate(start))
        ui.toEdit.setDate(_qdate(end))
        i = ui.stationCombo.findData(station) if station else 0
        if i < 0:  # a station code with no row in the stations table yet
            ui.stationCombo.addItem(station, station)
            i = ui.stationCombo.count() - 1
        ui.stationCombo.setCurrentIndex(i)
        ui.editionCombo.setCurrentIndex(max(0, ui.editionCombo.findData(edition)))

    def _author(self) -> str:
        return self.settings["operator_name"] or getpass.getuser()

    def _problem(self, req: ReportRequest) -> str:
        """Why the period cannot be reported on (empty: it can)."""
        if req.end < req.start:
            return self.tr("The end of the period is before its start.")
        if req.end > date.today():
            return self.tr(
                "The end of the period (%1) is in the future: choose today at the latest."
            ).replace("%1", req.end.strftime("%d/%m/%Y"))
        return ""

    def _check(self, req: ReportRequest) -> bool:
        problem = self._problem(req)
        if problem:
            self._status(problem, error=True)
        return not problem

    # -- generating --------------------------------------------------------------------------------
    @property
    def generating(self) -> bool:
        return self._generating

    def generate(self) -> None:
        self.take_typed_dates()
        req = self.request()
        if not self._check(req):
            return
        self._serial += 1
        serial = self._serial
        out = Path(self._tmp.name) / f"laporan-{serial}.pdf"
        database, author = self.store.path, self._author()
        days_off = regency_days_off(self.settings["regency_holidays"])

        def work() -> Generated:
            figures = write_weekly_report(
                database, req.start, req.end, out, station=req.station, edition=req.edition, by=author,
                holidays=days_off,
            )  # fmt: skip
            return Generated(req, out, figures, PdfPages(out))

        self._drop_generated()
        self._generating = True
        self._status(self.tr("Generating the report…"))
        self._update_controls()
        self.runner.submit(work, lambda g: self._generated(serial, g), lambda e: self._failed(serial, e))

    def _generated(self, serial: int, result: Generated) -> None:
        if self._closed or serial != self._serial:
            result.pages.close()
            return
        self._generating = False
        self.generated = result
        f = result.figures
        self._status(
            self.tr("%1 complaints, %2 pages. Save the PDF or export the same cases as CSV.")
            .replace("%1", format_int(f.received))
            .replace("%2", format_int(result.pages.count))
        )
        self.ui.pageSpin.blockSignals(True)
        self.ui.pageSpin.setMaximum(max(1, result.pages.count))
        self.ui.pageSpin.blockSignals(False)
        self.ui.pageCountLabel.setText(self.tr("of %1").replace("%1", format_int(result.pages.count)))
        self.page_index = -1
        self._update_controls()
        self.show_page(0)

    def _failed(self, serial: int, err: object) -> None:
        if self._closed or serial != self._serial:
            return
        self._generating = False
        self._status(self._message(err, self.tr("The report could not be made")), error=True)
        self._update_controls()

    def _message(self, err: object, what: str) -> str:
        return error_text(err, what)

    # -- preview -----------------------------------------------------------------------------------
    @property
    def page_count(self) -> int:
        return self.generated.pages.count if self.generated else 0

    def show_page(self, index: int) -> None:
        """Render page ``index`` (0-based) off the GUI thread and show it."""
        g = self.generated
        if g is None or not 0 <= index < g.pages.count or index == self._wanted_page:
            return
        self._wanted_page = index
        serial = self._serial
        ratio = self.devicePixelRatioF()  # sharp on high-density screens
        self.runner.submit(
            lambda: g.pages.render(index, PREVIEW_DPI * ratio),
            lambda img: self._page_ready(serial, img, ratio),
            lambda e: self._failed_page(serial, e),
        )

    def _page_ready(self, serial: int, img: PageImage, ratio: float = 1.0) -> None:
        if self._closed or serial != self._serial or img.index != self._wanted_page:
            return
        qimg = QImage(img.pixels, img.width, img.height, img.stride, QImage.Format.Format_BGR888).copy()
        pixmap = QPixmap.fromImage(qimg)
        pixmap.setDevicePixelRatio(ratio)
        self.ui.pageLabel.setPixmap(pixmap)
        self.ui.pageLabel.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
        self.page_index = img.index
        self.ui.pageSpin.blockSignals(True)
        self.ui.pageSpin.setValue(img.index + 1)
        self.ui.pageSpin.blockSignals(False)
        self._update_controls()

    def _failed_page(self, serial: int, err: object) -> None:
        if not self._closed and serial == self._serial:
            self._status(self._message(err, self.tr("The page could not be shown")), error=True)

    def shown_pixmap(self) -> QPixmap | None:
        pm = self.ui.pageLabel.pixmap()
        return None if pm is None or pm.isNull() else pm

    # -- saving ------------------------------------------------------------------------------------
    def save_pdf(self, path: str | Path) -> bool:
        """Copy the generated PDF to ``path``; a clear message when that fails."""
        if self.generated is None:
            return False
        try:
            shutil.copyfile(self.generated.pdf, path)
        except OSError as err:
            self._status(
                self.tr("The PDF could not be saved to %1: %2")
                .replace("%1", str(path))
                .replace("%2", err.strerror or str(err)),
                error=True,
            )
            return False
        self._status(self.tr("Saved to %1.").replace("%1", str(path)))
        return True

    def export_csv(self, path: str | Path) -> None:
        """The same cases (period, station, edition) as CSV, written off the GUI thread."""
        from radio_desk.reports.csv_export import write_cases_csv
        from radio_desk.reports.desk import iter_cases

        self.take_typed_dates()
        req = self.request()
        if not self._check(req):
            return
        database = self.store.path

        def work() -> int:
            rows = iter_cases(database, req.start, req.end, req.station)
            return write_cases_csv(rows, path, req.edition)

        self._status(self.tr("Exporting CSV…"))
        self.runner.submit(work, lambda n: self._csv_done(path, n), self._csv_failed)

    def _csv_done(self, path: str | Path, n: int) -> None:
        if not self._closed:
            self._status(
                self.tr("%1 complaints exported to %2.").replace("%1", format_int(n)).replace("%2", str(path))
            )

    def _csv_failed(self, err: object) -> None:
        if not self._closed:
            self._status(self._message(err, self.tr("The CSV could not be written")), error=True)

    def _suggested_name(self, suffix: str) -> str:
        req = self.request()
        edition = "" if req.edition == "internal" else "-publik"
        return f"laporan-{req.start.isoformat()}-{req.end.isoformat()}{edition}{suffix}"

    def _ask_save_pdf(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save report"), self._suggested_name(".pdf"), self.tr("PDF files (*.pdf)")
        )
        if path:
            self.save_pdf(path if path.lower().endswith(".pdf") else path + ".pdf")

    def _ask_export_csv(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export CSV"), self._suggested_name(".csv"), self.tr("CSV files (*.csv)")
        )
        if path:
            self.export_csv(path if path.lower().endswith(".csv") else path + ".csv")

    # -- state -------------------------------------------------------------------------------------
    _generating = False

    def _options_changed(self) -> None:
        req = self.request()
        problem = self._problem(req)
        if problem:
            self._status(problem, error=True)
        elif self.generated is not None and self.generated.request != req:
            self._status(self.tr("The options changed: press Generate to make the report again."))
        elif self.ui.statusLabel.styleSheet():  # a period problem was fixed
            self._status("")
        self._update_controls()

    def _update_controls(self) -> None:
        ui = self.ui
        fresh = self.generated is not None and self.generated.request == self.request()
        ui.generateButton.setEnabled(not self._generating)
        ui.saveButton.setEnabled(fresh and not self._generating)
        ui.csvButton.setEnabled(not self._generating)
        n = self.page_count
        ui.pageSpin.setEnabled(n > 1)
        ui.prevButton.setEnabled(self.page_index > 0)
        ui.nextButton.setEnabled(0 <= self.page_index < n - 1)
        if not n:
            ui.pageCountLabel.setText("")

    def _status(self, text: str, error: bool = False) -> None:
        self.ui.statusLabel.setText(text)
        self.ui.statusLabel.setStyleSheet("color: #b00020;" if error else "")

    def _drop_generated(self) -> None:
        if self.generated is not None:
            self.generated.pages.close()
        self.generated = None
        self.page_index = self._wanted_page = -1
        self.ui.pageLabel.clear()

    def done(self, result: int) -> None:
        self._closed = True
        self._drop_generated()
        self._tmp.cleanup()
        super().done(result)
