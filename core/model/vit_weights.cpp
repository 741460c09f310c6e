#include "model/vit_weights.h"

namespace vp {

BlockWidth widthOf(const BlockWeights& b) {
    return {b.attentionRemoved ? 0 : b.heads, b.attentionRemoved ? 0 : b.headDim, b.attentionRemoved ? 0 : b.valueDim(),
            b.mlpHidden(), !b.attentionRemoved};
}

std::vector<at::Tensor*> ViTWeights::all() {
    std::vector<at::Tensor*> out;
    auto add = [&](at::Tensor& t) {
        if (t.defined()) out.push_back(&t);
    };
    for (at::Tensor* t : {&patchW, &patchB, &clsToken, &distToken, &posEmbed, &normW, &normB, &fcNormW, &fcNormB,
                          &headW, &headB, &headDistW, &headDistB})
        add(*t);
    for (BlockWeights& b : blocks)
        for (at::Tensor* t : {&b.norm1W, &b.norm1B, &b.qkvW, &b.qkvB, &b.projW, &b.projB, &b.norm2W, &b.norm2B, &b.fc1W,
                              &b.fc1B, &b.fc2W, &b.fc2B})
            add(*t);
    return out;
}

}  // namespace vp
