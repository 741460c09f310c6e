#pragma once
// The environment the studio needs before its libraries load, set by its main() and by the
// benchmarks that measure it (vp::ensureStartupEnvironment re-executes the program when a
// variable was missing), so the studio behaves the same from a menu, a file manager, the build
// folder or scripts/studio.sh.
#include <string>
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

}  // namespace vp
