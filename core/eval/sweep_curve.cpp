#include "eval/sweep_curve.h"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace vp {

void addShownPoint(SweepResult& shown, const std::string& methodId, const SweepPoint& point) {
    SweepMethod* m = shown.method(methodId);
    if (!m) {
        shown.methods.push_back({methodId, {}});
        m = &shown.methods.back();
    }
    if (methodId == "dense") m->points.clear();
    // The same planned point again (a rerun resends cached points): replace it, as runSweep
    // matches points on resume.
    for (SweepPoint& p : m->points)
        if (p.settings == point.settings && p.targetGMacs == point.targetGMacs) {
            p = point;
            return;
        }
    m->points.push_back(point);
}

std::optional<double> interpolateAccuracy(const SweepResult& shown, const std::string& methodId, double gmacs) {
    const SweepMethod* dense = shown.method("dense");
    const SweepPoint* densePoint = dense && !dense->points.empty() ? &dense->points.back() : nullptr;
    if (methodId == "dense") return densePoint ? std::optional<double>(densePoint->accuracy) : std::nullopt;
    const SweepMethod* m = shown.method(methodId);
    if (!m || m->points.empty()) return std::nullopt;
    std::vector<std::pair<double, double>> curve;  // (gmacs, accuracy)
    for (const SweepPoint& p : m->points) curve.emplace_back(p.gmacs, p.accuracy);
    std::stable_sort(curve.begin(), curve.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    if (densePoint && densePoint->gmacs > curve.back().first)
        curve.emplace_back(densePoint->gmacs, densePoint->accuracy);
    // A small tolerance, so that a slider set to a swept point's cost lands on it.
    const double eps = 1e-9 * std::max(1.0, std::abs(gmacs));
    if (gmacs < curve.front().first - eps || gmacs > curve.back().first + eps) return std::nullopt;
    for (size_t i = 1; i < curve.size(); ++i) {
        const auto& [x0, y0] = curve[i - 1];
        const auto& [x1, y1] = curve[i];
        if (gmacs > x1 + eps) continue;
        if (x1 - x0 <= eps) return y1;
        const double t = std::clamp((gmacs - x0) / (x1 - x0), 0.0, 1.0);
        return y0 + t * (y1 - y0);
    }
    return curve.back().second;  // a single point, at its cost
}

}  // namespace vp
