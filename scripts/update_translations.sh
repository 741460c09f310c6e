#!/usr/bin/env bash
# Refreshes translations/*.ts from the studio's sources (app/, widgets/) and from the methods' own
# texts (core/methods/*.cpp, marked with VP_TEXT: core/prune/method_text.h) in about a second.
# The CMake target update_translations does the same but hands lupdate every include path of the
# target, LibTorch's included, and lupdate then parses Torch's headers for many minutes.
set -euo pipefail
cd "$(dirname "$0")/.."
lupdate=/usr/lib/qt6/bin/lupdate
[ -x "$lupdate" ] || lupdate=$(command -v lupdate6 || command -v lupdate)
mapfile -t sources < <(ls app/*.cpp app/*.h widgets/*.cpp widgets/*.h core/methods/*.cpp)
"$lupdate" -no-obsolete -locations none -tr-function-alias QT_TRANSLATE_NOOP+=VP_TEXT -I app -I . -I core \
  "${sources[@]}" -ts translations/vitprune_*.ts
