"""``radio-desk sync --once``: one push-and-pull cycle with the central server, headless."""

from __future__ import annotations

import argparse
from pathlib import Path

from radio_desk.errors import SyncError, ValidationError


def register(subparsers: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = subparsers.add_parser("sync", parents=[common], help="sync cases with the central server")
    p.add_argument("--once", action="store_true", help="run one push and pull cycle, print what it did")
    p.add_argument("--server", default=None, help="server address (default: from the settings)")
    p.add_argument("--key", default=None, help="station API key (default: from the settings/keyring)")
    p.add_argument("--batch", type=int, default=200, help="cases per request")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from radio_desk.paths import app_paths
    from radio_desk.settings import Settings
    from radio_desk.store import open_store
    from radio_desk.sync.client import SyncClient
    from radio_desk.sync.outbox import SqlOutbox
    from radio_desk.sync.worker import run_cycle

    if not args.once:
        raise ValidationError(
            "Untuk saat ini hanya \u201cradio-desk sync --once\u201d; di aplikasi sinkronisasi "
            "berjalan otomatis."
        )
    settings = None
    server, key = args.server, args.key
    if not server or not key:
        settings = Settings()
        settings.load()
        server = server or settings["server_url"]
        key = key or settings.server_key()
    if not server:
        raise ValidationError(
            "Alamat server belum diisi: pakai --server URL atau isi di Pengaturan.", field="server"
        )
    if not key:
        raise ValidationError(
            "Kunci API stasiun belum diisi: pakai --key KUNCI atau isi di Pengaturan.", field="key"
        )
    db = Path(args.database) if args.database else app_paths().database
    if not db.exists():
        raise ValidationError(f"Basis data {db} tidak ada; belum ada aduan untuk dikirim.", field="database")
    store = open_store(db)  # the store's engine (busy timeout, WAL) and an up-to-date schema
    outbox = SqlOutbox(store)
    try:
        with SyncClient(server, key) as client:
            report = run_cycle(outbox, client, batch_size=max(1, min(args.batch, 500)))
        print(report.describe())
        print(f"Menunggu dikirim: {outbox.pending_count()} aduan.")
    except SyncError:
        print(f"Menunggu dikirim: {outbox.pending_count()} aduan.")
        raise
    finally:
        store.close()
    return 0 if not (report.refused or report.waiting) else 1  # 1: some case needs an edit
