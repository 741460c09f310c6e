#!/usr/bin/env bash
# Adds ViT Prune Studio to the desktop's application menu for this user (freedesktop entry and
# icon under ~/.local/share), starting the binary built in this checkout. Idempotent; called by
# install.sh. `cmake --install build` installs the same entry system-wide instead.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
data=${XDG_DATA_HOME:-$HOME/.local/share}
mkdir -p "$data/applications" "$data/icons/hicolor/scalable/apps"
cp resources/desktop/vitprune-studio.svg "$data/icons/hicolor/scalable/apps/vitprune-studio.svg"
sed "s|^Exec=vitprune-studio|Exec=\"$(pwd)/$BUILD_DIR/app/vitprune-studio\"|" resources/desktop/vitprune-studio.desktop \
    > "$data/applications/vitprune-studio.desktop.tmp"
mv "$data/applications/vitprune-studio.desktop.tmp" "$data/applications/vitprune-studio.desktop"
echo "menu entry: $data/applications/vitprune-studio.desktop"
