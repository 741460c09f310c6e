#include "eval/confidence.h"

#include <algorithm>
#include <cmath>

namespace vp {

ConfidenceInterval wilsonInterval(int64_t successes, int64_t trials, double z) {
    if (trials <= 0) return {0, 1};
    const double n = static_cast<double>(trials);
    const double p = static_cast<double>(std::clamp<int64_t>(successes, 0, trials)) / n;
    const double z2 = z * z;
    const double denom = 1 + z2 / n;
    const double centre = (p + z2 / (2 * n)) / denom;
    const double half = z * std::sqrt(p * (1 - p) / n + z2 / (4 * n * n)) / denom;
    return {std::max(0.0, centre - half), std::min(1.0, centre + half)};
}

}  // namespace vp
