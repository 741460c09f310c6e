#pragma once
// A checkpoint's tensors by name, as read from disk (before key mapping).
#include <ATen/ATen.h>
#include <map>
#include <string>

namespace vp {
using TensorMap = std::map<std::string, at::Tensor>;
}
