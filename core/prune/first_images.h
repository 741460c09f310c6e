#pragma once
// The first `count` images of calibration batches [B, C, H, W], as batches (views, no copies):
// what a method that asked for `count` images uses when the provider hands over more.
#include <ATen/ATen.h>

#include <algorithm>
#include <vector>

namespace vp {

inline std::vector<at::Tensor> firstImages(const std::vector<at::Tensor>& batches, int64_t count) {
    std::vector<at::Tensor> out;
    for (const at::Tensor& b : batches) {
        if (count <= 0) break;
        if (!b.defined() || b.size(0) == 0) continue;
        out.push_back(b.narrow(0, 0, std::min<int64_t>(count, b.size(0))));
        count -= out.back().size(0);
    }
    return out;
}

}  // namespace vp
