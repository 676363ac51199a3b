"""The domain's labels (status, urgency, channel, "bawaan") follow the interface language: the same
words as the reports in Indonesian, English in the English interface; a language change says, in a
dialog, that it applies at a restart and offers one."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from radio_desk.domain import Case
from radio_desk.domain.enums import Channel, Status, Urgency
from radio_desk.gui.data_labels import channel_label, model_label, status_label, urgency_label
from radio_desk.gui.i18n import install_translators


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[None]:
    install_translators(qapp, "id")
    yield
    install_translators(qapp, "en")


def test_indonesian_labels_are_the_domains_own(indonesian) -> None:
    assert [status_label(s) for s in Status] == [s.label for s in Status]
    assert [urgency_label(u) for u in Urgency] == [u.label for u in Urgency]
    assert [channel_label(c) for c in Channel] == [c.label for c in Channel]
    assert model_label("whisper-base (bawaan)") == "whisper-base (bawaan)"


def test_english_interface_translates_data_labels(make_window, qtbot) -> None:
    assert status_label(Status.BUKAN_WEWENANG) == "Not our responsibility"
    assert urgency_label("darurat") == "Emergency" and channel_label(Channel.WALK_IN) == "Walk-in"
    assert model_label("whisper-base (bawaan)") == "whisper-base (bundled)"
    w = make_window(start=False)
    w.services.store.cases.create(
        Case(station="test-fm", caller_name="Bu Sri", summary="Banjir", urgency=Urgency.TINGGI)
    )
    w.desk.refresh()
    qtbot.waitUntil(lambda: w.desk.today_list.model.rowCount() == 1, timeout=5000)
    today = w.desk.today_list.model
    assert today.index(0, 4).data() == "3 High" and today.index(0, 5).data() == "New"
    w.status.set_model_state("ready", "whisper-base (bawaan)")
    assert w.status.model.text() == "Speech model: ready (whisper-base (bundled))"
    combo = w.ensure_editor().browser.ui.statusCombo
    assert "Not our responsibility" in [combo.itemText(i) for i in range(combo.count())]


def test_language_change_asks_to_restart(make_window, qtbot) -> None:
    w = make_window(start=False)
    seen: list[str] = []

    def press_later() -> None:
        box = next((x for x in QApplication.topLevelWidgets() if x.objectName() == "languageRestart"), None)
        if box is None or not box.isVisible():
            QTimer.singleShot(50, press_later)
            return
        seen.append(box.text())
        later = next(b for b in box.buttons() if b.text() == "Later")
        later.click()

    QTimer.singleShot(50, press_later)
    w.apply_settings({"ui_language"})
    assert seen == ["The new interface language applies when Radio Desk starts again. Restart now?"]
    assert not w.restart_requested and w.isVisible()  # "Later": nothing closes
