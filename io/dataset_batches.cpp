#include "io/dataset_batches.h"

#include <algorithm>
#include <map>
#include <memory>
#include <numeric>

namespace vp {

BatchSource datasetSource(const Dataset& data, std::vector<int64_t> indices, const ViTConfig& cfg) {
    return [&data, cfg, indices = std::move(indices)](int64_t start, int64_t n) {
        const std::vector<int64_t> idx(indices.begin() + start, indices.begin() + start + n);
        Batch b = data.batch(idx, cfg);
        return LabelledBatch{b.images, b.labels};
    };
}

BatchSource datasetSource(const Dataset& data, int64_t count, const ViTConfig& cfg) {
    std::vector<int64_t> indices(static_cast<size_t>(std::max<int64_t>(0, count)));
    std::iota(indices.begin(), indices.end(), int64_t(0));
    return datasetSource(data, std::move(indices), cfg);
}

std::vector<at::Tensor> leadingBatches(const Dataset& data, int64_t count, const ViTConfig& cfg, int64_t batch) {
    std::vector<at::Tensor> batches;
    const int64_t n = std::min(count, data.size());
    for (int64_t start = 0; start < n; start += batch) {
        std::vector<int64_t> idx(static_cast<size_t>(std::min(n, start + batch) - start));
        std::iota(idx.begin(), idx.end(), start);
        batches.push_back(data.batch(idx, cfg).images);
    }
    return batches;
}

namespace {
// The batches of one count, read once.
struct CalibrationCache {
    std::map<int, std::vector<at::Tensor>> byCount;
    std::unique_ptr<Dataset> owned;
};
}  // namespace

CalibrationProvider datasetCalibration(const Dataset& data, const ViTConfig& cfg, int64_t batch) {
    auto cache = std::make_shared<CalibrationCache>();
    return [cache, &data, cfg, batch](int count) {
        auto& batches = cache->byCount[count];
        if (batches.empty()) batches = leadingBatches(data, count, cfg, batch);
        return batches;
    };
}

CalibrationProvider datasetCalibration(const std::string& source, const ViTConfig& cfg,
                                       std::function<void(int)> onRead) {
    auto cache = std::make_shared<CalibrationCache>();
    return [cache, source, cfg, onRead = std::move(onRead)](int count) {
        auto& batches = cache->byCount[count];
        if (batches.empty()) {
            if (onRead) onRead(count);
            if (!cache->owned) cache->owned = openDataset(source);
            batches = leadingBatches(*cache->owned, count, cfg);
        }
        return batches;
    };
}

}  // namespace vp
