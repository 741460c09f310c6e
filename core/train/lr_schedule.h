#pragma once
// Learning rate per optimisation step: linear warm-up from 0, then cosine decay to minLr.
#include <cstdint>

namespace vp {

struct LrSchedule {
    double baseLr = 1e-3;
    double minLr = 1e-5;
    int64_t warmupSteps = 0;
    int64_t totalSteps = 1;

    // Step 0 is the first update. During warm-up: baseLr * (step + 1) / warmupSteps, so the first
    // update is never taken with lr 0. Afterwards cosine from baseLr (at warmupSteps) to minLr
    // (at totalSteps); clamped to minLr beyond.
    double at(int64_t step) const;
};

}  // namespace vp
