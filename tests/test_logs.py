"""Logs: one file per process (so Windows can rotate it), a hard crash's faulthandler dump in a file,
Qt's own messages in the app's log.  Every test runs real child processes on the test's home."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

LOGGER = """
import logging, os, sys
from radio_desk.logs import setup_logging
path = setup_logging(sys.argv[1])
print(path, flush=True)
sys.stdin.readline()  # both processes are running now
for i in range(200):
    logging.getLogger("radio_desk.test").info("line %d from pid %d", i, os.getpid())
"""


def _child(code: str, *args: str, home: Path, **kw) -> subprocess.Popen[str]:  # type: ignore[no-untyped-def]
    env = dict(os.environ, RADIO_DESK_HOME=str(home), QT_QPA_PLATFORM="offscreen", **kw.pop("env", {}))
    env.pop("PYTHONFAULTHANDLER", None)
    return subprocess.Popen(
        [sys.executable, "-c", textwrap.dedent(code), *args],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=ROOT,
        **kw,
    )  # fmt: skip


def test_processes_running_at_once_log_to_their_own_files(isolated_home):
    procs = [_child(LOGGER, role, home=isolated_home) for role in ("cli", "cli", "gui")]
    try:
        paths = [Path(p.stdout.readline().strip()) for p in procs]  # all three alive at this point
        for p in procs:
            p.stdin.write("\n")
            p.stdin.flush()
        for p in procs:
            assert p.wait(30) == 0, p.stderr.read()
    finally:
        for p in procs:
            if p.poll() is None:
                p.kill()
    logs = isolated_home / "logs"
    assert set(paths[:2]) == {logs / "radio-desk-cli.log", logs / "radio-desk-cli-2.log"}
    assert paths[2] == logs / "radio-desk-gui.log"
    for path, proc in zip(paths, procs, strict=True):
        text = path.read_text(encoding="utf-8")
        assert text.count(f"from pid {proc.pid}") == 200
        assert "from pid" not in text.replace(f"from pid {proc.pid}", "")  # nobody else's lines
    again = _child(LOGGER, "cli", home=isolated_home)  # the others are gone: the first slot again
    assert Path(again.stdout.readline().strip()) == logs / "radio-desk-cli.log"
    again.communicate("\n", timeout=30)
    assert sorted(p.name for p in logs.iterdir()) == [
        "radio-desk-cli-2.fault.txt",
        "radio-desk-cli-2.log",
        "radio-desk-cli.fault.txt",
        "radio-desk-cli.log",
        "radio-desk-gui.fault.txt",
        "radio-desk-gui.log",
    ]  # fmt: skip - and no lock files left behind


SEGFAULT = """
import faulthandler, sys
from radio_desk.logs import setup_logging
print(setup_logging("cli"), flush=True)
def deep_in_a_native_library():
    faulthandler._sigsegv()
deep_in_a_native_library()
"""


def test_a_segfault_leaves_its_faulthandler_dump_in_the_log_folder(isolated_home):
    proc = _child(SEGFAULT, home=isolated_home)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == -signal.SIGSEGV, err
    dump = isolated_home / "logs" / "radio-desk-cli.fault.txt"
    text = dump.read_text(encoding="utf-8")
    assert "Fatal Python error: Segmentation fault" in text
    assert "deep_in_a_native_library" in text
    # the next process on that log keeps the dump with the crash reports and says so in its log
    again = _child(LOGGER, "cli", home=isolated_home)
    again.stdout.readline()
    again.communicate("\n", timeout=30)
    (kept,) = (isolated_home / "logs" / "crash").glob("fault-*-radio-desk-cli.txt")
    assert "deep_in_a_native_library" in kept.read_text(encoding="utf-8")
    assert dump.read_text(encoding="utf-8") == ""
    log = (isolated_home / "logs" / "radio-desk-cli.log").read_text(encoding="utf-8")
    assert f"died hard; its fault dump: {kept}" in log


QT_WARNING_APP = """
import argparse
from PySide6.QtCore import QTimer
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication
from radio_desk.gui import app as gui_app
from radio_desk.settings import Settings

Settings().update({"first_run_done": True, "asr_engine": "faster-whisper"})
qapp = gui_app.application()

def poke():
    QFont().setPointSize(-1)  # Qt's C++ code warns: "QFont::setPointSize: Point size <= 0 (-1)..."
    QApplication.closeAllWindows()

QTimer.singleShot(300, poke)
gui_app.run(argparse.Namespace(database=None, verbose=False))
"""


@pytest.mark.slow
def test_qt_warnings_of_the_running_app_land_in_its_log(isolated_home):
    proc = _child(QT_WARNING_APP, home=isolated_home)
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0, err
    log = (isolated_home / "logs" / "radio-desk-gui.log").read_text(encoding="utf-8")
    assert "window shown" in log
    line = next((x for x in log.splitlines() if "QFont::setPointSize" in x), None)
    assert line is not None, log
    assert " WARNING " in line and " qt: " in line and "must be greater than 0" in line
