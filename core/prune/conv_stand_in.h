#pragma once
// SPViT's weight-shared convolutions (He et al., "Pruning Self-attentions into Convolutional Layers
// in Single Path", 2022; official code ziplab/SPViT), built without training. In SPViT a block's
// MSA shares its weights with a k x k conv: kernel position p uses a mix of the heads' value
// projections, V_p = sum_h P[h,p] W_v^h (P: a softmax over heads per position, learned), the conv
// maps C -> head-dim channels, then BatchNorm, ReLU and a linear map back to C built from the
// output projection; the prefix tokens pass LN(x) through. Here P comes from calibration: P[h,p] is
// head h's mean attention from a patch to its neighbour at offset p, normalised over the heads (a
// head that looks at that neighbour lends it its values), and the linear map back to C (SPViT's
// fine-tuned projection) is fitted by ridge regression to the MSA's output on the calibration
// patches. The BatchNorm of an untrained stand-in is the identity.
#include <ATen/ATen.h>

#include <array>
#include <vector>

#include "model/vit_model.h"

namespace vp {

struct ConvStandIn {
    at::Tensor convW, convB, convOutW, convOutB;  // BlockWeights' layout
};

// Per block: the stand-ins with kernel 1 (index 0) and 3 (index 1); undefined tensors for blocks
// whose attention is already removed.
using BlockConvStandIns = std::array<ConvStandIn, 2>;

// Fitted on `batches` [B, C, H, W] (all of them; at least one image). Throws vp::Error on zero
// images or a model whose blocks are not plain (hMHSA, cFFN, earlier stand-ins).
std::vector<BlockConvStandIns> fitConvStandIns(const ViTModel& model, const std::vector<at::Tensor>& batches);

// Block `b`'s attention replaced: StandIn::Double / Identity drop its weights; StandIn::Conv also
// installs `conv`.
void replaceAttention(BlockWeights& b, StandIn standIn, const ConvStandIn* conv = nullptr);

}  // namespace vp
