"""The weekly report dialog on a real store: generate off the GUI thread, preview pages, save, CSV."""

from __future__ import annotations

import re
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from radio_desk.domain.station_time import today_local
from radio_desk.reports.figures import compute_figures
from radio_desk.reports.indonesian import format_int
from radio_desk.reports.sample import sample_cases
from radio_desk.reports.weekly import INTERNAL_MARK, PUBLIC_MARK, last_review_week

START, END = date(2026, 11, 13), date(2026, 11, 19)
TIMEOUT_MS = 60_000


def _pdftotext(path: Path) -> str:
    run = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True)
    return run.stdout


def _pages(path: Path) -> int:
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))  # type: ignore[union-attr]


def _row(text: str, label: str) -> list[str]:
    line = next(line for line in text.splitlines() if line.strip().startswith(label))
    return line.split()[len(label.split()) :]


@pytest.fixture(scope="module")
def sample() -> tuple[list[Any], list[Any]]:
    return sample_cases(120, START)


@pytest.fixture
def store(tmp_path: Path, sample: tuple[list[Any], list[Any]]) -> Iterator[Any]:
    from radio_desk.store import open_store
    from tests.reports.conftest import save_to_sqlite

    db = tmp_path / "radio-desk.sqlite3"
    open_store(db).close()  # the real schema, migrated by Alembic
    save_to_sqlite(db, *sample)
    s = open_store(db)
    yield s
    s.close()


@pytest.fixture
def make_dialog(qtbot: Any, store: Any) -> Iterator[Any]:
    from radio_desk.gui.report_dialog import ReportDialog
    from radio_desk.gui.tasks import TaskRunner
    from radio_desk.settings import Settings

    made: list[Any] = []

    def make() -> Any:
        settings = Settings()
        settings.update({"operator_name": "Koordinator Uji"}, save=False)
        runner = TaskRunner(max_threads=2)  # real worker threads, as in the app
        dialog = ReportDialog(store, settings, runner)
        qtbot.addWidget(dialog)
        dialog.show()
        made.append((dialog, runner))
        return dialog

    yield make
    for dialog, runner in made:
        runner.wait()
        dialog.close()


def _generate(qtbot: Any, dialog: Any) -> None:
    dialog.ui.generateButton.click()
    assert dialog.generating and not dialog.ui.generateButton.isEnabled()
    qtbot.waitUntil(lambda: dialog.shown_pixmap() is not None, timeout=TIMEOUT_MS)
    assert not dialog.generating


def test_fits_a_1366x768_screen_with_a_task_bar(make_dialog: Any) -> None:
    """1366x728 available (a 40 px task bar), a title bar of about 30 px: the buttons stay on screen."""
    dialog = make_dialog()
    assert dialog.width() <= 1366 and dialog.height() + 30 <= 728
    assert dialog.minimumSizeHint().height() + 30 <= 728


def test_default_period_is_last_friday_to_thursday(make_dialog: Any) -> None:
    dialog = make_dialog()
    req = dialog.request()
    today = today_local()  # the station's day, not the PC clock's
    assert (req.start, req.end) == last_review_week(today)
    assert req.start.weekday() == 4 and req.end.weekday() == 3 and req.end < today
    assert req.station is None and req.edition == "internal"
    assert not dialog.ui.saveButton.isEnabled()  # nothing generated yet


def test_generate_preview_save(qtbot: Any, make_dialog: Any, sample: Any, tmp_path: Path) -> None:
    cases, events = sample
    dialog = make_dialog()
    assert dialog.ui.stationCombo.findData("malowopati-fm") > 0  # stations come from the store
    dialog.set_request(START, END, "malowopati-fm", "internal")
    _generate(qtbot, dialog)
    n_pages = dialog.page_count
    assert n_pages > 5
    assert dialog.ui.pageCountLabel.text().endswith(format_int(n_pages))
    pm = dialog.shown_pixmap()
    assert pm.height() > pm.width() > 500  # the portrait cover at preview resolution
    assert dialog.page_index == 0 and not dialog.ui.prevButton.isEnabled()

    dialog.ui.nextButton.click()
    qtbot.waitUntil(lambda: dialog.page_index == 1, timeout=TIMEOUT_MS)
    assert dialog.ui.pageSpin.value() == 2
    dialog.ui.pageSpin.setValue(n_pages)  # the last page is in the landscape appendix
    qtbot.waitUntil(lambda: dialog.page_index == n_pages - 1, timeout=TIMEOUT_MS)
    last = dialog.shown_pixmap()
    assert last.width() > last.height() and not dialog.ui.nextButton.isEnabled()

    out = tmp_path / "saved.pdf"
    assert dialog.ui.saveButton.isEnabled() and dialog.save_pdf(out)
    assert _pages(out) == n_pages
    text = _pdftotext(out)
    # figures computed here from the same cases (the dialog judged the norms at "now", so do we: the
    # counts below do not depend on the minute)
    expected = compute_figures(cases, events, datetime.now(UTC))
    assert dialog.generated.figures.received == len(cases) == expected.received
    assert _row(text, "Aduan diterima")[0] == format_int(len(cases))
    assert _row(text, "Terverifikasi")[0] == format_int(expected.verified)
    assert _row(text, "Diteruskan ke OPD")[0] == format_int(expected.forwarded)
    assert _row(text, "Selesai")[0] == format_int(expected.resolved)
    assert "Malowopati FM" in text and "Koordinator Uji" in text
    assert any(name in text for name in ("Santoso", "Wahyuni", "Prasetyo"))  # internal: reporters named
    assert "Jumat, 13 November 2026" in text and INTERNAL_MARK in text
    assert f"Halaman {n_pages} dari {n_pages}" in text


def test_public_edition_and_csv_of_the_same_filter(
    qtbot: Any, make_dialog: Any, sample: Any, tmp_path: Path
) -> None:
    cases, _ = sample
    secret = sum(c.rahasia for c in cases)
    assert secret > 0
    dialog = make_dialog()
    dialog.set_request(START, END, None, "public")
    _generate(qtbot, dialog)
    assert dialog.generated.figures.received == len(cases) - secret
    out = tmp_path / "public.pdf"
    assert dialog.save_pdf(out)
    text = _pdftotext(out)
    assert PUBLIC_MARK in text and INTERNAL_MARK not in text and "[RAHASIA]" not in text
    # the public edition names no reporter, not even those who gave their name
    for surname in ("Aminah", "Santoso", "Wahyuni", "Fauzi", "Lestari", "Prasetyo", "Marlina", "Susilo"):
        assert surname not in text, surname
    assert "Nama dan nomor telepon pelapor tidak dimuat" in text
    assert _row(text, "Aduan diterima")[0] == format_int(len(cases) - secret)

    csv_out = tmp_path / "public.csv"
    dialog.export_csv(csv_out)
    qtbot.waitUntil(lambda: str(csv_out) in dialog.ui.statusLabel.text(), timeout=TIMEOUT_MS)
    raw = csv_out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert len(raw.decode("utf-8-sig").splitlines()) - 1 == len(cases) - secret

    # changing an option makes the preview stale: saving is refused until generated again
    dialog.set_request(START, END, None, "internal")
    assert not dialog.ui.saveButton.isEnabled()


def test_bad_period_and_unwritable_target_are_messages(qtbot: Any, make_dialog: Any, tmp_path: Path) -> None:
    dialog = make_dialog()
    dialog.set_request(END, START)  # ends before it starts
    dialog.ui.generateButton.click()
    assert dialog.generated is None and not dialog.generating
    assert dialog.ui.statusLabel.text()  # says why, in the interface language
    dialog.set_request(START, END)
    _generate(qtbot, dialog)
    assert not dialog.save_pdf(tmp_path / "no-such-folder" / "x.pdf")
    assert "no-such-folder" in dialog.ui.statusLabel.text()


@contextmanager
def indonesian_dialog(qtbot: Any, store: Any) -> Iterator[Any]:
    """A dialog made under the Indonesian translation (synchronous tasks), the translation removed after."""
    from PySide6.QtCore import QCoreApplication, QTranslator

    from radio_desk.gui.report_dialog import ReportDialog
    from radio_desk.gui.tasks import TaskRunner
    from radio_desk.paths import resource_path
    from radio_desk.settings import Settings

    app = QCoreApplication.instance()
    tr = QTranslator()
    assert tr.load(str(resource_path("translations", "reports_id.qm")))
    app.installTranslator(tr)
    try:
        dialog = ReportDialog(store, Settings(), TaskRunner(synchronous=True))
        qtbot.addWidget(dialog)
        yield dialog
    finally:
        app.removeTranslator(tr)


def test_indonesian_interface(qtbot: Any, store: Any) -> None:
    with indonesian_dialog(qtbot, store) as dialog:
        assert dialog.ui.generateButton.text() == "&Buat"
        assert dialog.ui.stationCombo.itemText(0) == "Semua stasiun"
        assert dialog.windowTitle() == "Laporan mingguan rapat review"
        close = dialog.ui.buttonBox.buttons()[0]
        assert close.text() == "Tutup"


def test_closing_while_generating_is_safe(qtbot: Any, make_dialog: Any) -> None:
    dialog = make_dialog()
    dialog.set_request(START, END)
    folder = Path(dialog._tmp.name)
    dialog.ui.generateButton.click()
    dialog.reject()  # the coordinator gives up before the PDF is ready
    dialog.runner.wait()
    qtbot.wait(50)  # let the late result arrive at a closed dialog (a fixed time: nothing must happen)
    assert dialog.generated is None and not folder.exists()


def _type_date(qtbot: Any, edit: Any, text: str) -> None:
    """Type a date as a coordinator does: click into the field, select it all, type, no calendar."""
    edit.setFocus()
    qtbot.waitUntil(edit.hasFocus, timeout=5_000)
    edit.selectAll()
    qtbot.keyClicks(edit, text)


def test_typed_dates_take_effect_with_enter(qtbot: Any, make_dialog: Any) -> None:
    from PySide6.QtCore import Qt

    dialog = make_dialog()
    dialog.set_request(START, END)
    _type_date(qtbot, dialog.ui.fromEdit, "15/11/2026")
    _type_date(qtbot, dialog.ui.toEdit, "18/11/2026")
    qtbot.keyClick(dialog.ui.toEdit, Qt.Key.Key_Return)  # still in the field: Enter generates
    assert dialog.isVisible()  # Enter never closes the dialog
    qtbot.waitUntil(lambda: dialog.shown_pixmap() is not None, timeout=TIMEOUT_MS)
    assert (dialog.generated.request.start, dialog.generated.request.end) == (
        date(2026, 11, 15),
        date(2026, 11, 18),
    )


def test_typed_date_counts_even_before_the_field_is_left(qtbot: Any, make_dialog: Any) -> None:
    dialog = make_dialog()
    dialog.set_request(START, END)
    _type_date(qtbot, dialog.ui.toEdit, "16/11/2026")
    assert dialog.ui.toEdit.hasFocus()
    dialog.take_typed_dates()  # what Generate (also by its shortcut) and the CSV export do first
    assert dialog.request().end == date(2026, 11, 16)


def test_future_end_date_is_refused_in_indonesian(qtbot: Any, store: Any) -> None:
    from PySide6.QtCore import Qt

    with indonesian_dialog(qtbot, store) as dialog:
        dialog.show()
        future = date.today().replace(year=date.today().year + 1)
        _type_date(qtbot, dialog.ui.toEdit, future.strftime("%d/%m/%Y"))
        qtbot.keyClick(dialog.ui.toEdit, Qt.Key.Key_Return)
        assert dialog.generated is None and not dialog.generating
        text = dialog.ui.statusLabel.text()
        assert "masih di masa depan" in text and future.strftime("%d/%m/%Y") in text
        dialog.generate()  # the button refuses it as well
        assert dialog.generated is None
        dialog.set_request(START, END)  # a past period is fine again and the message goes
        assert "masa depan" not in dialog.ui.statusLabel.text()
