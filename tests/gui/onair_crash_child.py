"""Child process for the crash test: starts a call on the demo input, types into the form, waits until
the draft names the recording, then kills itself with SIGKILL (no clean-up of any kind runs).

    python onair_crash_child.py DATABASE     (RADIO_DESK_HOME from the environment)
"""

from __future__ import annotations

import json
import os
import signal
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from conftest import demo_factory
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from radio_desk.errors import ModelError
from radio_desk.gui.main_window import MainWindow
from radio_desk.gui.services import Services
from radio_desk.gui.tasks import TaskRunner
from radio_desk.settings import Settings
from radio_desk.store import open_store


def no_model() -> None:
    raise ModelError("no model in the crash child")


def wait(cond, timeout: float = 15.0) -> None:  # type: ignore[no-untyped-def]
    end = time.monotonic() + timeout
    while not cond():
        if time.monotonic() > end:
            sys.exit("timed out")
        QTest.qWait(20)


def main() -> None:
    app = QApplication([])
    settings = Settings()
    settings.update({"first_run_done": True, "station_code": "test-fm"})
    services = Services(
        open_store(Path(sys.argv[1])), settings, TaskRunner(max_threads=2),
        recorder_factory=demo_factory(), engine_loader=no_model, start_sync=False,
    )  # fmt: skip
    window = MainWindow(services)
    window.show()
    window.start()
    desk = window.desk
    wait(lambda: desk.recorder.recorder is not None)
    desk.toggle_record()
    wait(lambda: desk.recorder.recording)
    desk.ui.callerEdit.setText("Pak Slamet")
    desk.ui.summaryEdit.setText("Lampu jalan mati")
    desk.form.changed.emit()
    wait(lambda: desk.recorder.last_status.elapsed_s >= 2.5)  # audio on disk (the parent wants 2 s)
    desk.drafts.save()
    path = services.drafts.path

    def draft_ready() -> bool:
        try:
            d = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return False
        calls = d.get("calls") or []
        return d["form"]["caller_name"] == "Pak Slamet" and bool(calls and calls[0]["recording"])

    wait(draft_ready)
    print("KILL", desk.live_call.recording.path, flush=True)
    app.processEvents()
    os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    main()
