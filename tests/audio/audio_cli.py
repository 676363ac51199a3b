"""Run the audio subcommands (record, import, devices) exactly as ``radio-desk`` does, on their own.

``radio_desk.cli.main`` builds every subcommand module; this builds only ``radio_desk.cli.audio`` so
the audio tests do not depend on other areas' modules.  Usable as a script (the crash test runs it in
a child process) or through :func:`run`.
"""

from __future__ import annotations

import argparse
import sys

from radio_desk.cli import audio
from radio_desk.errors import RadioDeskError


def run(argv: list[str]) -> int:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--database", metavar="PATH", default=None)
    parser = argparse.ArgumentParser(prog="radio-desk", parents=[common])
    audio.register(parser.add_subparsers(dest="command", required=True), common)
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except RadioDeskError as err:  # same contract as radio_desk.cli.main
        print(f"radio-desk: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(run(sys.argv[1:]))
