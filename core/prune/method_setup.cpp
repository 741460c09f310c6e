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

namespace {
// A block index the user chose must name a block of this model: "locations=63" on 12 blocks is
// refused, never run as dense. The defaults (chosen for DeiT's 12 blocks), even when a caller
// passes them explicitly as the studio does, are the compatibility report's business on a
// shallower model: it says which knob to change.
void checkBlockKnobs(const MethodSpec& spec, const KnobValues& values, int depth) {
    for (const std::string& id : spec.requirements.blockKnobs) {
        const Knob* knob = spec.knob(id);
        if (!knob || !values.has(id)) continue;
        auto read = [&](const KnobValues& v) {
            return knob->type == KnobType::IntList ? v.intList(spec, id) : std::vector<int>{v.integer(spec, id)};
        };
        const std::vector<int> given = read(values);
        if (given == read(KnobValues{})) continue;
        for (int b : given)
            if (b >= depth)
                throw Error(spec.id + ": knob '" + id + "' names block " + std::to_string(b) + ", but the model has " +
                            std::to_string(depth) + " blocks (0-" + std::to_string(depth - 1) + ")");
    }
}
}  // namespace

ReadyMethod readyMethod(const ViTModel& model, const std::string& methodId, const KnobValues& values,
                        const CalibrationProvider& calibration) {
    ReadyMethod ready;
    ready.base = &model;
    ready.method = builtinRegistry().create(methodId, values);
    auto calibrateOn = [&](const ViTModel& on) {
        const int want = ready.method->calibrationImages();
        if (want <= 0) return;
        if (!calibration)
            throw Error("method '" + methodId + "' needs " + std::to_string(want) +
                        " calibration images and none were given");
        std::vector<at::Tensor> batches = calibration(want);
        for (at::Tensor& b : batches) b = b.to(on.device(), on.dtype());
        c10::InferenceMode guard;
        ready.method->calibrate(on, batches);
    };
    // A structural method decides what to remove from data seen by the model it prunes (Taylor
    // importance, attention entropy), so it calibrates before patchModel; token methods calibrate
    // on the model they run on.
    const bool structural = ready.method->spec().family == "structural";
    if (structural) calibrateOn(model);
    ready.patched = ready.method->patchModel(model);
    const ViTModel& used = ready.model();
    checkBlockKnobs(ready.method->spec(), values, static_cast<int>(used.weights().blocks.size()));
    ready.method->prepare(used);
    if (!structural) calibrateOn(used);
    return ready;
}

}  // namespace vp
