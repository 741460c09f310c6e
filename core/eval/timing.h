#pragma once
// Small timing helpers shared by the latency cache, the efficiency table and the stage timer.
#include <ATen/ATen.h>

#include <algorithm>
#include <chrono>
#include <vector>

#include "model/stage_times.h"  // syncDevice

namespace vp {

// Linear-interpolated quantile q in [0, 1] of `v`; 0 for an empty vector.
inline double quantile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const double pos = q * static_cast<double>(v.size() - 1);
    const size_t lo = static_cast<size_t>(pos);
    const size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (pos - static_cast<double>(lo));
}

template <typename F>
double timeMs(F&& f) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace vp
