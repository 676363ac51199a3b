#!/usr/bin/env bash
# Install the unpacked app for the current user (~/.local) or system-wide (run as root: /opt).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" = 0 ]; then prefix=/opt/radio-desk; share=/usr/share; bin=/usr/local/bin
else prefix=$HOME/.local/opt/radio-desk; share=$HOME/.local/share; bin=$HOME/.local/bin; fi
mkdir -p "$prefix" "$bin"
cp -a "$here"/. "$prefix"/
ln -sf "$prefix/radio-desk" "$bin/radio-desk"
install -Dm644 "$here/share/applications/radio-desk.desktop" "$share/applications/radio-desk.desktop"
install -Dm644 "$here/share/metainfo/id.radiodesk.RadioDesk.metainfo.xml" "$share/metainfo/id.radiodesk.RadioDesk.metainfo.xml"
install -Dm644 "$here/share/icons/hicolor/256x256/apps/id.radiodesk.RadioDesk.png" \
  "$share/icons/hicolor/256x256/apps/id.radiodesk.RadioDesk.png"
echo "Radio Desk installed in $prefix (data stays in your user folders across upgrades)."
