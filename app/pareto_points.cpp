#include "pareto_points.h"

#include <algorithm>

namespace vp {

QString settingText(const std::map<std::string, std::string>& settings) {
    const std::string text = settingsText(settings);
    return text.empty() ? QStringLiteral("dense") : QString::fromStdString(text);
}

ParetoPoint toParetoPoint(const SweepPoint& point) {
    ParetoPoint p;
    p.cost = point.gmacs;
    p.accuracy = 100.0 * point.accuracy;
    p.setting = settingText(point.settings);
    p.settings = point.settings;
    // The 95% interval from the number of images (binomial, Wilson): 1,000 images at 90% give
    // ±1.9 points, enough to tell two curves apart or not.
    if (point.images > 0) {
        const ConfidenceInterval ci = point.top1Ci95();
        p.accLow = std::max(0.0, p.accuracy - 100.0 * ci.lo);
        p.accHigh = std::max(0.0, 100.0 * ci.hi - p.accuracy);
    }
    return p;
}

std::vector<ParetoPoint> toParetoPoints(const std::vector<SweepPoint>& points) {
    std::vector<ParetoPoint> out;
    out.reserve(points.size());
    for (const SweepPoint& p : points) out.push_back(toParetoPoint(p));
    return out;
}

}  // namespace vp
