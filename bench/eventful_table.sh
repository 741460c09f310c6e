#!/usr/bin/env bash
# The Eventful Transformer on a real video: per-frame GMACs speed-up, measured speed-up (dense and
# eventful forwards interleaved frame by frame, median of the per-frame ratios with quartiles)
# and top-1 agreement with dense, at three r, for the shipped model and DeiT-S (random weights:
# agreement there says only that the gates keep the output close). CPU, 2 threads.
#   bash bench/eventful_table.sh [FRAMES] > eventful.md
set -euo pipefail
VP=${VITPRUNE:-build/cli/vitprune}
VIDEO=${VIDEO:-/usr/share/doc/opencv-doc/examples/data/vtest.avi}
FRAMES=${1:-100}
echo "| model | tokens | r | attention | GMACs/frame (dense) | GMACs speed-up | measured speed-up (quartiles) | efficiency | agreement |"
echo "|---|---|---|---|---|---|---|---|---|"
run() {  # model tokens r attention
  "$VP" video "$1" "$VIDEO" --method eventful --set r="$3" --set attention="$4" --limit-frames "$FRAMES" \
    --threads 2 --json |
    /usr/bin/python3 "$(dirname "$0")/eventful_row.py" "$1" "$2" "$3" "$4"
}
for r in 25 12 6; do run fashion-vit-tiny 50 $r delta; done
for r in 96 48 24; do run random:deit_small_patch16_224 197 $r delta; done
for r in 96 48 24; do run random:deit_small_patch16_224 197 $r dense; done
