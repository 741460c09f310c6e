// EViT's rules pinned on hand-made tokens (youweiliang/evit): ceil() count over the non-CLS
// tokens (an earlier fused token included), descending order, un-normalised fused weights, the
// fused token last; and the attention top-k baseline without fusion.
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include "model/model_loader.h"
#include "prune/flops.h"
#include "prune/registry.h"

namespace {

vp::MethodPtr evit(const std::string& keep, bool fuse = true, const std::string& id = "evit") {
    vp::KnobValues v;
    v.set("keep", keep);
    v.set("locations", "0");
    if (id == "evit") v.set("fuse", fuse ? "true" : "false");
    return vp::builtinRegistry().create(id, v);
}

// CLS + 5 tokens; CLS attention per head given so that the head mean is [.1 | .3 .05 .2 .15 .1].
vp::TokenState handMade(vp::AttnContext& ctx) {
    vp::TokenState s;
    s.prefix = 1;
    s.x = at::arange(6 * 2, at::kFloat).view({1, 6, 2});
    s.patchToToken = at::arange(1, 6, at::kLong).view({1, 5});
    const at::Tensor mean = at::tensor({0.1f, 0.3f, 0.05f, 0.2f, 0.15f, 0.1f});
    ctx.clsAttn = at::stack({mean + 0.02f, mean - 0.02f}).view({1, 2, 6});  // 2 heads
    return s;
}

TEST(Evit, KeepsCeilOfRatioInDescendingOrderAndFusesTheRestLast) {
    vp::AttnContext ctx;
    vp::TokenState s = handMade(ctx);
    auto m = evit("0.5");
    m->reduce(0, ctx, s);
    // ceil(0.5 * 5) = 3 kept: tokens 1 (.3), 3 (.2), 4 (.15); fused = .05*x2 + .1*x5.
    ASSERT_EQ(s.tokens(), 5);
    EXPECT_TRUE(at::allclose(s.x[0][1], at::tensor({2.f, 3.f})));
    EXPECT_TRUE(at::allclose(s.x[0][2], at::tensor({6.f, 7.f})));
    EXPECT_TRUE(at::allclose(s.x[0][3], at::tensor({8.f, 9.f})));
    EXPECT_TRUE(at::allclose(s.x[0][4], at::tensor({0.05f * 4 + 0.1f * 10, 0.05f * 5 + 0.1f * 11})));
    EXPECT_TRUE(at::equal(s.fused, at::tensor({0, 0, 0, 0, 1}).to(at::kBool).view({1, 5})));
    EXPECT_TRUE(at::equal(s.patchToToken, at::tensor({1L, 4L, 2L, 3L, 4L}).view({1, 5})));
}

TEST(Evit, EarlierFusedTokenCompetesLikeAnyPatch) {
    vp::AttnContext ctx;
    vp::TokenState s = handMade(ctx);
    auto m = evit("0.5");
    m->reduce(0, ctx, s);  // 1 + 3 + fused
    // Next stage: the fused token gets the highest attention and is kept; ceil(0.5 * 4) = 2.
    ctx.clsAttn = at::tensor({0.2f, 0.1f, 0.05f, 0.15f, 0.4f}).view({1, 1, 5});
    m->reduce(0, ctx, s);
    ASSERT_EQ(s.tokens(), 4);  // CLS, old fused, token 1, new fused
    EXPECT_TRUE(at::equal(s.fused, at::tensor({0, 1, 0, 1}).to(at::kBool).view({1, 4})));
}

TEST(Evit, WithoutFusionDropsAndAttnTopkBaselineAgrees) {
    vp::AttnContext ctx;
    vp::TokenState a = handMade(ctx);
    vp::TokenState b = handMade(ctx);
    auto noFuse = evit("0.5", false);
    auto baseline = evit("0.5", false, "attn-topk");
    noFuse->reduce(0, ctx, a);
    baseline->reduce(0, ctx, b);
    ASSERT_EQ(a.tokens(), 4);
    EXPECT_TRUE(at::equal(a.x, b.x));
    EXPECT_TRUE(at::equal(a.patchToToken, at::tensor({1L, -1L, 2L, 3L, -1L}).view({1, 5})));
}

TEST(Evit, KeepOneIsExactlyDense) {
    c10::InferenceMode guard;
    vp::ViTModel model = vp::loadModel(std::string(VP_TEST_DATA) + "/reference/tv_vit_timm.safetensors");
    const at::Tensor x = at::randn({2, 3, 32, 32});
    auto m = evit("1.0");
    EXPECT_TRUE(at::equal(model.forward(x, *m).logits, model.forward(x)));
}

TEST(Evit, KeptCountsAndGMacsOnDeitSmallMatchThePaper) {
    c10::InferenceMode guard;
    vp::ViTModel model = vp::loadModel("random:deit_small_patch16_224");
    const at::Tensor x = at::randn({2, 3, 224, 224});
    const std::map<std::string, double> expected{
        {"0.9", 4.02}, {"0.8", 3.48}, {"0.7", 3.03}, {"0.6", 2.64}, {"0.5", 2.31}};
    for (auto [keep, g] : expected) {
        vp::KnobValues v;
        v.set("keep", keep);
        auto m = vp::builtinRegistry().create("evit", v);
        auto r = model.forward(x, *m, {vp::TraceLevel::Full});
        EXPECT_NEAR(vp::toG(vp::traceMacs(model, r.trace)), g, 0.02 * g) << keep;
        if (keep == "0.7") {  // 138/98/70 kept patches (+ CLS + fused)
            EXPECT_EQ(r.trace.layers[3].mlpTokens[0], 140);
            EXPECT_EQ(r.trace.layers[6].mlpTokens[1], 100);
            EXPECT_EQ(r.trace.layers[9].mlpTokens[0], 72);
            int fused = 0, kept = 0;
            for (int p = 0; p < 196; ++p) {
                fused += r.trace.layers[9].fate[p] == vp::PatchFate::Fused;
                kept += r.trace.layers[9].fate[p] == vp::PatchFate::Kept;
            }
            EXPECT_EQ(fused + kept, 196);  // nothing is dropped outright with fusion
            // 70 kept slots, of which up to two may be earlier fused tokens (they compete too).
            EXPECT_GE(kept, 68);
            EXPECT_LE(kept, 70);
        }
    }
}

}  // namespace
