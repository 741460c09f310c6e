// ToMe's rules pinned on hand-made tokens (facebookresearch/ToMe merge.py): A/B alternation,
// CLS protection, which r edges merge, size-weighted averages, proportional attention, sources.
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include "model/model_loader.h"
#include "prune/flops.h"
#include "prune/registry.h"
#include "support/small_vit.h"

namespace {

vp::MethodPtr tome(int r, bool prop = true) {
    vp::KnobValues v;
    v.set("r", std::to_string(r));
    v.set("prop_attn", prop ? "true" : "false");
    return vp::builtinRegistry().create("tome", v);
}

// Tokens 0..4 (0 = CLS). A = {0, 2, 4}, B = {1, 3}. Keys chosen so that token 2 is closest to
// token 3 (cos 0.99), token 4 to token 1 (cos 0.8), and the CLS key equals token 1's exactly.
vp::TokenState handMadeState(vp::AttnContext& ctx) {
    vp::TokenState s;
    s.prefix = 1;
    s.x = at::arange(5 * 2, at::kFloat).view({1, 5, 2});
    s.patchToToken = at::arange(1, 5, at::kLong).view({1, 4});
    ctx.keysMean = at::tensor({1.f, 0.f, 1.f, 0.f, 0.f, 1.f, 0.14f, 0.99f, 0.8f, 0.6f}).view({1, 5, 2});
    return s;
}

TEST(Tome, MergesTheBestEdgeAndNeverTheClsToken) {
    vp::AttnContext ctx;
    vp::TokenState s = handMadeState(ctx);
    auto m = tome(1);
    m->reduce(0, ctx, s);
    ASSERT_EQ(s.tokens(), 4);
    // Token 2 merged into token 3 (best edge, 0.99). Output order: unmerged A (0, 4), then B (1, 3).
    const at::Tensor x = s.x[0];
    EXPECT_TRUE(at::allclose(x[0], at::tensor({0.f, 1.f})));  // CLS untouched
    EXPECT_TRUE(at::allclose(x[1], at::tensor({8.f, 9.f})));  // token 4
    EXPECT_TRUE(at::allclose(x[2], at::tensor({2.f, 3.f})));  // token 1
    EXPECT_TRUE(at::allclose(x[3], at::tensor({5.f, 6.f})));  // mean of tokens 2 and 3
    EXPECT_TRUE(at::equal(s.size, at::tensor({1.f, 1.f, 1.f, 2.f}).view({1, 4})));
    // Patches 1..4 are tokens 1..4: token1→2, token2→3, token3→3, token4→1.
    EXPECT_TRUE(at::equal(s.patchToToken, at::tensor({2L, 3L, 3L, 1L}).view({1, 4})));
}

TEST(Tome, TwoEdgesAndSizeWeightedAverage) {
    vp::AttnContext ctx;
    vp::TokenState s = handMadeState(ctx);
    s.size = at::tensor({1.f, 3.f, 1.f, 1.f, 1.f}).view({1, 5});  // token 1 already holds 3 patches
    auto m = tome(2);
    m->reduce(0, ctx, s);
    ASSERT_EQ(s.tokens(), 3);
    const at::Tensor x = s.x[0];
    EXPECT_TRUE(at::allclose(x[0], at::tensor({0.f, 1.f})));
    // token 4 (size 1) into token 1 (size 3): (3*[2,3] + [8,9]) / 4
    EXPECT_TRUE(at::allclose(x[1], at::tensor({3.5f, 4.5f})));
    EXPECT_TRUE(at::allclose(x[2], at::tensor({5.f, 6.f})));
    EXPECT_TRUE(at::equal(s.size, at::tensor({1.f, 4.f, 2.f}).view({1, 3})));
    EXPECT_FLOAT_EQ(s.size.sum().item<float>(), 7.f);  // sizes add up
}

TEST(Tome, RIsCappedAtHalfTheTokens) {
    vp::AttnContext ctx;
    vp::TokenState s = handMadeState(ctx);
    auto m = tome(16);
    m->reduce(0, ctx, s);
    EXPECT_EQ(s.tokens(), 3);  // (5 - 1) // 2 = 2 merges at most
}

TEST(Tome, DistillationTokenIsNeverMergedInto) {
    vp::AttnContext ctx;
    vp::TokenState s = handMadeState(ctx);
    s.prefix = 2;  // token 1 = dist token (B[0])
    s.patchToToken = at::arange(2, 5, at::kLong).view({1, 3});
    // Token 2 points away from everything, so the best edge is token 4 → dist token (cos 0.8).
    // With the dist token protected, token 4 must go to token 3 (cos 0.71) instead.
    ctx.keysMean[0][2] = at::tensor({-1.f, 0.f});
    auto m = tome(1);
    m->reduce(0, ctx, s);
    ASSERT_EQ(s.tokens(), 4);
    // Order with a dist token: [unm0 (CLS), dst0 (dist), unm rest, dst rest].
    EXPECT_TRUE(at::allclose(s.x[0][0], at::tensor({0.f, 1.f})));
    EXPECT_TRUE(at::allclose(s.x[0][1], at::tensor({2.f, 3.f})));  // dist token untouched
    EXPECT_TRUE(at::allclose(s.x[0][2], at::tensor({4.f, 5.f})));  // token 2 unmerged
    EXPECT_TRUE(at::allclose(s.x[0][3], at::tensor({7.f, 8.f})));  // tokens 3 and 4
    EXPECT_TRUE(at::equal(s.size, at::tensor({1.f, 1.f, 1.f, 2.f}).view({1, 4})));
}

TEST(Tome, MergedSizesSumToPatchCountThroughAWholeModel) {
    c10::InferenceMode guard;
    vp::ViTConfig c = vp::test::smallConfig();
    vp::ViTModel model = vp::randomModel(c, 5);
    auto m = tome(3);
    auto r = model.forward(at::randn({2, 1, 28, 28}), *m, {vp::TraceLevel::Full});
    for (const auto& lt : r.trace.layers) {
        for (int b = 0; b < 2; ++b) {
            // every patch lives in some token; a token's size = number of patches pointing at it
            std::map<int, int> count;
            for (int p = 0; p < 49; ++p) count[lt.patchToken[b * 49 + p]]++;
            EXPECT_EQ(count.count(-1), 0u);
            EXPECT_EQ(static_cast<int>(count.size()), lt.mlpTokens[b] - 1);
            for (int p = 0; p < 49; ++p) EXPECT_FLOAT_EQ(lt.tokenSize[b * 49 + p], count[lt.patchToken[b * 49 + p]]);
        }
    }
    EXPECT_EQ(r.trace.layers.back().mlpTokens[0], 50 - 36);
}

TEST(Tome, ROfZeroIsExactlyDenseAndScheduleDecreases) {
    c10::InferenceMode guard;
    vp::ViTModel model = vp::loadModel(std::string(VP_TEST_DATA) + "/reference/tv_vit_timm.safetensors");
    const at::Tensor x = at::randn({2, 3, 32, 32});
    auto zero = tome(0);
    zero->prepare(model);
    EXPECT_TRUE(at::equal(model.forward(x, *zero).logits, model.forward(x)));
    vp::KnobValues v;
    v.set("r", "8");
    v.set("schedule", "decreasing");
    auto dec = vp::builtinRegistry().create("tome", v);
    dec->prepare(model);
    auto tr = model.forward(x, *dec).trace;
    // parse_r(4, (8, -0.5)): min 12, max 4, step -8/3 → [12, 9, 6, 4]; capped at half the tokens.
    std::vector<int> removed;
    int n = 65;
    for (const auto& lt : tr.layers) {
        removed.push_back(n - lt.mlpTokens[0]);
        n = lt.mlpTokens[0];
    }
    EXPECT_EQ(removed, (std::vector<int>{12, 9, 6, 4}));
}

TEST(Tome, ProportionalAttentionAddsLogSizeToKeys) {
    c10::InferenceMode guard;
    vp::ViTModel model = vp::loadModel(std::string(VP_TEST_DATA) + "/reference/tv_vit_timm.safetensors");
    vp::TokenState s;
    s.x = at::randn({1, 6, 48});
    s.size = at::tensor({1.f, 2.f, 1.f, 5.f, 1.f, 3.f}).view({1, 6});
    s.proportionalAttention = true;
    vp::AttnContext ctx;
    vp::AttnNeeds needs;
    needs.fullMap = true;
    model.attention(0, s.x, s, needs, ctx);
    // Reference: softmax(q k^T / sqrt(d) + log(size_key)).
    const auto& b = model.weights().blocks[0];
    at::Tensor qkv = at::linear(s.x, b.qkvW, b.qkvB).view({1, 6, 3, 3, 16}).permute({2, 0, 3, 1, 4});
    at::Tensor logits = at::matmul(qkv[0], qkv[1].transpose(-2, -1)) / 4.0 + s.size.log().view({1, 1, 1, 6});
    EXPECT_TRUE(at::allclose(ctx.map, logits.softmax(-1), 1e-5, 1e-6));
}

TEST(Tome, GMacsMatchThePaperSettingsOnDeitSmall) {
    c10::InferenceMode guard;
    vp::ViTModel model = vp::loadModel("random:deit_small_patch16_224");
    const at::Tensor x = at::randn({1, 3, 224, 224});
    const std::map<int, double> expected{{8, 3.42}, {13, 2.70}, {16, 2.29}};
    for (auto [r, g] : expected) {
        auto m = tome(r);
        m->prepare(model);
        EXPECT_NEAR(vp::toG(vp::traceMacs(model, model.forward(x, *m).trace)), g, 0.02 * g) << "r=" << r;
    }
}

}  // namespace
