#!/usr/bin/python3
"""Token-pruned DeiT forwards in plain PyTorch eager, written the way the methods' authors wrote
them, over the weights of a `timm_like_vit.TimmLikeViT`. They are the "authors' PyTorch code" column
of bench/reference/efficiency_pytorch.py: the same settings that `vitprune bench` times in C++,
timed through the Python implementations people would otherwise use.

Methods (ids and knobs as the C++ registry, core/methods/*.cpp, so a table row's
`settings` mean the same here; knob values are the strings of the table, parsed as the C++ does):

  evit       EViT (Liang et al., ICLR 2022; reference github.com/youweiliang/evit, evit.py).
             Knobs: keep (0.7), locations ("3,6,9", 0-based blocks), fuse (true), schedule ("":
             one keep rate per block, replaces keep/locations when set).
             At a pruning block, after the attention residual: mean over heads of the CLS row of
             the softmaxed attention over the non-prefix tokens, torch.topk of
             ceil(keep * (N - prefix)) of them (sorted, descending), gather; with fuse, the others
             (found with the reference's arange/scatter/sort complement) are summed weighted by
             their CLS attention into one extra token appended at the end (weights not
             renormalised). The MLP runs on the shorter sequence. The extra token competes like a
             patch at later pruning blocks (as in the reference, where it is just one of x[:, 1:]).
  attn-topk  The same without fusing (the reference's fuse_token=False).
  tome       ToMe (Bolya et al., ICLR 2023; reference github.com/facebookresearch/ToMe,
             tome/merge.py and tome/patch/timm.py). Knobs: r (8), schedule (constant |
             decreasing), inflect (-0.5), layer_r ("": one r per block), prop_attn (true).
             Every block: attention with proportional attention (logits + log(size) of the keys),
             returning the keys averaged over heads as the metric; after the attention residual,
             bipartite soft matching (cosine; A = even tokens, B = odd; CLS = A[0] never merged, a
             distillation token = B[0] never merged into; r capped at (N - protected) // 2), the r
             best edges merged by a size-weighted average (scatter_reduce "sum" of x * size, then
             / size); then the MLP. The per-block r comes from tome.utils.parse_r semantics.
  random     Random keep baseline (no authors' code; DynamicViT/EViT ablation): at the pruning
             blocks keep a random ceil(keep * patches) of the non-prefix tokens in their original
             order, scores torch.rand from a generator seeded with `seed` at every forward.
             Knobs: keep (0.7), locations ("3,6,9"), schedule (""), seed (0).

`expected_token_counts()` computes, from the settings alone and with the C++ rules
(core/methods/token_ops.cpp keptCount = ceil(ratio * n) clamped to [0, n]; evit.cpp skips a block
when the count is >= the tokens or < 1; tome.cpp caps r at (N - prefix) / 2), the tokens each block's
attention and MLP run on; `PrunedViT.forward` can record the counts it really used
(`model.trace = []`) so a caller can assert that both agree. `macs_from_counts()` is
core/prune/flops.cpp's formula over such counts.

Run with Debian's interpreter (it has torch): /usr/bin/python3
"""
import math
import os
import sys
import warnings

import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from timm_like_vit import TimmLikeViT, resample_abs_pos_embed  # noqa: E402

# scatter_reduce is "beta" in torch 1.13 and says so once; ToMe's reference uses it all the same.
warnings.filterwarnings("ignore", message="scatter_reduce\\(\\) is in beta")

# Knob defaults of the C++ methods (MethodSpec defaults in core/methods/*.cpp).
KNOB_DEFAULTS = {
    "evit": {"keep": "0.7", "locations": "3,6,9", "schedule": "", "fuse": "true"},
    "attn-topk": {"keep": "0.7", "locations": "3,6,9", "schedule": ""},
    "tome": {"r": "8", "schedule": "constant", "inflect": "-0.5", "layer_r": "", "prop_attn": "true"},
    "random": {"keep": "0.7", "locations": "3,6,9", "schedule": "", "seed": "0"},
}
METHODS = tuple(KNOB_DEFAULTS)


# ----------------------------------------------------------------------------------------------
# Settings: the table's knob strings -> a per-block plan, with the C++ parsing and rules.
# ----------------------------------------------------------------------------------------------

def _flag(text, knob):
    if text in ("true", "1", "on", "yes"):
        return True
    if text in ("false", "0", "off", "no"):
        return False
    raise ValueError(f"knob '{knob}': '{text}' is not on/off (true/false)")


def _integer(text, knob):
    v = float(text)
    if v != math.floor(v):
        raise ValueError(f"knob '{knob}': '{text}' is not an integer")
    return int(v)


def _int_list(text, knob):
    return [_integer(t, knob) for t in text.split(",") if t.strip()]


def _number_list(text, knob):
    text = text.strip()
    return [float(t) for t in text.split(",")] if text else []


def kept_count(ratio, n):
    """core/methods/token_ops.cpp keptCount: ceil(ratio * n) clamped to [0, n] (double arithmetic,
    the same IEEE product as the C++ std::ceil(ratio * double(n)))."""
    return min(max(int(math.ceil(ratio * float(n))), 0), n)


class Plan:
    """A method's setting resolved to one value per block: keep rate (evit, attn-topk, random) or
    r (tome), plus the method's flags."""

    def __init__(self, method, settings, depth):
        if method not in KNOB_DEFAULTS:
            raise KeyError(f"method '{method}' is not implemented here (known: {', '.join(METHODS)})")
        unknown = sorted(set(settings) - set(KNOB_DEFAULTS[method]))
        if unknown:
            raise KeyError(f"method '{method}': unknown knob(s) {', '.join(unknown)}")
        knobs = dict(KNOB_DEFAULTS[method])
        knobs.update({k: str(v) for k, v in settings.items()})
        self.method, self.knobs, self.depth = method, knobs, depth
        if method == "tome":
            self.prop_attn = _flag(knobs["prop_attn"], "prop_attn")
            self.per_block = self._tome_r(knobs)
        else:
            self.fuse = method == "evit" and _flag(knobs["fuse"], "fuse")
            self.seed = _integer(knobs["seed"], "seed") if method == "random" else 0
            schedule = _number_list(knobs["schedule"], "schedule")
            if schedule:
                if len(schedule) != depth:
                    raise ValueError(f"schedule has {len(schedule)} values for {depth} blocks")
                self.per_block = schedule
            else:
                keep = float(knobs["keep"])
                locations = set(_int_list(knobs["locations"], "locations"))
                self.per_block = [keep if l in locations else 1.0 for l in range(depth)]

    def _tome_r(self, knobs):
        """tome.utils.parse_r semantics as core/methods/tome.cpp rAt()."""
        layer_r = _int_list(knobs["layer_r"], "layer_r")
        if layer_r:
            if len(layer_r) != self.depth:
                raise ValueError(f"layer_r has {len(layer_r)} values for {self.depth} blocks")
            return layer_r
        r = _integer(knobs["r"], "r")
        if knobs["schedule"] == "constant":
            return [r] * self.depth
        if knobs["schedule"] != "decreasing":
            raise ValueError(f"tome schedule '{knobs['schedule']}' is not constant or decreasing")
        inflect = float(knobs["inflect"])
        lo = int(r * (1.0 - inflect))
        hi = 2 * r - lo
        step = (hi - lo) / (self.depth - 1) if self.depth > 1 else 0.0
        return [int(lo + step * l) for l in range(self.depth)]


def expected_token_counts(plan, num_tokens, num_prefix):
    """[(attention tokens, MLP tokens)] per block implied by the plan under the C++ rules
    (evit.cpp / random_keep.cpp / tome.cpp reduce()), independent of any forward."""
    n, out = num_tokens, []
    for value in plan.per_block:
        attn = n
        if plan.method == "tome":
            r = min(int(value), (n - num_prefix) // 2)
            if r > 0:
                n -= r
        elif value < 1.0:
            rest = n - num_prefix
            keep = kept_count(value, rest)
            if plan.method == "random":
                if keep < rest:
                    n = num_prefix + keep
            elif 1 <= keep < rest:
                n = num_prefix + keep + (1 if plan.fuse else 0)
        out.append((attn, n))
    return out


def macs_from_counts(base, counts):
    """core/prune/flops.cpp: stem + head + per block 2*Nm*C*H + 3*Na*C*A + 2*Na^2*A + Na*A*C
    (A = heads * head_dim = C for these models, H = MLP hidden). MACs, not GMACs."""
    C = base.embed_dim
    A = base.blocks[0].attn.num_heads * base.blocks[0].attn.head_dim
    H = base.blocks[0].mlp.fc1.out_features
    P = base.grid[0] * base.grid[1]
    in_chans = base.patch_embed.proj.in_channels
    p = base.patch_size
    macs = P * in_chans * p * p * C + C * base.head.out_features * (2 if base.distilled else 1)
    for attn, mlp in counts:
        macs += 2.0 * mlp * C * H + 3.0 * attn * C * A + 2.0 * attn * attn * A + attn * A * C
    return macs


def dense_counts(base):
    n = base.num_prefix_tokens + base.grid[0] * base.grid[1]
    return [(n, n)] * len(base.blocks)


# ----------------------------------------------------------------------------------------------
# Forwards
# ----------------------------------------------------------------------------------------------

class PrunedViT(nn.Module):
    """Shares the modules (weights) of a TimmLikeViT and runs its own block loop.
    Set `self.trace = []` to record (attention tokens, MLP tokens) per block of the next forward."""

    def __init__(self, base: TimmLikeViT, plan: Plan):
        super().__init__()
        assert len(plan.per_block) == len(base.blocks)
        self.base = base
        self.plan = plan
        self.trace = None

    def embed(self, x):
        b = self.base
        x, grid = b.patch_embed(x)
        pos = b.pos_embed
        if grid != b.grid:
            pos = resample_abs_pos_embed(pos, grid, b.grid, b.num_prefix_tokens)
        prefix = [b.cls_token.expand(x.shape[0], -1, -1)]
        if b.dist_token is not None:
            prefix.append(b.dist_token.expand(x.shape[0], -1, -1))
        return torch.cat(prefix + [x], dim=1) + pos

    def head(self, x):
        b = self.base
        x = b.norm(x)
        logits = b.head(x[:, 0])
        if b.head_dist is not None:
            logits = (logits + b.head_dist(x[:, 1])) / 2
        return logits

    def _record(self, attn_tokens, mlp_tokens):
        if self.trace is not None:
            self.trace.append((attn_tokens, mlp_tokens))


def _qkv(attn_mod, x):
    B, N, C = x.shape
    qkv = attn_mod.qkv(x).reshape(B, N, 3, attn_mod.num_heads, C // attn_mod.num_heads).permute(2, 0, 3, 1, 4)
    return qkv[0], qkv[1], qkv[2]


def complement_indices(idx, n):
    """The indices in range(n) not in idx [B, k], ascending, [B, n - k]: EViT's helper's approach
    (arange, scatter the kept positions to 0, sort, drop the first k)."""
    k = idx.shape[-1]
    all_idx = torch.arange(n, device=idx.device).expand(idx.shape[0], n)
    marked = all_idx.scatter(-1, idx, 0)
    return marked.sort(dim=-1).values[:, k:]


class EViTViT(PrunedViT):
    """EViT / attention top-k (plan.fuse False)."""

    def forward(self, x):
        x = self.embed(x)
        pre = self.base.num_prefix_tokens
        for blk, keep_rate in zip(self.base.blocks, self.plan.per_block):
            x = self.block(blk, x, keep_rate, pre)
        return self.head(x)

    def block(self, blk, x, keep_rate, pre):
        B, N, C = x.shape
        # Attention as the reference: scale after q @ k^T, softmax; the map is kept for the CLS row.
        a = blk.attn
        q, k, v = _qkv(a, blk.norm1(x))
        attn = ((q @ k.transpose(-2, -1)) * a.scale).softmax(dim=-1)
        x = x + a.proj((attn @ v).transpose(1, 2).reshape(B, N, C))
        attn_tokens = N
        if keep_rate < 1:
            left = math.ceil(keep_rate * (N - pre))
            if 1 <= left < N - pre:
                cls_attn = attn[:, :, 0, pre:].mean(dim=1)                       # [B, N - pre]
                _, idx = torch.topk(cls_attn, left, dim=1, largest=True, sorted=True)
                patches = x[:, pre:]
                kept = torch.gather(patches, 1, idx.unsqueeze(-1).expand(-1, -1, C))
                if self.plan.fuse:
                    rest = complement_indices(idx, N - pre)
                    dropped = torch.gather(patches, 1, rest.unsqueeze(-1).expand(-1, -1, C))
                    weights = torch.gather(cls_attn, 1, rest)
                    extra = torch.sum(dropped * weights.unsqueeze(-1), dim=1, keepdim=True)
                    x = torch.cat([x[:, :pre], kept, extra], dim=1)
                else:
                    x = torch.cat([x[:, :pre], kept], dim=1)
        self._record(attn_tokens, x.shape[1])
        return x + blk.mlp(blk.norm2(x))


def bipartite_soft_matching(metric, r, class_token, distill_token):
    """ToMe's matching: returns merge(x, mode) or None when nothing is merged."""
    protected = int(class_token) + int(distill_token)
    t = metric.shape[1]
    r = min(r, (t - protected) // 2)
    if r <= 0:
        return None
    with torch.no_grad():
        metric = metric / metric.norm(dim=-1, keepdim=True)
        a, b = metric[..., ::2, :], metric[..., 1::2, :]
        scores = a @ b.transpose(-1, -2)
        if class_token:
            scores[..., 0, :] = -math.inf
        if distill_token:
            scores[..., :, 0] = -math.inf
        node_max, node_idx = scores.max(dim=-1)
        edge_idx = node_max.argsort(dim=-1, descending=True)[..., None]
        unm_idx = edge_idx[..., r:, :]
        src_idx = edge_idx[..., :r, :]
        dst_idx = node_idx[..., None].gather(dim=-2, index=src_idx)
        if class_token:
            unm_idx = unm_idx.sort(dim=1)[0]   # CLS back to the front

    def merge(x, mode="mean"):
        src, dst = x[..., ::2, :], x[..., 1::2, :]
        n, t1, c = src.shape
        unm = src.gather(dim=-2, index=unm_idx.expand(n, t1 - r, c))
        moved = src.gather(dim=-2, index=src_idx.expand(n, r, c))
        dst = dst.scatter_reduce(-2, dst_idx.expand(n, r, c), moved, reduce=mode)
        if distill_token:
            return torch.cat([unm[:, :1], dst[:, :1], unm[:, 1:], dst[:, 1:]], dim=1)
        return torch.cat([unm, dst], dim=1)

    return merge


def merge_wavg(merge, x, size):
    """Size-weighted average merge; returns (x, size)."""
    if size is None:
        size = torch.ones_like(x[..., 0, None])
    x = merge(x * size, mode="sum")
    size = merge(size, mode="sum")
    return x / size, size


class ToMeViT(PrunedViT):
    def forward(self, x):
        x = self.embed(x)
        size = None
        class_token, distill_token = True, self.base.dist_token is not None
        for blk, r in zip(self.base.blocks, list(self.plan.per_block)):
            x, size = self.block(blk, x, size, int(r), class_token, distill_token)
        return self.head(x)

    def block(self, blk, x, size, r, class_token, distill_token):
        B, N, C = x.shape
        a = blk.attn
        q, k, v = _qkv(a, blk.norm1(x))
        attn = (q @ k.transpose(-2, -1)) * a.scale
        if self.plan.prop_attn and size is not None:
            attn = attn + size.log()[:, None, None, :, 0]
        attn = attn.softmax(dim=-1)
        x = x + a.proj((attn @ v).transpose(1, 2).reshape(B, N, C))
        metric = k.mean(1)
        if r > 0:
            merge = bipartite_soft_matching(metric, r, class_token, distill_token)
            if merge is not None:
                x, size = merge_wavg(merge, x, size)
        self._record(N, x.shape[1])
        return x + blk.mlp(blk.norm2(x)), size


class RandomKeepViT(PrunedViT):
    def forward(self, x):
        x = self.embed(x)
        pre = self.base.num_prefix_tokens
        gen = torch.Generator(device=x.device).manual_seed(self.plan.seed)
        for blk, keep_rate in zip(self.base.blocks, self.plan.per_block):
            N = x.shape[1]
            x = x + blk.attn(blk.norm1(x))
            if keep_rate < 1:
                patches = N - pre
                keep = kept_count(keep_rate, patches)
                if keep < patches:
                    scores = torch.rand(x.shape[0], patches, generator=gen, device=x.device)
                    idx = scores.topk(keep, dim=1).indices.sort(dim=1).values + pre
                    idx = torch.cat([torch.arange(pre, device=x.device).expand(x.shape[0], pre), idx], dim=1)
                    x = x.gather(1, idx.unsqueeze(-1).expand(-1, -1, x.shape[2]))
            self._record(N, x.shape[1])
            x = x + blk.mlp(blk.norm2(x))
        return self.head(x)


def build(base: TimmLikeViT, method: str, settings: dict) -> PrunedViT:
    """The pruned forward of `method` with the table's `settings` ({knob: string}) over `base`."""
    plan = Plan(method, settings, len(base.blocks))
    cls = {"evit": EViTViT, "attn-topk": EViTViT, "tome": ToMeViT, "random": RandomKeepViT}[method]
    return cls(base, plan).eval()
