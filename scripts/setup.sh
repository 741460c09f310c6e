#!/usr/bin/env bash
# Installs every Debian package ViT Prune Studio needs. Idempotent, non-interactive.
set -euo pipefail
PKGS=(
  build-essential cmake ninja-build ccache pkg-config clang
  libtorch-dev libopenblas0-openmp
  qt6-base-dev qt6-svg-dev qt6-tools-dev qt6-l10n-tools qt6-translations-l10n libqcustomplot-dev
  libopencv-dev nlohmann-json3-dev libzip-dev zlib1g-dev
  libgtest-dev libgmock-dev libbenchmark-dev
  xvfb xauth fonts-noto-cjk
  dataset-fashion-mnist opencv-doc
  python3-torch python3-torchvision
  openmpi-bin
)
missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q
  $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
echo "setup: all ${#PKGS[@]} packages present"
