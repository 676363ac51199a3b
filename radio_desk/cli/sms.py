"""``radio-desk sms``: SMS from a Gammu SMSD into the desk's SMS list, without the app running.

* ``radio-desk sms receive [ID...]``: for the daemon's ``RunOnReceive`` (``RunOnReceive =
  radio-desk sms receive`` in the ``[smsd]`` section): adds the message the daemon describes in the
  environment (``SMS_MESSAGES``, ``SMS_1_NUMBER``, ``DECODED_1_TEXT``...) to the list.  Works with any
  backend, the SQL one and ``service = null`` included; with the files backend it agrees with the
  app's own inbox reader (the same id, imported once).
* ``radio-desk sms import [--inbox DIR]``: reads the files backend's inbox folder once (default: the
  folder in the settings), as the app does at start.

The app triages what these add when it next runs.  Exit status 0 also for a message without text
(nothing to add), so the daemon does not log a failure for it.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

from radio_desk.errors import ValidationError


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("sms", help="SMS from a Gammu SMSD into the SMS list")
    sub = p.add_subparsers(dest="sms_command", metavar="SUBCOMMAND", required=True)
    r = sub.add_parser(
        "receive", parents=[common], help="for RunOnReceive: add the message in the environment"
    )
    r.add_argument("ids", nargs="*", help="what the daemon passes (its message ids)")
    r.set_defaults(handler=run_receive)
    i = sub.add_parser("import", parents=[common], help="read the SMSD inbox folder once")
    i.add_argument("--inbox", default=None, help="the daemon's inbox folder (default: from the settings)")
    i.set_defaults(handler=run_import)


def _store(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from radio_desk.store import open_store

    return open_store(Path(args.database) if getattr(args, "database", None) else None)


def run_receive(args: argparse.Namespace) -> int:
    from datetime import datetime

    from radio_desk.services.gammu_files import from_run_on_receive
    from radio_desk.services.sms import new_sms

    sms = from_run_on_receive(dict(os.environ), list(args.ids), datetime.now().astimezone())
    if sms is None:
        print("Tidak ada teks SMS di lingkungan (SMS_MESSAGES / SMS_1_TEXT): tidak ada yang ditambahkan.")
        return 0
    with _store(args) as store:
        added = store.sms.add([new_sms(sms)])
    print("SMS ditambahkan ke daftar SMS masuk." if added else "SMS ini sudah ada di daftar.")
    return 0


def run_import(args: argparse.Namespace) -> int:
    from radio_desk.services.sms import SmsConfig, SmsGateway
    from radio_desk.settings import Settings

    inbox = Path(args.inbox).expanduser() if args.inbox else SmsConfig.from_settings(Settings()).inbox
    if inbox is None:
        raise ValidationError(
            "Folder inbox Gammu SMSD belum diatur: pakai --inbox FOLDER atau isi di Pengaturan → SMS.",
            field="sms_inbox_dir",
        )
    with _store(args) as store:
        gateway = SmsGateway(store, SmsConfig(inbox=inbox))
        report = gateway.import_new()
        if report.waiting_files:  # a one-shot import waits out the daemon's last write once
            time.sleep(gateway.settle_s)
            later = gateway.import_new()
            later.new = report.new + later.new
            later.problems = report.problems + later.problems
            report = later
    for problem in report.problems:
        print(problem, file=sys.stderr)
    print(f"{len(report.new)} SMS baru ditambahkan ke daftar SMS masuk.")
    if report.waiting_files:
        print(f"{report.waiting_files} SMS masih ditulis SMSD; diambil pada pembacaan berikutnya.")
    return 1 if report.problems and not report.inbox_readable else 0
