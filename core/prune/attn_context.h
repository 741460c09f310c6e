#pragma once
// What a pruning method may ask of the attention step. The dense path asks nothing and pays
// nothing: each field is computed only when the matching need is set.
#include <ATen/ATen.h>

namespace vp {

struct AttnNeeds {
    bool keys = false;     // keys averaged over heads [B,N,d] (ToMe's metric)
    bool clsAttn = false;  // softmax row of the CLS query per head [B,H,N] (EViT, Evo-ViT)
    bool fullMap = false;  // full attention probabilities [B,H,N,N] (LTP, Patch Slimming)
    bool any() const { return keys || clsAttn || fullMap; }
};

struct AttnContext {
    at::Tensor keysMean;
    at::Tensor clsAttn;
    at::Tensor map;
};

}  // namespace vp
