#include "eval/cost_distribution.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <numeric>

namespace vp {

double percentile(const std::vector<double>& sorted, double q) {
    if (sorted.empty()) return 0;
    const double pos = std::clamp(q, 0.0, 1.0) * static_cast<double>(sorted.size() - 1);
    const size_t i = static_cast<size_t>(std::floor(pos));
    if (i + 1 >= sorted.size()) return sorted.back();
    const double f = pos - static_cast<double>(i);
    return sorted[i] + f * (sorted[i + 1] - sorted[i]);
}

DistributionStats summarize(std::vector<double> values) {
    DistributionStats s;
    if (values.empty()) return s;
    std::sort(values.begin(), values.end());
    const double n = static_cast<double>(values.size());
    s.count = static_cast<int64_t>(values.size());
    if (values.front() == values.back()) {
        s.mean = values.front();  // exact: a constant sample has no rounding spread
    } else {
        s.mean = std::accumulate(values.begin(), values.end(), 0.0) / n;
        double ss = 0;
        for (double v : values) ss += (v - s.mean) * (v - s.mean);
        s.std = std::sqrt(ss / n);
    }
    s.min = values.front();
    s.max = values.back();
    s.p5 = percentile(values, 0.05);
    s.p10 = percentile(values, 0.10);
    s.p25 = percentile(values, 0.25);
    s.median = percentile(values, 0.50);
    s.p75 = percentile(values, 0.75);
    s.p90 = percentile(values, 0.90);
    s.p95 = percentile(values, 0.95);
    return s;
}

int64_t Histogram::total() const { return std::accumulate(counts.begin(), counts.end(), int64_t{0}); }

Histogram makeHistogram(const std::vector<double>& values, int bins, double lo, double hi) {
    Histogram h;
    bins = std::max(1, bins);
    h.lo = lo;
    h.hi = hi;
    h.width = (hi - lo) / bins;
    h.counts.assign(static_cast<size_t>(bins), 0);
    if (!(hi > lo)) return h;
    for (double v : values) {
        if (!(v >= lo && v <= hi)) continue;
        int i = static_cast<int>(std::floor((v - lo) / h.width));
        i = std::clamp(i, 0, bins - 1);  // v == hi, and rounding at the edges
        // Keep the documented half-open rule exact where floating point rounds across an edge.
        if (i > 0 && v < h.binLow(i))
            --i;
        else if (i + 1 < bins && v >= h.binLow(i + 1))
            ++i;
        ++h.counts[static_cast<size_t>(i)];
    }
    return h;
}

Histogram makeHistogram(const std::vector<double>& values, int bins) {
    if (values.empty()) return {};
    const auto [mn, mx] = std::minmax_element(values.begin(), values.end());
    const double lo = *mn, hi = *mx;
    if (hi - lo <= 1e-9 * std::max(std::abs(lo), std::abs(hi))) {
        // One cost for every image: a single bar, 1% of the value wide (or 1 when the value is 0).
        const double half = lo != 0 ? 0.005 * std::abs(lo) : 0.5;
        Histogram h;
        h.lo = lo - half;
        h.hi = lo + half;
        h.width = 2 * half;
        h.counts = {static_cast<int64_t>(values.size())};
        return h;
    }
    return makeHistogram(values, bins, lo, hi);
}

int64_t PerImageCosts::correct() const {
    int64_t n = 0;
    for (const ImageCost& c : images) n += c.correct();
    return n;
}

double PerImageCosts::accuracy() const {
    return images.empty() ? 0 : static_cast<double>(correct()) / static_cast<double>(images.size());
}

std::vector<double> PerImageCosts::gmacs() const {
    std::vector<double> v;
    v.reserve(images.size());
    for (const ImageCost& c : images) v.push_back(c.gmacs);
    return v;
}

std::vector<double> PerImageCosts::meanTokens() const {
    std::vector<double> v;
    v.reserve(images.size());
    for (const ImageCost& c : images) v.push_back(c.meanTokens);
    return v;
}

std::vector<double> PerImageCosts::finalTokens() const {
    std::vector<double> v;
    v.reserve(images.size());
    for (const ImageCost& c : images) v.push_back(c.finalTokens);
    return v;
}

bool PerImageCosts::uniform() const {
    if (images.empty()) return true;
    const auto [mn, mx] = std::minmax_element(images.begin(), images.end(),
                                              [](const ImageCost& a, const ImageCost& b) { return a.gmacs < b.gmacs; });
    return mx->gmacs - mn->gmacs <= 1e-9 * std::max(std::abs(mn->gmacs), std::abs(mx->gmacs));
}

std::string perImageCsv(const PerImageCosts& costs) {
    std::string out = "index,label,predicted,correct,gmacs,mean_tokens,final_tokens\n";
    char line[256];
    for (const ImageCost& c : costs.images) {
        std::snprintf(line, sizeof line, "%lld,%d,%d,%d,%.9g,%.6g,%.6g\n", static_cast<long long>(c.index), c.label,
                      c.predicted, c.correct() ? 1 : 0, c.gmacs, c.meanTokens, c.finalTokens);
        out += line;
    }
    return out;
}

}  // namespace vp
