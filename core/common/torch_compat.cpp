#include "common/torch_compat.h"

#include <cmath>

namespace vp {

at::Tensor fusedAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, const at::Tensor& bias) {
#if VP_HAS_FUSED_ATTENTION
    // The default scale is 1/sqrt(q.size(-1)), the ViT's. Positional arguments only: `scale`
    // (2.1) and `enable_gqa` (2.5) are not in every 2.x.
    if (bias.defined()) return at::scaled_dot_product_attention(q, k, v, bias.expand({q.size(0), q.size(1), q.size(2), k.size(2)}));
    return at::scaled_dot_product_attention(q, k, v);
#else
    at::Tensor logits = at::matmul(q * (1.0 / std::sqrt(static_cast<double>(q.size(-1)))), k.transpose(-2, -1));
    if (bias.defined()) logits = logits + bias;
    return at::matmul(logits.softmax(-1), v);
#endif
}

const char* torchVersionString() { return TORCH_VERSION; }

}  // namespace vp
