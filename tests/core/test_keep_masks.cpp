// Per-block keep masks (prune/keep_masks.h) from a hand-made trace: fate names, token indices,
// counts per fate (merged and fused never counted as kept) and the header.
#include <gtest/gtest.h>

#include "common/error.h"
#include "prune/keep_masks.h"

namespace {

using vp::PatchFate;

// Two samples of a 2×2 grid, two blocks; sample 1 differs so picking the sample is checked.
vp::TokenTrace makeTrace() {
    vp::TokenTrace t;
    t.batch = 2;
    t.patches = 4;
    t.gridH = t.gridW = 2;
    t.prefix = 1;
    vp::LayerTrace a;
    a.layer = 0;
    a.mlpTokens = {5, 4};
    a.fate = {PatchFate::Kept, PatchFate::Kept,   PatchFate::Kept,   PatchFate::Kept,
              PatchFate::Kept, PatchFate::Merged, PatchFate::Merged, PatchFate::Kept};
    a.patchToken = {1, 2, 3, 4, 1, 2, 2, 3};
    vp::LayerTrace b;
    b.layer = 1;
    b.mlpTokens = {3, 2};
    b.fate = {PatchFate::Kept,   PatchFate::Fused,  PatchFate::Fused,   PatchFate::Dropped,
              PatchFate::Parked, PatchFate::Reused, PatchFate::Dropped, PatchFate::Kept};
    b.patchToken = {1, 2, 2, -1, -2, 1, -1, 2};
    t.layers = {a, b};
    return t;
}

TEST(KeepMasks, BlocksFatesTokensAndCounts) {
    vp::KeepMasksInfo info;
    info.model = "fashion-vit-tiny";
    info.image = "x.png";
    info.method = "evit";
    info.settings = {{"keep", "0.5"}};
    info.gmacs = 0.1;
    info.denseGmacs = 0.2;
    const auto j = vp::keepMasksJson(makeTrace(), info);
    EXPECT_EQ(j["format"], "vitprune-keep-masks/1");
    EXPECT_EQ(j["settings"]["keep"], "0.5");
    EXPECT_EQ(j["grid"]["height"], 2);
    EXPECT_EQ(j["patches"], 4);
    EXPECT_DOUBLE_EQ(j["dense_gmacs"].get<double>(), 0.2);
    EXPECT_TRUE(j["provenance"].is_object());
    ASSERT_EQ(j["blocks"].size(), 2u);
    const auto& b1 = j["blocks"][1];
    EXPECT_EQ(b1["block"], 1);
    EXPECT_EQ(b1["tokens"], 2);
    EXPECT_EQ(b1["fate"], nlohmann::json({"kept", "fused", "fused", "dropped"}));
    EXPECT_EQ(b1["token"], nlohmann::json({1, 2, 2, -1}));
    EXPECT_EQ(b1["counts"]["kept"], 1);
    EXPECT_EQ(b1["counts"]["fused"], 2);
    EXPECT_EQ(b1["counts"]["dropped"], 1);
    EXPECT_EQ(b1["counts"]["merged"], 0);
    EXPECT_EQ(b1["counts"]["parked"], 0);
    EXPECT_EQ(b1["counts"]["reused"], 0);

    const auto s1 = vp::keepMasksJson(makeTrace(), info, 1);
    EXPECT_EQ(s1["blocks"][0]["counts"]["kept"], 2);
    EXPECT_EQ(s1["blocks"][0]["counts"]["merged"], 2);  // never counted as kept
    EXPECT_EQ(s1["blocks"][1]["fate"], nlohmann::json({"parked", "reused", "dropped", "kept"}));
    EXPECT_EQ(s1["blocks"][1]["token"][0], -2);
    for (const auto& block : s1["blocks"]) {
        int sum = 0;
        for (const auto& [name, n] : block["counts"].items()) sum += n.get<int>();
        EXPECT_EQ(sum, 4);
    }
    info.denseGmacs = -1;
    EXPECT_FALSE(vp::keepMasksJson(makeTrace(), info).contains("dense_gmacs"));
    const std::string text = vp::keepMasksText(makeTrace(), info);
    EXPECT_EQ(text.back(), '\n');
    EXPECT_EQ(nlohmann::json::parse(text)["blocks"][0]["fate"][0], "kept");
}

TEST(KeepMasks, CountsLevelTracesAndBadSamplesAreRefused) {
    vp::TokenTrace t = makeTrace();
    EXPECT_THROW(vp::keepMasksJson(t, {}, 2), vp::Error);
    t.layers[1].fate.clear();
    try {
        vp::keepMasksJson(t, {});
        FAIL() << "no error";
    } catch (const vp::Error& e) {
        EXPECT_NE(std::string(e.what()).find("block 1"), std::string::npos) << e.what();
    }
}

}  // namespace
