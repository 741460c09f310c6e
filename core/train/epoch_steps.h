#pragma once
// One epoch's optimisation steps, shared by the model trainer (trainer.h) and the method-parts
// trainer (parts_trainer.h): shuffled batches, grey augmentation, the learning rate of the
// schedule at the run's step count, a divergence check and the per-step progress report.
#include <ATen/ATen.h>

#include <atomic>
#include <functional>

#include "model/vit_config.h"
#include "train/augment.h"
#include "train/lr_schedule.h"
#include "train/train_state.h"
#include "train/trainer.h"

namespace vp {

struct EpochSteps {
    double lossSum = 0;  // sum of batch losses times batch sizes
    int64_t seen = 0;    // images stepped on
    double lr = 0;       // of the last step
    bool cancelled = false;
};

// Steps once per batch of `order` (the epoch's permutation of the train images): `step(images,
// labels, lr)` returns the batch loss. Advances state.stepsDone. Stops before a step when `cancel`
// turns true (cancelled = true); throws vp::Error when a loss is not finite.
EpochSteps runEpochSteps(const TrainData& data, const at::Tensor& order, int64_t batchSize, int epoch,
                         const AugmentOptions& augment, const ViTConfig& cfg, const LrSchedule& schedule,
                         at::Generator& gen, TrainState& state, const TrainCallbacks& cb,
                         const std::function<double(const at::Tensor&, const at::Tensor&, double)>& step,
                         const std::atomic<bool>* cancel = nullptr);

}  // namespace vp
