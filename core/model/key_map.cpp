#include "model/key_map.h"

#include <cmath>

#include <regex>
#include <set>

#include "common/error.h"

namespace vp {
namespace {

bool hasPrefix(const TensorMap& t, const std::string& prefix) {
    auto it = t.lower_bound(prefix);
    return it != t.end() && it->first.compare(0, prefix.size(), prefix) == 0;
}

void rename(TensorMap& out, TensorMap& in, const std::string& from, const std::string& to) {
    auto it = in.find(from);
    if (it == in.end()) return;
    out[to] = it->second;
    in.erase(it);
}

int countBlocks(const TensorMap& t, const std::string& prefix) {
    int n = 0;
    while (hasPrefix(t, prefix + std::to_string(n) + ".")) ++n;
    return n;
}

TensorMap fromTorchVision(TensorMap in) {
    TensorMap out;
    rename(out, in, "conv_proj.weight", "patch_embed.proj.weight");
    rename(out, in, "conv_proj.bias", "patch_embed.proj.bias");
    rename(out, in, "class_token", "cls_token");
    rename(out, in, "encoder.pos_embedding", "pos_embed");
    const int depth = countBlocks(in, "encoder.layers.encoder_layer_");
    for (int i = 0; i < depth; ++i) {
        const std::string s = "encoder.layers.encoder_layer_" + std::to_string(i) + ".";
        const std::string d = "blocks." + std::to_string(i) + ".";
        for (const char* wb : {"weight", "bias"}) {
            const std::string w = wb;
            rename(out, in, s + "ln_1." + w, d + "norm1." + w);
            rename(out, in, s + "ln_2." + w, d + "norm2." + w);
            rename(out, in, s + "self_attention.in_proj_" + w, d + "attn.qkv." + w);
            rename(out, in, s + "self_attention.out_proj." + w, d + "attn.proj." + w);
            rename(out, in, s + "mlp.0." + w, d + "mlp.fc1." + w);  // torchvision >= 0.14
            rename(out, in, s + "mlp.3." + w, d + "mlp.fc2." + w);
            rename(out, in, s + "mlp.linear_1." + w, d + "mlp.fc1." + w);  // older releases
            rename(out, in, s + "mlp.linear_2." + w, d + "mlp.fc2." + w);
        }
    }
    for (const char* wb : {"weight", "bias"}) {
        rename(out, in, std::string("encoder.ln.") + wb, std::string("norm.") + wb);
        rename(out, in, std::string("heads.head.") + wb, std::string("head.") + wb);
    }
    for (auto& [k, v] : in) out[k] = v;  // extras
    return out;
}

TensorMap fromHuggingFace(TensorMap in, const std::string& origin) {
    const std::string root = hasPrefix(in, "vit.") ? "vit." : hasPrefix(in, "deit.") ? "deit." : "";
    TensorMap out;
    const std::string e = root + "embeddings.";
    rename(out, in, e + "cls_token", "cls_token");
    rename(out, in, e + "distillation_token", "dist_token");
    rename(out, in, e + "position_embeddings", "pos_embed");
    rename(out, in, e + "patch_embeddings.projection.weight", "patch_embed.proj.weight");
    rename(out, in, e + "patch_embeddings.projection.bias", "patch_embed.proj.bias");
    const int depth = countBlocks(in, root + "encoder.layer.");
    for (int i = 0; i < depth; ++i) {
        const std::string s = root + "encoder.layer." + std::to_string(i) + ".";
        const std::string d = "blocks." + std::to_string(i) + ".";
        for (const char* wb : {"weight", "bias"}) {
            const std::string w = wb;
            rename(out, in, s + "layernorm_before." + w, d + "norm1." + w);
            rename(out, in, s + "layernorm_after." + w, d + "norm2." + w);
            rename(out, in, s + "attention.output.dense." + w, d + "attn.proj." + w);
            rename(out, in, s + "intermediate.dense." + w, d + "mlp.fc1." + w);
            rename(out, in, s + "output.dense." + w, d + "mlp.fc2." + w);
            const std::string a = s + "attention.attention.";
            const bool have = in.count(a + "query." + w) && in.count(a + "key." + w) && in.count(a + "value." + w);
            if (!have) {
                if (w == "weight") throw fileError(origin, "missing " + a + "query/key/value.weight");
                continue;
            }
            out[d + "attn.qkv." + w] = at::cat({in[a + "query." + w], in[a + "key." + w], in[a + "value." + w]}, 0);
            for (const char* part : {"query.", "key.", "value."}) in.erase(a + part + w);
        }
    }
    for (const char* wb : {"weight", "bias"}) {
        const std::string w = wb;
        rename(out, in, root + "layernorm." + w, "norm." + w);
        rename(out, in, "classifier." + w, "head." + w);
        rename(out, in, "cls_classifier." + w, "head." + w);  // HF DeiT with teacher
        rename(out, in, "distillation_classifier." + w, "head_dist." + w);
    }
    for (auto& [k, v] : in) out[k] = v;
    return out;
}

const at::Tensor& need(const TensorMap& t, const std::string& key, const std::string& origin) {
    auto it = t.find(key);
    if (it == t.end()) throw fileError(origin, "missing tensor '" + key + "'");
    return it->second;
}

}  // namespace

std::string familyName(CheckpointFamily family) {
    switch (family) {
        case CheckpointFamily::Timm:
            return "timm";
        case CheckpointFamily::TorchVision:
            return "torchvision";
        case CheckpointFamily::HuggingFace:
            return "huggingface";
        case CheckpointFamily::Unknown:
            break;
    }
    return "unknown";
}

CheckpointFamily detectFamily(const TensorMap& t) {
    if (t.count("patch_embed.proj.weight") || hasPrefix(t, "blocks.0.")) return CheckpointFamily::Timm;
    if (t.count("conv_proj.weight") || hasPrefix(t, "encoder.layers.encoder_layer_"))
        return CheckpointFamily::TorchVision;
    if (hasPrefix(t, "vit.embeddings.") || hasPrefix(t, "deit.embeddings.") ||
        hasPrefix(t, "embeddings.patch_embeddings."))
        return CheckpointFamily::HuggingFace;
    return CheckpointFamily::Unknown;
}

TensorMap toTimmKeys(TensorMap tensors, CheckpointFamily family, const std::string& origin) {
    switch (family) {
        case CheckpointFamily::Timm:
            return tensors;
        case CheckpointFamily::TorchVision:
            return fromTorchVision(std::move(tensors));
        case CheckpointFamily::HuggingFace:
            return fromHuggingFace(std::move(tensors), origin);
        case CheckpointFamily::Unknown:
            break;
    }
    std::string sample;
    int n = 0;
    for (auto& [k, v] : tensors) {
        if (n++ == 5) break;
        sample += (sample.empty() ? "" : ", ") + k;
    }
    throw fileError(origin,
                    "not a ViT checkpoint this app knows (timm/DeiT, torchvision or HuggingFace keys expected; found " +
                        (sample.empty() ? std::string("no tensors") : sample) + ")");
}

ViTConfig inferConfig(const TensorMap& t, const std::string& origin) {
    const at::Tensor& patch = need(t, "patch_embed.proj.weight", origin);
    const at::Tensor& pos = need(t, "pos_embed", origin);
    const at::Tensor& head = need(t, "head.weight", origin);
    if (patch.dim() != 4 || patch.size(2) != patch.size(3))
        throw fileError(origin, "patch_embed.proj.weight is not a square conv kernel");
    if (pos.dim() != 3 || head.dim() != 2) throw fileError(origin, "pos_embed or head.weight has the wrong rank");
    ViTConfig c;
    c.embedDim = static_cast<int>(patch.size(0));
    c.inChans = static_cast<int>(patch.size(1));
    c.patchSize = static_cast<int>(patch.size(2));
    c.distilled = t.count("dist_token") != 0;
    const int64_t patches = pos.size(1) - c.numPrefixTokens();
    const auto grid = static_cast<int64_t>(std::llround(std::sqrt(static_cast<double>(std::max<int64_t>(patches, 0)))));
    if (grid * grid != patches || grid == 0)
        throw fileError(
            origin, "pos_embed has " + std::to_string(pos.size(1)) + " tokens, not a square grid plus prefix tokens");
    c.imageSize = static_cast<int>(grid * c.patchSize);
    c.depth = 0;
    while (t.count("blocks." + std::to_string(c.depth) + ".mlp.fc1.weight")) ++c.depth;
    if (c.depth == 0) throw fileError(origin, "no transformer blocks found (blocks.0.mlp.fc1.weight missing)");
    c.mlpHidden = static_cast<int>(need(t, "blocks.0.mlp.fc1.weight", origin).size(0));
    c.numClasses = static_cast<int>(head.size(0));
    c.qkvBias = t.count("blocks.0.attn.qkv.bias") != 0;
    c.pool = t.count("fc_norm.weight") ? "avg" : "token";
    c.numHeads = c.embedDim % 64 == 0 ? c.embedDim / 64 : 1;
    c.architecture = "vit_custom";
    for (const std::string& name : ViTConfig::knownArchitectures()) {
        ViTConfig preset;
        ViTConfig::fromArchitecture(name, preset);
        if (preset.embedDim == c.embedDim && preset.depth == c.depth && preset.patchSize == c.patchSize &&
            preset.imageSize == c.imageSize && preset.distilled == c.distilled && c.inChans == 3) {
            preset.numClasses = c.numClasses;
            preset.mlpHidden = c.mlpHidden;
            preset.qkvBias = c.qkvBias;
            preset.pool = c.pool;
            return preset;
        }
    }
    if (c.inChans == 1) {
        c.mean = {0.5};
        c.std = {0.5};
    }
    c.validate(origin);
    return c;
}

namespace {
// A weight as float32, refusing what would silently give NaN predictions: integer or bool data
// where floats belong (e.g. float bytes labelled I32) and non-finite values.
at::Tensor checkedWeight(const at::Tensor& raw, const std::string& key, const std::string& origin) {
    if (!at::isFloatingType(raw.scalar_type()))
        throw fileError(origin, "tensor '" + key + "' holds " + std::string(c10::toString(raw.scalar_type())) +
                                    " values where a weight needs floating point numbers");
    at::Tensor v = raw.to(at::kFloat).contiguous();
    // The sum is a cheap first test; only when it is not finite are the values looked at one by one
    // (large finite values can overflow the sum).
    if (v.numel() > 0 && !std::isfinite(v.sum().item<double>())) {
        const int64_t bad = v.numel() - at::isfinite(v).sum().item<int64_t>();
        if (bad > 0)
            throw fileError(origin, "tensor '" + key + "' has " + std::to_string(bad) + " NaN or infinite value" +
                                        (bad == 1 ? "" : "s") + " (a broken or diverged checkpoint)");
    }
    return v;
}

// SPViT's conv stand-in under its optimised checkpoint keys: bconv.0 the conv, bconv.1 an optional
// BatchNorm (eval statistics, folded into the conv here), bconv.3 the 1x1 conv back to C.
template <class Take>
void takeConvStandIn(BlockWeights& b, const std::string& p, Take& take, TensorMap& t) {
    b.convW = take(p + "attn.bconv.0.weight", false);
    b.convB = take(p + "attn.bconv.0.bias", false);
    b.convOutW = take(p + "attn.bconv.3.weight", false);
    b.convOutB = take(p + "attn.bconv.3.bias", false);
    if (b.convOutW.dim() == 4) b.convOutW = b.convOutW.flatten(1);
    const at::Tensor bnW = take(p + "attn.bconv.1.weight", true);
    if (!bnW.defined()) return;
    const at::Tensor bnB = take(p + "attn.bconv.1.bias", false), mean = take(p + "attn.bconv.1.running_mean", false),
                     var = take(p + "attn.bconv.1.running_var", false);
    t.erase(p + "attn.bconv.1.num_batches_tracked");     // an integer counter, not a weight
    const at::Tensor scale = bnW / (var + 1e-5).sqrt();  // PyTorch BatchNorm2d's default eps
    b.convW = b.convW * scale.view({-1, 1, 1, 1});
    b.convB = (b.convB - mean) * scale + bnB;
}
}  // namespace

ViTWeights takeWeights(TensorMap& t, const ViTConfig& c, const std::string& origin) {
    auto take = [&](const std::string& key, bool optional = false) -> at::Tensor {
        auto it = t.find(key);
        if (it == t.end()) {
            if (optional) return {};
            throw fileError(origin, "missing tensor '" + key + "'");
        }
        at::Tensor v = checkedWeight(it->second, key, origin);
        t.erase(it);
        return v;
    };
    ViTWeights w;
    w.patchW = take("patch_embed.proj.weight");
    w.patchB = take("patch_embed.proj.bias", true);
    w.clsToken = take("cls_token");
    w.distToken = take("dist_token", !c.distilled);
    w.posEmbed = take("pos_embed");
    for (int i = 0; i < c.depth; ++i) {
        const std::string p = "blocks." + std::to_string(i) + ".";
        BlockWeights b;
        const BlockWidth width = c.blockWidth(i);
        b.norm1W = take(p + "norm1.weight");
        b.norm1B = take(p + "norm1.bias");
        b.attentionRemoved = !width.attention;
        b.qkvW = take(p + "attn.qkv.weight", b.attentionRemoved);
        b.qkvB = take(p + "attn.qkv.bias", true);
        b.projW = take(p + "attn.proj.weight", b.attentionRemoved);
        b.projB = take(p + "attn.proj.bias", b.attentionRemoved);
        b.hallucinateW = take(p + "attn.hallucinate.weight", true);  // hMHSA (this app's key)
        b.norm2W = take(p + "norm2.weight");
        b.norm2B = take(p + "norm2.bias");
        b.fc1W = take(p + "mlp.fc1.weight");
        b.fc1B = take(p + "mlp.fc1.bias");
        b.fc2InW = take(p + "mlp.fc2_in.weight", true);  // cFFN (this app's key)
        b.fc2W = take(p + "mlp.fc2.weight");
        b.fc2B = take(p + "mlp.fc2.bias");
        b.heads = width.heads;
        b.headDim = width.qkDim;
        b.vDim = width.vDim == width.qkDim ? 0 : width.vDim;
        b.mapHeads = width.mapHeads;
        b.standIn = width.standIn;
        if (b.attentionRemoved && b.standIn == StandIn::Conv) takeConvStandIn(b, p, take, t);
        if (b.attentionRemoved) {
            b.qkvW = b.qkvB = b.projW = b.projB = at::Tensor();  // a removed sub-block computes nothing
        } else if (c.blockWidths.empty() && b.qkvW.dim() == 2 && b.qkvW.size(0) % 3 == 0 &&
                   b.qkvW.size(0) / 3 != c.embedDim) {
            // Structurally pruned checkpoints keep the head dim and drop heads.
            b.heads = static_cast<int>(b.qkvW.size(0) / 3 / b.headDim);
        }
        w.blocks.push_back(std::move(b));
    }
    if (t.count("blocks." + std::to_string(c.depth) + ".mlp.fc1.weight"))
        throw fileError(origin, "checkpoint has more blocks than the config's depth " + std::to_string(c.depth));
    w.normW = take("norm.weight", c.pool == "avg");
    w.normB = take("norm.bias", c.pool == "avg");
    w.fcNormW = take("fc_norm.weight", true);
    w.fcNormB = take("fc_norm.bias", true);
    w.headW = take("head.weight");
    w.headB = take("head.bias");
    w.headDistW = take("head_dist.weight", !c.distilled);
    w.headDistB = take("head_dist.bias", !c.distilled);
    return w;
}

TensorMap weightsToTimmKeys(const ViTWeights& w) {
    TensorMap t;
    auto put = [&](const std::string& k, const at::Tensor& v) {
        if (v.defined()) t[k] = v;
    };
    put("patch_embed.proj.weight", w.patchW);
    put("patch_embed.proj.bias", w.patchB);
    put("cls_token", w.clsToken);
    put("dist_token", w.distToken);
    put("pos_embed", w.posEmbed);
    for (size_t i = 0; i < w.blocks.size(); ++i) {
        const BlockWeights& b = w.blocks[i];
        const std::string p = "blocks." + std::to_string(i) + ".";
        put(p + "norm1.weight", b.norm1W);
        put(p + "norm1.bias", b.norm1B);
        put(p + "attn.qkv.weight", b.qkvW);
        put(p + "attn.qkv.bias", b.qkvB);
        put(p + "attn.proj.weight", b.projW);
        put(p + "attn.proj.bias", b.projB);
        put(p + "attn.hallucinate.weight", b.hallucinateW);
        put(p + "attn.bconv.0.weight", b.convW);  // SPViT's optimised conv layout (BatchNorm folded)
        put(p + "attn.bconv.0.bias", b.convB);
        if (b.convOutW.defined()) put(p + "attn.bconv.3.weight", b.convOutW.view({b.convOutW.size(0), -1, 1, 1}));
        put(p + "attn.bconv.3.bias", b.convOutB);
        put(p + "norm2.weight", b.norm2W);
        put(p + "norm2.bias", b.norm2B);
        put(p + "mlp.fc1.weight", b.fc1W);
        put(p + "mlp.fc1.bias", b.fc1B);
        put(p + "mlp.fc2_in.weight", b.fc2InW);
        put(p + "mlp.fc2.weight", b.fc2W);
        put(p + "mlp.fc2.bias", b.fc2B);
    }
    put("norm.weight", w.normW);
    put("norm.bias", w.normB);
    put("fc_norm.weight", w.fcNormW);
    put("fc_norm.bias", w.fcNormB);
    put("head.weight", w.headW);
    put("head.bias", w.headB);
    put("head_dist.weight", w.headDistW);
    put("head_dist.bias", w.headDistB);
    return t;
}

}  // namespace vp
