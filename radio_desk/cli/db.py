"""``radio-desk db``: schema upgrade, current revision, integrity check."""

from __future__ import annotations

import argparse
from pathlib import Path

from sqlalchemy import text


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("db", help="local database: upgrade, current revision, check")
    dsub = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    dsub.add_parser("upgrade", parents=[common], help="bring the schema to the newest revision").set_defaults(
        handler=_upgrade
    )
    dsub.add_parser("current", parents=[common], help="print the schema revision").set_defaults(
        handler=_current
    )
    dsub.add_parser("check", parents=[common], help="integrity, foreign keys, search index").set_defaults(
        handler=_check
    )


def _path(args: argparse.Namespace) -> Path:
    from radio_desk.paths import app_paths

    return Path(args.database) if args.database else app_paths().database


def _upgrade(args: argparse.Namespace) -> int:
    from radio_desk.store import migrate

    path = _path(args)
    path.parent.mkdir(parents=True, exist_ok=True)
    before, after = migrate.upgrade(path)
    print(f"{path}: {before or '(kosong)'} -> {after}")
    return 0


def _current(args: argparse.Namespace) -> int:
    from radio_desk.store import migrate
    from radio_desk.store.engine import make_engine

    engine = make_engine(_path(args))
    try:
        cur = migrate.current_revision(engine)
    finally:
        engine.dispose()
    head = migrate.head_revision()
    print(f"{cur or '(kosong)'} (terbaru: {head})")
    return 0 if cur == head else 1


def _check(args: argparse.Namespace) -> int:
    from radio_desk.store import open_store

    # no quick check, no upgrade: this command is where a damaged file's problems are listed
    store = open_store(_path(args), upgrade=False, check=False)
    problems: list[str] = []
    with store.engine.connect() as conn:
        ok = conn.execute(text("PRAGMA integrity_check")).scalar()
        if ok != "ok":
            problems.append(f"integrity_check: {ok}")
        fk = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
        if fk:
            problems.append(f"{len(fk)} baris melanggar foreign key")
        try:
            conn.exec_driver_sql("INSERT INTO case_fts(case_fts, rank) VALUES ('integrity-check', 1)")
        except Exception as err:  # the FTS index disagrees with its content
            problems.append(f"indeks pencarian: {err}")
        conn.rollback()
    store.close()
    for p in problems:
        print(f"MASALAH: {p}")
    print("basis data sehat" if not problems else f"{len(problems)} masalah")
    return 0 if not problems else 1
