#pragma once
// Labelled image collections for evaluation and training, already pre-processed for a model.
#include <ATen/ATen.h>
#include <memory>
#include <string>
#include <vector>

#include "model/vit_config.h"

namespace vp {

struct Batch {
    at::Tensor images;  // [B, cfg.inChans, cfg.imageSize, cfg.imageSize] float32, normalised
    at::Tensor labels;  // [B] int64
};

class Dataset {
public:
    virtual ~Dataset() = default;
    virtual std::string name() const = 0;
    virtual int64_t size() const = 0;
    virtual std::vector<std::string> classNames() const = 0;
    // Pre-processes the samples at `indices` for a model with config `cfg` (timm eval transform).
    virtual Batch batch(const std::vector<int64_t>& indices, const ViTConfig& cfg) const = 0;
};

// "fashion-mnist" (Debian's test split), "fashion-mnist:train", a folder of Fashion-MNIST idx
// files (gz or not), or an ImageNet-style folder of class folders. Throws vp::Error.
std::unique_ptr<Dataset> openDataset(const std::string& spec);

}  // namespace vp
