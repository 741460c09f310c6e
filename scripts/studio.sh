#!/usr/bin/env bash
# Starts ViT Prune Studio on the embedded default model and a sample image (after install.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
sample=$(ls resources/samples/*.png 2>/dev/null | head -n 1 || true)
args=(--model fashion-vit-tiny)
[ -n "$sample" ] && args+=(--image "$sample")
# The binary sets up its own environment (passive OpenMP waits: app/studio_environment.h).
exec "$BUILD_DIR/app/vitprune-studio" "${args[@]}" "$@"
