#include "analysis/attention_maps.h"

#include <algorithm>
#include <limits>

#include "common/error.h"
#include "prune/prune_method.h"

namespace vp {
namespace {

const at::TensorOptions kDouble = at::TensorOptions().dtype(at::kDouble);
const at::TensorOptions kLong = at::TensorOptions().dtype(at::kLong);

// Block l's attention of one sample on the CPU, [H, N, N] float64; undefined without attention.
at::Tensor sampleProbs(const BlockAttention& b, int sample) {
    if (!b.probs.defined()) return {};
    if (b.probs.dim() != 4 || b.probs.size(-1) != b.probs.size(-2) || sample >= b.probs.size(0))
        throw Error("attention maps: block " + std::to_string(b.layer) + " has no [B, H, N, N] map for sample " +
                    std::to_string(sample));
    return b.probs.select(0, sample).to(at::kCPU, at::kDouble);
}

// Each original patch's token in block l's attention, [P] int64 on the CPU. Without a recorded
// map (the forward did not track patches) every patch is its own token, which only holds while
// the sequence is complete.
at::Tensor patchTokens(const BlockAttention& b, int prefix, int patches, int64_t tokens, int sample) {
    if (b.patchToToken.defined()) {
        if (b.patchToToken.dim() != 2 || b.patchToToken.size(1) != patches || sample >= b.patchToToken.size(0))
            throw Error("attention maps: block " + std::to_string(b.layer) + " records " +
                        std::to_string(b.patchToToken.size(-1)) + " patches, the forward has " +
                        std::to_string(patches));
        return b.patchToToken.select(0, sample).to(at::kCPU, at::kLong).contiguous();
    }
    if (tokens >= 0 && tokens != prefix + patches)
        throw Error("attention maps: block " + std::to_string(b.layer) +
                    " ran on fewer tokens than patches and the forward did not record where they went "
                    "(TraceLevel::Full is needed)");
    return at::arange(prefix, prefix + patches, kLong);
}

// Tokens in a block without a map (attention removed): as many as the patches' tokens reach.
int64_t tokensWithout(const at::Tensor& map, int prefix) {
    return std::max<int64_t>(prefix, map.numel() ? map.max().item<int64_t>() + 1 : prefix);
}

at::Tensor fuseHeads(const at::Tensor& probs, HeadFusion fusion) {
    switch (fusion) {
        case HeadFusion::Max:
            return std::get<0>(probs.max(0));
        case HeadFusion::Min:
            return std::get<0>(probs.min(0));
        case HeadFusion::Mean:
            break;
    }
    return probs.mean(0);
}

}  // namespace

std::string attentionUnavailable(const PruneMethod& method) {
    if (method.replacesBlocks())
        return method.spec().name +
               " computes its blocks its own way (gated, incremental updates): it has no attention map to show";
    return {};
}

std::vector<at::Tensor> attentionRollout(const std::vector<BlockAttention>& blocks, int prefix, int patches,
                                         HeadFusion fusion, int sample) {
    const int64_t P = patches, T = prefix + P;
    at::Tensor prefixRows = at::eye(T, kDouble).narrow(0, 0, prefix).clone();  // rows of the prefix tokens
    at::Tensor patchRows = at::eye(T, kDouble).narrow(0, prefix, P).clone();   // row of each patch's token
    std::vector<at::Tensor> out;
    out.reserve(blocks.size());
    for (const BlockAttention& b : blocks) {
        const at::Tensor probs = sampleProbs(b, sample);
        const at::Tensor map = patchTokens(b, prefix, patches, probs.defined() ? probs.size(-1) : -1, sample);
        const int64_t N = probs.defined() ? probs.size(-1) : tokensWithout(map, prefix);
        // The rows of the tokens entering this block: the prefix's own, a token's = mean of its patches'.
        const at::Tensor inSequence = map.ge(prefix).logical_and(map.lt(N));
        const at::Tensor held = inSequence.nonzero().squeeze(1);
        const at::Tensor heldBy = map.index_select(0, held);
        at::Tensor rows = at::zeros({N, T}, kDouble);
        rows.narrow(0, 0, prefix).copy_(prefixRows);
        rows.index_add_(0, heldBy, patchRows.index_select(0, held));
        at::Tensor counts = at::zeros({N}, kDouble).index_add_(0, heldBy, at::ones({held.size(0)}, kDouble));
        rows = rows / counts.clamp_min(1).unsqueeze(1);
        rows.narrow(0, 0, prefix).copy_(prefixRows);
        const at::Tensor empty = counts.eq(0).narrow(0, prefix, N - prefix).nonzero().squeeze(1) + prefix;
        if (empty.numel() > 0) {
            const at::Tensor parked = map.le(-2).nonzero().squeeze(1);
            const at::Tensor fill =
                parked.numel() > 0 ? patchRows.index_select(0, parked).mean(0) : at::zeros({T}, kDouble);
            rows.index_copy_(0, empty, fill.unsqueeze(0).expand({empty.size(0), T}).contiguous());
        }
        if (probs.defined()) {
            at::Tensor a = fuseHeads(probs, fusion) * 0.5 + at::eye(N, kDouble) * 0.5;
            a = a / a.sum(-1, true);
            rows = a.matmul(rows);
        }
        prefixRows = rows.narrow(0, 0, prefix).clone();
        patchRows.index_copy_(0, held, rows.index_select(0, heldBy));
        out.push_back(rows);
    }
    return out;
}

AttentionMaps attentionMaps(const std::vector<BlockAttention>& blocks, const TokenTrace& trace, int sample) {
    if (blocks.size() != trace.layers.size())
        throw Error("attention maps: " + std::to_string(blocks.size()) + " blocks captured, the forward ran " +
                    std::to_string(trace.layers.size()));
    const int prefix = trace.prefix, P = trace.patches;
    AttentionMaps maps;
    maps.gridH = trace.gridH;
    maps.gridW = trace.gridW;
    maps.prefix = prefix;
    std::array<std::vector<at::Tensor>, kHeadFusions> rollouts;
    for (int f = 0; f < kHeadFusions; ++f)
        rollouts[f] = attentionRollout(blocks, prefix, P, static_cast<HeadFusion>(f), sample);
    const float none = std::numeric_limits<float>::quiet_NaN();
    for (size_t l = 0; l < blocks.size(); ++l) {
        const BlockAttention& b = blocks[l];
        AttentionBlock ab;
        ab.layer = b.layer;
        const at::Tensor probs = sampleProbs(b, sample);
        const at::Tensor map = patchTokens(b, prefix, P, probs.defined() ? probs.size(-1) : -1, sample);
        ab.tokens = static_cast<int>(probs.defined() ? probs.size(-1) : tokensWithout(map, prefix));
        ab.token.assign(map.data_ptr<int64_t>(), map.data_ptr<int64_t>() + P);
        // Fates as the patches entered the block; Fused from the trace of the block before.
        std::vector<int> shared(ab.tokens, 0);
        for (int t : ab.token)
            if (t >= 0 && t < ab.tokens) ++shared[t];
        const LayerTrace* before =
            l > 0 && trace.layers[l - 1].fate.size() >= size_t(sample + 1) * P ? &trace.layers[l - 1] : nullptr;
        ab.fate.resize(P);
        for (int p = 0; p < P; ++p) {
            const int t = ab.token[p];
            const size_t i = static_cast<size_t>(sample) * P + p;
            if (t == -1 || t >= ab.tokens)
                ab.fate[p] = PatchFate::Dropped;
            else if (t <= -2)
                ab.fate[p] = PatchFate::Parked;
            else if (before && before->fate[i] == PatchFate::Fused && before->patchToken[i] == t)
                ab.fate[p] = PatchFate::Fused;
            else
                ab.fate[p] = shared[t] > 1 ? PatchFate::Merged : PatchFate::Kept;
        }
        if (probs.defined()) {
            const at::Tensor clsRow = probs.select(1, 0).to(at::kFloat).contiguous();  // [H, N]
            const at::Tensor clsMean = probs.select(1, 0).mean(0).to(at::kFloat).contiguous();
            const int H = static_cast<int>(clsRow.size(0));
            const float* row = clsRow.data_ptr<float>();
            const float* mean = clsMean.data_ptr<float>();
            ab.heads = H;
            ab.cls.assign(static_cast<size_t>(H) * P, none);
            ab.clsMean.assign(P, none);
            for (int p = 0; p < P; ++p) {
                const int t = ab.token[p];
                if (t < prefix || t >= ab.tokens) continue;
                for (int h = 0; h < H; ++h) ab.cls[static_cast<size_t>(h) * P + p] = row[h * ab.tokens + t];
                ab.clsMean[p] = mean[t];
            }
            ab.clsPrefix = std::vector<float>(H, 0.0f);
            const at::Tensor pre = probs.select(1, 0).narrow(1, 0, prefix).sum(1).to(at::kFloat).contiguous();
            std::copy(pre.data_ptr<float>(), pre.data_ptr<float>() + H, ab.clsPrefix.begin());
        }
        for (int f = 0; f < kHeadFusions; ++f) {
            const at::Tensor cls = rollouts[f][l].select(0, 0);
            const at::Tensor onPatches = cls.narrow(0, prefix, P).to(at::kFloat).contiguous();
            ab.rollout[f].assign(onPatches.data_ptr<float>(), onPatches.data_ptr<float>() + P);
            ab.rolloutPrefix[f] = static_cast<float>(cls.narrow(0, 0, prefix).sum().item<double>());
        }
        maps.blocks.push_back(std::move(ab));
    }
    return maps;
}

AttentionMaps attentionMaps(const ViTModel& model, PruneMethod& method, const at::Tensor& image) {
    if (const std::string why = attentionUnavailable(method); !why.empty()) throw Error(why);
    std::vector<BlockAttention> captured;
    ForwardOptions options;
    options.trace = TraceLevel::Full;
    options.attention = &captured;
    const ForwardResult out = model.forward(image, method, options);
    return attentionMaps(captured, out.trace);
}

}  // namespace vp
