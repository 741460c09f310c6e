// Token map (core/analysis/token_map): per-block PCA of the dense model's patch tokens, colours
// of a pruned forward's tokens painted back on the patch grid.
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "analysis/token_map.h"
#include "common/error.h"
#include "model/model_loader.h"
#include "prune/registry.h"
#include "support/small_vit.h"

namespace {

vp::ViTConfig smallConfig() {
    vp::ViTConfig c = vp::test::smallConfig(6);
    return c;
}

vp::MethodPtr method(const std::string& id, std::map<std::string, std::string> knobs = {}) {
    vp::KnobValues v;
    for (const auto& [k, value] : knobs) v.set(k, value);
    return vp::builtinRegistry().create(id, v);
}

struct TokenMapTest : ::testing::Test {
    c10::InferenceMode guard;
    vp::ViTModel model = vp::randomModel(smallConfig(), 3);
    at::Tensor image = seededImage();
    static at::Tensor seededImage() {
        at::manual_seed(7);
        return at::randn({1, 1, 28, 28}) * 0.8;
    }
    vp::TokenMap run(vp::PruneMethod& m, const vp::TokenMapFit& fit, vp::TokenTrace* trace = nullptr) {
        std::vector<at::Tensor> tokens;
        const vp::ForwardOptions options{.trace = vp::TraceLevel::Full, .layerTokens = &tokens};
        vp::ForwardResult out = model.forward(image, m, options);
        if (trace) *trace = out.trace;
        return vp::projectTokenMap(fit, tokens, out.trace);
    }
};

TEST_F(TokenMapTest, ForwardHandsOutEveryBlocksTokensOnlyWhenAsked) {
    std::vector<at::Tensor> tokens;
    auto tome = method("tome", {{"r", "4"}});
    const vp::ForwardOptions options{.trace = vp::TraceLevel::Counts, .layerTokens = &tokens};
    const vp::ForwardResult with = model.forward(image, *tome, options);
    ASSERT_EQ(tokens.size(), 6u);
    for (size_t l = 0; l < tokens.size(); ++l)  // r = 4 merges per block: 50, 46, 42, ... tokens
        EXPECT_EQ(tokens[l].sizes().vec(), (std::vector<int64_t>{1, 50 - 4 * static_cast<int64_t>(l + 1), 32}));
    const vp::ForwardResult without = model.forward(image, *tome);
    EXPECT_TRUE(at::equal(with.logits, without.logits));
}

TEST_F(TokenMapTest, ColoursAreDeterministicBitForBit) {
    const vp::TokenMapFit a = vp::fitTokenMap(model, image);
    const vp::TokenMapFit b = vp::fitTokenMap(model, image);
    ASSERT_EQ(a.layers.size(), 6u);
    for (size_t l = 0; l < a.layers.size(); ++l) {
        EXPECT_TRUE(at::equal(a.layers[l].components, b.layers[l].components));
        EXPECT_TRUE(at::equal(a.layers[l].lo, b.layers[l].lo));
        // Sign convention: each component's largest-|loading| entry is positive.
        const at::Tensor c = a.layers[l].components;
        for (int k = 0; k < 3; ++k) {
            const at::Tensor col = c.select(1, k);
            EXPECT_GT(col[col.abs().argmax()].item<double>(), 0) << "layer " << l << " component " << k;
        }
        // Orthonormal directions.
        EXPECT_TRUE(at::allclose(c.t().mm(c), at::eye(3, c.options()), 1e-9, 1e-9));
    }
    auto m1 = method("tome", {{"r", "6"}});
    auto m2 = method("tome", {{"r", "6"}});
    const vp::TokenMap x = run(*m1, a), y = run(*m2, b);
    ASSERT_EQ(x.layers.size(), y.layers.size());
    for (size_t l = 0; l < x.layers.size(); ++l) {
        EXPECT_EQ(x.layers[l].rgb, y.layers[l].rgb);
        EXPECT_EQ(x.layers[l].token, y.layers[l].token);
    }
}

TEST_F(TokenMapTest, DenseOnDenseCoversTheGridAndSpansTheColourScale) {
    const vp::TokenMapFit fit = vp::fitTokenMap(model, image);
    auto dense = method("dense");
    const vp::TokenMap map = run(*dense, fit);
    EXPECT_EQ(map.gridH, 7);
    EXPECT_EQ(map.gridW, 7);
    ASSERT_EQ(map.layers.size(), 6u);
    for (const vp::TokenMapLayer& l : map.layers) {
        ASSERT_EQ(l.rgb.size(), 49u);
        std::set<uint32_t> distinct(l.rgb.begin(), l.rgb.end());
        EXPECT_GT(distinct.size(), 40u) << "block " << l.layer;  // one token per patch, each its colour
        for (int c = 0; c < 3; ++c) {
            int lo = 255, hi = 0;
            for (int p = 0; p < 49; ++p) {
                EXPECT_TRUE(l.hasToken(p));
                EXPECT_EQ(l.token[p], p + 1);  // CLS first, patches in order
                const int v = (l.rgb[p] >> (16 - 8 * c)) & 0xff;
                lo = std::min(lo, v);
                hi = std::max(hi, v);
            }
            // The scale is the dense projection's 2nd..98th percentile: its extremes saturate.
            EXPECT_EQ(lo, 0) << "block " << l.layer << " channel " << c;
            EXPECT_EQ(hi, 255) << "block " << l.layer << " channel " << c;
        }
    }
}

TEST_F(TokenMapTest, MergedTokenPaintsAllItsPatchesAlike) {
    const vp::TokenMapFit fit = vp::fitTokenMap(model, image);
    auto tome = method("tome", {{"r", "6"}});
    vp::TokenTrace trace;
    const vp::TokenMap map = run(*tome, fit, &trace);
    ASSERT_EQ(map.layers.size(), 6u);
    int mergedGroups = 0;
    for (size_t l = 0; l < map.layers.size(); ++l) {
        const vp::TokenMapLayer& layer = map.layers[l];
        std::map<int, std::vector<int>> patchesOf;
        for (int p = 0; p < 49; ++p) {
            ASSERT_TRUE(layer.hasToken(p));  // merging drops nothing
            EXPECT_EQ(layer.token[p], trace.layers[l].patchToken[p]);
            patchesOf[layer.token[p]].push_back(p);
        }
        for (const auto& [token, patches] : patchesOf) {
            if (patches.size() < 2) continue;
            ++mergedGroups;
            for (int p : patches) EXPECT_EQ(layer.rgb[p], layer.rgb[patches.front()]) << "token " << token;
        }
    }
    EXPECT_GT(mergedGroups, 10);
}

TEST_F(TokenMapTest, DroppedPatchesAreMarkedAndFusedOnesShareTheFusedColour) {
    const vp::TokenMapFit fit = vp::fitTokenMap(model, image);
    auto topk = method("attn-topk", {{"keep", "0.5"}, {"locations", "1,3"}});
    vp::TokenTrace trace;
    vp::TokenMap map = run(*topk, fit, &trace);
    const vp::TokenMapLayer& last = map.layers.back();
    int dropped = 0;
    for (int p = 0; p < 49; ++p) {
        const bool gone = trace.layers.back().fate[p] == vp::PatchFate::Dropped;
        EXPECT_EQ(last.dropped(p), gone);
        if (gone) EXPECT_EQ(last.rgb[p], 0u);
        dropped += gone;
    }
    EXPECT_EQ(dropped, 49 - 13);                                          // ceil(.5 * 49) = 25, then ceil(.5 * 25) = 13
    for (int p = 0; p < 49; ++p) EXPECT_TRUE(map.layers[0].hasToken(p));  // nothing before block 1

    auto evit = method("evit", {{"keep", "0.5"}, {"locations", "1"}, {"fuse", "true"}});
    map = run(*evit, fit, &trace);
    std::set<uint32_t> fusedColours;
    int fused = 0;
    for (int p = 0; p < 49; ++p) {
        EXPECT_TRUE(map.layers[2].hasToken(p));
        if (trace.layers[2].fate[p] != vp::PatchFate::Fused) continue;
        ++fused;
        fusedColours.insert(map.layers[2].rgb[p]);
    }
    EXPECT_EQ(fused, 49 - 25);
    EXPECT_EQ(fusedColours.size(), 1u);

    auto evitDrop = method("evit", {{"keep", "0.5"}, {"locations", "1"}, {"fuse", "false"}});
    map = run(*evitDrop, fit, &trace);
    int marked = 0;
    for (int p = 0; p < 49; ++p) marked += map.layers[2].dropped(p);
    EXPECT_EQ(marked, 49 - 25);
}

TEST_F(TokenMapTest, WidthMismatchIsAnError) {
    const vp::TokenMapFit fit = vp::fitTokenMap(model, image);
    vp::ViTConfig wide = smallConfig();
    wide.embedDim = 48;
    const vp::ViTModel other = vp::randomModel(wide, 1);
    auto dense = method("dense");
    EXPECT_THROW(vp::tokenMap(other, *dense, image, fit), vp::Error);
}

}  // namespace
