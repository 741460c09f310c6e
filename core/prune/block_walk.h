#pragma once
// The unpruned forward of a batch, block by block, for calibration statistics (attention-output
// entropy, attention-map Gram matrices, exit-probe features): no method, no tracking. After each
// block `visit` sees the block's attention output (undefined for a removed sub-block, which
// computes x <- 2x), what the attention step produced for `needs`, and the tokens after the
// block.
#include <ATen/ATen.h>

#include <functional>

#include "model/vit_model.h"
#include "prune/attn_context.h"
#include "prune/token_state.h"

namespace vp {

using BlockVisitor =
    std::function<void(int layer, const at::Tensor& attention, const AttnContext& ctx, const TokenState& after)>;

// `batch` [B, C, H, W] is moved to the model's device and dtype. Call under InferenceMode.
void walkBlocks(const ViTModel& model, const at::Tensor& batch, const AttnNeeds& needs, const BlockVisitor& visit);

}  // namespace vp
