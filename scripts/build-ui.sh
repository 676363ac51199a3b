#!/usr/bin/env bash
# Compile the Qt Designer forms in ui/ into radio_desk/gui/generated/ui_<name>.py.
set -euo pipefail
cd "$(dirname "$0")/.."
UIC=${UIC:-.venv/bin/pyside6-uic}
out=radio_desk/gui/generated
mkdir -p "$out"
for form in ui/*.ui; do
  name=$(basename "$form" .ui)
  "$UIC" "$form" -o "$out/ui_${name}.py"
done
