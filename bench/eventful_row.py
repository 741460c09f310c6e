"""One Markdown row of bench/eventful_table.sh from a `vitprune video --json` on stdin."""
import json
import sys

j = json.load(sys.stdin)
s = j["summary"]
model, tokens, r, attention = sys.argv[1:5]
eff = s["time_speedup_median"] / s["gmacs_speedup"]
print(
    f"| {model} | {tokens} | {r} | {attention} | {s['mean_gmacs']:.3f} ({s['dense_gmacs']:.3f}) | "
    f"{s['gmacs_speedup']:.2f}x | {s['time_speedup_median']:.2f}x "
    f"({s['time_speedup_p25']:.2f}-{s['time_speedup_p75']:.2f}) | {eff:.2f} | {100 * s['agreement']:.0f}% |"
)
