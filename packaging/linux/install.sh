#!/usr/bin/env bash
# Install the unpacked app for the current user (~/.local) or system-wide (as root: /opt, /usr/share).
#   ./install.sh              install or upgrade (the previous version's files are replaced)
#   ./install.sh --uninstall  remove the app
# Your data (database, recordings, settings, logs in ~/.local/share, ~/.config and ~/.local/state
# under RadioDesk) is never touched: an upgrade opens it as it is, an uninstall leaves it.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" = 0 ]; then prefix=/opt/radio-desk; share=/usr/share; bin=/usr/local/bin
else prefix=$HOME/.local/opt/radio-desk; share=$HOME/.local/share; bin=$HOME/.local/bin; fi
app_id=id.radiodesk.RadioDesk
sizes="16 24 32 48 64 128 256 512"

remove_files() {
  rm -f "$bin/radio-desk" "$share/applications/radio-desk.desktop" "$share/metainfo/$app_id.metainfo.xml" \
    "$share/icons/hicolor/scalable/apps/$app_id.svg"
  for s in $sizes; do rm -f "$share/icons/hicolor/${s}x${s}/apps/$app_id.png"; done
}

if [ "${1:-}" = "--uninstall" ]; then
  remove_files
  rm -rf "$prefix"
  echo "Radio Desk dihapus dari $prefix. Data Anda (basis data, rekaman, pengaturan) tetap tersimpan."
  exit 0
fi

if [ "$here" != "$prefix" ]; then
  staging="$prefix.new"
  rm -rf "$staging"
  mkdir -p "$staging" "$bin"
  cp -a "$here"/. "$staging"/
  rm -rf "$prefix"  # never mix two versions' libraries
  mv "$staging" "$prefix"
fi
remove_files
mkdir -p "$bin"
ln -sf "$prefix/radio-desk" "$bin/radio-desk"
install -d "$share/applications"
sed "s|^Exec=radio-desk|Exec=$prefix/radio-desk|" "$prefix/share/applications/radio-desk.desktop" \
  > "$share/applications/radio-desk.desktop"
install -Dm644 "$prefix/share/metainfo/$app_id.metainfo.xml" "$share/metainfo/$app_id.metainfo.xml"
install -Dm644 "$prefix/share/icons/hicolor/scalable/apps/$app_id.svg" "$share/icons/hicolor/scalable/apps/$app_id.svg"
for s in $sizes; do
  install -Dm644 "$prefix/share/icons/hicolor/${s}x${s}/apps/$app_id.png" "$share/icons/hicolor/${s}x${s}/apps/$app_id.png"
done
command -v update-desktop-database >/dev/null && update-desktop-database -q "$share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$share/icons/hicolor" || true
echo "Radio Desk terpasang di $prefix (perintah: $bin/radio-desk)."
echo "Data Anda tetap di folder pengguna dan dipakai lagi oleh versi baru. Uji: radio-desk --self-test"
