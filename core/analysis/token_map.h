#pragma once
// Token map (see token_map_data.h): a per-block PCA of the dense model's patch tokens on one
// image, and the projection of any forward's surviving tokens with it. Deterministic: the fit is
// an eigen-decomposition of the covariance in float64 with a fixed sign per component (its
// largest-|loading| entry positive), so one input gives the same colours bit for bit.
#include <ATen/ATen.h>

#include <vector>

#include "analysis/token_map_data.h"
#include "prune/token_trace.h"

namespace vp {

class PruneMethod;
class ViTModel;

struct TokenPca {
    at::Tensor mean;        // [C] float64
    at::Tensor components;  // [C,3] float64, principal directions by decreasing variance
    at::Tensor lo, hi;      // [3] float64: 2nd and 98th percentile of the dense projection
};

struct TokenMapFit {
    int prefix = 1;
    std::vector<TokenPca> layers;  // one per block
};

// Fits block by block on `denseTokens` (ForwardOptions::layerTokens of a dense forward, each
// [B, prefix+P, C]); uses sample `sample` and only its patch tokens.
TokenMapFit fitTokenMap(const std::vector<at::Tensor>& denseTokens, int prefix, int sample = 0);
// Runs `model` dense on `image` ([1, C, H, W], on the model's device) and fits on it.
TokenMapFit fitTokenMap(const ViTModel& model, const at::Tensor& image);

// Colours the patches of sample `sample`: `tokens` (ForwardOptions::layerTokens) and `trace`
// (TraceLevel::Full) of the same forward. Throws vp::Error when the forward's token width
// differs from the fit's.
TokenMap projectTokenMap(const TokenMapFit& fit, const std::vector<at::Tensor>& tokens, const TokenTrace& trace,
                         int sample = 0);
// Runs `method` on `image` with a full trace and projects its tokens with `fit`.
TokenMap tokenMap(const ViTModel& model, PruneMethod& method, const at::Tensor& image, const TokenMapFit& fit);

}  // namespace vp
