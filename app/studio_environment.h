#pragma once
// The environment the studio needs before its libraries load, set by its main() and by the
// benchmarks that measure it (vp::ensureStartupEnvironment re-executes the program when a
// variable was missing), so the studio behaves the same from a menu, a file manager, the build
// folder or scripts/studio.sh.
#include <ATen/Parallel.h>

#include <algorithm>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "io/startup_environment.h"

namespace vp {

// OMP_WAIT_POLICY=PASSIVE: OpenMP's worker threads sleep between parallel regions instead of
// spinning for ~200 ms. The studio alternates short forwards with UI work on 2 cores; spinning
// threads starve the UI and the next forward. Measured (bench/studio_responsiveness, EViT on
// fashion-vit-tiny, 1,000 slider moves): p95 17.7 ms passive, 115–126 ms without it.
inline std::vector<std::pair<std::string, std::string>> studioEnvironment() {
    auto vars = imageDecodingEnvironment();
    vars.emplace_back("OMP_WAIT_POLICY", "PASSIVE");
    return vars;
}

// LibTorch's intra-op threads for the studio: every core but one, which stays free for the UI
// thread (it redraws the previous result while the worker runs the next forward; with all cores
// busy one OpenMP thread stalls every parallel region). Measured with studio_responsiveness on 2
// cores: random DeiT-S, a move every 200–250 ms, p95 204 ms with 2 threads and 138 ms with 1
// (p50 96 vs 100 ms); fashion-vit-tiny, 1,000 moves in 10 s, p95 10.7 vs 8.0 ms and 574 vs 934
// results shown. Timing dialogs keep their own thread choice (ScopedThreadCount).
inline void useStudioThreads() {
    const int cores = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    at::set_num_threads(std::max(1, cores - 1));
}

}  // namespace vp
