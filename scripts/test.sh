#!/usr/bin/env bash
# Runs the whole test suite (ctest) on a fresh clone: installs, then builds everything (tests
# included) first. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install.sh
BUILD_TARGETS= bash scripts/build.sh
export QT_QPA_PLATFORM=offscreen
ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure -j 2 --timeout 900
