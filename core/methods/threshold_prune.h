#pragma once
// Pruning by a threshold with per-image counts (batches padded, padding marked in state.valid),
// shared by LTP (ltp.cpp, ltp_learned.cpp: importance = attention received), IA-RED²
// (interpreter keep probabilities) and A-ViT (halted tokens).
#include <ATen/ATen.h>

#include "prune/token_state.h"

namespace vp {

// s_i * N for every token [B, N]: the attention token i receives, averaged over heads and the
// sample's real queries, relative to the uniform score 1/N (N real tokens). `map` [B, H, N, N].
at::Tensor attentionReceived(const at::Tensor& map, const TokenState& state);

// Drops the tokens whose score [B, N] is below `threshold` (prefix tokens never), keeping the
// survivors in order; pads the batch to its largest count. Records the patch scores for the trace.
void dropBelowThreshold(TokenState& state, const at::Tensor& relative, double threshold);

// Keeps the real tokens where `keep` [B, N] is true (prefix tokens always), in order, padding the
// batch to its largest count. Returns the gather index [B, K] it applied (for the method's own
// per-token state), or an undefined tensor when nothing was dropped.
at::Tensor keepTokens(TokenState& state, const at::Tensor& keep);

}  // namespace vp
