#pragma once
// The names users give the model's precision (CLI --dtype, the studio's device picker, the GPU
// check): float32 / fp32, float16 / fp16, bfloat16 / bf16, and back to the long name.
#include <c10/core/ScalarType.h>

#include <optional>
#include <string>

namespace vp {

inline std::optional<at::ScalarType> dtypeFromName(const std::string& name) {
    if (name == "float32" || name == "fp32") return at::kFloat;
    if (name == "float16" || name == "fp16") return at::kHalf;
    if (name == "bfloat16" || name == "bf16") return at::kBFloat16;
    return std::nullopt;
}

// "float32", "float16", "bfloat16"; other types by LibTorch's own name.
inline std::string dtypeName(at::ScalarType type) {
    if (type == at::kFloat) return "float32";
    if (type == at::kHalf) return "float16";
    if (type == at::kBFloat16) return "bfloat16";
    return c10::toString(type);
}

}  // namespace vp
