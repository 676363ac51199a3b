#!/usr/bin/env bash
# Compile resources/translations/*.ts into .qm (committed, so a clean checkout needs no Qt tools).
# To refresh a .ts from the sources: pyside6-lupdate <sources and forms> -ts resources/translations/<part>_id.ts
set -euo pipefail
cd "$(dirname "$0")/.."
LRELEASE=${LRELEASE:-.venv/bin/pyside6-lrelease}
for ts in resources/translations/*.ts; do
  "$LRELEASE" -silent "$ts" -qm "${ts%.ts}.qm"
done
