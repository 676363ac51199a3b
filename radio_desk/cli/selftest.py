"""``radio-desk --self-test``: the core steps of :mod:`radio_desk.selftest` plus a window on the display
(the Qt part, :mod:`radio_desk.gui.selftest_window`)."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from radio_desk.selftest import run_self_test


def run(args: argparse.Namespace) -> int:
    from radio_desk.gui.selftest_window import step_window
    from radio_desk.logs import setup_logging

    setup_logging()
    if not args.verbose:  # the step lines are the output; details go to the log file
        for handler in logging.getLogger().handlers:
            if type(handler) is logging.StreamHandler:
                handler.setLevel(logging.WARNING)
    database = Path(args.database) if getattr(args, "database", None) else None
    report = run_self_test(database, extra_steps=[("jendela", step_window)])
    if sys.stdout is not None:  # None in the windowed Windows app; the report is in self-test.txt
        sys.stdout.flush()
    return 0 if report.ok else 1
