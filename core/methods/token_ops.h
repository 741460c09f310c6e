#pragma once
// Small tensor operations shared by the token methods (top-k keep, scores for the trace).
#include <ATen/ATen.h>

#include "prune/token_state.h"

namespace vp {

// ceil(ratio * n) clamped to [0, n] (EViT's count rule: math.ceil(keep_rate * (N - 1))).
int64_t keptCount(double ratio, int64_t n);

// Stores, for the trace, each original patch's score (score of the token it now lives in).
// `scores` [B, N - prefix] over the current patch tokens. No-op unless tracking.
void recordPatchScores(TokenState& state, const at::Tensor& scores);

// Keeps the prefix tokens plus the `keep` patch tokens with the highest `scores` [B, N-prefix].
// sortByScore: order kept tokens by descending score (EViT, DynamicViT reference code);
// otherwise keep their original order. Returns the kept patch indices [B, keep] (0-based among
// the patch tokens, in the order used) and, through `dropped`, the others when non-null.
at::Tensor keepTopPatches(TokenState& state, const at::Tensor& scores, int64_t keep, bool sortByScore,
                          at::Tensor* dropped = nullptr);

}  // namespace vp
