#!/usr/bin/python3
"""C++ (vitprune bench) vs PyTorch eager (bench/reference/bench_pytorch.py) dense forward time.

The two runs alternate (C++, PyTorch, C++, PyTorch, ...) so the machine's drift hits both alike;
the result is the median of the per-round ratios C++/PyTorch with its spread (p10, p90).

  /usr/bin/python3 bench/compare_pytorch.py --arch deit_small_patch16_224 --batch 1 --rounds 5
"""
import argparse
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def run_json(cmd):
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--arch", default="deit_small_patch16_224")
    ap.add_argument("--batch", type=int, default=1)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--iters", type=int, default=10, help="timed forwards per side per round")
    ap.add_argument("--vitprune", default=os.path.join(ROOT, "build", "cli", "vitprune"))
    args = ap.parse_args()
    cpp_ms, py_ms, ratios = [], [], []
    for _ in range(args.rounds):
        c = run_json([args.vitprune, "bench", "random:" + args.arch, "--batch", str(args.batch), "--iters",
                      str(args.iters), "--threads", str(args.threads), "--json"])[0]["dense_ms"]
        p = run_json([sys.executable, os.path.join(HERE, "reference", "bench_pytorch.py"), "--arch", args.arch,
                      "--batches", str(args.batch), "--threads", str(args.threads), "--iters", str(args.iters)])[0]["ms_median"]
        cpp_ms.append(c)
        py_ms.append(p)
        ratios.append(c / p)
    r = sorted(ratios)
    q = [r[int(0.1 * (len(r) - 1))], r[round(0.9 * (len(r) - 1))]]  # nearest-rank, within the data
    print(json.dumps({"arch": args.arch, "batch": args.batch, "threads": args.threads, "rounds": args.rounds,
                      "cpp_ms_median": statistics.median(cpp_ms), "pytorch_ms_median": statistics.median(py_ms),
                      "ratio_cpp_over_pytorch": statistics.median(ratios), "ratio_p10": q[0], "ratio_p90": q[-1]}))


if __name__ == "__main__":
    main()
