"""First start: the station name is required, and the welcome text counts the questions it asks."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from radio_desk.gui.first_start import FirstStartDialog
from radio_desk.gui.i18n import install_translators
from radio_desk.settings import Settings


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[None]:
    install_translators(qapp, "id")
    yield
    install_translators(qapp, "en")


def test_station_name_required_and_text_counts_questions(qtbot, indonesian) -> None:
    d = FirstStartDialog(Settings())
    qtbot.addWidget(d)
    questions = d.ui.firstForm.rowCount()
    assert questions == 3
    assert f"Jawab {questions} pertanyaan" in d.ui.introLabel.text()
    d.ui.stationNameEdit.setText("   ")
    d.accept()
    assert d.result() == 0 and not Settings()["first_run_done"]
    assert d.ui.messageLabel.text().startswith("Isi nama stasiun dulu")
    d.ui.stationNameEdit.setText("Radio Malowopati FM")
    assert d.ui.messageLabel.text() == ""  # the error goes once the name is typed
    d.accept()
    fresh = Settings()
    assert d.result() == 1 and fresh["first_run_done"] and fresh["station_name"] == "Radio Malowopati FM"
