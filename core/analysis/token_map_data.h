#pragma once
// The token map as plain data (no Torch: widgets draw it). Per block, every original patch gets
// the colour of the token it lives in after that block: the token's features projected on the
// first three principal components of the DENSE model's patch tokens at that block (one fit per
// block and image), scaled to 0..255 by the dense projection's 2nd..98th percentiles. Patches
// that share a token (ToMe merges, EViT's fused token) share the colour bit for bit.
#include <cstdint>
#include <vector>

namespace vp {

struct TokenMapLayer {
    int layer = 0;              // 0-based block
    std::vector<uint32_t> rgb;  // per patch (row-major): 0xRRGGBB; 0 where the patch has no token
    std::vector<int> token;     // per patch: token index (prefix tokens counted), -1 dropped,
                                // ≤ -2 parked outside the sequence (Evo-ViT placeholders)
    bool hasToken(int patch) const { return token[patch] >= 0; }
    bool dropped(int patch) const { return token[patch] == -1; }
};

struct TokenMap {
    int gridH = 0, gridW = 0;
    std::vector<TokenMapLayer> layers;  // one per block, in order
    bool empty() const { return layers.empty(); }
    int patches() const { return gridH * gridW; }
};

inline uint32_t packRgb(uint8_t r, uint8_t g, uint8_t b) {
    return (uint32_t(r) << 16) | (uint32_t(g) << 8) | uint32_t(b);
}

}  // namespace vp
