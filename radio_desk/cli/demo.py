"""``radio-desk demo``: ``seed`` fills a database with realistic sample cases.  (The demo *app* mode --
the GUI on a demo database -- is added by the GUI module.)"""

from __future__ import annotations

import argparse


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("demo", parents=[common], help="demo data: seed a database with sample cases")
    p.set_defaults(handler=lambda args: (p.print_help(), 0)[1])
    dsub = p.add_subparsers(dest="demo_command", metavar="ACTION")
    seed = dsub.add_parser("seed", parents=[common], help="fill the database with N sample cases")
    seed.add_argument("--cases", type=int, default=200, metavar="N")
    seed.add_argument("--seed", type=int, default=1, help="random seed (same seed, same cases)")
    seed.set_defaults(handler=_seed)


def _seed(args: argparse.Namespace) -> int:
    from radio_desk.demo_data import seed_store
    from radio_desk.errors import ValidationError
    from radio_desk.store import open_store

    if args.cases < 0:
        raise ValidationError("Jumlah aduan (--cases) tidak boleh negatif.", field="cases")
    store = open_store(args.database)
    try:
        n = seed_store(store, args.cases, seed=args.seed)
    finally:
        store.close()
    print(f"{n} aduan contoh ditambahkan ke {store.path}")
    return 0
