#pragma once
// Pieces shared by the vitprune subcommands: model/method/device from arguments, JSON output.
#include <nlohmann/json.hpp>

#include "common/text_list.h"
#include "cli_args.h"
#include "model/vit_model.h"
#include "prune/prune_method.h"

namespace vp::cli {

// --device cpu|cuda[:N]; throws a clear error when CUDA is absent.
at::Device parseDevice(const std::string& text);
// --dtype float32|float16|bfloat16 (float16 only on CUDA; bfloat16 on the CPU too).
at::ScalarType parseDtype(const std::string& text, const at::Device& device);
// Loads MODEL (positional 0) with the method parts file --parts FILE when given, and moves it to
// --device / --dtype.
ViTModel openModel(const Args& args);
// --method ID (default dense) with --set K=V values; prepared for `model`. When the method is
// structural, `model` is replaced by its physically smaller copy. --budget G sets the method's
// main knob so that it costs G GMACs (prune/budget.h). `settings` receives the values used.
MethodPtr openMethod(const Args& args, ViTModel& model, KnobValues* settings = nullptr);
// The knob values as a JSON object {"keep": "0.57"} (the "settings" key of predict/eval/bench).
nlohmann::json settingsToJson(const KnobValues& values);
// Prints a JSON object on stdout (one line) or nothing.
void printJson(const nlohmann::json& j);
nlohmann::json specToJson(const MethodSpec& spec);
using vp::splitList;  // common/text_list.h

int cmdMethods(const Args& args);
int cmdInfo(const Args& args);
int cmdFlops(const Args& args);
int cmdPredict(const Args& args);
int cmdEval(const Args& args);
int cmdBench(const Args& args);
int cmdTrain(const Args& args);
int cmdPrune(const Args& args);
int cmdFinetune(const Args& args);
int cmdTrainMethod(const Args& args);
int cmdSweep(const Args& args);
int cmdMerge(const Args& args);
int cmdVideo(const Args& args);
int cmdExportOverlay(const Args& args);
// Dataset commands (eval, sweep) refuse a video method: on still images it only ever computes
// its dense first frame. Throws vp::Error saying to use `vitprune video`.
void refuseVideoMethod(const MethodSpec& spec);

}  // namespace vp::cli
