#pragma once
// The attention views as plain data (no Torch: widgets draw it). Per block, the CLS query's
// attention of every head painted back on the original patches, and the attention rollout
// (Abnar & Zuidema 2020) through that block, read on the original patches.
//  - CLS map: a patch's value is the attention the CLS query gives the token the patch lives in
//    when the block's attention runs (patches sharing a token share the value); a patch that is
//    in no token there (dropped, or parked outside the sequence) has none (NaN).
//  - Rollout: R starts as the identity over the original tokens (prefix + patches); each block
//    fuses its heads (mean, max or min), adds the identity, renormalises the rows and multiplies:
//    R <- normalise(0.5 A + 0.5 I) R. Tokens that merged since the previous block get the
//    patch-count-weighted mean of their patches' rows. The row of CLS over the original patches
//    is shown; every patch has a value (a dropped patch keeps what it gave before it was dropped).
#include <array>
#include <cmath>
#include <vector>

#include "prune/token_trace.h"

namespace vp {

// How the rollout fuses a block's heads (vit-explain's head_fusion).
enum class HeadFusion : int { Mean = 0, Max = 1, Min = 2 };
constexpr int kHeadFusions = 3;

struct AttentionBlock {
    int layer = 0;                 // 0-based block
    int heads = 0;                 // 0: the block has no attention (removed): no CLS map, the rollout passes through
    int tokens = 0;                // tokens that entered the attention (prefix included)
    std::vector<int> token;        // per patch: its token in the attention, -1 dropped, <= -2 parked
    std::vector<PatchFate> fate;   // per patch, as it entered the attention: Kept, Merged, Fused, Dropped, Parked
    std::vector<float> cls;        // [heads * patches], head-major: CLS attention on the patch's token, NaN: none
    std::vector<float> clsMean;    // [patches]: the mean over the heads, NaN likewise
    std::vector<float> clsPrefix;  // [heads]: CLS attention on the prefix tokens (itself, a distillation token)
    // Per fusion ([int(HeadFusion)]): CLS row of the rollout through this block over the original
    // patches, and the same row's mass on the original prefix tokens (together they sum to 1).
    std::array<std::vector<float>, kHeadFusions> rollout;
    std::array<float, kHeadFusions> rolloutPrefix{};

    bool hasToken(int patch) const { return token[patch] >= 0; }
    // CLS attention of `head` (-1: the mean of the heads) on the patch's token; NaN when none.
    float clsValue(int head, int patch) const {
        if (heads <= 0) return std::nanf("");
        return head < 0 ? clsMean[patch] : cls[static_cast<size_t>(head) * token.size() + patch];
    }
    float rolloutValue(HeadFusion fusion, int patch) const { return rollout[static_cast<int>(fusion)][patch]; }
};

struct AttentionMaps {
    int gridH = 0, gridW = 0;
    int prefix = 1;
    std::vector<AttentionBlock> blocks;  // one per block, in order
    bool empty() const { return blocks.empty(); }
    int patches() const { return gridH * gridW; }
};

}  // namespace vp
