#include "common/runtime_setup.h"

#include <ATen/Parallel.h>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <iostream>
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

void ensureStartupEnvironment(char** argv, const std::vector<std::pair<std::string, std::string>>& vars) {
    bool missing = false;
    for (const auto& [name, value] : vars) {
        if (std::getenv(name.c_str())) continue;
        ::setenv(name.c_str(), value.c_str(), 0);
        missing = true;
    }
    if (!missing) return;
    ::execv("/proc/self/exe", argv);
    std::cerr << "vitprune: could not restart with the start-up environment (" << std::strerror(errno)
              << "); image size limits hold for PNG and JPEG only\n";
}

}  // namespace vp
