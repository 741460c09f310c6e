#include "io/dataset_batches.h"

#include <algorithm>
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

}  // namespace vp
