"""``radio-desk models``: list, download, verify and remove speech models."""

from __future__ import annotations

import argparse
import sys
import threading


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("models", help="list, download, verify or remove Whisper models")
    msub = p.add_subparsers(dest="models_command", metavar="ACTION", required=True)

    ls = msub.add_parser("list", parents=[common], help="installed and downloadable models")
    ls.set_defaults(handler=_list)

    dl = msub.add_parser("download", parents=[common], help="fetch a bigger model (needs internet)")
    dl.add_argument("name", metavar="NAME", help="small, medium or large-v3-turbo")
    dl.add_argument("--engine", default="faster-whisper", choices=["faster-whisper", "openai-whisper"])
    dl.set_defaults(handler=_download)

    rm = msub.add_parser("remove", parents=[common], help="delete a downloaded model")
    rm.add_argument("name", metavar="NAME")
    rm.add_argument("--engine", default="faster-whisper", choices=["faster-whisper", "openai-whisper"])
    rm.set_defaults(handler=_remove)

    vf = msub.add_parser("verify", parents=[common], help="re-check the bundled model's SHA-256")
    vf.set_defaults(handler=_verify)


def _list(args: argparse.Namespace) -> int:
    from radio_desk.transcribe.download import CATALOGUE, ModelManager
    from radio_desk.transcribe.models import ensure_bundled_model

    ensure_bundled_model()
    installed = ModelManager().installed()
    have = {(m.name, m.engine) for m in installed}
    for m in installed:
        print(f"terpasang  {m.name:<16} {m.engine:<15} {m.size_bytes / 1e6:8.0f} MB  {m.path}")
    for name, entry in CATALOGUE.items():
        for engine, size in entry.size_mb.items():
            if (name, engine) not in have:
                print(f"tersedia   {name:<16} {engine:<15} {size:8d} MB  (radio-desk models download {name})")
    return 0


def _download(args: argparse.Namespace) -> int:
    from radio_desk.transcribe.download import ModelManager

    cancel = threading.Event()
    last = [-1]

    def progress(done: int, total: int) -> None:
        pct = int(100 * done / total) if total else -1
        if pct != last[0]:
            last[0] = pct
            shown = f"{pct:3d}%" if pct >= 0 else f"{done / 1e6:.0f} MB"
            print(f"\rmengunduh {args.name}: {shown}", end="", file=sys.stderr, flush=True)

    try:
        path = ModelManager().download(args.name, args.engine, progress=progress, cancel=cancel)
    except KeyboardInterrupt:
        print(
            "\nUnduhan dihentikan; bagian yang sudah terunduh disimpan dan dilanjutkan lain kali.",
            file=sys.stderr,
        )
        return 130
    finally:
        if last[0] != -1:
            print(file=sys.stderr)
    print(f"Model {args.name} ({args.engine}) siap: {path}")
    return 0


def _remove(args: argparse.Namespace) -> int:
    from radio_desk.transcribe.download import ModelManager

    ModelManager().remove(args.name, args.engine)
    print(f"Model {args.name} ({args.engine}) dihapus.")
    return 0


def _verify(args: argparse.Namespace) -> int:
    from radio_desk.transcribe.models import ensure_bundled_model, verify_bundled_model

    ensure_bundled_model()
    verify_bundled_model()
    print("Model bawaan whisper-base utuh (SHA-256 cocok).")
    return 0
