#pragma once
// Confidence intervals for accuracies (a share of correct answers among n images).
#include <cstdint>

namespace vp {

struct ConfidenceInterval {
    double lo = 0, hi = 1;
};

// Wilson score interval for `successes` of `trials` at normal quantile `z` (1.96: 95%). Unlike
// p ± z·sqrt(p(1−p)/n) it stays inside [0, 1] and is not empty at 0 or n successes.
// No trials: [0, 1] (nothing is known).
ConfidenceInterval wilsonInterval(int64_t successes, int64_t trials, double z = 1.959963984540054);

}  // namespace vp
