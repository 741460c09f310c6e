#!/usr/bin/python3
"""Times PyTorch eager inference of a DeiT preset (bench/reference/timm_like_vit.py, random
weights) on the CPU: the baseline that `vitprune bench` is compared against.

    /usr/bin/python3 bench/reference/bench_pytorch.py --arch deit_small_patch16_224 --batches 1,32 --threads 2

For each batch size: torch.set_num_threads(threads), torch.inference_mode(), `--warmup` untimed
forwards, then `--iters` timed forwards (>= 10 for a real measurement). Prints one JSON object per
line: {"arch", "batch", "threads", "ms_median", "ms_p10", "ms_p90"} (milliseconds per forward of
the whole batch).
"""
import argparse
import json
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from timm_like_vit import PRESETS, create_model  # noqa: E402


def percentile(sorted_values, q):
    """Linear interpolation between closest ranks (numpy's default 'linear' method)."""
    if len(sorted_values) == 1:
        return sorted_values[0]
    pos = (len(sorted_values) - 1) * q
    lo = int(pos)
    hi = min(lo + 1, len(sorted_values) - 1)
    return sorted_values[lo] + (sorted_values[hi] - sorted_values[lo]) * (pos - lo)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--arch", default="deit_small_patch16_224", choices=sorted(PRESETS))
    ap.add_argument("--batches", default="1", help="comma-separated batch sizes (default: %(default)s)")
    ap.add_argument("--threads", type=int, default=2, help="torch.set_num_threads (default: %(default)s)")
    ap.add_argument("--warmup", type=int, default=3, help="untimed forwards per batch (default: %(default)s)")
    ap.add_argument("--iters", type=int, default=10, help="timed forwards per batch (default: %(default)s)")
    ap.add_argument("--seed", type=int, default=0)
    args = ap.parse_args()
    try:
        batches = [int(b) for b in args.batches.split(",") if b.strip()]
    except ValueError:
        ap.error(f"--batches must be comma-separated integers, got '{args.batches}'")
    if not batches or min(batches) < 1:
        ap.error("--batches needs at least one positive batch size")
    if args.threads < 1 or args.iters < 1 or args.warmup < 0:
        ap.error("--threads and --iters must be >= 1, --warmup >= 0")
    if args.iters < 10:
        print(f"warning: --iters {args.iters} < 10: a smoke test, not a measurement", file=sys.stderr)

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    model = create_model(args.arch)
    size = model.img_size
    for batch in batches:
        x = torch.randn(batch, 3, size, size)
        times = []
        with torch.inference_mode():
            for _ in range(args.warmup):
                model(x)
            for _ in range(args.iters):
                t0 = time.perf_counter()
                model(x)
                times.append((time.perf_counter() - t0) * 1000.0)
        times.sort()
        print(json.dumps({
            "arch": args.arch,
            "batch": batch,
            "threads": args.threads,
            "ms_median": round(percentile(times, 0.5), 3),
            "ms_p10": round(percentile(times, 0.1), 3),
            "ms_p90": round(percentile(times, 0.9), 3),
        }), flush=True)


if __name__ == "__main__":
    main()
