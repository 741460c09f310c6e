#include "prune/keep_masks.h"

#include "common/error.h"
#include "common/json_text.h"
#include "common/provenance.h"

namespace vp {
namespace {

constexpr int kFates = 6;
constexpr PatchFate kAllFates[kFates] = {PatchFate::Kept,    PatchFate::Merged, PatchFate::Fused,
                                         PatchFate::Dropped, PatchFate::Parked, PatchFate::Reused};

}  // namespace

const char* fateName(PatchFate fate) {
    switch (fate) {
        case PatchFate::Kept:
            return "kept";
        case PatchFate::Merged:
            return "merged";
        case PatchFate::Fused:
            return "fused";
        case PatchFate::Dropped:
            return "dropped";
        case PatchFate::Parked:
            return "parked";
        case PatchFate::Reused:
            return "reused";
    }
    return "unknown";
}

nlohmann::ordered_json keepMasksJson(const TokenTrace& trace, const KeepMasksInfo& info, int sample) {
    if (sample < 0 || sample >= trace.batch)
        throw Error(
            "keep masks: sample " + std::to_string(sample) + " outside the batch of " + std::to_string(trace.batch),
            Error::Kind::Internal);
    const size_t P = static_cast<size_t>(trace.patches);
    const size_t first = static_cast<size_t>(sample) * P;
    nlohmann::ordered_json blocks = nlohmann::ordered_json::array();
    for (size_t l = 0; l < trace.layers.size(); ++l) {
        const LayerTrace& lt = trace.layers[l];
        if (lt.fate.size() < first + P || lt.patchToken.size() < first + P)
            throw Error("keep masks: block " + std::to_string(l) +
                            " has no per-patch fates (the forward was traced at the Counts level)",
                        Error::Kind::Internal);
        int counts[kFates] = {0};
        nlohmann::ordered_json fates = nlohmann::ordered_json::array(), tokens = nlohmann::ordered_json::array();
        for (size_t p = first; p < first + P; ++p) {
            const int f = static_cast<int>(lt.fate[p]);
            if (f < 0 || f >= kFates)
                throw Error("keep masks: block " + std::to_string(l) + " has an unknown fate " + std::to_string(f),
                            Error::Kind::Internal);
            ++counts[f];
            fates.push_back(fateName(lt.fate[p]));
            tokens.push_back(lt.patchToken[p]);
        }
        nlohmann::ordered_json countJson = nlohmann::ordered_json::object();
        for (PatchFate f : kAllFates) countJson[fateName(f)] = counts[static_cast<int>(f)];
        const int mlp = static_cast<size_t>(sample) < lt.mlpTokens.size() ? lt.mlpTokens[sample] - trace.prefix : -1;
        blocks.push_back({{"block", static_cast<int>(l)},
                          {"tokens", mlp},
                          {"counts", countJson},
                          {"fate", fates},
                          {"token", tokens}});
    }
    nlohmann::ordered_json settings = nlohmann::ordered_json::object();
    for (const auto& [k, v] : info.settings) settings[k] = v;
    nlohmann::ordered_json fateNames = nlohmann::ordered_json::array();
    for (PatchFate f : kAllFates) fateNames.push_back(fateName(f));
    nlohmann::ordered_json j{{"format", "vitprune-keep-masks/1"},
                             {"model", info.model},
                             {"image", info.image},
                             {"method", info.method},
                             {"settings", settings},
                             {"gmacs", info.gmacs}};
    if (info.denseGmacs >= 0) j["dense_gmacs"] = info.denseGmacs;
    j["grid"] = {{"height", trace.gridH}, {"width", trace.gridW}};
    j["patches"] = trace.patches;
    j["prefix_tokens"] = trace.prefix;
    j["fates"] = fateNames;
    j["provenance"] = provenanceJson(info.device);
    j["blocks"] = blocks;
    return j;
}

std::string keepMasksText(const TokenTrace& trace, const KeepMasksInfo& info, int sample) {
    return jsonText(keepMasksJson(trace, info, sample), 1) + "\n";
}

}  // namespace vp
