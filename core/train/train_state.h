#pragma once
// The resumable state of a training run in one file (train_state.pt, a torch archive written
// atomically): weights, optimizer moments, epoch/step counters, the per-epoch log and a
// fingerprint of the options. The data order and augmentation draws of epoch e come from a
// generator seeded with (seed, e), so no generator state is needed to continue exactly.
#include <string>
#include <vector>

#include "model/vit_model.h"
#include "train/trainer.h"

namespace torch::optim {
class Optimizer;
}

namespace vp {

struct TrainState {
    int epochsDone = 0;
    int64_t stepsDone = 0;
    std::string fingerprint;
    std::vector<EpochRecord> log;
};

void saveTrainState(const std::string& path, const ViTModel& model, const torch::optim::Optimizer& optimizer,
                    const TrainState& state);
// Loads into the (already built) model and optimizer; throws vp::Error naming `path`.
TrainState loadTrainState(const std::string& path, ViTModel& model, torch::optim::Optimizer& optimizer);
// The same for any list of trained tensors (a method's parts), in a fixed order.
void saveTrainState(const std::string& path, const std::vector<at::Tensor>& tensors,
                    const torch::optim::Optimizer& optimizer, const TrainState& state);
TrainState loadTrainState(const std::string& path, const std::vector<at::Tensor>& tensors,
                          torch::optim::Optimizer& optimizer);

// log.csv: epoch,train_loss,test_top1,epoch_seconds,total_seconds,lr
std::string logCsv(const std::vector<EpochRecord>& log);

}  // namespace vp
