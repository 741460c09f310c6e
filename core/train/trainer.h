#pragma once
// Trains a ViTModel from scratch on grey images (Fashion-MNIST): AdamW with decoupled weight
// decay (none on norms, biases, pos_embed, cls_token), warm-up + cosine schedule, label
// smoothing, batch augmentation, gradient clipping, per-epoch checkpoints and exact resume.
// Training reuses ViTModel::forward: autograd records through its ATen ops.
#include <ATen/ATen.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "model/vit_model.h"
#include "train/augment.h"

namespace torch::optim {
class AdamW;
}

namespace vp {

struct TrainOptions {
    int epochs = 20;
    int64_t batchSize = 128;
    double lr = 1e-3;
    double minLr = 1e-5;
    double warmupEpochs = 2;
    double weightDecay = 0.05;
    double labelSmoothing = 0.1;
    double clipNorm = 1.0;  // <= 0: no clipping
    uint64_t seed = 0;
    AugmentOptions augment;
    int64_t evalBatch = 500;
    std::string outDir;       // "" = no checkpoints, no files
    bool resume = false;      // continue from outDir/train_state.pt
    int stopAfterEpochs = 0;  // > 0: return after this many epochs in this call (time-boxed runs)
    std::string initFrom;     // "" = random init; else a model (folder/file) to start from (fine-tuning)
    // Knowledge distillation (recovery fine-tune of a pruned model): with a teacher set
    // (Trainer::setTeacher), loss = (1 - alpha) * CE(labels) + alpha * T^2 * KL(teacher_T || student_T)
    // on the same augmented batch; `teacher` names it in the fingerprint.
    std::string teacher;
    double distillAlpha = 0.5;
    double distillTemperature = 2.0;
};

struct TrainData {
    at::Tensor trainImages, trainLabels;  // uint8 [N,H,W], int64 [N]
    at::Tensor testImages, testLabels;    // may be undefined: no evaluation
};

struct StepInfo {
    int epoch = 0;                // 1-based
    int64_t step = 0, steps = 0;  // within the epoch, 1-based
    int64_t images = 0;           // images done in this epoch
    double loss = 0;              // running mean over the epoch
    double lr = 0;
    double imagesPerSecond = 0;
};

struct EpochRecord {
    int epoch = 0;
    double trainLoss = 0;
    double testTop1 = -1;     // 0..1, -1 when there is no test set
    double epochSeconds = 0;  // training + evaluation of this epoch
    double totalSeconds = 0;  // cumulative over all sessions of the run
    double lr = 0;            // at the end of the epoch
};

struct TrainCallbacks {
    std::function<void(const StepInfo&)> onStep;
    std::function<void(const EpochRecord&)> onEpoch;
    std::function<void(const std::string&)> onMessage;
};

class Trainer {
public:
    // A fresh model initialised from options.seed (timm-style init), or the weights of
    // options.initFrom (same shape as `config`, else vp::Error).
    Trainer(const ViTConfig& config, TrainOptions options);
    // Starts from `start` as it is, whatever its per-block widths (recovery fine-tune of a
    // structurally pruned model); options.initFrom only names it in the fingerprint.
    Trainer(ViTModel start, TrainOptions options);
    ~Trainer();

    // The model whose logits the student learns (options.distillAlpha > 0); must have the same
    // classes. Frozen: runs without autograd.
    void setTeacher(ViTModel teacher);
    bool hasTeacher() const;

    ViTModel& model() { return m_model; }
    const TrainOptions& options() const { return m_options; }
    std::vector<at::Tensor> parameters() const;

    // One optimisation step on a normalised batch at learning rate `lr`; returns the loss
    // before the update.
    double step(const at::Tensor& images, const at::Tensor& labels, double lr);
    // Cross-entropy with label smoothing, no update (no autograd).
    double loss(const at::Tensor& images, const at::Tensor& labels) const;
    // Top-1 (0..1) on uint8 images, under InferenceMode.
    double evaluate(const at::Tensor& images, const at::Tensor& labels) const;

    // Runs the epochs (resuming from outDir when options.resume), writing after every epoch:
    // model.safetensors + config.json (latest), best/ (highest test top-1), log.csv and
    // train_state.pt. Returns every epoch's record so far, resumed ones included.
    std::vector<EpochRecord> run(const TrainData& data, const TrainCallbacks& callbacks = {});

    // A string naming everything that must match for a resume to be exact.
    std::string fingerprint(int64_t trainCount) const;

private:
    void makeTrainable();
    void buildOptimizer();
    ViTModel m_model;
    TrainOptions m_options;
    std::unique_ptr<ViTModel> m_teacher;
    std::unique_ptr<torch::optim::AdamW> m_optimizer;
};

// Scales the gradients of `params` so their joint L2 norm is at most maxNorm (<= 0: no clipping).
void clipGradNorm(const std::vector<at::Tensor>& params, double maxNorm);

// Fashion-MNIST model config: grey 28x28, patch 4, the dataset's mean/std and label names.
ViTConfig fashionVitConfig(int dim, int heads, int depth, int mlp);

}  // namespace vp
