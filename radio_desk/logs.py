"""Logging to the user's log folder with rotation, and local crash reports (no telemetry).

``setup_logging()`` is called once by the app and the CLI.  ``install_crash_handler()`` makes any
unexpected exception write a self-contained report under ``logs/crash/`` that the user may choose to
send; nothing ever leaves the machine by itself.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import platform
import sys
import threading
import traceback
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from types import TracebackType

from radio_desk import __version__
from radio_desk.paths import app_paths

LOG_FORMAT = "%(asctime)s %(levelname)-7s %(threadName)s %(name)s: %(message)s"
_configured = False


def log_file() -> Path:
    return app_paths().logs / "radio-desk.log"


def setup_logging(level: int = logging.INFO, *, stderr_level: int = logging.WARNING) -> Path:
    """Rotating file log (5 × 2 MB) plus warnings on stderr; returns the log file path."""
    global _configured
    path = log_file()
    if _configured:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    root = logging.getLogger()
    root.setLevel(min(level, stderr_level))
    file_handler = logging.handlers.RotatingFileHandler(
        path, maxBytes=2_000_000, backupCount=5, encoding="utf-8"
    )
    file_handler.setLevel(level)
    file_handler.setFormatter(logging.Formatter(LOG_FORMAT))
    root.addHandler(file_handler)
    if not any(
        isinstance(h, logging.StreamHandler) and not isinstance(h, logging.FileHandler) for h in root.handlers
    ):
        console = logging.StreamHandler()
        console.setLevel(stderr_level)
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        root.addHandler(console)
    _configured = True
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
