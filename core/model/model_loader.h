#pragma once
// Opening a model from what a user types: a file (.safetensors/.pth/.bin), a folder
// (config.json + weights), a built-in name (fashion-vit-tiny) or random:ARCH.
#include <cstdint>
#include <string>
#include <vector>

#include "model/vit_model.h"

namespace vp {

ViTModel loadModel(const std::string& spec);

// A ViT with timm-style random initialisation (normal std 0.02, zero biases, unit norms), for
// cost and speed work without weights. Deterministic for a seed.
ViTModel randomModel(const ViTConfig& config, uint64_t seed = 0);

// Saves weights (timm keys) as safetensors and the config as config.json into `folder`,
// both written atomically.
void saveModel(const ViTModel& model, const std::string& folder);
// The same, but the folder appears whole or not at all (written beside it, then renamed). An
// existing folder is replaced only when it holds nothing but model.safetensors and config.json;
// anything else is refused with vp::Error naming the folder.
void saveModelFolder(const ViTModel& model, const std::string& folder);

// Built-in models shipped in resources/models/<name>/ (build tree or installed data dir).
std::vector<std::string> builtinModelNames();
std::string builtinModelFolder(const std::string& name);  // "" if not found
// resources/ of the source tree or the installed copy ("" if neither exists).
std::string resourcesDir();

// timm models in the HuggingFace hub cache ($HF_HOME/hub or ~/.cache/huggingface/hub):
// snapshot folders holding model.safetensors or pytorch_model.bin.
struct HubModel {
    std::string repo;
    std::string folder;
};
std::vector<HubModel> discoverHubModels();

}  // namespace vp
