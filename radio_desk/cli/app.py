"""``radio-desk app`` (and ``radio-desk`` with no subcommand): the desktop window (``radio_desk.gui.app``).

Qt is imported only here, so every other subcommand works on a machine without a display; a missing
Qt installation is reported in one sentence instead of a traceback.
"""

from __future__ import annotations

import argparse

from radio_desk.errors import RadioDeskError


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("app", parents=[common], help="open the desktop app (On-Air desk)")
    p.set_defaults(handler=run_app, log_role="gui")


def run_app(args: argparse.Namespace) -> int:
    try:
        from radio_desk.gui.app import run
    except ModuleNotFoundError as err:
        raise RadioDeskError(
            "Jendela aplikasi (meja On-Air) belum tersedia di versi ini; gunakan subperintah lain "
            "(lihat radio-desk --help)."
        ) from err
    return int(run(args) or 0)
