#pragma once
// Plain tensors of a ViT under one internal naming (timm's). Blocks carry their own widths so
// structural pruning can hand back physically smaller copies.
#include <ATen/ATen.h>
#include <vector>

#include "model/vit_config.h"

namespace vp {

struct BlockWeights {
    at::Tensor norm1W, norm1B;
    // Rows: queries, keys (mapCount()*headDim each), values (heads*valueDim()). Bias may be
    // undefined (qkv_bias=False). Undefined with attentionRemoved.
    at::Tensor qkvW, qkvB;
    at::Tensor projW, projB;  // [C, heads*valueDim()]
    // hMHSA: [heads - mapCount(), mapCount()]: each hallucinated head's map as a linear
    // combination of the computed maps; undefined when every head computes its own.
    at::Tensor hallucinateW;
    at::Tensor norm2W, norm2B;
    at::Tensor fc1W, fc1B;  // [hidden, C]
    at::Tensor fc2W, fc2B;  // [C, hidden], or [C, rank] after fc2InW
    at::Tensor fc2InW;      // cFFN: [rank, hidden], no bias; undefined when fc2 is not factorised
    int heads = 0;
    int headDim = 0;                // per-head query/key width
    int vDim = 0;                   // per-head value width; 0: same as headDim
    int mapHeads = 0;               // heads with their own map (the first ones); 0: all
    bool attentionRemoved = false;  // "MLP can be a good transformer learner": x <- 2x, no attention
    // What computes instead of a removed attention (BlockWidth::standIn). StandIn::Conv (SPViT):
    // convW [D, C, k, k] and convB [D] (a BatchNorm folded in), then ReLU, convOutW [C, D], convOutB [C].
    StandIn standIn = StandIn::Double;
    at::Tensor convW, convB, convOutW, convOutB;
    // Share of the linear layers' weights (qkv, proj, fc1, fc2) that are non-zero after
    // unstructured pruning (S-ViTE's magnitude sparsity). GMACs count only those multiply-adds, as
    // the paper reports them; dense kernels still do them all, so measured time does not change.
    double linearDensity = 1.0;

    int mlpHidden() const { return fc1W.defined() ? static_cast<int>(fc1W.size(0)) : 0; }
    int fc2Rank() const { return fc2InW.defined() ? static_cast<int>(fc2InW.size(0)) : 0; }
    int valueDim() const { return vDim > 0 ? vDim : headDim; }
    int mapCount() const { return mapHeads > 0 && mapHeads < heads ? mapHeads : heads; }
    int qkWidth() const { return mapCount() * headDim; }  // width of the queries (and of the keys)
    int attnDim() const { return heads * valueDim(); }    // width of the values, the projection's input
    int convKernel() const { return convW.defined() ? static_cast<int>(convW.size(2)) : 0; }
    int convDim() const { return convW.defined() ? static_cast<int>(convW.size(0)) : 0; }
};

// The widths a block's tensors have (what config.json's block_widths records).
BlockWidth widthOf(const BlockWeights& b);

struct ViTWeights {
    at::Tensor patchW, patchB;  // conv [C, in, p, p]
    at::Tensor clsToken;        // [1,1,C]
    at::Tensor distToken;       // [1,1,C] or undefined
    at::Tensor posEmbed;        // [1, prefix + grid*grid, C]
    std::vector<BlockWeights> blocks;
    at::Tensor normW, normB;      // final norm (undefined when pool == avg uses fcNorm)
    at::Tensor fcNormW, fcNormB;  // timm fc_norm for avg pooling, may be undefined
    at::Tensor headW, headB;
    at::Tensor headDistW, headDistB;

    std::vector<at::Tensor*> all();  // every defined tensor, for device moves and training
};

}  // namespace vp
