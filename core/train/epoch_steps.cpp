#include "train/epoch_steps.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <string>

#include "common/error.h"

namespace vp {

EpochSteps runEpochSteps(const TrainData& data, const at::Tensor& order, int64_t batchSize, int epoch,
                         const AugmentOptions& augment, const ViTConfig& cfg, const LrSchedule& schedule,
                         at::Generator& gen, TrainState& state, const TrainCallbacks& cb,
                         const std::function<double(const at::Tensor&, const at::Tensor&, double)>& step,
                         const std::atomic<bool>* cancel) {
    using Clock = std::chrono::steady_clock;
    const auto start = Clock::now();
    const int64_t n = order.size(0), steps = (n + batchSize - 1) / batchSize;
    EpochSteps out;
    for (int64_t s = 0; s < steps; ++s) {
        if (cancel && cancel->load()) {
            out.cancelled = true;
            return out;
        }
        const int64_t first = s * batchSize, b = std::min(batchSize, n - first);
        const at::Tensor idx = order.narrow(0, first, b);
        const at::Tensor x = augmentGrey(data.trainImages.index_select(0, idx), augment, cfg.mean[0], cfg.std[0], gen);
        out.lr = schedule.at(state.stepsDone);
        const double l = step(x, data.trainLabels.index_select(0, idx), out.lr);
        if (!std::isfinite(l))
            throw Error("training diverged (loss " + std::to_string(l) + ") at epoch " + std::to_string(epoch) +
                            "; try a lower --lr",
                        Error::Kind::Internal);
        ++state.stepsDone;
        out.lossSum += l * static_cast<double>(b);
        out.seen += b;
        if (cb.onStep) {
            const double secs = std::chrono::duration<double>(Clock::now() - start).count();
            cb.onStep({epoch, s + 1, steps, out.seen, out.lossSum / static_cast<double>(out.seen), out.lr,
                       secs > 0 ? static_cast<double>(out.seen) / secs : 0});
        }
    }
    return out;
}

}  // namespace vp
