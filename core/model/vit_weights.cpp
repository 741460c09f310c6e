#include "model/vit_weights.h"

namespace vp {

BlockWidth widthOf(const BlockWeights& b) {
    const bool a = !b.attentionRemoved;
    BlockWidth w{a ? b.heads : 0,
                 a ? b.headDim : 0,
                 a ? b.valueDim() : 0,
                 b.mlpHidden(),
                 a,
                 a && b.mapCount() < b.heads ? b.mapCount() : 0,
                 b.fc2Rank()};
    if (!a) {
        w.standIn = b.standIn;
        w.convKernel = b.convKernel();
        w.convDim = b.convDim();
    }
    return w;
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
        for (at::Tensor* t :
             {&b.norm1W, &b.norm1B, &b.qkvW, &b.qkvB, &b.projW, &b.projB, &b.hallucinateW, &b.norm2W, &b.norm2B,
              &b.fc1W, &b.fc1B, &b.fc2InW, &b.fc2W, &b.fc2B, &b.convW, &b.convB, &b.convOutW, &b.convOutB})
            add(*t);
    return out;
}

}  // namespace vp
