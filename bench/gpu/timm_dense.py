"""timm's eager DeiT-S forward (random weights, eval mode) in ms per batch, the reference the GPU
check compares the dense rows with: weights cast to the dtype as ours are (no autocast), median and
p10-p90 of timed runs, CUDA synchronised around each. Prints a Markdown table."""
import argparse
import statistics
import time

import torch

p = argparse.ArgumentParser()
p.add_argument("--device", default="cuda")
p.add_argument("--batches", default="1,64,256")
p.add_argument("--dtypes", default="float32,bfloat16")
p.add_argument("--runs", type=int, default=30)
a = p.parse_args()
try:
    import timm
except ImportError as e:
    raise SystemExit(f"timm: not installed ({e})")

dev = torch.device(a.device)
print(f"\n### timm {timm.__version__} eager deit_small_patch16_224 on {a.device}, ms per batch\n")
print("| dtype | batch | ms | p10-p90 |\n|---|---|---|---|")
for name in a.dtypes.split(","):
    dtype = getattr(torch, name)
    model = timm.create_model("deit_small_patch16_224", pretrained=False).eval().to(dev, dtype)
    for batch in [int(b) for b in a.batches.split(",")]:
        x = torch.randn(batch, 3, 224, 224, device=dev, dtype=dtype)
        times = []
        with torch.inference_mode():
            for i in range(a.runs + 3):
                if dev.type == "cuda":
                    torch.cuda.synchronize()
                t0 = time.perf_counter()
                model(x)
                if dev.type == "cuda":
                    torch.cuda.synchronize()
                if i >= 3:
                    times.append(1000 * (time.perf_counter() - t0))
        q = statistics.quantiles(times, n=10)
        print(f"| {name} | {batch} | {statistics.median(times):.2f} | {q[0]:.2f}-{q[-1]:.2f} |", flush=True)
