#!/usr/bin/env bash
# Installs the Debian packages and builds what the studio needs (the studio and the CLI): the
# set-up half of README's first command. The tests are built by scripts/test.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
BUILD_TARGETS=${BUILD_TARGETS-"vitprune-studio vitprune"} bash scripts/build.sh "$@"
bash scripts/install_desktop_entry.sh
