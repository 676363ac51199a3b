"""A second start of the desktop app brings the running window forward (or says it runs) and exits
without opening a second desk on the same data folder."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from radio_desk.errors import ModelError
from radio_desk.gui.i18n import install_translators
from radio_desk.gui.single_instance import SingleInstance, bring_forward, second_start
from radio_desk.paths import app_paths

ROOT = Path(__file__).resolve().parents[2]


def _no_model() -> None:
    raise ModelError("no model in this test")


@pytest.fixture
def first_app(qtbot: Any, tmp_path: Path) -> Any:
    """The running app: the data folder claimed, the real main window shown (not started: no input,
    no model)."""
    from radio_desk.gui.main_window import MainWindow
    from radio_desk.gui.services import Services
    from radio_desk.gui.tasks import TaskRunner
    from radio_desk.settings import Settings
    from radio_desk.store import open_store

    settings = Settings()
    settings.update({"first_run_done": True, "station_code": "test-fm"})
    instance = SingleInstance(app_paths().ensure().data)
    assert instance.claim()
    services = Services(
        open_store(tmp_path / "radio-desk.sqlite3"), settings, TaskRunner(max_threads=2),
        engine_loader=_no_model, start_sync=False,
    )  # fmt: skip
    window = MainWindow(services)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    instance.show_requested.connect(lambda: bring_forward(window))
    yield instance, window
    window.close()
    services.store.close()
    instance.release()


def _second_start(home: Path) -> subprocess.Popen[str]:
    env = dict(os.environ, RADIO_DESK_HOME=str(home), QT_QPA_PLATFORM="offscreen")
    return subprocess.Popen(
        [sys.executable, "-m", "radio_desk"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
    )  # fmt: skip


def test_second_start_brings_the_running_window_forward_and_exits(qtbot, first_app, isolated_home):
    instance, window = first_app
    window.showMinimized()
    qtbot.waitUntil(window.isMinimized, timeout=5000)
    asked: list[bool] = []
    instance.show_requested.connect(lambda: asked.append(True))
    proc = _second_start(isolated_home)
    try:
        qtbot.waitUntil(lambda: proc.poll() is not None, timeout=60_000)  # the event loop answers it
    finally:
        if proc.poll() is None:
            proc.kill()
    out, err = proc.communicate()
    assert proc.returncode == 0, err
    assert "Radio Desk sudah berjalan" in out, out + err
    assert "Traceback" not in err
    assert asked == [True]
    assert window.isVisible() and not window.isMinimized()
    logs = app_paths().logs
    second_log = "".join(p.read_text(encoding="utf-8") for p in logs.glob("radio-desk-gui*.log"))
    assert "already running: the first app's window was brought forward" in second_log


HOLDER = """
import sys, time
from radio_desk.locks import AppLock
from radio_desk.gui.single_instance import app_lock_path
from radio_desk.paths import app_paths
assert AppLock(app_lock_path(app_paths().ensure().data)).acquire()
print("held", flush=True)
sys.stdin.readline()
"""


def test_second_start_says_it_runs_when_the_first_does_not_answer(qtbot, qapp, isolated_home):
    """The data folder is taken by a process that does not answer (an app still starting, hung)."""
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
        env=dict(os.environ, RADIO_DESK_HOME=str(isolated_home)), cwd=ROOT,
    )  # fmt: skip
    shown: list[str] = []

    def close_box() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            shown.append(box.text())
            box.accept()
        else:
            QTimer.singleShot(50, close_box)

    install_translators(qapp, "id")
    try:
        assert holder.stdout.readline().strip() == "held"
        instance = SingleInstance(app_paths().data)
        assert not instance.claim()  # another live process has the data folder
        QTimer.singleShot(50, close_box)
        started = time.monotonic()
        assert second_start(instance) == 1
        assert time.monotonic() - started < 15
    finally:
        install_translators(qapp, "en")
        holder.stdin.write("\n")
        holder.stdin.flush()
        holder.wait(10)
    assert len(shown) == 1 and shown[0].startswith("Radio Desk sudah berjalan"), shown
    again = SingleInstance(app_paths().data)
    assert again.claim()  # the holder is gone: the lock went with it
    again.release()
