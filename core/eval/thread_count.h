#pragma once
// LibTorch's intra-op thread count is process-wide: a measurement that asks for N threads sets
// it for its own duration and restores the previous count however it ends (return, throw).
#include <ATen/Parallel.h>

namespace vp {

class ScopedThreadCount {
public:
    explicit ScopedThreadCount(int threads) : m_before(at::get_num_threads()) {
        if (threads > 0) at::set_num_threads(threads);
    }
    ~ScopedThreadCount() { at::set_num_threads(m_before); }
    ScopedThreadCount(const ScopedThreadCount&) = delete;
    ScopedThreadCount& operator=(const ScopedThreadCount&) = delete;

private:
    int m_before;
};

}  // namespace vp
