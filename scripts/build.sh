#!/usr/bin/env bash
# Configures and builds into build/. Incremental and ccache-backed.
# BUILD_TARGETS (env) names the targets to build, e.g. "vitprune-studio vitprune" (install.sh);
# empty: everything (GUI, CLI, tests). Extra CMake options can be passed as arguments,
# e.g. -DVITPRUNE_GUI=OFF.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
JOBS=${JOBS:-$(nproc)}
export CCACHE_DIR=${CCACHE_DIR:-$HOME/.cache/ccache}
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
targets=()
for t in ${BUILD_TARGETS:-}; do targets+=(--target "$t"); done
cmake --build "$BUILD_DIR" -j "$JOBS" "${targets[@]}"
