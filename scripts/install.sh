#!/usr/bin/env bash
# Installs the Debian packages and builds the app: the set-up half of README's first command.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh "$@"
