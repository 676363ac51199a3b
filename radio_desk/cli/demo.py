"""``radio-desk demo``: the app on a demo database with a demo audio input; ``demo seed`` fills a
database with realistic sample cases.

The demo lives in its own home (``<user data>/demo``, or ``RADIO_DESK_DEMO_HOME``): its own settings,
database and recordings, so a station's real data is never touched.  The bundled speech model is
shared with the normal home (it is 145 MB).  The audio input plays ``resources/demo/sample-call.wav``
(our own sentences, spoken by espeak-ng) in a loop, in real time.
"""

from __future__ import annotations

import argparse
import os
from pathlib import Path

DEMO_CASES = 60
DEMO_DAYS = 7


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "demo", parents=[common], help="open the app on a demo database (or: demo seed, sample cases)"
    )
    p.set_defaults(handler=_app, log_role="gui")
    dsub = p.add_subparsers(dest="demo_command", metavar="ACTION")
    seed = dsub.add_parser("seed", parents=[common], help="fill the database with N sample cases")
    seed.add_argument("--cases", type=int, default=200, metavar="N")
    seed.add_argument("--seed", type=int, default=1, help="random seed (same seed, same cases)")
    seed.set_defaults(handler=_seed, log_role="cli")


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


def demo_home() -> Path:
    import platformdirs

    from radio_desk.paths import APP_AUTHOR, APP_NAME

    override = os.environ.get("RADIO_DESK_DEMO_HOME")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)) / "demo"


def prepare_demo(database: str | None = None) -> Path:
    """Switch this process to the demo home, seed a week of cases once; returns the database path."""
    from radio_desk.demo_data import seed_store
    from radio_desk.paths import app_paths
    from radio_desk.settings import Settings
    from radio_desk.store import open_store

    os.environ.setdefault("RADIO_DESK_MODELS", str(app_paths().models))  # the real home's joined model
    os.environ["RADIO_DESK_HOME"] = str(demo_home())
    paths = app_paths().ensure()
    db = Path(database) if database else paths.database
    settings = Settings()
    if not settings["station_name"]:
        settings.update(
            {"station_name": "Radio Demo FM", "station_code": "demo-fm", "home_regency": "35.22",
             "operator_name": "Operator Demo", "operators": ["Operator Demo", "Sri Wahyuni", "Budi Santoso"],
             "first_run_done": True}
        )  # fmt: skip
    with open_store(db) as store:
        if store.cases.count() == 0:
            seed_store(store, DEMO_CASES, seed=7, station="demo-fm", days=DEMO_DAYS)
    return db


def _app(args: argparse.Namespace) -> int:
    from radio_desk.errors import RadioDeskError

    db = prepare_demo(args.database)
    args.database = str(db)
    try:
        from radio_desk.gui.app import run
        from radio_desk.gui.demo_input import demo_recorder_factory
    except ModuleNotFoundError as err:
        raise RadioDeskError("Aplikasi desktop tidak tersedia (Qt/PySide6 tidak terpasang).") from err
    return int(run(args, demo=True, recorder_factory=demo_recorder_factory()) or 0)
