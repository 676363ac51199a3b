#!/usr/bin/env bash
# Build the Linux one-folder app (dist/radio-desk/) and its tarball
# (dist/radio-desk-<version>-linux-x86_64.tar.gz). Run from anywhere; `make package` calls it.
set -euo pipefail
cd "$(dirname "$0")/../.."
PY=${PY:-.venv/bin/python}
# 0. PyInstaller and the app's dependencies exactly as locked (hashed; requirements/, `make lock`).
$PY -m pip install -q --require-hashes -r requirements/lock-package.txt
$PY -m pip install -q --no-deps --no-build-isolation -e .
version=$($PY -c "import radio_desk; print(radio_desk.__version__)")
started=$(date +%s)

# 1. The bundled model, joined and verified exactly as the app does on first start, copied whole
#    into the app by the spec (see packaging/radio-desk.spec for why it is joined at build time).
mkdir -p build/model
RADIO_DESK_MODELS="$PWD/build/model" $PY -c \
  "from radio_desk.transcribe.models import ensure_bundled_model; print('model:', ensure_bundled_model())"

# 2. The app.
$PY -m PyInstaller --noconfirm --clean --log-level WARN --distpath dist --workpath build/pyinstaller \
  packaging/radio-desk.spec

# 3. Desktop integration files, icons and licences next to the app (install.sh puts them in place).
app=dist/radio-desk
install -Dm644 packaging/linux/radio-desk.desktop "$app/share/applications/radio-desk.desktop"
install -Dm644 packaging/linux/id.radiodesk.RadioDesk.metainfo.xml \
  "$app/share/metainfo/id.radiodesk.RadioDesk.metainfo.xml"
for size in 16 24 32 48 64 128 256 512; do
  install -Dm644 "resources/icons/radio-desk-$size.png" \
    "$app/share/icons/hicolor/${size}x${size}/apps/id.radiodesk.RadioDesk.png"
done
install -Dm644 resources/icons/radio-desk.svg "$app/share/icons/hicolor/scalable/apps/id.radiodesk.RadioDesk.svg"
install -Dm644 packaging/LICENSES.txt "$app/LICENSES.txt"
install -Dm755 packaging/linux/install.sh "$app/install.sh"

# 4. The tarball.
tarball=dist/radio-desk-$version-linux-x86_64.tar.gz
tar -C dist -czf "$tarball" radio-desk
echo "build time: $(($(date +%s) - started)) s"
echo "installed size: $(du -sh "$app" | cut -f1)"
echo "tarball: $tarball ($(du -h "$tarball" | cut -f1))"
