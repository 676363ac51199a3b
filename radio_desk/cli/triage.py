"""``radio-desk triage``: suggestions (category, OPD, urgency, place) for complaint texts."""

from __future__ import annotations

import argparse
import json
import sys
from typing import TextIO

from radio_desk.errors import RadioDeskError


def register(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("triage", help="suggest category, OPD, urgency and place for complaint texts")
    tsub = p.add_subparsers(dest="triage_command", metavar="WHAT", required=True)
    s = tsub.add_parser(
        "suggest",
        parents=[common],
        help="read texts from stdin (one per line, or JSON lines with a 'text' field) and print suggestions",
    )
    s.add_argument("--regency", default=None, metavar="CODE", help="home regency (default: the taxonomy's)")
    s.add_argument("--json", action="store_true", help="print one JSON object per input line")
    s.add_argument(
        "--hints-only", action="store_true", help="ignore the learned models (the station's and the seed)"
    )
    s.add_argument("--no-seed", action="store_true", help="without the seed model learned from our call sets")
    s.set_defaults(handler=_suggest)


def _texts(stream: TextIO):
    """(line number, text or None, error message or None) for every non-blank input line."""
    for number, line in enumerate(stream, 1):
        line = line.rstrip("\r\n")
        if not line.strip():
            continue
        if line.lstrip().startswith("{"):
            try:
                obj = json.loads(line)
            except ValueError as err:
                yield number, None, f"baris {number}: bukan JSON yang sah ({err.msg})."
                continue
            text = obj.get("text") if isinstance(obj, dict) else None
            if not isinstance(text, str):
                yield number, None, f"baris {number}: objek JSON tanpa kolom \u201ctext\u201d berupa teks."
                continue
            yield number, text, None
        else:
            yield number, line, None


def _suggest(args: argparse.Namespace) -> int:
    from radio_desk.domain.gazetteer import get_gazetteer
    from radio_desk.triage.learning import Learner
    from radio_desk.triage.seed import load_or_train
    from radio_desk.triage.suggest import Suggester

    regency = get_gazetteer().regency(args.regency).code if args.regency else None
    model = None if args.hints_only else Learner().model()
    seed = None if args.hints_only or args.no_seed else load_or_train()
    suggester = Suggester(regency_code=regency, model=model, seed=seed)
    bad = 0
    out = sys.stdout
    for number, text, error in _texts(sys.stdin):
        if error:
            print(f"radio-desk: {error}", file=sys.stderr)
            bad += 1
            continue
        try:
            s = suggester.suggest(text)
        except RadioDeskError as err:  # pragma: no cover - suggest() does not raise on any text
            print(f"radio-desk: baris {number}: {err}", file=sys.stderr)
            bad += 1
            continue
        if args.json:
            d = s.to_dict()
            d["line"] = number
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
        else:
            out.write(_human(number, s))
        out.flush()
    return 2 if bad else 0


def _place(p) -> str:
    return f"{p.code} {p.name} ({p.confidence:.2f})" if p else "-"


def _human(number: int, s) -> str:
    cats = "  ".join(f"{c.code} {c.score:.2f}" for c in s.categories)
    lines = [f"[{number}] kategori: {cats}" + ("" if s.evidence else "  (tanpa petunjuk)")]
    lines.append(f"    opd: {s.opd_name} ({s.opd})")
    urg = f"    urgensi: {s.urgency.label}"
    if s.urgency_words:
        urg += " \u2014 " + ", ".join(s.urgency_words)
    lines.append(urg)
    lines.append(f"    kecamatan: {_place(s.kecamatan)}")
    lines.append(f"    desa: {_place(s.desa)}")
    if s.categories and s.categories[0].words:
        lines.append("    alasan: " + ", ".join(s.categories[0].words))
    if s.summary:
        lines.append(f"    ringkasan: {s.summary}")
    return "\n".join(lines) + "\n"
