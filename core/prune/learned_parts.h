#pragma once
// What a method with trained parts (DynamicViT's score predictors, LTP's thresholds, IA-RED²'s
// interpreters, S-ViTE's selector) adds to PruneMethod: fresh parts, the recipe `vitprune
// train-method` follows by default, and the training loss. Parts live among the model's extra
// tensors (ViTModel::extras) under the method's checkpoint keys, whether they came with the
// checkpoint (official DynamicViT .pth files), from a parts file (model/method_parts.h) or from a
// training run in progress, so one forward serves inference and training.
#include <ATen/ATen.h>

#include <cstdint>
#include <optional>
#include <string>

#include "model/vit_model.h"

namespace vp {

// The defaults of a training run on the default model (2 CPU cores: about half an hour).
struct PartsRecipe {
    int epochs = 2;
    int64_t trainImages = 10000;  // the first N of the train split (a documented subset)
    int64_t batchSize = 64;
    double lr = 1e-3;
    double minLr = 1e-5;
    double warmupEpochs = 0.1;
    double weightDecay = 0.0;
    bool distill = true;  // the loss reads the dense model's outputs (the frozen teacher)
    // > 0: the backbone is tuned too, at lr x this (DynamicViT's lr_scale), and its tuned weights
    // are saved among the parts under LearnedParts::backbonePrefix(); 0: the backbone is frozen.
    double backboneLrScale = 0;
    std::string summary;  // one line: what is trained, the losses, what stays frozen
};

// The dense model's view of a training batch, computed once per step without autograd.
struct TeacherOutputs {
    at::Tensor logits;    // [B, classes]
    at::Tensor features;  // [B, N, C]: the final norm's output over all tokens (token distillation)
};

class LearnedParts {
public:
    virtual ~LearnedParts() = default;
    virtual PartsRecipe recipe() const = 0;
    // Fresh parts for `model`, keyed as in the checkpoint, float32 on the CPU, deterministic for
    // `seed` (also what a random:ARCH model runs with, labelled random).
    virtual TensorMap initParts(const ViTModel& model, uint64_t seed) const = 0;
    // Where tuned backbone weights live among the parts (timm keys after it), for recipes that
    // tune the backbone; "" when the method never does.
    virtual std::string backbonePrefix() const { return ""; }
    // The loss of one training step on a normalised batch. `student` holds the parts being trained
    // among its extras (requires_grad); its backbone is frozen unless the recipe tunes it (then
    // its weights require grad too). Random draws (Gumbel noise, sampled actions) come from `gen`.
    virtual at::Tensor trainingLoss(const ViTModel& student, const TeacherOutputs& teacher, const at::Tensor& images,
                                    const at::Tensor& labels, at::Generator& gen) = 0;
};

// The model's extras under `prefix`, or (random:ARCH models without them) the method's fresh
// parts for seed 0; throws vp::Error when neither applies. Sets `random` accordingly.
TensorMap partsOf(const ViTModel& model, const LearnedParts& parts, const std::string& prefix, bool* random);

// A copy of `model` running on the tuned backbone stored among its extras under `prefix`, or
// nothing when none is stored (an official checkpoint is its tuned backbone itself). Throws
// vp::Error naming the parts file when a tensor is missing or has another shape.
std::optional<ViTModel> withTunedBackbone(const ViTModel& model, const std::string& prefix);

// `student.forward(images, method)` with `flag` (the method's training switch, which its hooks
// read) set for that forward only, and cleared again even when the forward throws.
ForwardResult trainingForward(const ViTModel& student, PruneMethod& method, bool& flag, const at::Tensor& images);

// One part tensor by key with the expected shape; a missing key or another shape throws one
// vp::Error naming the file the parts came from (ViTModel::extraOrigin) and the key.
at::Tensor requirePart(const ViTModel& model, const TensorMap& parts, const std::string& key, at::IntArrayRef shape);

// The final norm's output over all tokens [B, N, C] (timm's forward_features): the model's norm,
// or the tokens themselves when the head normalises after pooling (fc_norm).
at::Tensor finalNorm(const ViTModel& model, const at::Tensor& tokens);

}  // namespace vp
