#include "model/vit_config.h"

#include <nlohmann/json.hpp>

#include <climits>
#include <functional>
#include <cmath>
#include <optional>
#include <stdexcept>
#include <type_traits>

#include "common/error.h"

namespace vp {
namespace {

struct Preset {
    const char* name;
    int embed, depth, heads, patch, image;
    bool distilled;
};
constexpr Preset kPresets[] = {
    {"deit_tiny_patch16_224", 192, 12, 3, 16, 224, false},
    {"deit_small_patch16_224", 384, 12, 6, 16, 224, false},
    {"deit_base_patch16_224", 768, 12, 12, 16, 224, false},
    {"deit_base_patch16_384", 768, 12, 12, 16, 384, false},
    {"deit_tiny_distilled_patch16_224", 192, 12, 3, 16, 224, true},
    {"deit_small_distilled_patch16_224", 384, 12, 6, 16, 224, true},
    {"deit_base_distilled_patch16_224", 768, 12, 12, 16, 224, true},
    {"vit_tiny_patch16_224", 192, 12, 3, 16, 224, false},
    {"vit_small_patch16_224", 384, 12, 6, 16, 224, false},
    {"vit_base_patch16_224", 768, 12, 12, 16, 224, false},
    {"vit_base_patch32_224", 768, 12, 12, 32, 224, false},
    {"vit_large_patch16_224", 1024, 24, 16, 16, 224, false},
};

// An int field: a JSON integer within int's range. (nlohmann's get<int> of 4294967312 wraps to
// 16, and of a larger number is undefined behaviour; the fuzzer found both.)
int toInt(const nlohmann::json& v, const std::string& key) {
    if (!v.is_number_integer()) throw std::invalid_argument("'" + key + "' is not an integer");
    const bool fits = v.is_number_unsigned() ? v.get<uint64_t>() <= uint64_t(INT_MAX)
                                             : v.get<int64_t>() >= INT_MIN && v.get<int64_t>() <= INT_MAX;
    if (!fits) throw std::invalid_argument("'" + key + "' is out of range");
    return static_cast<int>(v.get<int64_t>());
}

template <typename T>
T get(const nlohmann::json& j, const char* key, T fallback) {
    auto it = j.find(key);
    if (it == j.end() || it->is_null()) return fallback;
    if constexpr (std::is_same_v<T, int>)
        return toInt(*it, key);
    else
        return it->get<T>();
}

// A class index as written in id2label: decimal digits only (no sign, no spaces).
std::optional<int64_t> parseIndex(const std::string& key) {
    if (key.empty() || key.size() > 9) return std::nullopt;
    int64_t v = 0;
    for (char ch : key) {
        if (ch < '0' || ch > '9') return std::nullopt;
        v = v * 10 + (ch - '0');
    }
    return v;
}

ViTConfig fromHuggingFace(const nlohmann::json& j, const std::string& origin) {
    ViTConfig c;
    c.architecture = "hf_vit";
    c.embedDim = get(j, "hidden_size", 768);
    c.depth = get(j, "num_hidden_layers", 12);
    c.numHeads = get(j, "num_attention_heads", 12);
    c.mlpHidden = get(j, "intermediate_size", 3072);
    c.imageSize = get(j, "image_size", 224);
    c.patchSize = get(j, "patch_size", 16);
    c.inChans = get(j, "num_channels", 3);
    c.lnEps = get(j, "layer_norm_eps", 1e-12);
    c.qkvBias = get(j, "qkv_bias", true);
    c.interpolation = "bilinear";
    c.cropPct = 1.0;
    c.mean = {0.5, 0.5, 0.5};
    c.std = {0.5, 0.5, 0.5};
    if (auto it = j.find("id2label"); it != j.end() && it->is_object()) {
        // Keys are class indices "0".."N-1": each exactly once, so the names cannot outnumber
        // the entries (a key like "-1" or "100000000" is refused, not used as an index).
        c.labelNames.assign(it->size(), "");
        std::vector<bool> seen(it->size(), false);
        for (auto& [k, v] : it->items()) {
            const std::optional<int64_t> idx = parseIndex(k);
            if (!idx || *idx >= static_cast<int64_t>(it->size()))
                throw fileError(origin, "invalid config: id2label key '" + k.substr(0, 40) +
                                            "' is not a class index 0.." + std::to_string(it->size() - 1));
            if (!v.is_string()) throw fileError(origin, "invalid config: id2label['" + k + "'] is not a string");
            if (seen[static_cast<size_t>(*idx)])
                throw fileError(origin, "invalid config: id2label names class " + std::to_string(*idx) + " twice");
            c.labelNames[static_cast<size_t>(*idx)] = v.get<std::string>();
            seen[static_cast<size_t>(*idx)] = true;
        }
        c.numClasses = static_cast<int>(c.labelNames.size());
    }
    return c;
}

}  // namespace

std::string ViTConfig::label(int index) const {
    if (index >= 0 && index < static_cast<int>(labelNames.size())) return labelNames[index];
    return "class " + std::to_string(index);
}

std::string standInName(StandIn s) {
    switch (s) {
        case StandIn::Identity:
            return "identity";
        case StandIn::Conv:
            return "conv";
        case StandIn::Double:
            break;
    }
    return "double";
}

StandIn standInFromName(const std::string& name, const std::string& origin) {
    for (StandIn s : {StandIn::Double, StandIn::Identity, StandIn::Conv})
        if (name == standInName(s)) return s;
    throw fileError(origin, "invalid config: stand_in '" + name + "' (double, identity or conv)");
}

BlockWidth ViTConfig::blockWidth(int i) const {
    if (i >= 0 && i < static_cast<int>(blockWidths.size())) return blockWidths[i];
    const int d = numHeads > 0 ? embedDim / numHeads : 0;
    return {numHeads, d, d, mlpHidden, true};
}

namespace {
void validateBlockWidths(const ViTConfig& c, const std::function<void(const std::string&)>& bad) {
    if (c.blockWidths.empty()) return;
    if (static_cast<int>(c.blockWidths.size()) != c.depth)
        bad(std::to_string(c.blockWidths.size()) + " block_widths for depth " + std::to_string(c.depth));
    for (size_t i = 0; i < c.blockWidths.size(); ++i) {
        const BlockWidth& w = c.blockWidths[i];
        const std::string at = "block_widths[" + std::to_string(i) + "]: ";
        if (w.mlpHidden <= 0 || w.mlpHidden > 65536) bad(at + "mlp_hidden " + std::to_string(w.mlpHidden));
        if (w.fc2Rank < 0 || w.fc2Rank > 65536) bad(at + "fc2_rank " + std::to_string(w.fc2Rank));
        if (!w.attention) {
            if (w.standIn == StandIn::Conv && (w.convKernel <= 0 || w.convKernel % 2 == 0 || w.convKernel > 15))
                bad(at + "conv_kernel " + std::to_string(w.convKernel) + " (odd, 1-15)");
            if (w.standIn == StandIn::Conv && (w.convDim <= 0 || w.convDim > 65536))
                bad(at + "conv_dim " + std::to_string(w.convDim));
            continue;
        }
        if (w.heads <= 0 || w.heads > 4096) bad(at + "heads " + std::to_string(w.heads));
        if (w.qkDim <= 0 || w.qkDim > 4096) bad(at + "qk_dim " + std::to_string(w.qkDim));
        if (w.vDim <= 0 || w.vDim > 4096) bad(at + "v_dim " + std::to_string(w.vDim));
        if (w.mapHeads < 0 || w.mapHeads > w.heads) bad(at + "map_heads " + std::to_string(w.mapHeads));
    }
}
}  // namespace

void ViTConfig::validate(const std::string& origin) const {
    auto bad = [&](const std::string& what) { throw fileError(origin, "invalid config: " + what); };
    if (patchSize <= 0 || patchSize > 1024) bad("patch_size " + std::to_string(patchSize));
    if (imageSize <= 0 || imageSize > 8192) bad("image size " + std::to_string(imageSize));
    if (imageSize % patchSize != 0)
        bad("image size " + std::to_string(imageSize) + " is not a multiple of patch size " +
            std::to_string(patchSize));
    if (inChans != 1 && inChans != 3) bad("input channels " + std::to_string(inChans));
    if (embedDim <= 0 || embedDim > 16384) bad("embed_dim " + std::to_string(embedDim));
    if (depth <= 0 || depth > 256) bad("depth " + std::to_string(depth));
    // A pruned embedding dimension need not divide by the original head count (block_widths say
    // the real widths).
    if (numHeads <= 0 || (blockWidths.empty() && embedDim % numHeads != 0))
        bad("num_heads " + std::to_string(numHeads) + " does not divide embed_dim " + std::to_string(embedDim));
    if (mlpHidden <= 0 || mlpHidden > 65536) bad("mlp hidden " + std::to_string(mlpHidden));
    if (numClasses <= 0 || numClasses > 100000) bad("num_classes " + std::to_string(numClasses));
    if (pool != "token" && pool != "avg") bad("global_pool '" + pool + "'");
    // A non-positive eps makes LayerNorm divide by zero on a constant row (NaN predictions).
    if (!(lnEps > 0) || !std::isfinite(lnEps) || lnEps > 1.0)
        bad("layer_norm_eps " + std::to_string(lnEps) + " must be a small positive number");
    if (cropPct <= 0 || cropPct > 1.0) bad("crop_pct " + std::to_string(cropPct));
    if (mean.size() != static_cast<size_t>(inChans) && mean.size() != 3) bad("mean length");
    if (std.size() != mean.size()) bad("std length differs from mean length");
    for (double s : std)
        if (s <= 0) bad("std must be positive");
    if (!labelNames.empty() && labelNames.size() != static_cast<size_t>(numClasses))
        bad(std::to_string(labelNames.size()) + " label_names for " + std::to_string(numClasses) + " classes");
    validateBlockWidths(*this, bad);
}

ViTConfig ViTConfig::fromJsonText(const std::string& text, const std::string& origin) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const std::exception& e) {
        throw fileError(origin, std::string("config is not valid JSON: ") + e.what());
    }
    if (!j.is_object()) throw fileError(origin, "config is not a JSON object");
    try {
        if (j.value("model_type", "") == "vit") {
            ViTConfig c = fromHuggingFace(j, origin);
            c.validate(origin);
            return c;
        }
        ViTConfig c;
        std::string arch = j.value("architecture", "");
        if (!arch.empty() && !fromArchitecture(arch, c)) c.architecture = arch;
        // Explicit shape fields (ours and timm's pretrained_cfg / model_args) override the preset.
        const nlohmann::json* args = &j;
        if (auto it = j.find("model_args"); it != j.end() && it->is_object()) args = &*it;
        c.patchSize = get(*args, "patch_size", c.patchSize);
        c.embedDim = get(*args, "embed_dim", c.embedDim);
        c.depth = get(*args, "depth", c.depth);
        c.numHeads = get(*args, "num_heads", c.numHeads);
        if (args->contains("mlp_ratio")) {
            const double ratio = (*args)["mlp_ratio"].get<double>();
            // Bounded so that the product fits an int; validate() then checks the hidden width
            // (a config we write, e.g. embed 24 with hidden 3072, has ratio 128: fuzz_config).
            if (!std::isfinite(ratio) || ratio <= 0 || ratio > 65536)
                throw fileError(origin, "invalid config: mlp_ratio " + std::to_string(ratio) + " is not in (0, 65536]");
            c.mlpHidden = static_cast<int>(c.embedDim * ratio);
        }
        c.mlpHidden = get(*args, "mlp_hidden", c.mlpHidden);
        c.qkvBias = get(*args, "qkv_bias", c.qkvBias);
        c.pool = get<std::string>(*args, "global_pool", c.pool);
        c.distilled = get(j, "distilled", c.distilled);
        const nlohmann::json& pc = j.contains("pretrained_cfg") ? j["pretrained_cfg"] : j;
        c.numClasses = get(j, "num_classes", get(pc, "num_classes", c.numClasses));
        if (auto it = pc.find("input_size"); it != pc.end() && it->is_array() && it->size() == 3) {
            c.inChans = toInt((*it)[0], "input_size[0]");
            c.imageSize = toInt((*it)[1], "input_size[1]");
            if (toInt((*it)[2], "input_size[2]") != c.imageSize)
                throw fileError(origin, "only square input_size is supported");
        }
        c.cropPct = get(pc, "crop_pct", c.cropPct);
        c.interpolation = get<std::string>(pc, "interpolation", c.interpolation);
        c.mean = get(pc, "mean", c.mean);
        c.std = get(pc, "std", c.std);
        c.labelNames = get(j, "label_names", get(pc, "label_names", c.labelNames));
        c.lnEps = get(j, "layer_norm_eps", c.lnEps);
        c.reportedAccuracy = get(j, "top1_accuracy", -1.0);
        if (auto it = j.find("block_widths"); it != j.end() && it->is_array())
            for (const nlohmann::json& b : *it) {
                if (!b.is_object()) throw std::invalid_argument("block_widths entries must be objects");
                BlockWidth w{get(b, "heads", 0),      get(b, "qk_dim", 0),       get(b, "v_dim", 0),
                             get(b, "mlp_hidden", 0), get(b, "attention", true), get(b, "map_heads", 0),
                             get(b, "fc2_rank", 0)};
                w.standIn = standInFromName(get<std::string>(b, "stand_in", "double"), origin);
                w.convKernel = get(b, "conv_kernel", 0);
                w.convDim = get(b, "conv_dim", 0);
                c.blockWidths.push_back(w);
            }
        c.prunedBy = get<std::string>(j, "pruned_by", "");
        c.validate(origin);
        return c;
    } catch (const Error&) {
        throw;
    } catch (const std::exception& e) {
        throw fileError(origin, std::string("config field has the wrong type: ") + e.what());
    }
}

std::string ViTConfig::toJsonText() const {
    nlohmann::ordered_json j;
    j["architecture"] = architecture;
    j["num_classes"] = numClasses;
    j["input_size"] = {inChans, imageSize, imageSize};
    j["patch_size"] = patchSize;
    j["embed_dim"] = embedDim;
    j["depth"] = depth;
    j["num_heads"] = numHeads;
    j["mlp_hidden"] = mlpHidden;
    j["mlp_ratio"] = static_cast<double>(mlpHidden) / embedDim;
    j["qkv_bias"] = qkvBias;
    j["global_pool"] = pool;
    j["distilled"] = distilled;
    j["layer_norm_eps"] = lnEps;
    j["crop_pct"] = cropPct;
    j["interpolation"] = interpolation;
    j["mean"] = mean;
    j["std"] = std;
    if (!labelNames.empty()) j["label_names"] = labelNames;
    if (reportedAccuracy >= 0) j["top1_accuracy"] = reportedAccuracy;
    if (!prunedBy.empty()) j["pruned_by"] = prunedBy;
    for (const BlockWidth& b : blockWidths) {
        nlohmann::ordered_json e{{"heads", b.heads},
                                 {"qk_dim", b.qkDim},
                                 {"v_dim", b.vDim},
                                 {"mlp_hidden", b.mlpHidden},
                                 {"attention", b.attention}};
        if (b.mapHeads > 0 && b.mapHeads < b.heads) e["map_heads"] = b.mapHeads;                   // hMHSA
        if (b.fc2Rank > 0) e["fc2_rank"] = b.fc2Rank;                                              // cFFN
        if (!b.attention && b.standIn != StandIn::Double) e["stand_in"] = standInName(b.standIn);  // SPViT
        if (!b.attention && b.standIn == StandIn::Conv) {
            e["conv_kernel"] = b.convKernel;
            e["conv_dim"] = b.convDim;
        }
        j["block_widths"].push_back(std::move(e));
    }
    return j.dump(2) + "\n";
}

bool ViTConfig::fromArchitecture(const std::string& name, ViTConfig& out) {
    for (const Preset& p : kPresets) {
        if (name != p.name) continue;
        ViTConfig c;
        c.architecture = name;
        c.embedDim = p.embed;
        c.depth = p.depth;
        c.numHeads = p.heads;
        c.mlpHidden = 4 * p.embed;
        c.patchSize = p.patch;
        c.imageSize = p.image;
        c.distilled = p.distilled;
        if (name.rfind("vit_", 0) == 0) {  // AugReg ViTs: inception mean/std, crop 0.9
            c.mean = {0.5, 0.5, 0.5};
            c.std = {0.5, 0.5, 0.5};
            c.cropPct = 0.9;
        }
        out = c;
        return true;
    }
    return false;
}

std::vector<std::string> ViTConfig::knownArchitectures() {
    std::vector<std::string> names;
    for (const Preset& p : kPresets) names.push_back(p.name);
    return names;
}

}  // namespace vp
