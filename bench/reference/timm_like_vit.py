#!/usr/bin/python3
"""A plain-PyTorch Vision Transformer with timm's VisionTransformer / DeiT semantics and timm's
state-dict key names. It is the reference that the C++ forward (core/model/vit_model.*) is checked
against (tests/fixtures/make_reference_fixtures.py) and timed against (bench/reference/bench_pytorch.py).

It does not import timm (not installed here); it reproduces what matters for inference:
  * patch_embed.proj: Conv2d(in_chans, dim, patch, stride=patch), tokens = flatten(2).transpose(1, 2)
  * prefix tokens cls_token (and dist_token for distilled DeiT) concatenated before the patches,
    then pos_embed (over prefix + patch tokens) added  (timm: no_embed_class=False, class_token=True)
  * pre-norm blocks: x + attn(norm1(x)), x + mlp(norm2(x)); LayerNorm eps 1e-6
  * attention: qkv Linear (bias optional), scale head_dim ** -0.5 applied to q, softmax, proj Linear
  * mlp: fc1 -> GELU (exact erf) -> fc2
  * final norm, head on token 0; distilled: head_dist on token 1 and (head + head_dist) / 2
  * a different input size resamples the patch part of pos_embed like timm's
    resample_abs_pos_embed(..., interpolation='bicubic', antialias=False): F.interpolate on the
    [1, C, gh, gw] grid, align_corners=False; prefix tokens untouched.

Run with Debian's interpreter (it has torch): /usr/bin/python3
"""
import torch
import torch.nn as nn
import torch.nn.functional as F

# DeiT presets (timm names): dim, depth, heads, patch, image, distilled. mlp is 4 x dim, 1000 classes.
PRESETS = {
    "deit_tiny_patch16_224": dict(embed_dim=192, depth=12, num_heads=3, patch_size=16, img_size=224),
    "deit_small_patch16_224": dict(embed_dim=384, depth=12, num_heads=6, patch_size=16, img_size=224),
    "deit_base_patch16_224": dict(embed_dim=768, depth=12, num_heads=12, patch_size=16, img_size=224),
    "deit_tiny_distilled_patch16_224": dict(embed_dim=192, depth=12, num_heads=3, patch_size=16,
                                            img_size=224, distilled=True),
    "deit_small_distilled_patch16_224": dict(embed_dim=384, depth=12, num_heads=6, patch_size=16,
                                             img_size=224, distilled=True),
    "deit_base_distilled_patch16_224": dict(embed_dim=768, depth=12, num_heads=12, patch_size=16,
                                            img_size=224, distilled=True),
}


def resample_abs_pos_embed(posemb, new_size, old_size, num_prefix_tokens=1):
    """timm.layers.resample_abs_pos_embed with interpolation='bicubic', antialias=False.

    posemb: [1, prefix + old_h*old_w, C]; new_size/old_size: (h, w) in patches.
    """
    new_size = tuple(new_size)
    old_size = tuple(old_size)
    if new_size == old_size:
        return posemb
    prefix, grid = posemb[:, :num_prefix_tokens], posemb[:, num_prefix_tokens:]
    dim = posemb.shape[-1]
    orig_dtype = posemb.dtype
    grid = grid.float().reshape(1, old_size[0], old_size[1], dim).permute(0, 3, 1, 2)
    grid = F.interpolate(grid, size=new_size, mode="bicubic", antialias=False, align_corners=False)
    grid = grid.permute(0, 2, 3, 1).reshape(1, -1, dim).to(orig_dtype)
    return torch.cat([prefix, grid], dim=1)


class PatchEmbed(nn.Module):
    def __init__(self, patch_size, in_chans, embed_dim):
        super().__init__()
        self.patch_size = patch_size
        self.proj = nn.Conv2d(in_chans, embed_dim, kernel_size=patch_size, stride=patch_size)

    def forward(self, x):
        x = self.proj(x)                      # [B, C, gh, gw]
        grid = (x.shape[2], x.shape[3])
        return x.flatten(2).transpose(1, 2), grid


class Attention(nn.Module):
    def __init__(self, dim, num_heads, qkv_bias=True):
        super().__init__()
        assert dim % num_heads == 0, "dim must be divisible by num_heads"
        self.num_heads = num_heads
        self.head_dim = dim // num_heads
        self.scale = self.head_dim ** -0.5
        self.qkv = nn.Linear(dim, dim * 3, bias=qkv_bias)
        self.proj = nn.Linear(dim, dim)

    def forward(self, x):
        B, N, C = x.shape
        qkv = self.qkv(x).reshape(B, N, 3, self.num_heads, self.head_dim).permute(2, 0, 3, 1, 4)
        q, k, v = qkv.unbind(0)               # [B, H, N, hd]
        attn = (q * self.scale) @ k.transpose(-2, -1)
        attn = attn.softmax(dim=-1)
        x = (attn @ v).transpose(1, 2).reshape(B, N, C)
        return self.proj(x)


class Mlp(nn.Module):
    def __init__(self, dim, hidden):
        super().__init__()
        self.fc1 = nn.Linear(dim, hidden)
        self.act = nn.GELU()                  # exact (erf) GELU, as timm's default
        self.fc2 = nn.Linear(hidden, dim)

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x)))


class Block(nn.Module):
    def __init__(self, dim, num_heads, mlp_hidden, qkv_bias=True, eps=1e-6):
        super().__init__()
        self.norm1 = nn.LayerNorm(dim, eps=eps)
        self.attn = Attention(dim, num_heads, qkv_bias)
        self.norm2 = nn.LayerNorm(dim, eps=eps)
        self.mlp = Mlp(dim, mlp_hidden)

    def forward(self, x):
        x = x + self.attn(self.norm1(x))
        return x + self.mlp(self.norm2(x))


class TimmLikeViT(nn.Module):
    """timm VisionTransformer (global_pool='token') / VisionTransformerDistilled, inference only."""

    def __init__(self, img_size=224, patch_size=16, in_chans=3, num_classes=1000, embed_dim=768,
                 depth=12, num_heads=12, mlp_ratio=4.0, mlp_hidden=None, qkv_bias=True,
                 distilled=False, eps=1e-6):
        super().__init__()
        assert img_size % patch_size == 0
        self.img_size = img_size
        self.patch_size = patch_size
        self.embed_dim = embed_dim
        self.distilled = distilled
        self.num_prefix_tokens = 2 if distilled else 1
        self.grid = (img_size // patch_size, img_size // patch_size)
        mlp_hidden = mlp_hidden if mlp_hidden is not None else int(embed_dim * mlp_ratio)

        self.patch_embed = PatchEmbed(patch_size, in_chans, embed_dim)
        self.cls_token = nn.Parameter(torch.zeros(1, 1, embed_dim))
        self.dist_token = nn.Parameter(torch.zeros(1, 1, embed_dim)) if distilled else None
        num_tokens = self.num_prefix_tokens + self.grid[0] * self.grid[1]
        self.pos_embed = nn.Parameter(torch.zeros(1, num_tokens, embed_dim))
        self.blocks = nn.ModuleList(
            [Block(embed_dim, num_heads, mlp_hidden, qkv_bias, eps) for _ in range(depth)])
        self.norm = nn.LayerNorm(embed_dim, eps=eps)
        self.head = nn.Linear(embed_dim, num_classes)
        self.head_dist = nn.Linear(embed_dim, num_classes) if distilled else None
        self.reset_parameters()

    @torch.no_grad()
    def reset_parameters(self, generator=None):
        """Random weights: PyTorch's default Linear/Conv2d init (uniform +-1/sqrt(fan_in), kept from
        construction), LayerNorm affine perturbed away from 1 / 0, tokens and pos_embed
        normal(0.02) as timm. Every parameter is non-trivial, so a comparison exercises all of them."""
        for name, p in self.named_parameters():
            if name.endswith(("cls_token", "dist_token", "pos_embed")):
                p.copy_(0.02 * torch.randn(p.shape, generator=generator))
            elif "norm" in name and name.endswith(".weight"):
                p.copy_(1.0 + 0.1 * torch.randn(p.shape, generator=generator))
            elif "norm" in name and name.endswith(".bias"):
                p.copy_(0.05 * torch.randn(p.shape, generator=generator))

    def forward_features(self, x):
        x, grid = self.patch_embed(x)
        pos = self.pos_embed
        if grid != self.grid:
            pos = resample_abs_pos_embed(pos, grid, self.grid, self.num_prefix_tokens)
        B = x.shape[0]
        prefix = [self.cls_token.expand(B, -1, -1)]
        if self.dist_token is not None:
            prefix.append(self.dist_token.expand(B, -1, -1))
        x = torch.cat(prefix + [x], dim=1) + pos
        for blk in self.blocks:
            x = blk(x)
        return self.norm(x)

    def forward(self, x):
        x = self.forward_features(x)
        logits = self.head(x[:, 0])
        if self.head_dist is not None:
            logits = (logits + self.head_dist(x[:, 1])) / 2
        return logits


def create_model(arch, **overrides):
    """A randomly initialised preset model (see PRESETS), eval mode."""
    if arch not in PRESETS:
        raise KeyError(f"unknown arch '{arch}', known: {', '.join(PRESETS)}")
    kwargs = dict(PRESETS[arch])
    kwargs.update(overrides)
    return TimmLikeViT(**kwargs).eval()
