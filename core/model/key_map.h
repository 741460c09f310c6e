#pragma once
// Checkpoint key conventions → one internal (timm) naming, and configs inferred from shapes.
#include <string>

#include "model/tensor_map.h"
#include "model/vit_config.h"
#include "model/vit_weights.h"

namespace vp {

enum class CheckpointFamily { Timm, TorchVision, HuggingFace, Unknown };
std::string familyName(CheckpointFamily family);

CheckpointFamily detectFamily(const TensorMap& tensors);

// Renames a checkpoint's backbone keys to timm's (HF's split q/k/v are concatenated into qkv).
// Keys that belong to no backbone stay as they are.
TensorMap toTimmKeys(TensorMap tensors, CheckpointFamily family, const std::string& origin);

// Shapes → config (timm keys). Heads are not visible in shapes: a known architecture with the
// same shapes gives them, else head dim 64 is assumed (true of every DeiT/ViT in timm).
ViTConfig inferConfig(const TensorMap& timmKeys, const std::string& origin);

// Moves the backbone tensors out of `timmKeys` (as float32); what is left are the extras.
// Throws vp::Error naming `origin` for a missing key or a shape that contradicts `config`.
ViTWeights takeWeights(TensorMap& timmKeys, const ViTConfig& config, const std::string& origin);

// The inverse, for saving: timm key → tensor.
TensorMap weightsToTimmKeys(const ViTWeights& weights);

}  // namespace vp
