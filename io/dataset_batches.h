#pragma once
// A Dataset as the evaluator and the sweep consume it: a BatchSource over chosen samples, and the
// calibration batches of methods that learn from data (Patch Slimming). Shared by the CLI and
// the studio so that both feed a sweep the same images.
#include <ATen/ATen.h>

#include <vector>

#include "eval/evaluator.h"
#include "io/dataset.h"
#include "prune/method_setup.h"

namespace vp {

// Sample s of the source is image indices[s] of `data`, pre-processed for `cfg`.
// `data` must outlive the source (the config is copied).
BatchSource datasetSource(const Dataset& data, std::vector<int64_t> indices, const ViTConfig& cfg);
// The first `count` images of `data`.
BatchSource datasetSource(const Dataset& data, int64_t count, const ViTConfig& cfg);

// The first `count` images of `data` (at most its size), pre-processed for `cfg`, in batches of
// `batch`: the same images whatever the shard, so every shard of a sweep calibrates alike.
std::vector<at::Tensor> leadingBatches(const Dataset& data, int64_t count, const ViTConfig& cfg, int64_t batch = 64);

// A calibration provider (prune/method_setup.h) reading the first images of `data`, kept per count
// so that later settings and requests reuse them. `data` must outlive the provider.
CalibrationProvider datasetCalibration(const Dataset& data, const ViTConfig& cfg, int64_t batch = 64);
// The same for a dataset named as openDataset() takes it (default: kDefaultCalibrationSource),
// opened only when a method first asks for images. `onRead(count)` is called before reading them
// (a status line such as "Reading 256 calibration images").
CalibrationProvider datasetCalibration(const std::string& source, const ViTConfig& cfg,
                                       std::function<void(int)> onRead = {});

}  // namespace vp
