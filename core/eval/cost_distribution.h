#pragma once
// Per-image cost of a (model, method) pair over a dataset, as plain data (no Torch): what each
// image cost (GMACs, kept tokens), whether it was classified right, summary statistics and a
// histogram. Dynamic methods (LTP) keep a different number of tokens per image; fixed-count
// methods (EViT, ToMe, …) give every image the same cost. The studio's widgets draw from this, so
// the header stays std-only; core/eval/per_image_cost.h measures it.
#include <cstdint>
#include <string>
#include <vector>

namespace vp {

struct ImageCost {
    int64_t index = 0;       // sample index in the evaluated source (0-based)
    double gmacs = 0;        // this image's forward, fvcore convention (prune/flops.h)
    double meanTokens = 0;   // patch tokens (prefix excluded) entering the MLP, mean over the blocks
    double finalTokens = 0;  // patch tokens after the last block
    int label = -1;
    int predicted = -1;
    bool correct() const { return label >= 0 && label == predicted; }
};

// Summary of a sample. Percentiles interpolate linearly between order statistics (NumPy's
// default); std is the population standard deviation. All zero for an empty sample.
struct DistributionStats {
    int64_t count = 0;
    double mean = 0, std = 0, min = 0, max = 0;
    double p5 = 0, p10 = 0, p25 = 0, median = 0, p75 = 0, p90 = 0, p95 = 0;
};

DistributionStats summarize(std::vector<double> values);
// q in [0, 1] of `sorted` (ascending, non-empty), linear interpolation.
double percentile(const std::vector<double>& sorted, double q);

// Equal-width bins over [lo, hi]: bin i holds lo + i*width <= v < lo + (i+1)*width, the last bin
// also holds hi. When every value is the same (a fixed-count method) there is one bin, centred on
// it, holding them all.
struct Histogram {
    double lo = 0, hi = 0, width = 0;
    std::vector<int64_t> counts;
    int bins() const { return static_cast<int>(counts.size()); }
    double binLow(int i) const { return lo + i * width; }
    double binHigh(int i) const { return i + 1 == bins() ? hi : lo + (i + 1) * width; }
    double binCentre(int i) const { return 0.5 * (binLow(i) + binHigh(i)); }
    int64_t total() const;
};

// `bins` >= 1 over [min, max] of `values` (empty values: no bins).
Histogram makeHistogram(const std::vector<double>& values, int bins);
// Fixed range (values outside are not counted); lo < hi, bins >= 1.
Histogram makeHistogram(const std::vector<double>& values, int bins, double lo, double hi);

struct PerImageCosts {
    std::string method;    // method id
    std::string settings;  // knob values as "k=v k=v" (may be empty)
    std::string dataset;
    std::vector<ImageCost> images;
    double denseGmacs = 0;  // the unpruned model on the same input size (0 = unknown)
    double seconds = 0;
    bool cancelled = false;

    int64_t correct() const;
    double accuracy() const;  // 0..1
    std::vector<double> gmacs() const;
    std::vector<double> meanTokens() const;
    std::vector<double> finalTokens() const;
    // Every image cost the same (within 1e-9 relative): a fixed-count method.
    bool uniform() const;
};

// index,label,predicted,correct,gmacs,mean_tokens,final_tokens — one row per image.
std::string perImageCsv(const PerImageCosts& costs);

}  // namespace vp
