#pragma once
// The points a ParetoPanel shows are kept as a SweepResult (eval/sweep_curve.h), so that exports
// use core's sweep CSV and JSON writers; here, their conversion to the plot's Torch-free points.
#include <QString>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "eval/sweep_curve.h"
#include "eval/sweep_result.h"
#include "prune/knob.h"
#include "widgets/pareto_plot.h"

namespace vp {

// settingsText (prune/knob.h), "dense" for no settings.
QString settingText(const std::map<std::string, std::string>& settings);

// The plot's point (accuracy in percent, cost in GMACs).
ParetoPoint toParetoPoint(const SweepPoint& point);
std::vector<ParetoPoint> toParetoPoints(const std::vector<SweepPoint>& points);

}  // namespace vp
