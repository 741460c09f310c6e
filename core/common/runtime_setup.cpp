#include "common/runtime_setup.h"

#include <ATen/Parallel.h>

#include <algorithm>
#include <climits>
#include <thread>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace vp {

void useAllCoresForTorch() { at::set_num_threads(static_cast<int>(std::max(1u, std::thread::hardware_concurrency()))); }

void keepFreedMemoryForReuse() {
#if defined(__GLIBC__)
    mallopt(M_MMAP_MAX, 0);              // large blocks come from the heap and stay there when freed
    mallopt(M_TRIM_THRESHOLD, INT_MAX);  // never give the heap top back between forwards
#endif
}

}  // namespace vp
