#!/usr/bin/env bash
# Build the Linux one-folder app and a tarball: dist/radio-desk-<version>-linux-x86_64.tar.gz
# Run from the repository root with the project's venv active or via `make package`.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PY:-.venv/bin/python}
version=$($PY -c "import radio_desk; print(radio_desk.__version__)")

# 1. The bundled model, joined and verified exactly as the app does on first start.
mkdir -p build/model
RADIO_DESK_MODELS="$PWD/build/model" $PY -c "from radio_desk.transcribe.models import ensure_bundled_model; print(ensure_bundled_model())"

# 2. The app.
$PY -m PyInstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/radio-desk.spec

# 3. Desktop integration files and licences next to the app.
app=dist/radio-desk
install -Dm644 packaging/linux/radio-desk.desktop "$app/share/applications/radio-desk.desktop"
install -Dm644 packaging/linux/id.radiodesk.RadioDesk.metainfo.xml "$app/share/metainfo/id.radiodesk.RadioDesk.metainfo.xml"
install -Dm644 resources/icons/radio-desk.png "$app/share/icons/hicolor/256x256/apps/id.radiodesk.RadioDesk.png"
install -Dm755 packaging/linux/install.sh "$app/install.sh"

tarball=dist/radio-desk-$version-linux-x86_64.tar.gz
tar -C dist -czf "$tarball" radio-desk
echo "installed size: $(du -sh "$app" | cut -f1)"
echo "tarball: $tarball ($(du -h "$tarball" | cut -f1))"
