#!/usr/bin/env bash
# Efficiency (measured speed-up / GMACs speed-up) of the training-free token methods on
# random:deit_small_patch16_224, CPU, 2 threads, batch 1 and 32. One JSON line per setting
# (vitprune bench interleaves dense and pruned forwards and reports the median pair ratio).
#   bash bench/efficiency_table.sh > results.jsonl; /usr/bin/python3 bench/efficiency_markdown.py results.jsonl
set -euo pipefail
VP=${VITPRUNE:-build/cli/vitprune}
MODEL=${MODEL:-random:deit_small_patch16_224}
ITERS1=${ITERS1:-20}
ITERS32=${ITERS32:-6}
SETTINGS=(
  "evit keep=0.9" "evit keep=0.7" "evit keep=0.5"
  "tome r=8" "tome r=13" "tome r=16"
  "evo-vit keep=0.7" "evo-vit keep=0.5" "evo-vit keep=0.3"
  "attn-topk keep=0.9" "attn-topk keep=0.7" "attn-topk keep=0.5"
  "random keep=0.9" "random keep=0.7" "random keep=0.5"
)
for batch in 1 32; do
  iters=$ITERS1; [ "$batch" = 32 ] && iters=$ITERS32
  for s in "${SETTINGS[@]}"; do
    read -r method knob <<<"$s"
    "$VP" bench "$MODEL" --method "$method" --set "$knob" --batch "$batch" --iters "$iters" --warmup 2 \
      --threads 2 --json | sed "s/^{/{\"setting\":\"$knob\",/"
  done
done
