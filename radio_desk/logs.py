"""Logging to the user's log folder with rotation, and local crash reports (no telemetry).

``setup_logging(role)`` is called once by the app (``"gui"``) and the command line (``"cli"``).  Every
process writes its own file, ``radio-desk-<role>.log`` (``-2``, ``-3``... while that one is in use by
another live process, which holds it with a lock file): on Windows a log file open in two processes
cannot be rotated.  Next to it ``radio-desk-<role>.fault.txt`` takes :mod:`faulthandler`'s dump of
a hard crash (a segfault or abort in Qt, PortAudio or CTranslate2, where no Python handler runs); the
next process on that slot moves a non-empty dump into ``logs/crash/``.  ``install_crash_handler()``
makes any unexpected exception write a self-contained report under ``logs/crash/`` that the user may
choose to send; nothing ever leaves the machine by itself.
"""

from __future__ import annotations

import atexit
import faulthandler
import logging
import logging.handlers
import os
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from types import TracebackType
from typing import IO

from radio_desk import __version__
from radio_desk.locks import HELD, is_held
from radio_desk.paths import app_paths

LOG_FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"
LOG_SLOTS = 8  # log files per role for processes running at the same time (then one per process id)


@dataclass
class _Setup:
    path: Path
    role: str
    file_handler: logging.Handler
    slot_lock: Path | None
    fault_file: IO[str] | None = None


_setup: _Setup | None = None


def log_file() -> Path:
    """This process's log file (the app's first slot before logging is set up)."""
    return _setup.path if _setup is not None else app_paths().logs / "radio-desk-gui.log"


def _claim_slot(folder: Path, role: str) -> tuple[Path, Path | None]:
    for stale in folder.glob("radio-desk-*.log.lock"):
        is_held(stale)  # a slot lock whose process died is removed on the way
    for n in range(1, LOG_SLOTS + 1):
        path = folder / (f"radio-desk-{role}.log" if n == 1 else f"radio-desk-{role}-{n}.log")
        lock = path.with_name(path.name + ".lock")
        if HELD.acquire(lock, timeout=0.0):
            return path, lock
    return folder / f"radio-desk-{role}-{os.getpid()}.log", None


def fault_file_for(log_path: Path) -> Path:
    return log_path.with_name(log_path.name.removesuffix(".log") + ".fault.txt")


def _keep_previous_fault(path: Path) -> Path | None:
    """A dump the last process on this slot left when it died: moved to the crash reports."""
    try:
        if path.stat().st_size == 0:
            return None
    except OSError:
        return None
    folder = app_paths().crash_reports
    folder.mkdir(parents=True, exist_ok=True)
    kept = folder / f"fault-{datetime.now():%Y%m%d-%H%M%S}-{path.stem.removesuffix('.fault')}.txt"
    os.replace(path, kept)
    return kept


def _enable_faulthandler(log_path: Path) -> tuple[IO[str] | None, Path | None]:
    if faulthandler.is_enabled():  # an explicit choice (-X faulthandler, PYTHONFAULTHANDLER, pytest)
        return None, None
    path = fault_file_for(log_path)
    try:
        kept = _keep_previous_fault(path)
        fh = open(path, "w", encoding="utf-8")  # noqa: SIM115 - open for the process's lifetime
    except OSError:
        return None, None
    faulthandler.enable(fh, all_threads=True)
    return fh, kept


def _teardown(root: logging.Logger) -> None:
    global _setup
    if _setup is None:
        return
    root.removeHandler(_setup.file_handler)
    _setup.file_handler.close()
    if _setup.fault_file is not None:
        faulthandler.disable()
        _setup.fault_file.close()
    if _setup.slot_lock is not None:
        HELD.release(_setup.slot_lock)
    _setup = None


def detach_logging() -> None:
    """Detach this process's log file and fault dump (tests that start the app in-process, then go on)."""
    _teardown(logging.getLogger())


def shutdown_logging() -> None:
    """Flush and close the log and hand its slot back (also at interpreter exit)."""
    _teardown(logging.getLogger())
    logging.shutdown()


atexit.register(shutdown_logging)


def setup_logging(
    role: str = "cli", level: int = logging.INFO, *, stderr_level: int = logging.WARNING, console: bool = True
) -> Path:
    """This process's rotating log file (5 × 2 MB), the fault dump file, warnings on stderr (unless
    ``console`` is false or a console handler exists); returns the log file path."""
    global _setup
    folder = app_paths().logs
    root = logging.getLogger()
    if _setup is not None:
        if _setup.role == role and _setup.path.parent == folder:
            return _setup.path
        _teardown(root)  # another home (tests, the demo) or another role in the same process
    folder.mkdir(parents=True, exist_ok=True)
    path, slot_lock = _claim_slot(folder, role)
    root.setLevel(min(level, stderr_level, root.level or logging.WARNING))
    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    file_handler.setLevel(level)
    file_handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(file_handler)
    if console and not any(type(h) is logging.StreamHandler for h in root.handlers):
        handler = logging.StreamHandler()
        handler.setLevel(stderr_level)
        handler.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(handler)
    fault_file, kept = _enable_faulthandler(path)
    _setup = _Setup(path, role, file_handler, slot_lock, fault_file)
    log = logging.getLogger("radio_desk")
    log.info("radio-desk %s (%s, pid %d) logging to %s", __version__, role, os.getpid(), path)
    if kept is not None:
        log.warning("the previous %s process on this log died hard; its fault dump: %s", role, kept)
    return path


def write_crash_report(
    exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None, *, context: str = ""
) -> Path:
    """Write a crash report the user can read and send; returns its path."""
    folder = app_paths().crash_reports
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    path = folder / f"crash-{stamp}-{os.getpid()}.txt"
    lines = [
        "Radio Desk crash report",
        f"version: {__version__}",
        f"time: {datetime.now().isoformat(timespec='seconds')}",
        f"python: {sys.version.split()[0]}  platform: {platform.platform()}",
        f"thread: {threading.current_thread().name}",
        f"context: {context}" if context else "",
        "",
        "".join(traceback.format_exception(exc_type, exc, tb)),
    ]
    tail = _log_tail(200)
    if tail:
        lines += ["", "--- last log lines ---", tail]
    path.write_text("\n".join(line for line in lines if line is not None), encoding="utf-8")
    return path


def _log_tail(n: int) -> str:
    try:
        with log_file().open(encoding="utf-8", errors="replace") as fh:
            return "".join(fh.readlines()[-n:])
    except OSError:
        return ""


def install_crash_handler(on_crash: Callable[[Path, BaseException], None] | None = None) -> None:
    """Route uncaught exceptions (main and worker threads) to a crash report and ``on_crash``."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        logging.getLogger("radio_desk").critical("unexpected error", exc_info=(exc_type, exc, tb))
        path = write_crash_report(exc_type, exc, tb)
        if on_crash is not None:
            try:
                on_crash(path, exc)
            except Exception:  # the crash dialog itself must never recurse
                logging.getLogger("radio_desk").exception("crash callback failed")

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_value is not None:
            hook(args.exc_type, args.exc_value, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
