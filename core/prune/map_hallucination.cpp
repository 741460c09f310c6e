#include "prune/map_hallucination.h"

#include <c10/core/InferenceMode.h>

#include <algorithm>
#include <limits>

#include "common/error.h"
#include "prune/block_walk.h"

namespace vp {
namespace {

at::Tensor indexTensor(const std::vector<int>& idx) {
    std::vector<int64_t> v(idx.begin(), idx.end());
    return at::tensor(v, at::TensorOptions().dtype(at::kLong));
}

// Least-squares coefficients of `targets` from `sources` (rows: targets) and the summed relative
// residual. A tiny ridge keeps a rank-deficient source set (identical heads) solvable.
std::pair<at::Tensor, double> solve(const at::Tensor& G, const std::vector<int>& sources,
                                    const std::vector<int>& targets) {
    const at::Tensor s = indexTensor(sources), t = indexTensor(targets);
    at::Tensor gss = G.index_select(0, s).index_select(1, s);
    const double ridge = 1e-10 * gss.diagonal().sum().item<double>() / static_cast<double>(sources.size()) + 1e-30;
    gss = gss + ridge * at::eye(static_cast<int64_t>(sources.size()), G.options());
    const at::Tensor gst = G.index_select(0, s).index_select(1, t);  // [S, T]
    const at::Tensor coef = at::linalg_solve(gss, gst);              // [S, T]
    double error = 0;
    for (size_t j = 0; j < targets.size(); ++j) {
        const double total = G[targets[j]][targets[j]].item<double>();
        const double explained = (gst.select(1, j) * coef.select(1, j)).sum().item<double>();
        error += total > 0 ? std::max(0.0, total - explained) / total : 0.0;
    }
    return {coef.t().contiguous(), error};
}

}  // namespace

std::vector<at::Tensor> attentionMapGram(const ViTModel& model, const std::vector<at::Tensor>& batches) {
    bool any = false;
    for (const at::Tensor& b : batches) any = any || (b.defined() && b.size(0) > 0);
    if (!any) throw Error("hMHSA: the calibration set has zero images; the hallucinated maps are fitted on images");
    c10::InferenceMode guard;
    std::vector<at::Tensor> gram(model.weights().blocks.size());
    AttnNeeds needs;
    needs.fullMap = true;
    for (const at::Tensor& batch : batches) {
        if (!batch.defined() || batch.size(0) == 0) continue;
        walkBlocks(model, batch, needs, [&](int l, const at::Tensor& a, const AttnContext& ctx, const TokenState&) {
            if (!a.defined()) return;
            const int64_t H = ctx.map.size(1);
            const at::Tensor maps = ctx.map.transpose(0, 1).reshape({H, -1}).to(at::kDouble);
            const at::Tensor g = at::matmul(maps, maps.t()).cpu();
            gram[l] = gram[l].defined() ? gram[l] + g : g;
        });
    }
    return gram;
}

HallucinationFit fitHallucination(const at::Tensor& gram, int count) {
    const int H = static_cast<int>(gram.size(0));
    if (count < 0 || count >= H)
        throw Error("hMHSA: cannot hallucinate " + std::to_string(count) + " of " + std::to_string(H) +
                    " heads (at least one head must compute its map)");
    HallucinationFit fit;
    for (int h = 0; h < H; ++h) fit.computed.push_back(h);
    for (int step = 0; step < count; ++step) {
        double best = std::numeric_limits<double>::infinity();
        int bestHead = -1;
        for (int h : fit.computed) {
            std::vector<int> sources, targets = fit.hallucinated;
            for (int g : fit.computed)
                if (g != h) sources.push_back(g);
            targets.push_back(h);
            const double error = solve(gram, sources, targets).second;
            if (error < best) best = error, bestHead = h;
        }
        fit.computed.erase(std::find(fit.computed.begin(), fit.computed.end(), bestHead));
        fit.hallucinated.push_back(bestHead);
    }
    std::sort(fit.hallucinated.begin(), fit.hallucinated.end());
    if (count > 0) {
        auto [coef, error] = solve(gram, fit.computed, fit.hallucinated);
        fit.mix = coef.to(at::kFloat);
        fit.relativeError = error;
    }
    return fit;
}

}  // namespace vp
