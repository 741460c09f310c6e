#include "train/lr_schedule.h"

#include <algorithm>
#include <cmath>

namespace vp {

double LrSchedule::at(int64_t step) const {
    if (step < warmupSteps) return baseLr * static_cast<double>(step + 1) / static_cast<double>(warmupSteps);
    const int64_t decaySteps = std::max<int64_t>(1, totalSteps - warmupSteps);
    const double t = std::min(1.0, static_cast<double>(step - warmupSteps) / static_cast<double>(decaySteps));
    return minLr + 0.5 * (baseLr - minLr) * (1.0 + std::cos(M_PI * t));
}

}  // namespace vp
