#include "common/dtype_names.h"
#include "cli_common.h"

#include <iostream>
#include <sstream>

#include "common/error.h"
#include "io/dataset.h"
#include "io/dataset_batches.h"
#include "model/method_parts.h"
#include "model/model_loader.h"
#include "prune/budget.h"
#include "prune/method_setup.h"
#include "prune/registry.h"
#include "common/json_text.h"

namespace vp::cli {

at::Device parseDevice(const std::string& text) {
    if (text.empty() || text == "cpu") return at::kCPU;
    if (text.rfind("cuda", 0) == 0) {
        if (!at::hasCUDA())
            throw Error("--device " + text +
                        ": CUDA is not available (this build's LibTorch is CPU-only or no GPU is present)");
        try {
            return at::Device(text);
        } catch (const std::exception&) {
            throw Error("--device '" + text + "': expected cpu, cuda or cuda:N");
        }
    }
    throw Error("--device '" + text + "': expected cpu, cuda or cuda:N");
}

at::ScalarType parseDtype(const std::string& text, const at::Device& device) {
    if (text.empty()) return at::kFloat;
    const std::optional<at::ScalarType> parsed = dtypeFromName(text);
    if (!parsed) throw Error("--dtype '" + text + "': expected float32, float16 or bfloat16");
    const at::ScalarType t = *parsed;
    // bfloat16 runs on the CPU too (LibTorch's oneDNN kernels; fast where the CPU has AVX512-BF16);
    // float16 matrix products on the CPU are not worth offering.
    if (t == at::kHalf && !device.is_cuda())
        throw Error("--dtype " + text + ": float16 is supported on CUDA only (bfloat16 runs on the CPU too)");
    return t;
}

ViTModel openModel(const Args& args) {
    ViTModel model = loadModel(args.positional(0, "MODEL"));
    if (args.has("--parts")) loadMethodParts(model, args.value("--parts"));  // a method's trained parts
    const at::Device device = parseDevice(args.value("--device", "cpu"));
    const at::ScalarType dtype = parseDtype(args.value("--dtype", ""), device);
    if (device.is_cpu() && dtype == at::kFloat) return model;
    ViTModel moved = model.to(device, dtype);
    return moved;
}

MethodPtr openMethod(const Args& args, ViTModel& model, KnobValues* settings) {
    KnobValues values;
    for (const std::string& s : args.sets()) values.setFromAssignment(s);
    const std::string id = args.value("--method", "dense");
    // Methods that learn static masks from data (Patch Slimming) see the first images of --calib DATA.
    const CalibrationProvider calibration =
        datasetCalibration(args.value("--calib", kDefaultCalibrationSource), model.config());
    if (args.has("--budget")) {
        const double target = args.doubleValue("--budget", 0, 1e-12, 1e9);
        const MethodSpec& spec = builtinRegistry().spec(id);
        if (!spec.mainKnob.empty() && values.has(spec.mainKnob))
            throw Error("--budget chooses knob '" + spec.mainKnob + "' of method '" + id + "': do not --set it too");
        values = solveForBudget(model, id, values, target, 0.005, calibration);
    }
    if (settings) *settings = values;
    ReadyMethod ready = readyMethod(model, id, values, calibration);
    if (ready.patched) model = std::move(*ready.patched);
    return std::move(ready.method);
}

nlohmann::json settingsToJson(const KnobValues& values) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [k, v] : values.raw()) j[k] = v;
    return j;
}

void printJson(const nlohmann::json& j) { std::cout << jsonText(j) << std::endl; }

nlohmann::json specToJson(const MethodSpec& s) {
    nlohmann::json knobs = nlohmann::json::array();
    for (const Knob& k : s.knobs) {
        nlohmann::json kj{{"id", k.id},   {"label", k.label}, {"type", knobTypeName(k.type)}, {"min", k.min},
                          {"max", k.max}, {"step", k.step},   {"default", k.defaultValue},    {"help", k.help}};
        if (!k.choices.empty()) kj["choices"] = k.choices;
        knobs.push_back(kj);
    }
    return {{"id", s.id},
            {"name", s.name},
            {"paper", s.paper},
            {"family", s.family},
            {"help", s.help},
            {"training_free", s.trainingFree},
            {"main_knob", s.mainKnob},
            {"knobs", knobs}};
}

void refuseVideoMethod(const MethodSpec& spec) {
    if (spec.family == "video")
        throw Error("method '" + spec.id +
                    "' works across video frames (each still image is its dense first frame); "
                    "measure it with `vitprune video MODEL VIDEO --method " +
                    spec.id + "`");
}

int cmdMethods(const Args& args) {
    args.allowOnly({"--json"});
    const auto specs = builtinRegistry().specs();
    if (args.has("--json")) {
        nlohmann::json arr = nlohmann::json::array();
        for (const MethodSpec& s : specs) arr.push_back(specToJson(s));
        printJson({{"methods", arr}});
        return 0;
    }
    for (const MethodSpec& s : specs) {
        std::cout << s.id << "  —  " << s.name << " [" << s.family << "]\n    " << s.paper << "\n";
        for (const Knob& k : s.knobs)
            std::cout << "    --set " << k.id << "=" << k.defaultValue << "  (" << knobTypeName(k.type) << ", " << k.min
                      << ".." << k.max << ") " << k.help << "\n";
    }
    return 0;
}

}  // namespace vp::cli
