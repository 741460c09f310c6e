#pragma once
// The one place where the code depends on the LibTorch version: Debian's 1.13 (CPU) and the 2.x
// builds of CUDA users (a LibTorch download, or the one `pip install torch` brings). Everything
// else in the project uses only APIs both have.
#include <ATen/ATen.h>
#include <torch/version.h>

// at::scaled_dot_product_attention (fused flash / memory-efficient kernels on CUDA, a fused CPU
// kernel from 2.1) is public from 2.0; 1.13 has only a private prototype.
#if TORCH_VERSION_MAJOR >= 2
#define VP_HAS_FUSED_ATTENTION 1
#else
#define VP_HAS_FUSED_ATTENTION 0
#endif

namespace vp {

// True when fusedAttention() runs a fused kernel (LibTorch 2.x); false when it falls back to the
// explicit operations (1.13), which give the same result.
constexpr bool hasFusedAttention() { return VP_HAS_FUSED_ATTENTION != 0; }

// softmax(q k^T / sqrt(d) + bias) v without materialising the attention map where the LibTorch
// has a fused kernel. q, k: [B, H, N, d]; v: [B, H, N, dv]; bias: undefined or broadcastable to
// [B, H, N, N] in q's dtype (-inf: never attended).
at::Tensor fusedAttention(const at::Tensor& q, const at::Tensor& k, const at::Tensor& v, const at::Tensor& bias);

// The LibTorch version this binary was built against, e.g. "1.13.0".
const char* torchVersionString();

}  // namespace vp
