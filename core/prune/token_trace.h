#pragma once
// Plain-data record of what a forward did per layer. No Torch types: widgets draw from it.
#include <algorithm>
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace vp {

// Kept: own token; Merged: shares a token with other patches (ToMe); Fused: folded into a
// background token (EViT); Dropped: gone for good; Parked: set aside, skips blocks and comes back
// later (Evo-ViT placeholders); Reused: still there, but its block output was taken from the
// previous video frame instead of being computed again (Eventful Transformer's gates).
enum class PatchFate : int8_t { Kept = 0, Merged = 1, Fused = 2, Dropped = 3, Parked = 4, Reused = 5 };

struct LayerTrace {
    int layer = 0;
    std::vector<int> attnTokens;  // per sample: tokens that entered attention (prefix included)
    std::vector<int> mlpTokens;   // per sample: tokens that entered the MLP
    // Per sample: the block's MACs when the method computed the block its own way (Eventful);
    // empty: derived from the token counts (prune/flops.h).
    std::vector<double> macs;
    // Filled only at TraceLevel::Full, indexed [sample * patches + patch]:
    std::vector<int> patchToken;  // token index after this layer, -1 if dropped
    std::vector<PatchFate> fate;
    std::vector<float> tokenSize;  // size of the token the patch lives in (0 if dropped)
    std::vector<float> score;      // method's score for the patch (NaN when none)
};

enum class TraceLevel { Counts, Full };

struct TokenTrace {
    int batch = 0;
    int patches = 0;
    int gridH = 0, gridW = 0;
    int prefix = 1;
    std::vector<LayerTrace> layers;
    std::vector<double> extraMacs;  // per sample: MACs of the method's own learned parts

    // Mean over samples of patches kept (not dropped) after layer l.
    double meanTokensAfter(int layer) const;
};

inline constexpr int kPatchFates = 6;  // PatchFate::Kept .. PatchFate::Reused

// Patches per fate (indexed by PatchFate) of sample `sample` after block `layer` (clamped). A
// trace without per-patch fates (TraceLevel::Counts) counts every patch as kept. Header-only:
// the Torch-free widgets count with it too.
inline std::array<int, kPatchFates> countFates(const TokenTrace& t, int layer, int sample = 0) {
    std::array<int, kPatchFates> counts{};
    if (t.layers.empty() || t.patches <= 0) return counts;
    const LayerTrace& lt =
        t.layers[static_cast<size_t>(std::clamp<int>(layer, 0, static_cast<int>(t.layers.size()) - 1))];
    const size_t begin = static_cast<size_t>(std::max(0, sample)) * static_cast<size_t>(t.patches);
    if (lt.fate.size() < begin + t.patches) {
        counts[0] = t.patches;
        return counts;
    }
    for (size_t p = begin; p < begin + t.patches; ++p) {
        const auto f = static_cast<size_t>(lt.fate[p]);
        if (f < counts.size()) ++counts[f];
    }
    return counts;
}

}  // namespace vp
