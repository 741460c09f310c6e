#include "prune/exit_probes.h"

#include <c10/core/InferenceMode.h>

#include "common/error.h"
#include "prune/block_walk.h"
#include "prune/structure_plan.h"
#include "prune/unit_importance.h"

#include <list>
#include <mutex>

namespace vp {
namespace {

// The model with an identity head: its "logits" are the features its real head reads.
ViTModel featureModel(const ViTModel& model) {
    ViTModel f = model;
    const int64_t C = model.config().embedDim;
    const at::TensorOptions o = model.weights().headW.options();
    // eye in float32, then the model's dtype: LibTorch 1.13 has no bfloat16 eye on the CPU.
    const at::Tensor identity = at::eye(C, o.dtype(at::kFloat)).to(o.dtype());
    f.weights().headW = identity;
    f.weights().headB = at::zeros({C}, o);
    if (model.config().distilled) {  // (cls + dist) / 2 of the features: one probe serves both heads
        f.weights().headDistW = identity.clone();
        f.weights().headDistB = at::zeros({C}, o);
    }
    return f;
}

// Ridge regression with an unpenalised bias: rows of `x` [n, C] to `z` [n, K].
std::pair<at::Tensor, at::Tensor> ridge(const at::Tensor& x, const at::Tensor& z) {
    const int64_t n = x.size(0), C = x.size(1);
    const at::Tensor xa = at::cat({x, at::ones({n, 1}, x.options())}, 1);
    at::Tensor gram = at::matmul(xa.t(), xa);
    const double lambda = 1e-4 * gram.diagonal().narrow(0, 0, C).sum().item<double>() / static_cast<double>(C) + 1e-12;
    at::Tensor penalty = at::ones({C + 1}, x.options()) * lambda;
    penalty[C] = 0;
    gram = gram + at::diag(penalty);
    const at::Tensor w = at::linalg_solve(gram, at::matmul(xa.t(), z));  // [C+1, K]
    return {w.narrow(0, 0, C).t().contiguous(), w[C].contiguous()};
}

}  // namespace

std::vector<ExitProbe> fitExitProbes(const ViTModel& model, const std::vector<at::Tensor>& batches) {
    c10::InferenceMode guard;
    const auto& blocks = model.weights().blocks;
    const ViTModel features = featureModel(model);
    std::vector<std::vector<at::Tensor>> perBlock(blocks.size());
    std::vector<at::Tensor> targets;
    for (const at::Tensor& batch : batches) {
        if (!batch.defined() || batch.size(0) == 0) continue;
        walkBlocks(model, batch, {}, [&](int l, const at::Tensor&, const AttnContext&, const TokenState& after) {
            perBlock[l].push_back(features.head(after).to(at::kDouble).cpu());
            if (l + 1 == static_cast<int>(blocks.size())) targets.push_back(model.head(after).to(at::kDouble).cpu());
        });
    }
    if (targets.empty())
        throw Error(
            "wdpruning: the exit probes are fitted on calibration images and the calibration set has zero "
            "images");
    const at::Tensor z = at::cat(targets);
    const at::Tensor want = z.argmax(1);
    std::vector<ExitProbe> probes;
    for (size_t l = 0; l < blocks.size(); ++l) {
        const at::Tensor x = at::cat(perBlock[l]);
        auto [w, b] = ridge(x, z);
        ExitProbe p;
        p.agreement = (at::matmul(x, w.t()) + b).argmax(1).eq(want).to(at::kDouble).mean().item<double>();
        p.weight = w.to(model.device(), model.dtype());
        p.bias = b.to(model.device(), model.dtype());
        probes.push_back(std::move(p));
    }
    return probes;
}

std::vector<ExitProbe> cachedExitProbes(const ViTModel& model, const std::vector<at::Tensor>& batches) {
    static std::mutex mutex;
    static std::list<std::pair<std::string, std::vector<ExitProbe>>> recent;  // most recent first
    const std::string key = calibrationKey(model, "exit probes", batches);
    {
        std::lock_guard<std::mutex> lock(mutex);
        for (auto it = recent.begin(); it != recent.end(); ++it)
            if (it->first == key) return it->second;
    }
    std::vector<ExitProbe> probes = fitExitProbes(model, batches);
    std::lock_guard<std::mutex> lock(mutex);
    recent.emplace_front(key, probes);
    if (recent.size() > 2) recent.pop_back();
    return probes;
}

ViTModel cutAtExit(const ViTModel& model, int blocks, const ExitProbe& probe, const std::string& prunedBy) {
    const int depth = static_cast<int>(model.weights().blocks.size());
    if (blocks < 1 || blocks > depth)
        throw Error("wdpruning: exit after " + std::to_string(blocks) + " blocks is not within 1-" +
                    std::to_string(depth));
    KeepPlan plan = keepEverything(model);
    plan.blocks.resize(static_cast<size_t>(blocks));
    ViTModel cut = applyPlan(model, plan, prunedBy);
    if (blocks < depth) {
        cut.weights().headW = probe.weight;
        cut.weights().headB = probe.bias;
        if (cut.config().distilled) {
            cut.weights().headDistW = probe.weight;
            cut.weights().headDistB = probe.bias;
        }
    }
    cut.validate();
    return cut;
}

}  // namespace vp
