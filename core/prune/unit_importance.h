#pragma once
// Importance of every prunable unit of a model (prune/structure_plan.h): higher = keep. The
// sources the structural papers use:
//   Magnitude      L1 norm of the weights that belong to the unit (VTP's and S²ViTE's untrained
//                  stand-in for learned gates, weight-magnitude pruning).
//   Taylor         |sum over the unit's weights of w * dL/dw| on a calibration set: the first-order
//                  change of the loss when the unit is removed (Molchanov et al.).
//   TaylorSquared  mean over calibration batches of (sum w * dL/dw)^2: NViT's Hessian-aware group
//                  importance in its Fisher (squared-gradient) approximation.
// Calibration images come without labels, so the loss is cross-entropy against the model's own
// top-1 prediction (the gradient of a KL to the unpruned model is zero at the unpruned model).
#include <ATen/ATen.h>

#include <functional>
#include <string>
#include <vector>

#include "model/vit_model.h"

namespace vp {

enum class ImportanceSource { Magnitude, Taylor, TaylorSquared };

struct UnitScores {
    std::vector<std::vector<double>> heads;    // [block][head]
    std::vector<std::vector<double>> qkDims;   // [block][head * headDim + j]
    std::vector<std::vector<double>> vDims;    // [block][head * valueDim + j]
    std::vector<std::vector<double>> neurons;  // [block][neuron]
    std::vector<double> embed;                 // [embedding dim], every weight that reads or writes it
};

// Magnitude scores need no data; the Taylor sources need at least one calibration batch
// [B, C, H, W] (vp::Error otherwise: "a calibration set of zero images").
UnitScores unitScores(const ViTModel& model, ImportanceSource source, const std::vector<at::Tensor>& batches = {});

// unitScores, remembered for the last few (model weights, source, calibration images): a slider
// that moves a structural method's budget ranks again without new forwards and backwards.
UnitScores cachedUnitScores(const ViTModel& model, ImportanceSource source, const std::vector<at::Tensor>& batches);

// What identifies results computed from a model on calibration images: the weights (their storage
// and a checksum, so a model edited in place or freed and reallocated is not mistaken), `tag` (the
// computation and its settings) and the images.
std::string calibrationKey(const ViTModel& model, const std::string& tag, const std::vector<at::Tensor>& batches);

// The same memory for any scorer: `tag` names it and its settings; `compute` runs on a miss.
UnitScores cachedScores(const ViTModel& model, const std::string& tag, const std::vector<at::Tensor>& batches,
                        const std::function<UnitScores()>& compute);

// Gaussian estimate of the entropy of each block's attention output (the projected update the
// sub-block adds to the residual) over the calibration tokens: mean over channels of
// 0.5 * log(2*pi*e*var). "MLP Can Be a Good Transformer Learner" removes the attention layers
// whose output carries the least information (lowest entropy). Blocks without attention: +inf.
std::vector<double> attentionOutputEntropy(const ViTModel& model, const std::vector<at::Tensor>& batches);

std::string importanceName(ImportanceSource source);

}  // namespace vp
