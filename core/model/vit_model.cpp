#include "model/vit_model.h"

#include <cmath>
#include <limits>

#include "common/error.h"
#include "common/torch_compat.h"
#include "prune/attn_context.h"
#include "prune/prune_method.h"
#include "prune/token_state.h"
#include "prune/trace_recorder.h"

namespace vp {

ViTModel::ViTModel(ViTConfig config, ViTWeights weights) : m_config(std::move(config)), m_weights(std::move(weights)) {}

namespace {
void expectShape(const at::Tensor& t, at::IntArrayRef shape, const std::string& name, const std::string& origin,
                 bool optional = false) {
    if (!t.defined()) {
        if (optional) return;
        throw fileError(origin, "missing tensor '" + name + "'");
    }
    if (t.sizes() != shape) {
        std::ostringstream s;
        s << "tensor '" << name << "' has shape " << t.sizes() << ", the config needs " << shape;
        throw fileError(origin, s.str());
    }
}
}  // namespace

void ViTModel::validate() const {
    const ViTConfig& c = m_config;
    const ViTWeights& w = m_weights;
    const std::string& o = m_origin;
    const int64_t C = c.embedDim;
    expectShape(w.patchW, {C, c.inChans, c.patchSize, c.patchSize}, "patch_embed.proj.weight", o);
    expectShape(w.patchB, {C}, "patch_embed.proj.bias", o, true);
    expectShape(w.clsToken, {1, 1, C}, "cls_token", o);
    if (c.distilled) expectShape(w.distToken, {1, 1, C}, "dist_token", o);
    expectShape(w.posEmbed, {1, c.numPrefixTokens() + c.numPatches(), C}, "pos_embed", o);
    if (static_cast<int>(w.blocks.size()) != c.depth)
        throw fileError(o, "checkpoint has " + std::to_string(w.blocks.size()) + " blocks, the config says depth " +
                               std::to_string(c.depth));
    for (size_t i = 0; i < w.blocks.size(); ++i) {
        const BlockWeights& b = w.blocks[i];
        const std::string p = "blocks." + std::to_string(i) + ".";
        // A pruned model's config.json declares each block's widths: the tensors must have them.
        const bool declared = i < c.blockWidths.size();
        const int64_t A = b.attnDim(), Q = b.qkWidth(), H = declared ? c.blockWidths[i].mlpHidden : b.mlpHidden();
        if (declared && c.blockWidths[i].attention == b.attentionRemoved)
            throw fileError(o, p + "attn: block_widths says attention " +
                                   (c.blockWidths[i].attention ? "present" : "removed") + ", the weights disagree");
        if (!b.attentionRemoved && (b.heads <= 0 || b.headDim <= 0 || b.valueDim() <= 0))
            throw fileError(o, p + "attn has no heads");
        expectShape(b.norm1W, {C}, p + "norm1.weight", o);
        expectShape(b.norm1B, {C}, p + "norm1.bias", o);
        if (b.standIn == StandIn::Conv) {
            const int64_t D = b.convDim(), k = b.convKernel();
            if (D <= 0 || k <= 0 || k % 2 == 0 || b.convW.dim() != 4)
                throw fileError(o, p + "attn.bconv.0.weight: a conv stand-in needs an odd square kernel");
            if (declared && (c.blockWidths[i].convKernel != k || c.blockWidths[i].convDim != D))
                throw fileError(o, p + "attn.bconv: block_widths says a different conv than the weights have");
            expectShape(b.convW, {D, C, k, k}, p + "attn.bconv.0.weight", o);
            expectShape(b.convB, {D}, p + "attn.bconv.0.bias", o);
            expectShape(b.convOutW, {C, D}, p + "attn.bconv.3.weight", o);
            expectShape(b.convOutB, {C}, p + "attn.bconv.3.bias", o);
        }
        if (!b.attentionRemoved) {
            expectShape(b.qkvW, {2 * Q + A, C}, p + "attn.qkv.weight", o);
            expectShape(b.qkvB, {2 * Q + A}, p + "attn.qkv.bias", o, true);
            expectShape(b.projW, {C, A}, p + "attn.proj.weight", o);
            expectShape(b.projB, {C}, p + "attn.proj.bias", o);
            if (b.mapCount() < b.heads)
                expectShape(b.hallucinateW, {b.heads - b.mapCount(), b.mapCount()}, p + "attn.hallucinate.weight", o);
            else if (b.hallucinateW.defined())
                throw fileError(o, p + "attn.hallucinate.weight: every head computes its own map (map_heads unset)");
        }
        expectShape(b.norm2W, {C}, p + "norm2.weight", o);
        expectShape(b.norm2B, {C}, p + "norm2.bias", o);
        expectShape(b.fc1W, {H, C}, p + "mlp.fc1.weight", o);
        expectShape(b.fc1B, {H}, p + "mlp.fc1.bias", o);
        const int64_t rank = declared ? c.blockWidths[i].fc2Rank : b.fc2Rank();
        if (rank > 0) expectShape(b.fc2InW, {rank, H}, p + "mlp.fc2_in.weight", o);
        expectShape(b.fc2W, {C, rank > 0 ? rank : H}, p + "mlp.fc2.weight", o);
        expectShape(b.fc2B, {C}, p + "mlp.fc2.bias", o);
    }
    if (c.pool == "token" || w.normW.defined()) {
        expectShape(w.normW, {C}, "norm.weight", o);
        expectShape(w.normB, {C}, "norm.bias", o);
    }
    if (c.pool == "avg" && w.fcNormW.defined()) expectShape(w.fcNormW, {C}, "fc_norm.weight", o);
    expectShape(w.headW, {c.numClasses, C}, "head.weight", o);
    expectShape(w.headB, {c.numClasses}, "head.bias", o);
    if (c.distilled) {
        expectShape(w.headDistW, {c.numClasses, C}, "head_dist.weight", o);
        expectShape(w.headDistB, {c.numClasses}, "head_dist.bias", o);
    }
}

at::Tensor ViTModel::positionEmbedding(int64_t gridH, int64_t gridW) const {
    const int g = m_config.grid();
    if (gridH == g && gridW == g) return m_weights.posEmbed;
    // timm resample_abs_pos_embed: bicubic, align_corners=False, prefix tokens untouched.
    const int prefix = m_config.numPrefixTokens();
    const at::Tensor& pos = m_weights.posEmbed;
    at::Tensor patchPos = pos.narrow(1, prefix, g * g).to(at::kFloat);
    patchPos = patchPos.reshape({1, g, g, -1}).permute({0, 3, 1, 2});
    patchPos = at::upsample_bicubic2d(patchPos, {gridH, gridW}, false);
    patchPos = patchPos.permute({0, 2, 3, 1}).reshape({1, gridH * gridW, -1}).to(pos.scalar_type());
    return at::cat({pos.narrow(1, 0, prefix), patchPos}, 1);
}

at::Tensor ViTModel::embed(const at::Tensor& images) const {
    const ViTConfig& c = m_config;
    if (images.dim() != 4 || images.size(1) != c.inChans)
        throw Error("input must be [B, " + std::to_string(c.inChans) + ", H, W]");
    const int64_t H = images.size(2), W = images.size(3);
    if (H % c.patchSize != 0 || W % c.patchSize != 0 || H == 0 || W == 0)
        throw Error("input " + std::to_string(H) + "x" + std::to_string(W) + " is not a multiple of the patch size " +
                    std::to_string(c.patchSize));
    at::Tensor x =
        at::conv2d(images.to(m_weights.patchW.scalar_type()), m_weights.patchW, m_weights.patchB, c.patchSize);
    x = x.flatten(2).transpose(1, 2);  // [B, P, C]
    const int64_t B = x.size(0);
    std::vector<at::Tensor> parts{m_weights.clsToken.expand({B, -1, -1})};
    if (c.distilled) parts.push_back(m_weights.distToken.expand({B, -1, -1}));
    parts.push_back(x);
    return at::cat(parts, 1) + positionEmbedding(H / c.patchSize, W / c.patchSize);
}

TokenState ViTModel::embedTokens(const at::Tensor& images, bool tracking) const {
    TokenState state;
    state.prefix = m_config.numPrefixTokens();
    state.tracking = tracking;
    state.x = embed(images);
    state.gridH = images.size(2) / m_config.patchSize;
    state.gridW = images.size(3) / m_config.patchSize;
    return state;
}

namespace {

// DynamicViT's softmax_with_policy: softmax over the keys weighted by their keep decision
// (0..1), each query keeping its own key whatever its decision, with DynamicViT's eps so a row of
// dropped keys stays finite; computed in float32 as the reference does.
at::Tensor softmaxWithPolicy(const at::Tensor& logits, const at::Tensor& policy) {
    const int64_t B = logits.size(0), N = logits.size(-1);
    constexpr double eps = 1e-6;
    const at::Tensor keep = policy.to(at::kFloat).view({B, 1, 1, N});
    const at::Tensor eye = at::eye(N, keep.options()).view({1, 1, N, N});
    const at::Tensor weight = keep + (1.0 - keep) * eye;
    const at::Tensor shifted = logits - std::get<0>(logits.max(-1, /*keepdim=*/true));
    const at::Tensor e = shifted.to(at::kFloat).exp() * weight;
    return ((e + eps / static_cast<double>(N)) / (e.sum(-1, /*keepdim=*/true) + eps)).to(logits.scalar_type());
}

// What every query adds to its logits per key, in float32: log(size) of merged tokens (ToMe's
// proportional attention) and -inf for padding (per-image token counts). Undefined: nothing.
at::Tensor keyBias(const TokenState& state) {
    at::Tensor bias;
    const int64_t B = state.batch(), N = state.tokens();
    if (state.proportionalAttention && state.size.defined()) bias = state.size.to(at::kFloat).log().view({B, 1, 1, N});
    if (state.valid.defined()) {  // padded batch: padding is never attended
        const at::Tensor padding = state.valid.logical_not().view({B, 1, 1, N});
        const float ninf = -std::numeric_limits<float>::infinity();
        bias = bias.defined() ? bias.masked_fill(padding, ninf)
                              : at::zeros({B, 1, 1, N}, state.x.options().dtype(at::kFloat)).masked_fill(padding, ninf);
    }
    return bias;
}

// The class token's attention row [B, H, N] in float32, from float32 copies of q and k: ranking
// decisions (EViT, Evo-ViT, attention top-k) are then taken in fp32 whatever the model's dtype,
// and the fused path gets the row without the full map.
at::Tensor clsAttentionRow(const at::Tensor& q, const at::Tensor& k, const at::Tensor& biasF) {
    const double scale = 1.0 / std::sqrt(static_cast<double>(q.size(-1)));
    at::Tensor row = at::matmul(q.narrow(2, 0, 1).to(at::kFloat) * scale, k.to(at::kFloat).transpose(-2, -1));
    if (biasF.defined()) row = row + biasF;
    return row.softmax(-1).squeeze(2);
}

}  // namespace

bool ViTModel::usesFusedAttention() const {
    return m_attentionKernel == AttentionKernel::Fused ||
           (m_attentionKernel == AttentionKernel::Auto && hasFusedAttention());
}

at::Tensor ViTModel::attention(int layer, const at::Tensor& xNorm, const TokenState& state, const AttnNeeds& needs,
                               AttnContext& ctx) const {
    const BlockWeights& b = m_weights.blocks[layer];
    const int64_t B = xNorm.size(0), N = xNorm.size(1), h = b.heads, d = b.headDim, dv = b.valueDim();
    const int64_t hm = b.mapCount();  // heads that compute their own map (hMHSA: fewer)
    at::Tensor qkv = at::linear(xNorm, b.qkvW, b.qkvB);
    at::Tensor q, k, v;
    if (dv == d && hm == h) {
        qkv = qkv.view({B, N, 3, h, d}).permute({2, 0, 3, 1, 4});
        q = qkv[0], k = qkv[1], v = qkv[2];
    } else {  // structurally pruned: values narrower or wider than queries and keys
        auto heads = [&](int64_t start, int64_t count, int64_t dim) {
            return qkv.narrow(-1, start, count * dim).view({B, N, count, dim}).transpose(1, 2);
        };
        q = heads(0, hm, d), k = heads(hm * d, hm, d), v = heads(2 * hm * d, h, dv);
    }
    const at::Tensor biasF = keyBias(state);
    const at::Tensor bias = biasF.defined() ? biasF.to(q.scalar_type()) : biasF;
    const bool half = q.scalar_type() != at::kFloat;
    if (needs.keys) ctx.keysMean = (half ? k.to(at::kFloat) : k).mean(1);  // ToMe's metric: fp32 for half models
    at::Tensor out;
    if (usesFusedAttention() && !needs.fullMap && !state.policy.defined() && hm == h) {
        // No map asked for: the fused kernel, and the class token's row on its own where wanted.
        if (needs.clsAttn) ctx.clsAttn = clsAttentionRow(q, k, biasF);
        out = fusedAttention(q, k, v, bias);
    } else {
        at::Tensor logits = at::matmul(q * (1.0 / std::sqrt(static_cast<double>(d))), k.transpose(-2, -1));
        if (bias.defined()) logits.add_(bias);  // in place: a fresh product, and one pass less
        at::Tensor attn = state.policy.defined() ? softmaxWithPolicy(logits, state.policy) : logits.softmax(-1);
        if (hm < h) {  // hMHSA: the other heads' maps are linear combinations of the computed ones
            const at::Tensor mixed =
                at::matmul(b.hallucinateW.to(attn.scalar_type()), attn.reshape({B, hm, N * N}));
            attn = at::cat({attn, mixed.view({B, h - hm, N, N})}, 1);
        }
        // Half models rank and threshold by float32 scores (the references' softmax runs in fp32
        // under autocast; bf16 steps near 1/N would turn the top-k into ties): the class row from
        // fp32 q and k, the full map (LTP, Patch Slimming) as an fp32 softmax of the logits.
        // hMHSA's mixed maps and DynamicViT's policy softmax exist only in `attn`.
        const bool fp32Scores = half && hm == h && !state.policy.defined();
        if (needs.clsAttn) ctx.clsAttn = fp32Scores ? clsAttentionRow(q, k, biasF) : attn.select(2, 0).to(at::kFloat);
        if (needs.fullMap) ctx.map = fp32Scores ? logits.to(at::kFloat).softmax(-1) : attn;
        out = at::matmul(attn, v);
    }
    return at::linear(out.transpose(1, 2).reshape({B, N, h * dv}), b.projW, b.projB);
}

at::Tensor convStandInHidden(const at::Tensor& xNorm, const at::Tensor& convW, const at::Tensor& convB, int64_t prefix,
                             int64_t gridH, int64_t gridW) {
    const int64_t B = xNorm.size(0);
    const at::Tensor grid = xNorm.narrow(1, prefix, gridH * gridW).transpose(1, 2).reshape({B, -1, gridH, gridW});
    const at::Tensor hidden = at::relu(at::conv2d(grid, convW, convB, 1, convW.size(2) / 2));  // [B, D, gh, gw]
    return hidden.flatten(2).transpose(1, 2);                                                  // [B, P, D]
}

at::Tensor ViTModel::removedAttention(int layer, const TokenState& state) const {
    const BlockWeights& b = m_weights.blocks[layer];
    if (b.standIn == StandIn::Double) return state.x * 2;
    if (b.standIn == StandIn::Identity) return state.x;
    const int64_t N = state.x.size(1), P = state.gridH * state.gridW;
    if (P <= 0 || N != state.prefix + P || state.valid.defined())
        throw Error("block " + std::to_string(layer) +
                    " is a convolution (SPViT) and needs every patch in place; a token method that drops or merges "
                    "patches cannot run on this model");
    const at::Tensor xn = at::layer_norm(state.x, {m_config.embedDim}, b.norm1W, b.norm1B, m_config.lnEps);
    const at::Tensor hidden = convStandInHidden(xn, b.convW, b.convB, state.prefix, state.gridH, state.gridW);
    // SPViT leaves the prefix tokens' attention output as LN(x): they gather nothing here.
    const at::Tensor out = at::cat({xn.narrow(1, 0, state.prefix), at::linear(hidden, b.convOutW, b.convOutB)}, 1);
    return state.x + out;
}

at::Tensor ViTModel::mlp(int layer, const at::Tensor& xNorm) const {
    const BlockWeights& b = m_weights.blocks[layer];
    at::Tensor hidden = at::gelu(at::linear(xNorm, b.fc1W, b.fc1B));
    if (b.fc2InW.defined()) hidden = at::linear(hidden, b.fc2InW);  // cFFN: hidden -> rank first
    return at::linear(hidden, b.fc2W, b.fc2B);
}

at::Tensor ViTModel::mlpUpdate(int layer, const TokenState& state) const {
    const BlockWeights& b = m_weights.blocks[layer];
    const int64_t C = m_config.embedDim;
    auto update = [&](const at::Tensor& x) {
        return mlp(layer, at::layer_norm(x, {C}, b.norm2W, b.norm2B, m_config.lnEps));
    };
    if (!state.valid.defined()) return update(state.x);
    const int64_t rows = state.batch() * state.tokens();
    const at::Tensor real = state.valid.reshape({rows}).nonzero().squeeze(1);
    // Packing costs two copies of the tokens: worth it once the padding is a tenth of the batch.
    if (static_cast<double>(real.size(0)) > 0.9 * static_cast<double>(rows)) return update(state.x);
    const at::Tensor flat = state.x.reshape({rows, C});
    return at::zeros_like(flat).index_copy(0, real, update(flat.index_select(0, real))).view(state.x.sizes());
}

namespace {
// Where the patches are when a block's attention runs (ForwardOptions::attention).
at::Tensor capturedPatches(const TokenState& state) {
    return state.patchToToken.defined() ? state.patchToToken.detach().clone() : at::Tensor();
}

// Per-token pooling weights over the patch tokens: merged sizes, zero for padding.
at::Tensor poolWeights(const TokenState& state, int64_t count, at::ScalarType type) {
    at::Tensor w = state.sizeOrOnes().narrow(1, state.prefix, count);
    if (state.valid.defined()) w = w * state.valid.narrow(1, state.prefix, count).to(w.scalar_type());
    return w.unsqueeze(-1).to(type);
}
}  // namespace

at::Tensor ViTModel::head(const TokenState& state) const {
    const ViTConfig& c = m_config;
    const ViTWeights& w = m_weights;
    const double eps = c.lnEps;
    const int64_t C = c.embedDim;
    at::Tensor logits;
    if (state.pool == "mean_then_norm") {
        at::Tensor patches = state.x.narrow(1, state.prefix, state.x.size(1) - state.prefix);
        at::Tensor sz = poolWeights(state, patches.size(1), patches.scalar_type());
        at::Tensor pooled = (patches * sz).sum(1) / sz.sum(1);
        logits = at::linear(at::layer_norm(pooled, {C}, w.normW, w.normB, eps), w.headW, w.headB);
    } else if (c.pool == "avg") {
        at::Tensor x = state.x;
        if (w.normW.defined()) x = at::layer_norm(x, {C}, w.normW, w.normB, eps);
        at::Tensor patches = x.narrow(1, state.prefix, x.size(1) - state.prefix);
        at::Tensor sz = poolWeights(state, patches.size(1), x.scalar_type());
        at::Tensor pooled = (patches * sz).sum(1) / sz.sum(1);
        if (w.fcNormW.defined()) pooled = at::layer_norm(pooled, {C}, w.fcNormW, w.fcNormB, eps);
        logits = at::linear(pooled, w.headW, w.headB);
    } else {
        // LayerNorm is per token, so norming only the prefix tokens equals norming all of them.
        at::Tensor pre = at::layer_norm(state.x.narrow(1, 0, c.numPrefixTokens()), {C}, w.normW, w.normB, eps);
        logits = at::linear(pre.select(1, 0), w.headW, w.headB);
        if (c.distilled)  // timm DeiT distilled at inference: mean of both heads
            logits = (logits + at::linear(pre.select(1, 1), w.headDistW, w.headDistB)) / 2;
    }
    return logits.to(at::kFloat);
}

at::Tensor ViTModel::forward(const at::Tensor& images) const {
    const int64_t C = m_config.embedDim;
    const double eps = m_config.lnEps;
    TokenState state = embedTokens(images, false);
    AttnNeeds none;
    AttnContext ctx;
    for (int l = 0; l < static_cast<int>(m_weights.blocks.size()); ++l) {
        const BlockWeights& b = m_weights.blocks[l];
        if (b.attentionRemoved)
            state.x = removedAttention(l, state);
        else
            state.x = state.x + attention(l, at::layer_norm(state.x, {C}, b.norm1W, b.norm1B, eps), state, none, ctx);
        state.x = state.x + mlpUpdate(l, state);
    }
    return head(state);
}

ForwardResult ViTModel::forward(const at::Tensor& images, PruneMethod& method, const ForwardOptions& options) const {
    const int64_t C = m_config.embedDim;
    const double eps = m_config.lnEps;
    StageClock clock(options.stageTimes, static_cast<int>(m_weights.blocks.size()));
    if (!options.continueStream) method.resetStream();
    TokenState state = embedTokens(images, options.trace == TraceLevel::Full);
    clock.lap(Stage::Embed, 0, state.x);
    const int64_t B = state.x.size(0), P = state.x.size(1) - state.prefix;
    if (state.tracking)
        state.patchToToken =
            (at::arange(P, at::TensorOptions().dtype(at::kLong).device(state.x.device())) + state.prefix)
                .unsqueeze(0)
                .expand({B, P})
                .contiguous();
    TraceRecorder recorder(options.trace, static_cast<int>(B), static_cast<int>(P),
                           static_cast<int>(images.size(2) / m_config.patchSize),
                           static_cast<int>(images.size(3) / m_config.patchSize), state.prefix);
    method.begin(state);
    for (int l = 0; l < static_cast<int>(m_weights.blocks.size()); ++l) {
        const BlockWeights& b = m_weights.blocks[l];
        if (options.abandon && options.abandon()) {
            method.resetStream();  // a video stream cannot continue from half a frame
            throw Abandoned();
        }
        clock.lap(Stage::Other, l, state.x);
        if (method.replacesBlocks()) {  // e.g. the Eventful Transformer's gated block
            BlockWork work = method.runBlock(l, *this, state);
            clock.lap(Stage::Attention, l, state.x);
            recorder.record(l, std::move(work.attnTokens), std::move(work.mlpTokens), state, std::move(work.macs));
            if (options.layerTokens) options.layerTokens->push_back(state.x.detach());
            continue;
        }
        method.beforeBlock(l, state);
        clock.lap(Stage::Select, l, state.x);
        std::vector<int> attnTokens = TraceRecorder::countTokens(state);
        AttnContext ctx;
        clock.lap(Stage::Other, l, state.x);
        if (b.attentionRemoved) {
            state.x = removedAttention(l, state);
        } else {
            at::Tensor xn = at::layer_norm(state.x, {C}, b.norm1W, b.norm1B, eps);
            AttnNeeds needs = method.needs(l);
            const bool methodWantsMap = needs.fullMap;
            needs.fullMap = needs.fullMap || options.attention != nullptr;
            state.x = state.x + attention(l, xn, state, needs, ctx);
            if (options.attention) {
                options.attention->push_back({l, ctx.map.detach(), capturedPatches(state)});
                if (!methodWantsMap) ctx.map = at::Tensor();  // the method sees what it asked for
            }
        }
        if (b.attentionRemoved && options.attention) options.attention->push_back({l, {}, capturedPatches(state)});
        clock.lap(Stage::Attention, l, state.x);
        if (!b.attentionRemoved) method.reduce(l, ctx, state);  // no attention, no scores to reduce by
        clock.lap(Stage::Select, l, state.x);
        std::vector<int> mlpTokens = TraceRecorder::countTokens(state);
        clock.lap(Stage::Other, l, state.x);
        state.x = state.x + mlpUpdate(l, state);
        clock.lap(Stage::Mlp, l, state.x);
        method.afterBlock(l, state);
        clock.lap(Stage::Select, l, state.x);
        recorder.record(l, attnTokens, mlpTokens, state);
        if (options.layerTokens) options.layerTokens->push_back(state.x.detach());
    }
    clock.lap(Stage::Other, static_cast<int>(m_weights.blocks.size()) - 1, state.x);
    method.finish(state);
    ForwardResult result;
    result.logits = head(state);
    clock.lap(Stage::Head, 0, result.logits);
    result.trace = recorder.take();
    result.trace.extraMacs = method.extraMacsOfLastForward(*this, static_cast<int>(B));
    return result;
}

ViTModel ViTModel::to(const at::Device& device, at::ScalarType dtype) const {
    ViTModel copy = *this;
    for (at::Tensor* t : copy.m_weights.all()) *t = t->to(device, dtype);
    return copy;
}

std::string ViTModel::extraOrigin(const std::string& key) const {
    const auto it = m_extraFiles.find(key);
    return it == m_extraFiles.end() ? m_origin : it->second;
}

at::Device ViTModel::device() const { return m_weights.patchW.device(); }
at::ScalarType ViTModel::dtype() const { return m_weights.patchW.scalar_type(); }

int64_t ViTModel::parameterCount() const {
    int64_t n = 0;
    for (at::Tensor* t : const_cast<ViTWeights&>(m_weights).all()) n += t->numel();
    return n;
}

}  // namespace vp
