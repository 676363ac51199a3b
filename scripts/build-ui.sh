#!/usr/bin/env bash
# Compile the Qt Designer forms in ui/ into radio_desk/gui/generated/ui_<name>.py.
#   scripts/build-ui.sh           write the compiled forms
#   scripts/build-ui.sh --check   compile into a temporary folder and fail if radio_desk/gui/generated
#                                 differs from ui/*.ui (a form edited without recompiling, a compiled
#                                 form edited by hand, or one without its .ui); `make lint` runs it.
# The "Created by: Qt User Interface Compiler version" line names the uic that ran and is not compared.
set -euo pipefail
cd "$(dirname "$0")/.."
UIC=${UIC:-.venv/bin/pyside6-uic}
out=radio_desk/gui/generated
check=0
if [ "${1:-}" = "--check" ]; then
  check=1
  out=$(mktemp -d)
  trap 'rm -rf "$out"' EXIT
fi
mkdir -p "$out"
for form in ui/*.ui; do
  name=$(basename "$form" .ui)
  "$UIC" "$form" -o "$out/ui_${name}.py"
done
[ "$check" = 1 ] || exit 0

status=0
for compiled in "$out"/ui_*.py; do
  name=$(basename "$compiled")
  kept=radio_desk/gui/generated/$name
  if [ ! -f "$kept" ]; then
    echo "missing: $kept (compiled from ui/${name#ui_} -> .ui)" >&2
    status=1
  elif ! diff -u -I '^## Created by: Qt User Interface Compiler' "$kept" "$compiled" >/dev/null; then
    echo "out of date: $kept differs from what ui/$(basename "${name#ui_}" .py).ui compiles to:" >&2
    diff -u -I '^## Created by: Qt User Interface Compiler' "$kept" "$compiled" | head -40 >&2 || true
    status=1
  fi
done
for kept in radio_desk/gui/generated/ui_*.py; do
  name=$(basename "$kept" .py)
  if [ ! -f "ui/${name#ui_}.ui" ]; then
    echo "no form: $kept has no ui/${name#ui_}.ui" >&2
    status=1
  fi
done
if [ "$status" != 0 ]; then
  echo "Recompile the forms with scripts/build-ui.sh and commit radio_desk/gui/generated." >&2
fi
exit "$status"
