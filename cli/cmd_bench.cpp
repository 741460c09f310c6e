// vitprune bench: dense vs pruned forward time, interleaved (dense, pruned, dense, ...), so that
// the machine's drift hits both alike; reports the median of per-pair ratios with its spread.
#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <chrono>
#include <iomanip>
#include <iostream>

#include "cli_common.h"
#include "model/model_loader.h"
#include "prune/flops.h"

namespace vp::cli {
namespace {

double quantile(std::vector<double> v, double q) {
    if (v.empty()) return 0;
    std::sort(v.begin(), v.end());
    const double pos = q * (v.size() - 1);
    const size_t lo = static_cast<size_t>(pos);
    const size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (v[hi] - v[lo]) * (pos - lo);
}

template <typename F>
double timeMs(F&& f) {
    const auto t0 = std::chrono::steady_clock::now();
    f();
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int cmdBench(const Args& args) {
    args.allowOnly({"--json", "--method", "--calib", "--set", "--budget", "--device", "--dtype", "--batch", "--iters", "--warmup",
                    "--threads"});
    if (args.has("--threads")) at::set_num_threads(args.intValue("--threads", 2, 1, 1024));
    const ViTModel dense = openModel(args);
    ViTModel pruned = dense;
    KnobValues settings;
    MethodPtr method = openMethod(args, pruned, &settings);
    const int batch = args.intValue("--batch", 1, 1, 4096);
    const int iters = args.intValue("--iters", 20, 1, 100000);
    const int warmup = args.intValue("--warmup", 3, 0, 1000);
    const ViTConfig& c = dense.config();
    c10::InferenceMode guard;
    at::Tensor x = at::randn({batch, c.inChans, c.imageSize, c.imageSize}, at::make_generator<at::CPUGeneratorImpl>(0))
                       .to(dense.device(), dense.dtype());
    // .cpu() of the logits waits for the device, so CUDA timings are complete.
    auto runDense = [&] { (void)dense.forward(x).cpu(); };
    ForwardResult last;
    auto runPruned = [&] {
        last = pruned.forward(x, *method);
        (void)last.logits.cpu();
    };
    for (int i = 0; i < warmup; ++i) {
        runDense();
        runPruned();
    }
    std::vector<double> denseMs, prunedMs, ratio;
    for (int i = 0; i < iters; ++i) {
        const double d = timeMs(runDense);
        const double p = timeMs(runPruned);
        denseMs.push_back(d);
        prunedMs.push_back(p);
        ratio.push_back(d / p);
    }
    const double gDense = toG(denseMacs(dense));
    const double gPruned = toG(traceMacs(pruned, last.trace));
    const double speedup = quantile(ratio, 0.5);
    const double gSpeedup = gDense / gPruned;
    const nlohmann::json j{{"method", method->spec().id}, {"settings", settingsToJson(settings)},
                           {"batch", batch}, {"threads", at::get_num_threads()},
                           {"device", dense.device().str()}, {"iters", iters},
                           {"dense_ms", quantile(denseMs, 0.5)}, {"ms", quantile(prunedMs, 0.5)},
                           {"speedup", speedup}, {"speedup_p10", quantile(ratio, 0.1)},
                           {"speedup_p90", quantile(ratio, 0.9)}, {"gmacs_dense", gDense}, {"gmacs", gPruned},
                           {"gmacs_speedup", gSpeedup}, {"efficiency", speedup / gSpeedup},
                           {"ms_per_image", quantile(prunedMs, 0.5) / batch}};
    if (args.has("--json")) {
        printJson(j);
        return 0;
    }
    std::cout << std::fixed << std::setprecision(2) << method->spec().id << " batch " << batch << " on "
              << dense.device().str() << " (" << at::get_num_threads() << " threads, " << iters << " pairs)\n"
              << "  dense   " << j["dense_ms"].get<double>() << " ms  " << std::setprecision(3) << gDense << " GMACs\n"
              << "  pruned  " << std::setprecision(2) << j["ms"].get<double>() << " ms  " << std::setprecision(3)
              << gPruned << " GMACs\n"
              << "  speed-up " << speedup << " (p10 " << j["speedup_p10"].get<double>() << ", p90 "
              << j["speedup_p90"].get<double>() << "), GMACs speed-up " << gSpeedup << ", efficiency "
              << speedup / gSpeedup << "\n";
    return 0;
}

}  // namespace vp::cli
