"""``radio-desk discards``: what was thrown away (who, when, why, where its audio is) and restoring it."""

from __future__ import annotations

import argparse
import getpass


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("discards", help="discarded cases and recordings: list, restore")
    dsub = p.add_subparsers(dest="discards_command", metavar="ACTION", required=True)
    ls = dsub.add_parser("list", parents=[common], help="what was discarded, newest first")
    ls.add_argument("--all", action="store_true", help="also the ones already restored")
    ls.set_defaults(handler=_list)
    r = dsub.add_parser("restore", parents=[common], help="bring a discarded case or recording back")
    r.add_argument("id", type=int, metavar="N", help="the number `discards list` shows")
    r.add_argument("--by", default=None, metavar="NAME", help="who restores it (default: the operator)")
    r.set_defaults(handler=_restore)


def _store(args: argparse.Namespace):  # type: ignore[no-untyped-def]
    from radio_desk.services.catalog import open_database

    return open_database(getattr(args, "database", None))


def _list(args: argparse.Namespace) -> int:
    from radio_desk.reports.indonesian import format_datetime

    with _store(args) as store:
        found = store.discards.list(include_restored=args.all)
    if not found:
        print("Tidak ada yang dibuang.")
    for d in found:
        what = f"aduan {d.case_id}" if d.kind == "case" else f"rekaman {d.recording_ids[0]}"
        print(f"{d.id}. {format_datetime(d.at)} oleh {d.by}: {what} — {d.summary or '-'}")
        print(f"   alasan: {d.reason}")
        for _old, new in d.files:
            print(f"   audio: {new}")
        if d.restored_at:
            print(f"   dipulihkan {format_datetime(d.restored_at)} oleh {d.restored_by}")
    return 0


def _restore(args: argparse.Namespace) -> int:
    from radio_desk.services.discard import restore
    from radio_desk.settings import Settings

    by = args.by or Settings()["operator_name"] or getpass.getuser()
    with _store(args) as store:
        d = restore(store, args.id, by=by)
    what = f"Aduan {d.case_id}" if d.kind == "case" else f"Rekaman {d.recording_ids[0]}"
    print(f"{what} dipulihkan oleh {by}.")
    return 0
