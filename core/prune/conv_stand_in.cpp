#include "prune/conv_stand_in.h"

#include <c10/core/InferenceMode.h>

#include "common/error.h"
#include "prune/block_walk.h"
#include "prune/structure_plan.h"

namespace vp {
namespace {

constexpr int kOffsets = 9;  // the 3x3 neighbourhood, kernel position dy*3 + dx with dy, dx in 0..2

// For every offset: the flat indices (query * P + key) of the in-grid patch pairs at that offset.
std::vector<at::Tensor> offsetPairs(int64_t gh, int64_t gw, const at::Device& device) {
    std::vector<at::Tensor> out;
    const int64_t P = gh * gw;
    for (int dy = -1; dy <= 1; ++dy)
        for (int dx = -1; dx <= 1; ++dx) {
            std::vector<int64_t> flat;
            for (int64_t r = 0; r < gh; ++r)
                for (int64_t c = 0; c < gw; ++c) {
                    const int64_t r2 = r + dy, c2 = c + dx;
                    if (r2 >= 0 && r2 < gh && c2 >= 0 && c2 < gw) flat.push_back((r * gw + c) * P + r2 * gw + c2);
                }
            out.push_back(at::tensor(flat, at::TensorOptions().dtype(at::kLong)).to(device));
        }
    return out;
}

// The mix of head value slices at each kernel position: P[h, p], columns summing to 1.
at::Tensor headMix(const at::Tensor& offsetAttention) {
    const at::Tensor a = offsetAttention.clamp_min(0);
    return a / a.sum(0, true).clamp_min(1e-12);  // [H, 9]
}

// The conv of one block at kernel size k (1 or 3) from its value projection and the head mix.
ConvStandIn kernelFromValues(const BlockWeights& b, const at::Tensor& mix, int k) {
    const int64_t H = b.heads, dv = b.valueDim(), C = b.qkvW.size(1), start = 2 * static_cast<int64_t>(b.qkWidth());
    const at::Tensor wv = b.qkvW.narrow(0, start, H * dv).to(at::kDouble).view({H, dv, C});
    const at::Tensor bv = b.qkvB.defined() ? b.qkvB.narrow(0, start, H * dv).to(at::kDouble).view({H, dv})
                                           : at::zeros({H, dv}, wv.options());
    const at::Tensor m = (k == 1 ? mix.narrow(1, 4, 1) : mix).to(at::kDouble);  // the centre alone for 1x1
    // V_p = sum_h m[h,p] W_v^h -> [dv, C, k, k]; the bias sums over the positions, as SPViT's.
    const at::Tensor kernel = at::einsum("hp,hdc->dcp", {m, wv}).reshape({dv, C, k, k});
    ConvStandIn s;
    s.convW = kernel.to(b.qkvW.scalar_type());
    s.convB = at::matmul(m.sum(1), bv).to(b.qkvW.scalar_type());  // [dv]
    return s;
}

// Ridge regression statistics of [features, 1] -> target.
struct RidgeSums {
    at::Tensor gram, cross;  // [D+1, D+1], [D+1, C] (double)
    void add(const at::Tensor& features, const at::Tensor& target) {
        const at::Tensor f = features.to(at::kDouble);
        const at::Tensor fa = at::cat({f, at::ones({f.size(0), 1}, f.options())}, 1);
        const at::Tensor g = at::matmul(fa.t(), fa), c = at::matmul(fa.t(), target.to(at::kDouble));
        gram = gram.defined() ? gram + g : g;
        cross = cross.defined() ? cross + c : c;
    }
    // Fills convOutW [C, D] and convOutB [C].
    void solveInto(ConvStandIn& s, at::ScalarType type) const {
        const int64_t n = gram.size(0);
        const double ridge = 1e-4 * gram.diagonal().narrow(0, 0, n - 1).mean().item<double>() + 1e-12;
        at::Tensor reg = at::eye(n, gram.options()) * ridge;
        reg[n - 1][n - 1] = 0;                                     // the bias is not shrunk
        const at::Tensor w = at::linalg_solve(gram + reg, cross);  // [D+1, C]
        s.convOutW = w.narrow(0, 0, n - 1).t().contiguous().to(type);
        s.convOutB = w[n - 1].contiguous().to(type);
    }
};

at::Tensor convFeatures(const ConvStandIn& s, const at::Tensor& xn, int64_t prefix, int64_t gh, int64_t gw) {
    return convStandInHidden(xn, s.convW, s.convB, prefix, gh, gw).reshape({xn.size(0) * gh * gw, -1});
}

}  // namespace

std::vector<BlockConvStandIns> fitConvStandIns(const ViTModel& model, const std::vector<at::Tensor>& batches) {
    requirePlainBlocks(model, "SPViT's conv fit");
    c10::InferenceMode guard;
    const ViTConfig& c = model.config();
    const auto& blocks = model.weights().blocks;
    const size_t L = blocks.size();
    const int64_t prefix = c.numPrefixTokens();
    bool any = false;
    // Pass 1: each head's mean attention from a patch to each neighbour offset.
    std::vector<at::Tensor> offsetSum(L);
    std::vector<double> offsetCount(kOffsets, 0);
    for (const at::Tensor& batch : batches) {
        if (!batch.defined() || batch.size(0) == 0) continue;
        any = true;
        const int64_t gh = batch.size(2) / c.patchSize, gw = batch.size(3) / c.patchSize, P = gh * gw;
        const std::vector<at::Tensor> pairs = offsetPairs(gh, gw, model.device());
        for (int p = 0; p < kOffsets; ++p) offsetCount[p] += static_cast<double>(pairs[p].numel() * batch.size(0));
        AttnNeeds needs;
        needs.fullMap = true;
        walkBlocks(model, batch, needs, [&](int l, const at::Tensor&, const AttnContext& ctx, const TokenState&) {
            if (!ctx.map.defined()) return;
            const at::Tensor patchMaps = ctx.map.narrow(2, prefix, P).narrow(3, prefix, P).to(at::kDouble).flatten(2);
            std::vector<at::Tensor> cols;
            for (const at::Tensor& idx : pairs)
                cols.push_back(patchMaps.index_select(2, idx).sum(at::IntArrayRef{0, 2}));  // [H]
            const at::Tensor s = at::stack(cols, 1).cpu();                                  // [H, 9]
            offsetSum[l] = offsetSum[l].defined() ? offsetSum[l] + s : s;
        });
    }
    if (!any) throw Error("SPViT's conv fit needs calibration images and the calibration set has zero images");

    // The kernels, then pass 2: ridge sums of the conv features against the MSA's patch outputs.
    std::vector<BlockConvStandIns> out(L);
    std::vector<std::array<RidgeSums, 2>> sums(L);
    for (size_t l = 0; l < L; ++l) {
        if (!offsetSum[l].defined()) continue;
        const at::Tensor mix =
            headMix(offsetSum[l] / at::tensor(offsetCount, at::TensorOptions().dtype(at::kDouble)).view({1, -1}));
        for (int k : {1, 3}) out[l][k == 1 ? 0 : 1] = kernelFromValues(blocks[l], mix.to(model.device()), k);
    }
    for (const at::Tensor& batch : batches) {
        if (!batch.defined() || batch.size(0) == 0) continue;
        const int64_t gh = batch.size(2) / c.patchSize, gw = batch.size(3) / c.patchSize, P = gh * gw;
        at::Tensor input = model.embed(batch.to(model.device(), model.dtype()));
        walkBlocks(model, batch, {},
                   [&](int l, const at::Tensor& attention, const AttnContext&, const TokenState& after) {
                       if (attention.defined()) {
                           const BlockWeights& b = blocks[l];
                           const at::Tensor xn = at::layer_norm(input, {c.embedDim}, b.norm1W, b.norm1B, c.lnEps);
                           const at::Tensor target = attention.narrow(1, prefix, P).reshape({-1, attention.size(2)});
                           for (int i = 0; i < 2; ++i)
                               sums[l][i].add(convFeatures(out[l][i], xn, prefix, gh, gw), target);
                       }
                       input = after.x;
                   });
    }
    for (size_t l = 0; l < L; ++l)
        if (sums[l][0].gram.defined())
            for (int i = 0; i < 2; ++i) sums[l][i].solveInto(out[l][i], model.dtype());
    return out;
}

void replaceAttention(BlockWeights& b, StandIn standIn, const ConvStandIn* conv) {
    b.attentionRemoved = true;
    b.standIn = standIn;
    b.qkvW = b.qkvB = b.projW = b.projB = b.hallucinateW = at::Tensor();
    b.heads = b.headDim = b.vDim = b.mapHeads = 0;
    b.convW = b.convB = b.convOutW = b.convOutB = at::Tensor();
    if (standIn != StandIn::Conv) return;
    if (conv == nullptr || !conv->convW.defined()) throw Error("SPViT: a conv stand-in without fitted weights");
    b.convW = conv->convW;
    b.convB = conv->convB;
    b.convOutW = conv->convOutW;
    b.convOutB = conv->convOutB;
}

}  // namespace vp
