#pragma once
// hMHSA's training-free fit (Xu et al., arXiv 2306.10875, "attention map hallucination"): which
// heads of a block can have their attention maps made from the others' maps, and with which
// linear combination. A head's map is fitted by least squares over every (image, query, key)
// entry of the calibration set, so only the Gram matrix of the heads' maps is needed.
#include <ATen/ATen.h>

#include <vector>

#include "model/vit_model.h"

namespace vp {

// Per block: G[h][g] = sum over calibration images, queries and keys of A_h * A_g (float64
// [H, H]) from the model's own forward; undefined for a block without attention. Throws vp::Error
// on a calibration set of zero images.
std::vector<at::Tensor> attentionMapGram(const ViTModel& model, const std::vector<at::Tensor>& batches);

struct HallucinationFit {
    std::vector<int> computed;      // heads that keep their queries and keys (ascending)
    std::vector<int> hallucinated;  // heads whose maps are mixed (ascending)
    at::Tensor mix;                 // float32 [hallucinated, computed]
    double relativeError = 0;       // sum of squared residuals / sum of squared maps, hallucinated heads
};

// Greedy: `count` times, hallucinate the head whose removal leaves the least total relative
// residual over all hallucinated heads, each fitted from the heads still computed. count in
// [0, H-1].
HallucinationFit fitHallucination(const at::Tensor& gram, int count);

}  // namespace vp
