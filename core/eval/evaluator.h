#pragma once
// Accuracy and cost of a (model, method) pair over a labelled image source, in batches.
#include <ATen/ATen.h>

#include <atomic>
#include <functional>

#include "model/vit_model.h"
#include "prune/prune_method.h"

namespace vp {

struct LabelledBatch {
    at::Tensor images;
    at::Tensor labels;
};
// Returns images [n, C, H, W] and labels [n] for samples [start, start + n).
using BatchSource = std::function<LabelledBatch(int64_t start, int64_t n)>;
// Called after each batch with (done, total); return false to cancel.
using Progress = std::function<bool(int64_t done, int64_t total)>;

struct EvalResult {
    int64_t images = 0;
    int64_t correct = 0;
    double accuracy = 0;  // 0..1
    double gmacs = 0;     // mean per image, from the traces
    double seconds = 0;   // wall time of the forwards and data preparation
    bool cancelled = false;
};

// `method` must be ready for `model` (prune/method_setup.h: readyMethod).
EvalResult evaluate(const ViTModel& model, PruneMethod& method, const BatchSource& source, int64_t count,
                    int64_t batchSize, const Progress& progress = {});

}  // namespace vp
