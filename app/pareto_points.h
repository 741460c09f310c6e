#pragma once
// The points a ParetoPanel shows, kept as a SweepResult so that exports use core's sweep CSV and
// JSON writers, and their conversion to the plot's Torch-free points.
#include <QString>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "eval/sweep_result.h"
#include "widgets/pareto_plot.h"

namespace vp {

// Adds `point` to method `methodId` of `shown` (a method not there yet is added after the
// others), replacing a point of the same settings and target; "dense" holds one point.
void addShownPoint(SweepResult& shown, const std::string& methodId, const SweepPoint& point);

// Accuracy (0..1) of a method at cost `gmacs`: linear between its points sorted by cost, with the
// dense point as the curve's top end (every method reaches dense at its dearest setting). Nothing
// outside that range, nor for a method without points; "dense" gives the dense point's accuracy.
std::optional<double> interpolateAccuracy(const SweepResult& shown, const std::string& methodId, double gmacs);

// "keep=0.5 r=3" ("dense" for no settings).
QString settingText(const std::map<std::string, std::string>& settings);

// The plot's point (accuracy in percent, cost in GMACs).
ParetoPoint toParetoPoint(const SweepPoint& point);
std::vector<ParetoPoint> toParetoPoints(const std::vector<SweepPoint>& points);

}  // namespace vp
