#pragma once
// The token sequence while it flows through the blocks, and where each original patch lives.
#include <ATen/ATen.h>

#include <string>

namespace vp {

struct TokenState {
    at::Tensor x;                        // [B,N,C]: prefix tokens (CLS, dist) first, then patch tokens
    at::Tensor size;                     // [B,N] float: patches merged into each token; undefined = all 1
    at::Tensor patchToToken;             // [B,P] int64: current token index of each original patch, -1 dropped,
                                         // -2-j parked in the method's placeholder slot j (Evo-ViT)
    at::Tensor fused;                    // [B,N] bool: token is a fused/background token; undefined = none
    at::Tensor score;                    // [B,P] float: the score the method last gave each patch (trace only)
    at::Tensor valid;                    // [B,N] bool: real tokens when a batch is padded to a common N
                                         // (per-image counts, e.g. LTP); undefined = all real
    at::Tensor policy;                   // [B,N] float 0..1: soft keep decisions while training a method's parts
                                         // (DynamicViT's Gumbel masks): attention renormalises over them, each
                                         // token keeping its own column (softmax_with_policy); undefined = none
    at::Tensor recomputed;               // [B,N] bool: token recomputed by this block (Eventful's gates);
                                         // false = its output came from the previous frame; undefined = all
    int prefix = 1;                      // tokens at the front that are never pruned
    int64_t gridH = 0, gridW = 0;        // the images' patch grid (SPViT's conv stand-in needs it)
    bool proportionalAttention = false;  // add log(size) of keys to attention logits (ToMe)
    bool tracking = true;                // maintain patchToToken (off for fast evaluation)
    // Pooling override for the head: "" = the config's; "mean_then_norm" = mean of patch tokens,
    // then the final norm (Evo-ViT's DeiT head).
    std::string pool;

    int64_t batch() const { return x.size(0); }
    int64_t tokens() const { return x.size(1); }

    // Keep, per sample, the tokens at `index` [B,K] (indices into the current N, prefix
    // included), in that order. Updates x, size, fused and patchToToken.
    void gather(const at::Tensor& index);
    // Sets patchToToken so patches whose token is not in `keptOld` become -1 and others
    // follow their token's new position; `newIndexOfOld` is [B,N_old] (-1 if gone).
    void remapPatches(const at::Tensor& newIndexOfOld);
    // Sizes as a tensor even when undefined (ones).
    at::Tensor sizeOrOnes() const;
};

}  // namespace vp
