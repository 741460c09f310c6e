#pragma once
// The one way a method gets ready to run on a model. Every caller (CLI, studio, sweeps, budget
// solver, latency and efficiency measurements) goes through readyMethod(), so the steps always
// come in this order:
//   1. create: the knob values are validated against the spec, then configure();
//   2. patchModel: a structural method returns the physically smaller model it runs on (it gets
//      its calibration images, step 4, before this step: it decides from the unpruned model);
//   3. prepare: the method checks that it applies to that model (depth, learned parts), before
//      any data is read;
//   4. calibrate: methods that decide from data (PruneMethod::calibrationImages() > 0) get that
//      many images from the calibration provider, on the model's device and dtype.
#include <ATen/ATen.h>

#include <functional>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/vit_model.h"
#include "prune/prune_method.h"

namespace vp {

// Where calibration images come from when the user names none: the Fashion-MNIST train split,
// disjoint from the test split that the studio, eval and sweeps score on.
inline constexpr const char* kDefaultCalibrationSource = "fashion-mnist:train";

// The first `count` images of a calibration source as pre-processed batches [B, C, H, W]. The same
// images whatever the shard or caller, so every user of a setting prunes alike. Core reads no
// image files: io/calibration_images.h makes one from a dataset name.
using CalibrationProvider = std::function<std::vector<at::Tensor>(int count)>;

// A provider that hands over `batches` whatever the count: for callers that only need a method's
// cost, which for a calibrated method (static masks) does not depend on the images.
CalibrationProvider calibrationFrom(std::vector<at::Tensor> batches);

// A fixed random input [batch, C, H, W] (seed 0) on the model's device and dtype: what cost and
// speed measurements run (a calibrated method's cost does not depend on its images).
at::Tensor randomInput(const ViTModel& model, int batch = 1);

// Knob values from plain text pairs (the studio's requests, the sweep files' settings).
KnobValues knobValuesFrom(const std::map<std::string, std::string>& values);

// A configured, prepared (and calibrated) method and the model it runs on. `model()` is the
// structural method's smaller copy, or the model readyMethod() was given, which must outlive this.
struct ReadyMethod {
    MethodPtr method;
    std::optional<ViTModel> patched;
    const ViTModel* base = nullptr;
    const ViTModel& model() const { return patched ? *patched : *base; }
    PruneMethod& operator*() const { return *method; }
};

// Throws vp::Error for an unknown method, bad knob values, a model the method cannot apply to,
// and a method that needs calibration images when `calibration` is empty.
ReadyMethod readyMethod(const ViTModel& model, const std::string& methodId, const KnobValues& values,
                        const CalibrationProvider& calibration = {});

}  // namespace vp
