#include "prune/method_setup.h"

#include <ATen/CPUGeneratorImpl.h>
#include <c10/core/InferenceMode.h>

#include <algorithm>

#include "common/error.h"
#include "prune/registry.h"

namespace vp {

CalibrationProvider calibrationFrom(std::vector<at::Tensor> batches) {
    return [batches = std::move(batches)](int) { return batches; };
}

at::Tensor randomInput(const ViTModel& model, int batch) {
    const ViTConfig& c = model.config();
    return at::randn({std::max(1, batch), c.inChans, c.imageSize, c.imageSize},
                     at::make_generator<at::CPUGeneratorImpl>(0))
        .to(model.device(), model.dtype());
}

KnobValues knobValuesFrom(const std::map<std::string, std::string>& values) {
    KnobValues out;
    for (const auto& [id, text] : values) out.set(id, text);
    return out;
}

ReadyMethod readyMethod(const ViTModel& model, const std::string& methodId, const KnobValues& values,
                        const CalibrationProvider& calibration) {
    ReadyMethod ready;
    ready.base = &model;
    ready.method = builtinRegistry().create(methodId, values);
    ready.patched = ready.method->patchModel(model);
    const ViTModel& used = ready.model();
    ready.method->prepare(used);
    if (const int want = ready.method->calibrationImages(); want > 0) {
        if (!calibration)
            throw Error("method '" + methodId + "' needs " + std::to_string(want) +
                        " calibration images and none were given");
        std::vector<at::Tensor> batches = calibration(want);
        for (at::Tensor& b : batches) b = b.to(used.device(), used.dtype());
        c10::InferenceMode guard;
        ready.method->calibrate(used, batches);
    }
    return ready;
}

}  // namespace vp
