#include "eval/per_image_cost.h"

#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <chrono>

#include "prune/flops.h"

namespace vp {

std::vector<double> sampleMeanTokens(const TokenTrace& trace) {
    std::vector<double> out(static_cast<size_t>(std::max(0, trace.batch)), trace.patches);
    if (trace.layers.empty()) return out;
    for (int s = 0; s < trace.batch; ++s) {
        double sum = 0;
        for (const LayerTrace& lt : trace.layers) sum += std::max(0, lt.mlpTokens[s] - trace.prefix);
        out[s] = sum / static_cast<double>(trace.layers.size());
    }
    return out;
}

std::vector<double> sampleFinalTokens(const TokenTrace& trace) {
    std::vector<double> out(static_cast<size_t>(std::max(0, trace.batch)), trace.patches);
    if (trace.layers.empty()) return out;
    const LayerTrace& last = trace.layers.back();
    for (int s = 0; s < trace.batch; ++s) out[s] = std::max(0, last.mlpTokens[s] - trace.prefix);
    return out;
}

PerImageCosts evaluatePerImage(const ViTModel& model, PruneMethod& method, const BatchSource& source, int64_t count,
                               int64_t batchSize, const Progress& progress) {
    c10::InferenceMode guard;
    PerImageCosts r;
    r.images.reserve(static_cast<size_t>(std::max<int64_t>(0, count)));
    const auto t0 = std::chrono::steady_clock::now();
    batchSize = std::max<int64_t>(1, batchSize);
    method.prepare(model);
    for (int64_t start = 0; start < count; start += batchSize) {
        const int64_t n = std::min(batchSize, count - start);
        LabelledBatch b = source(start, n);
        at::Tensor images = b.images.to(model.device(), model.dtype());
        ForwardResult out = model.forward(images, method);
        const at::Tensor pred = out.logits.argmax(1).to(at::kCPU, at::kLong).contiguous();
        const at::Tensor labels = b.labels.to(at::kCPU, at::kLong).contiguous();
        const std::vector<double> macs = sampleMacs(model, out.trace);
        const std::vector<double> meanTok = sampleMeanTokens(out.trace);
        const std::vector<double> finalTok = sampleFinalTokens(out.trace);
        for (int64_t i = 0; i < n; ++i) {
            ImageCost c;
            c.index = start + i;
            c.gmacs = toG(macs[static_cast<size_t>(i)]);
            c.meanTokens = meanTok[static_cast<size_t>(i)];
            c.finalTokens = finalTok[static_cast<size_t>(i)];
            c.label = static_cast<int>(labels.data_ptr<int64_t>()[i]);
            c.predicted = static_cast<int>(pred.data_ptr<int64_t>()[i]);
            r.images.push_back(c);
        }
        if (progress && !progress(static_cast<int64_t>(r.images.size()), count)) {
            r.cancelled = true;
            break;
        }
    }
    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    return r;
}

}  // namespace vp
