#!/usr/bin/python3
"""Re-measures a `vitprune bench --out` efficiency table through the methods' PyTorch eager code
(bench/reference/pruned_vit_pytorch.py), so the C++ and "authors' PyTorch code" efficiencies of the
same settings can stand side by side.

    build/cli/vitprune bench random:deit_small_patch16_224 --batches 1,8,32 \\
        --methods evit,tome,attn-topk,random --budgets 0.85,0.7,0.5 --threads 2 --out /tmp/t.json
    nice -n 10 /usr/bin/python3 bench/reference/efficiency_pytorch.py --table /tmp/t.json \\
        --out /tmp/t_pytorch.json --markdown /tmp/t_pytorch.md

For every row whose method is implemented here (evit, attn-topk, tome, random; other rows are
listed as skipped): the row's knob settings, batch, threads (torch.set_num_threads) and number of
pairs; `--warmup` untimed (dense, pruned) pairs (2, as `vitprune bench`), then dense and pruned
forwards interleaved pair by pair on a fixed input (torch.randn with a CPU generator seeded 0, the
same draw as the C++ at::randn with a CPU generator seeded 0), all under torch.inference_mode();
speed-up = median of the per-pair ratios dense_ms / pruned_ms (p10/p90: linear-interpolated
quantiles as eval/timing.h), dense_ms / ms = medians. The model is `timm_like_vit.create_model(arch)`
after torch.manual_seed(0) (random weights; the token counts of these methods do not depend on them).

Honesty checks, before any timing of a row (a failure stops the run):
  * the tokens each block's attention and MLP ran on in a recorded forward equal what the C++ rules
    imply for that setting (pruned_vit_pytorch.expected_token_counts: keptCount = ceil(ratio * n),
    r capped at (N - prefix) / 2, ...);
  * core/prune/flops.cpp's MAC formula over those counts gives the table's `gmacs`, and over the
    dense counts its `gmacs_dense` (relative 1e-6): same settings, same model shape, same cost.
The GMACs written are the table's (checked equal).

Writes the same JSON format ({"format": "vitprune-efficiency-1", "rows": [...]}, readable by the
C++ efficiencyFromJson) plus "implementation": "pytorch-eager", "arch", "torch" and per row the
MLP token counts per block ("tokens"); and a Markdown table of both:
method | setting | batch | C++ efficiency | PyTorch efficiency | C++ ms | PyTorch ms.
"""
import argparse
import json
import os
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import pruned_vit_pytorch as pruned  # noqa: E402
from timm_like_vit import PRESETS, create_model  # noqa: E402

FORMAT = "vitprune-efficiency-1"


def quantile(values, q):
    """eval/timing.h quantile: linear interpolation on the sorted values; 0 when empty."""
    if not values:
        return 0.0
    v = sorted(values)
    pos = q * (len(v) - 1)
    lo = int(pos)
    hi = min(lo + 1, len(v) - 1)
    return v[lo] + (v[hi] - v[lo]) * (pos - lo)


def check_tokens_and_gmacs(base, model, row, batch_input, rtol):
    """Runs one recorded forward; asserts token counts and GMACs against the C++ row. Returns the
    MLP token counts per block."""
    n_tokens = base.num_prefix_tokens + base.grid[0] * base.grid[1]
    expected = pruned.expected_token_counts(model.plan, n_tokens, base.num_prefix_tokens)
    model.trace = []
    try:
        logits = model(batch_input)
    finally:
        got, model.trace = model.trace, None
    where = f"{row['method']} {row['setting']} batch {row['batch']}"
    if got != expected:
        raise SystemExit(f"error: {where}: token counts per block (attention, MLP) {got} differ from the "
                         f"C++ rule's {expected}")
    if not torch.isfinite(logits).all():
        raise SystemExit(f"error: {where}: non-finite logits")
    g_dense = pruned.macs_from_counts(base, pruned.dense_counts(base)) / 1e9
    g = pruned.macs_from_counts(base, got) / 1e9
    for name, mine, theirs in (("gmacs_dense", g_dense, row["gmacs_dense"]), ("gmacs", g, row["gmacs"])):
        if abs(mine - theirs) > rtol * max(abs(theirs), 1e-12):
            raise SystemExit(f"error: {where}: {name} from this implementation's token counts is {mine:.9g}, the "
                             f"table says {theirs:.9g} (token rules differ, or a table of another model: see --arch)")
    return [m for _, m in got]


def measure(dense, model, x, pairs, warmup):
    for _ in range(warmup):
        dense(x)
        model(x)
    dense_ms, pruned_ms, ratios = [], [], []
    for _ in range(pairs):
        t0 = time.perf_counter()
        dense(x)
        t1 = time.perf_counter()
        model(x)
        t2 = time.perf_counter()
        d, p = (t1 - t0) * 1000.0, (t2 - t1) * 1000.0
        dense_ms.append(d)
        pruned_ms.append(p)
        ratios.append(d / p)
    return dense_ms, pruned_ms, ratios


def markdown(pairs_of_rows, skipped):
    lines = ["| method | setting | batch | C++ efficiency | PyTorch efficiency | C++ ms | PyTorch ms |",
             "|---|---|---|---|---|---|---|"]
    for c, p in pairs_of_rows:
        lines.append(f"| {c['method']} | {c['setting']} | {c['batch']} | {c['efficiency']:.2f} | "
                     f"{p['efficiency']:.2f} | {c['ms']:.2f} | {p['ms']:.2f} |")
    out = "\n".join(lines) + "\n"
    if pairs_of_rows:
        threads = sorted({p["threads"] for _, p in pairs_of_rows})
        out += (f"\nPyTorch {torch.__version__} eager, {'/'.join(map(str, threads))} thread(s); efficiency = "
                "measured speed-up over the same implementation's dense forward / GMACs speed-up; ms = median "
                "pruned forward of the whole batch.\n")
    if skipped:
        out += "\nNot implemented in PyTorch here (C++ only): " + ", ".join(sorted(skipped)) + ".\n"
    return out


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--table", required=True, help="efficiency table written by `vitprune bench --out`")
    ap.add_argument("--out", help="JSON table to write (default: none)")
    ap.add_argument("--markdown", help="Markdown table to write (default: stdout)")
    ap.add_argument("--arch", default="deit_small_patch16_224", choices=sorted(PRESETS),
                    help="the table's model (default: %(default)s)")
    ap.add_argument("--pairs", type=int, help="override every row's number of timed pairs (smoke tests)")
    ap.add_argument("--warmup", type=int, default=2, help="untimed pairs per row (default: %(default)s, as vitprune bench)")
    ap.add_argument("--methods", help="comma-separated subset of the implemented methods")
    ap.add_argument("--gmacs-rtol", type=float, default=1e-6, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.pairs is not None and args.pairs < 1:
        ap.error("--pairs must be >= 1")
    if args.warmup < 0:
        ap.error("--warmup must be >= 0")

    with open(args.table) as f:
        table = json.load(f)
    if table.get("format") != FORMAT:
        ap.error(f"{args.table}: not a {FORMAT} table")
    wanted = set(pruned.METHODS)
    if args.methods:
        wanted = {m.strip() for m in args.methods.split(",") if m.strip()}
        unknown = wanted - set(pruned.METHODS)
        if unknown:
            ap.error(f"--methods: not implemented here: {', '.join(sorted(unknown))}")
    rows = [r for r in table["rows"] if r["method"] in wanted]
    skipped = {r["method"] for r in table["rows"] if r["method"] not in pruned.METHODS}
    if not rows:
        ap.error(f"{args.table}: no rows of {', '.join(sorted(wanted))}")
    if args.pairs is not None and args.pairs < 10:
        print(f"warning: --pairs {args.pairs}: a smoke test, not a measurement", file=sys.stderr)

    torch.manual_seed(0)
    base = create_model(args.arch)
    size = base.img_size
    out_rows, both = [], []
    with torch.inference_mode():
        for i, row in enumerate(rows):
            if row.get("device", "cpu") != "cpu":
                print(f"warning: row {i + 1} was measured on {row['device']}; this script times the CPU",
                      file=sys.stderr)
            torch.set_num_threads(int(row["threads"]))
            batch = int(row["batch"])
            x = torch.randn(batch, 3, size, size, generator=torch.Generator().manual_seed(0))
            model = pruned.build(base, row["method"], row.get("settings", {}))
            tokens = check_tokens_and_gmacs(base, model, row, x, args.gmacs_rtol)
            pairs = args.pairs if args.pairs is not None else int(row["pairs"])
            d, p, ratios = measure(base, model, x, pairs, args.warmup)
            g_speedup = row["gmacs_dense"] / row["gmacs"] if row["gmacs"] > 0 else 0.0
            speedup = quantile(ratios, 0.5)
            mine = {
                "method": row["method"], "setting": row["setting"], "settings": row.get("settings", {}),
                "budget": row.get("budget", 0), "batch": batch, "threads": torch.get_num_threads(),
                "device": "cpu", "pairs": pairs, "dense_ms": quantile(d, 0.5), "ms": quantile(p, 0.5),
                "ms_per_image": quantile(p, 0.5) / batch, "speedup": speedup,
                "speedup_p10": quantile(ratios, 0.1), "speedup_p90": quantile(ratios, 0.9),
                "gmacs_dense": row["gmacs_dense"], "gmacs": row["gmacs"], "gmacs_speedup": g_speedup,
                "efficiency": speedup / g_speedup if g_speedup > 0 else 0.0, "tokens": tokens,
            }
            out_rows.append(mine)
            both.append((row, mine))
            print(f"[{i + 1}/{len(rows)}] {row['method']} {row['setting']} batch {batch}: tokens {tokens} (= C++ rule), "
                  f"PyTorch {mine['dense_ms']:.1f} -> {mine['ms']:.1f} ms, speed-up {speedup:.2f}x, "
                  f"efficiency {mine['efficiency']:.2f} (C++ {row['efficiency']:.2f})", file=sys.stderr, flush=True)

    result = {"format": FORMAT, "implementation": "pytorch-eager", "arch": args.arch, "torch": torch.__version__,
              "source_table": os.path.abspath(args.table), "rows": out_rows}
    if args.out:
        with open(args.out, "w") as f:
            json.dump(result, f, indent=1)
            f.write("\n")
    md = markdown(both, skipped)
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(md)
    else:
        sys.stdout.write(md)


if __name__ == "__main__":
    main()
