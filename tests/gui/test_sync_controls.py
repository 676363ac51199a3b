"""Sync controls on screen: "Sinkron sekarang" (menu and status bar) wakes the real worker, which then
sends at once to the real server that came back; the Settings dialog's connection test runs off the GUI
thread and says in Indonesian what is wrong."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QToolButton

from radio_desk.domain import Case
from radio_desk.gui.i18n import install_translators
from radio_desk.gui.settings_dialog import SettingsDialog
from radio_desk.settings import Settings
from tests.sync.threaded_server import free_port, threaded_server


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[None]:
    install_translators(qapp, "id")
    yield
    install_translators(qapp, "en")


def test_sync_now_sends_at_once_after_an_outage(indonesian, make_window, qtbot, tmp_path: Path) -> None:
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    w = make_window(start=False, settings={"server_url": url})
    action = w.sync_now.action
    assert action.text() == "Si&nkron sekarang" and action in w.ui.menuFile.actions()
    assert w.findChild(QToolButton, "syncNowButton").defaultAction() is action
    action.trigger()  # no worker yet: says so instead of doing nothing
    assert "Server pusat belum diatur" in w.ui.statusbar.currentMessage()
    with threaded_server(tmp_path / "srv", port) as (_url, keys):
        w.services.settings.set_server_key(keys["station"])
    store = w.services.store
    store.cases.create(Case(station="test-fm", caller_name="Bu Sri", summary="Jalan berlubang"))
    w.services.start_sync = True
    w._start_sync()  # the app's path: key read on a worker, then the real SyncWorker with the app's probe
    qtbot.waitUntil(lambda: w.sync_worker is not None, timeout=5000)
    worker = w.sync_worker
    qtbot.waitUntil(lambda: "Luring" in worker.snapshot().message, timeout=10_000)
    assert worker.snapshot().pending == 1 and worker.probe.low >= 15
    with threaded_server(tmp_path / "srv", port):  # the same server (same keys) is back
        time.sleep(0.5)  # a fixed time on purpose: nothing must happen meanwhile
        assert worker.snapshot().pending == 1  # the next probe is 15–30 s away
        started = time.monotonic()
        action.trigger()
        qtbot.waitUntil(lambda: worker.snapshot().pending == 0, timeout=10_000)
        assert time.monotonic() - started < 10
        qtbot.waitUntil(lambda: worker.snapshot().online, timeout=10_000)
        w.status.poll()
        qtbot.waitUntil(lambda: "daring" in w.status.sync.text(), timeout=10_000)


def test_connection_test_in_settings(indonesian, qtbot, tmp_path: Path) -> None:
    s = Settings()
    with threaded_server(tmp_path) as (url, keys):
        d = SettingsDialog(s)
        qtbot.addWidget(d)
        ui = d.ui
        assert ui.testConnectionButton.text() == "Uji sambungan"
        ui.serverEdit.setText(url)
        ui.keyEdit.setText("rdk_salah")
        ui.testConnectionButton.click()
        assert ui.connectionResultLabel.text() == "Menguji sambungan…"  # the GUI did not wait
        qtbot.waitUntil(lambda: ui.testConnectionButton.isEnabled(), timeout=15_000)
        assert "menolak kunci stasiun" in ui.connectionResultLabel.text()
        ui.keyEdit.setText(keys["station"])
        ui.testConnectionButton.click()
        qtbot.waitUntil(lambda: ui.connectionResultLabel.text().startswith("Tersambung"), timeout=15_000)
    ui.serverEdit.setText(f"http://127.0.0.1:{free_port()}")
    ui.testConnectionButton.click()
    qtbot.waitUntil(lambda: ui.testConnectionButton.isEnabled(), timeout=15_000)
    assert "menolak sambungan" in ui.connectionResultLabel.text()
