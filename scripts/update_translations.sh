#!/usr/bin/env bash
# Refreshes i18n/*.ts from the studio's sources (app/ and widgets/) in well under a second.
# The CMake target update_translations does the same but hands lupdate every include path of the
# target, LibTorch's included, and lupdate then parses Torch's headers for many minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=/usr/lib/qt6/bin/lupdate
[ -x "$lupdate" ] || lupdate=$(command -v lupdate6 || command -v lupdate)
mapfile -t sources < <(ls app/*.cpp app/*.h widgets/*.cpp widgets/*.h)
"$lupdate" -no-obsolete -locations none -I app -I . -I core "${sources[@]}" -ts i18n/vitprune_*.ts
