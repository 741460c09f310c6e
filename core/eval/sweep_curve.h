#pragma once
// A sweep's points as curves: the points a Pareto view shows (added as a sweep reports them), and
// a method's accuracy at any cost between its swept points. Torch-free.
#include <optional>
#include <string>

#include "eval/sweep_result.h"

namespace vp {

// Adds `point` to method `methodId` of `shown` (a method not there yet is added after the
// others), replacing a point of the same settings and target; "dense" holds one point.
void addShownPoint(SweepResult& shown, const std::string& methodId, const SweepPoint& point);

// Accuracy (0..1) of a method at cost `gmacs`: linear between its points sorted by cost, with the
// dense point as the curve's top end (every method reaches dense at its dearest setting). Nothing
// outside that range, nor for a method without points; "dense" gives the dense point's accuracy.
std::optional<double> interpolateAccuracy(const SweepResult& shown, const std::string& methodId, double gmacs);

}  // namespace vp
