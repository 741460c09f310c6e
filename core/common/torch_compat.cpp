#include "common/torch_compat.h"

#include <cmath>

namespace vp {

at::Tensor fusedAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, const at::Tensor& bias) {
#if VP_HAS_FUSED_ATTENTION
    // The default scale is 1/sqrt(q.size(-1)), the ViT's. Positional arguments only: `scale`
    // (2.1) and `enable_gqa` (2.5) are not in every 2.x.
    if (!bias.defined()) return at::scaled_dot_product_attention(q, k, v);
    // The bias stays [B, 1, 1, N] (the kernel broadcasts it) in storage whose rows are a multiple
    // of 16 elements: the memory-efficient CUDA kernel wants aligned mask strides and otherwise pads
    // a copy itself, which for a widened [B, H, N, N] view would be as large as the map we avoid.
    const int64_t n = bias.size(-1), padded = (n + 15) / 16 * 16;
    at::Tensor aligned = at::zeros({bias.size(0), bias.size(1), bias.size(2), padded}, bias.options()).narrow(-1, 0, n);
    aligned.copy_(bias);
    return at::scaled_dot_product_attention(q, k, v, aligned);
#else
    at::Tensor logits = at::matmul(q * (1.0 / std::sqrt(static_cast<double>(q.size(-1)))), k.transpose(-2, -1));
    if (bias.defined()) logits = logits + bias;
    return at::matmul(logits.softmax(-1), v);
#endif
}

const char* torchVersionString() { return TORCH_VERSION; }

}  // namespace vp
