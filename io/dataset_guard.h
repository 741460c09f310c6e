#pragma once
// Refuses a dataset a model cannot be scored on before any work is done (vitprune eval, sweep;
// the studio's Pareto panel). Channels are not the issue: pre-processing converts every image to
// the model's mode (grey to RGB for 3-channel models, RGB to grey for 1-channel ones, as timm's
// convert()), so grey Fashion-MNIST on a 3-channel 10-class model is fine. What cannot mean
// anything is a label set that differs from the model's classes: labels are indices into the head.
#include <string>

#include "io/dataset.h"
#include "model/vit_config.h"

namespace vp {

// Throws vp::Error (bad input) naming `datasetSpec` and `modelName` when the dataset's class
// count differs from cfg.numClasses (both numbers in the message, and a pointer to a folder of
// class folders), or when the model takes images that are neither grey nor colour (in_chans not
// 1 or 3). `modelName`: as the user named the model; empty: the config's architecture.
void checkDatasetFitsModel(const ViTConfig& cfg, const Dataset& data, const std::string& datasetSpec,
                           const std::string& modelName = "");

}  // namespace vp
