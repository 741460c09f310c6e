#pragma once
// Attention views (analysis/attention_maps_data.h) from the attention a forward captured
// (ForwardOptions::attention) and its trace: per block and head the CLS query's attention painted
// back on the original patches, and the attention rollout (Abnar & Zuidema 2020, as vit-explain)
// carried through the method's drops, merges and fusions.
#include <ATen/ATen.h>

#include <string>
#include <vector>

#include "analysis/attention_maps_data.h"
#include "model/vit_model.h"
#include "prune/token_trace.h"

namespace vp {

class PruneMethod;

// Why the attention views cannot be shown for `method`, "" when they can: a method that computes
// its blocks its own way (PruneMethod::replacesBlocks, the Eventful Transformer) has no attention
// map of the kind the views read, and none is invented for it.
std::string attentionUnavailable(const PruneMethod& method);

// The rollout through each block for sample `sample`: the rows of the tokens that entered block l
// over the original tokens (prefix, then patches), [N_l, prefix + P] float64, each summing to 1.
// Between blocks a token's row is the mean of the rows of its patches (so of the earlier tokens
// they came from, weighted by patch count); a token holding no patch (Evo-ViT's representative
// token) takes the mean row of the patches parked outside the sequence, or zeros if there are none.
std::vector<at::Tensor> attentionRollout(const std::vector<BlockAttention>& blocks, int prefix, int patches,
                                         HeadFusion fusion, int sample = 0);

// The maps of sample `sample` of one forward: `blocks` (ForwardOptions::attention) and `trace`
// (TraceLevel::Full, for the grid and the fused tokens). Throws vp::Error when the capture does
// not cover the trace's blocks.
AttentionMaps attentionMaps(const std::vector<BlockAttention>& blocks, const TokenTrace& trace, int sample = 0);

// Runs `method` on `image` ([1, C, H, W] on the model's device) with a full trace and the capture.
// Throws vp::Error with attentionUnavailable's reason for methods without attention maps.
AttentionMaps attentionMaps(const ViTModel& model, PruneMethod& method, const at::Tensor& image);

}  // namespace vp
