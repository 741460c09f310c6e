#include "pareto_points.h"

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
    return p;
}

std::vector<ParetoPoint> toParetoPoints(const std::vector<SweepPoint>& points) {
    std::vector<ParetoPoint> out;
    out.reserve(points.size());
    for (const SweepPoint& p : points) out.push_back(toParetoPoint(p));
    return out;
}

}  // namespace vp
