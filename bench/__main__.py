"""Run every benchmark: ``python -m bench`` (``make bench``), or some: ``python -m bench store audio``."""

from __future__ import annotations

import importlib
import sys
import traceback
from pathlib import Path

from bench.common import RESULTS


def main(argv: list[str]) -> int:
    here = Path(__file__).parent
    names = sorted(p.stem for p in here.glob("bench_*.py"))
    if argv:
        names = [n for n in names if any(a in n for a in argv)]
    failed = []
    for name in names:
        print(f"\n##### {name}", flush=True)
        try:
            importlib.import_module(f"bench.{name}").main()
        except Exception:  # one broken benchmark must not hide the others' figures
            traceback.print_exc()
            failed.append(name)
    print(f"\nresults: {RESULTS}")
    if failed:
        print("failed: " + ", ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
