#include "prune/block_walk.h"

namespace vp {

void walkBlocks(const ViTModel& model, const at::Tensor& batch, const AttnNeeds& needs, const BlockVisitor& visit) {
    const ViTConfig& c = model.config();
    const auto& blocks = model.weights().blocks;
    TokenState state = model.embedTokens(batch.to(model.device(), model.dtype()), false);
    for (size_t l = 0; l < blocks.size(); ++l) {
        const BlockWeights& b = blocks[l];
        const int layer = static_cast<int>(l);
        AttnContext ctx;
        at::Tensor a;
        if (b.attentionRemoved) {
            state.x = model.removedAttention(layer, state);
        } else {
            a = model.attention(layer, at::layer_norm(state.x, {c.embedDim}, b.norm1W, b.norm1B, c.lnEps), state, needs,
                                ctx);
            state.x = state.x + a;
        }
        state.x = state.x + model.mlp(layer, at::layer_norm(state.x, {c.embedDim}, b.norm2W, b.norm2B, c.lnEps));
        visit(layer, a, ctx, state);
    }
}

}  // namespace vp
