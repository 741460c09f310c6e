// The GPU check's driver (bench/gpu/check.sh): core only, no Qt or OpenCV, so it builds on a bare
// CUDA machine against the LibTorch of its PyTorch. Three sections, printed as Markdown:
//   parity      every registered method, CPU fp32 vs DEVICE fp32 (max |Δlogit|, same tokens in
//               every block, same GMACs) and DEVICE bf16 vs fp32 (|Δlogit|, images whose kept
//               tokens differ), on the shipped model's real images and on random DeiT-S;
//   dense       dense DeiT-S ms per batch at each batch and dtype (median, p10-p90);
//   efficiency  the interleaved efficiency table (core/eval/efficiency.h) per dtype.
// Also runs on the CPU (--device cpu), which is how it is tested where no GPU is lent.
#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <sstream>

#include "common/atomic_file.h"
#include "common/dtype_names.h"
#include "common/error.h"
#include "common/parse_number.h"
#include "common/runtime_setup.h"
#include "common/text_list.h"
#include "common/torch_compat.h"
#include "eval/efficiency.h"
#include "eval/fashion_mnist_idx.h"
#include "eval/latency.h"
#include "model/model_loader.h"
#include "prune/flops.h"
#include "prune/method_setup.h"
#include "prune/registry.h"

namespace {

struct Options {
    std::string device = at::hasCUDA() ? "cuda" : "cpu";
    std::vector<int> batches{1, 64, 256};
    std::vector<std::string> dtypes{"float32", "bfloat16"};
    std::vector<std::string> sections{"parity", "dense", "efficiency"};
    std::vector<std::string> methods;  // efficiency rows; empty: the training-free token methods + nvit
    int pairs = 10;
    std::string fashion = "bench/gpu/deps/fashion-mnist";
    std::string out;  // folder for the JSON tables; empty: none
};

at::ScalarType dtypeOf(const std::string& name) {
    const std::optional<at::ScalarType> t = vp::dtypeFromName(name);
    if (!t) throw vp::Error("dtype '" + name + "': expected float32, bfloat16 or float16");
    return *t;
}

int positiveInt(const std::string& text, const std::string& flag) {
    const std::optional<double> v = vp::parseFiniteNumber(text);
    if (!v || *v < 1 || *v > 100000 || *v != std::floor(*v)) throw vp::Error(flag + " '" + text + "': expected a positive integer");
    return static_cast<int>(*v);
}

bool has(const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
}

// Per image, every block's partition of the patches into tokens (tokens numbered by their first
// patch, so the order a method sorts its kept tokens in does not count; -1 dropped, -2 parked)
// and its token count: equal iff the same tokens were kept, merged and dropped.
std::vector<std::vector<int>> fatesPerImage(const vp::TokenTrace& trace, int images) {
    std::vector<std::vector<int>> out(images);
    for (const vp::LayerTrace& l : trace.layers) {
        if (l.patchToken.empty()) continue;
        const size_t patches = l.patchToken.size() / images;
        for (int i = 0; i < images; ++i) {
            std::map<int, int> label;
            for (size_t p = 0; p < patches; ++p) {
                const int t = l.patchToken[i * patches + p];
                out[i].push_back(t < 0 ? std::max(t, -2) : label.emplace(t, static_cast<int>(label.size())).first->second);
            }
            out[i].push_back(l.mlpTokens[i]);
        }
    }
    return out;
}

struct Sample {
    std::string model;
    at::Tensor images;               // CPU, float32
    std::vector<at::Tensor> calib;   // CPU, float32
};

// The shipped model's samples (resources/samples/*.png are these Fashion-MNIST test images) and
// 64 other test images for the methods that calibrate.
Sample fashionSample(const std::string& dir) {
    const vp::IdxImages set =
        vp::readFashionMnist(dir + "/t10k-images-idx3-ubyte.gz", dir + "/t10k-labels-idx1-ubyte.gz");
    const vp::ViTConfig c = vp::loadModel("fashion-vit-tiny").config();
    auto normalised = [&](const at::Tensor& u8) { return ((u8.to(at::kFloat) / 255.0 - c.mean[0]) / c.std[0]).unsqueeze(1); };
    const at::Tensor samples = at::tensor(std::vector<int64_t>{19, 2, 1, 13, 6, 8, 4, 9, 12, 18, 30, 0});
    return {"fashion-vit-tiny", normalised(set.images.index_select(0, samples)),
            {normalised(set.images.narrow(0, 100, 64))}};
}

Sample deitSample() {
    at::manual_seed(0);
    return {"random:deit_small_patch16_224", at::randn({4, 3, 224, 224}), {at::randn({8, 3, 224, 224})}};
}

vp::CalibrationProvider calibOn(const std::vector<at::Tensor>& batches, const at::Device& device) {
    std::vector<at::Tensor> moved;
    for (const at::Tensor& b : batches) moved.push_back(b.to(device));
    return vp::calibrationFrom(moved);
}

void paritySection(const Options& o, const Sample& sample) {
    const at::Device dev(o.device);
    const vp::ViTModel cpu = vp::loadModel(sample.model);
    const vp::ViTModel gpu = cpu.to(dev, at::kFloat);
    std::printf("\n### Parity on %s (%d images): CPU fp32 vs %s fp32, and %s bf16 vs fp32\n\n", sample.model.c_str(),
                static_cast<int>(sample.images.size(0)), o.device.c_str(), o.device.c_str());
    std::printf("| method | max abs dlogit | same tokens | same GMACs | bf16 max abs dlogit | bf16: images with other tokens |\n");
    std::printf("|---|---|---|---|---|---|\n");
    const bool half = has(o.dtypes, "bfloat16");
    const vp::ViTModel gpuHalf = half ? cpu.to(dev, at::kBFloat16) : vp::ViTModel();
    vp::ForwardOptions full;
    full.trace = vp::TraceLevel::Full;
    const int n = static_cast<int>(sample.images.size(0));
    for (const vp::MethodSpec& spec : vp::builtinRegistry().specs()) {
        std::fflush(stdout);
        try {
            vp::ReadyMethod a = vp::readyMethod(cpu, spec.id, {}, calibOn(sample.calib, at::kCPU));
            vp::ReadyMethod b = vp::readyMethod(gpu, spec.id, {}, calibOn(sample.calib, dev));
            const vp::ForwardResult ra = a.model().forward(sample.images, *a, full);
            const vp::ForwardResult rb = b.model().forward(sample.images.to(dev), *b, full);
            const double d = (ra.logits - rb.logits.cpu()).abs().max().item<double>();
            const bool same = fatesPerImage(ra.trace, n) == fatesPerImage(rb.trace, n);
            const double ga = vp::traceMacs(a.model(), ra.trace), gb = vp::traceMacs(b.model(), rb.trace);
            std::string halfD = "-", halfTokens = "-";
            if (half) {
                vp::ReadyMethod h = vp::readyMethod(gpuHalf, spec.id, {}, calibOn(sample.calib, dev));
                const vp::ForwardResult rh = h.model().forward(sample.images.to(dev), *h, full);
                char buf[32];
                std::snprintf(buf, sizeof buf, "%.3g", (rh.logits.cpu() - rb.logits.cpu()).abs().max().item<double>());
                halfD = buf;
                const auto fh = fatesPerImage(rh.trace, n), fb = fatesPerImage(rb.trace, n);
                int differ = 0;
                for (int i = 0; i < n; ++i) differ += fh[i] != fb[i];
                halfTokens = std::to_string(differ) + "/" + std::to_string(n);
            }
            std::printf("| %s | %.2g | %s | %s | %s | %s |\n", spec.id.c_str(), d, same ? "yes" : "**no**",
                        std::abs(ga - gb) <= 1e-9 * ga ? "yes" : "**no**", halfD.c_str(), halfTokens.c_str());
        } catch (const c10::Error& e) {  // LibTorch's own errors carry a backtrace: the message only
            std::printf("| %s | **error**: %s | | | | |\n", spec.id.c_str(), e.what_without_backtrace());
        } catch (const std::exception& e) {
            std::printf("| %s | skipped: %s | | | | |\n", spec.id.c_str(), e.what());
        }
    }
}

void denseSection(const Options& o) {
    const vp::ViTModel cpu = vp::loadModel("random:deit_small_patch16_224");
    std::printf("\n### Dense DeiT-S on %s, ms per batch (median, p10-p90)\n\n| dtype | batch | ms | p10-p90 |\n|---|---|---|---|\n",
                o.device.c_str());
    for (const std::string& dt : o.dtypes) {
        const vp::ViTModel m = cpu.to(at::Device(o.device), dtypeOf(dt));
        for (int batch : o.batches) {
            vp::LatencyOptions lo;
            lo.batch = batch;
            lo.warmup = 3;
            lo.minRuns = 10;
            lo.maxRuns = 40;
            const vp::LatencyStats s = vp::measureLatency(m, "dense", {}, lo);
            std::printf("| %s | %d | %.2f | %.2f-%.2f |\n", dt.c_str(), batch, s.ms, s.msP10, s.msP90);
            std::fflush(stdout);
        }
    }
}

void efficiencySection(const Options& o) {
    const vp::ViTModel cpu = vp::loadModel("random:deit_small_patch16_224");
    for (const std::string& dt : o.dtypes) {
        const vp::ViTModel m = cpu.to(at::Device(o.device), dtypeOf(dt));
        vp::EfficiencyPlan plan;
        plan.methods = o.methods;
        if (plan.methods.empty()) {
            plan.methods = vp::efficiencyDefaultMethods();
            plan.methods.push_back("nvit");
        }
        plan.batches = o.batches;
        plan.budgets = {0.7, 0.5};
        plan.pairsBatch1 = 2 * o.pairs;
        plan.pairsLarge = o.pairs;
        const auto rows = vp::efficiencyTable(m, plan);
        std::printf("\n### Efficiency on %s, %s (speed-up / GMACs speed-up, dense and pruned interleaved)\n\n%s",
                    o.device.c_str(), dt.c_str(), vp::efficiencyMarkdown(rows).c_str());
        std::fflush(stdout);
        if (!o.out.empty()) {
            std::filesystem::create_directories(o.out);
            vp::writeFileAtomic(o.out + "/efficiency_" + dt + ".json", vp::efficiencyJson(rows));
        }
    }
}

Options parse(int argc, char** argv) {
    Options o;
    for (int i = 1; i < argc; ++i) {
        const std::string a = argv[i];
        auto value = [&]() -> std::string {
            if (i + 1 >= argc) throw vp::Error(a + " needs a value");
            return argv[++i];
        };
        if (a == "--device") o.device = value();
        else if (a == "--batches") {
            o.batches.clear();
            for (const std::string& b : vp::splitList(value())) o.batches.push_back(positiveInt(b, "--batches"));
        } else if (a == "--dtypes") o.dtypes = vp::splitList(value());
        else if (a == "--sections") o.sections = vp::splitList(value());
        else if (a == "--methods") o.methods = vp::splitList(value());
        else if (a == "--pairs") o.pairs = positiveInt(value(), "--pairs");
        else if (a == "--fashion") o.fashion = value();
        else if (a == "--out") o.out = value();
        else throw vp::Error("unknown option " + a);
    }
    for (const std::string& dt : o.dtypes) dtypeOf(dt);
    return o;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        vp::keepFreedMemoryForReuse();
        const Options o = parse(argc, argv);
        c10::InferenceMode guard;
        std::printf("## ViT Prune Studio GPU check\n\nLibTorch %s, device %s, fused attention %s\n",
                    vp::torchVersionString(), o.device.c_str(), vp::hasFusedAttention() ? "yes" : "no (explicit ops)");
        if (has(o.sections, "parity")) {
            paritySection(o, fashionSample(o.fashion));
            paritySection(o, deitSample());
        }
        if (has(o.sections, "dense")) denseSection(o);
        if (has(o.sections, "efficiency")) efficiencySection(o);
        return 0;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "vp_gpu_check: %s\n", e.what());
        return 1;
    }
}
