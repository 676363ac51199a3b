"""The ``radio-desk`` command line.

``radio-desk`` alone opens the desktop app.  Each subcommand lives in its own module below
``radio_desk.cli`` exposing ``register(subparsers, common)``; add the module's name to ``COMMANDS``.
Every subcommand inherits ``--database PATH`` from ``common``.  A :class:`RadioDeskError` is printed as
one Indonesian sentence with exit status 2, never as a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from radio_desk import __version__
from radio_desk.errors import run_command

# Modules under radio_desk.cli, one per subcommand (or group of subcommands).
COMMANDS: list[str] = [
    "app",
    "audio",
    "bench",
    "db",
    "demo",
    "report",
    "transcribe",
    "models",
    "triage",
    "sync",
    "discards",
    "sms",
]


def build_parser() -> argparse.ArgumentParser:
    database_help = "SQLite database file (default: the local database in the user's data folder)"
    # Subcommands get --database with a SUPPRESSed default: otherwise a subparser's default (None) would
    # overwrite ``radio-desk --database X SUBCOMMAND`` and the command would silently use another file.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--database", metavar="PATH", default=argparse.SUPPRESS, help=database_help)
    parser = argparse.ArgumentParser(
        prog="radio-desk",
        description="Radio Desk: record, transcribe and forward citizens' complaints taken on air. "
        "Without a subcommand, opens the desktop app.",
    )
    parser.add_argument("--database", metavar="PATH", default=None, help=database_help)
    parser.add_argument("--version", action="version", version=f"radio-desk {__version__}")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more detail to stderr")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="check the installation (database, bundled model, transcription of a sample, a window) "
        "and exit: 0 when everything works",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"radio_desk.cli.{name}").register(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    stderr_level = logging.DEBUG if args.verbose else logging.WARNING
    logging.basicConfig(level=stderr_level, format="%(levelname)s %(name)s: %(message)s")
    for console in logging.getLogger().handlers:  # stderr keeps its level when the file takes more
        if type(console) is logging.StreamHandler:
            console.setLevel(stderr_level)
    handler = getattr(args, "handler", None)
    if handler is None and args.self_test:  # smoke test of an installation (packaging/README.md)
        from radio_desk.cli.selftest import run as handler
    if handler is None:  # no subcommand: the desktop app
        from radio_desk.cli.app import run_app

        handler, args.log_role = run_app, "gui"
    if getattr(args, "log_role", "cli") == "cli":  # the app (log_role "gui") sets up its own log
        from radio_desk.logs import setup_logging

        setup_logging("cli", stderr_level=stderr_level, console=False)
    return run_command("radio-desk", handler, args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
