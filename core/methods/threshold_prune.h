#pragma once
// Pruning by a threshold with per-image counts (batches padded, padding marked in state.valid),
// shared by LTP (ltp.cpp, ltp_learned.cpp: importance = attention received) and IA-RED²
// (interpreter keep probabilities).
#include <ATen/ATen.h>

#include "prune/token_state.h"

namespace vp {

// s_i * N for every token [B, N]: the attention token i receives, averaged over heads and the
// sample's real queries, relative to the uniform score 1/N (N real tokens). `map` [B, H, N, N].
at::Tensor attentionReceived(const at::Tensor& map, const TokenState& state);

// Drops the tokens whose score [B, N] is below `threshold` (prefix tokens never), keeping the
// survivors in order; pads the batch to its largest count. Records the patch scores for the trace.
void dropBelowThreshold(TokenState& state, const at::Tensor& relative, double threshold);

}  // namespace vp
