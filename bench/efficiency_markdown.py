#!/usr/bin/python3
"""Turns efficiency_table.sh's JSON lines into a Markdown table (one row per setting and batch)."""
import json
import sys

rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
print("| method | setting | batch | GMACs | GMACs speed-up | measured speed-up (p10–p90) | efficiency |")
print("|---|---|---|---|---|---|---|")
for r in rows:
    print(f"| {r['method']} | {r['setting']} | {r['batch']} | {r['gmacs']:.2f} | {r['gmacs_speedup']:.2f}× | "
          f"{r['speedup']:.2f}× ({r['speedup_p10']:.2f}–{r['speedup_p90']:.2f}) | **{r['efficiency']:.2f}** |")
