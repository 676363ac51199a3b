"""Backups from the window: "Cadangkan sekarang" makes a real backup on a worker; "Pulihkan dari
cadangan" checks the file, asks with what it holds, and the restore is applied at the next start
(before the database opens), keeping the replaced database as a safety copy."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from radio_desk.domain import Case
from radio_desk.gui import app as gui_app
from radio_desk.gui.i18n import install_translators
from radio_desk.paths import app_paths
from radio_desk.store import open_store
from radio_desk.store.backup import PENDING, backups


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[None]:
    install_translators(qapp, "id")
    yield
    install_translators(qapp, "en")


def answer_box(name: str | None, button: QMessageBox.StandardButton, seen: list[str]) -> None:
    """Press ``button`` on the message box that opens next (its text kept in ``seen``)."""

    def press() -> None:
        for w in QApplication.topLevelWidgets():
            if isinstance(w, QMessageBox) and w.isVisible() and (name is None or w.objectName() == name):
                seen.append(w.text())
                w.button(button).click()
                return
        QTimer.singleShot(50, press)

    QTimer.singleShot(50, press)


def test_back_up_now_and_restore(indonesian, make_window, qtbot) -> None:
    w = make_window(start=False)
    store = w.services.store
    db = Path(store.path)
    store.cases.create(Case(station="test-fm", caller_name="Bu Sri", summary="Jalan berlubang"))
    actions = {a.objectName(): a for a in w.ui.menuFile.actions()}
    assert actions["actionBackUpNow"].text() == "&Cadangkan sekarang"
    assert actions["actionRestore"].text() == "&Pulihkan dari cadangan…"
    folder = app_paths().data / "backups"
    actions["actionBackUpNow"].trigger()
    qtbot.waitUntil(lambda: w.ui.statusbar.currentMessage().startswith("Cadangan disimpan"), timeout=10_000)
    [(_, backup)] = backups(folder)
    store.cases.create(Case(station="test-fm", caller_name="Pak Budi", summary="Sesudah cadangan"))
    assert store.cases.count() == 2

    seen: list[str] = []
    answer_box("restoreConfirm", QMessageBox.StandardButton.Yes, seen)
    w.backups.check_restore(backup)
    qtbot.waitUntil(lambda: w.backups.restart_requested, timeout=10_000)
    assert "Cadangan ini memuat 1 aduan" in seen[0] and "salinan pengaman" in seen[0]
    assert (app_paths().data / PENDING).exists() and not w.isVisible()
    store.close()

    # the next start: restored before the store opens, and said so
    answer_box(None, QMessageBox.StandardButton.Ok, seen)
    gui_app.restore_if_requested(db)
    assert seen[-1].startswith("Basis data dipulihkan dari " + backup.name)
    with open_store(db) as again:
        assert again.cases.count() == 1
    [safety] = db.parent.glob("radio-desk.before-restore-*.sqlite3")
    with open_store(safety) as kept:
        assert kept.cases.count() == 2


def test_a_damaged_file_is_refused_before_asking(indonesian, make_window, qtbot, tmp_path: Path) -> None:
    w = make_window(start=False)
    bad = tmp_path / "bukan.sqlite3"
    bad.write_text("bukan basis data")
    seen: list[str] = []
    answer_box(None, QMessageBox.StandardButton.Ok, seen)
    w.backups.check_restore(bad)
    qtbot.waitUntil(lambda: bool(seen), timeout=10_000)
    assert seen[0].startswith("Tidak dipulihkan: bukan.sqlite3 bukan basis data Radio Desk")
    assert not w.backups.restart_requested and not (app_paths().data / PENDING).exists()
