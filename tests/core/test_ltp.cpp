// LTP with fixed thresholds: importance = attention received (mean over heads and real queries),
// prune when below theta * (l+1)/L / N, prefix never pruned, pruned stays pruned; per-image counts
// with padded batches whose padding is invisible; theta = 0 is dense; GMACs per sample.
#include <ATen/CPUGeneratorImpl.h>
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include "common/error.h"
#include "model/model_loader.h"
#include "prune/flops.h"
#include "prune/registry.h"
#include "support/small_vit.h"

namespace {

// A random ViT whose attention is peaked like a trained one's (query and key weights scaled up):
// with timm's init the attention is almost uniform and every token receives about 1/N.
vp::ViTModel smallModel(int depth = 12) {
    vp::ViTConfig c = vp::test::smallConfig(depth);
    vp::ViTModel m = vp::randomModel(c, 11);
    for (auto& b : m.weights().blocks) b.qkvW.narrow(0, 0, 2 * b.attnDim()).mul_(15.0);
    return m;
}

vp::MethodPtr ltp(const std::string& theta) {
    vp::KnobValues v;
    v.set("theta", theta);
    return vp::builtinRegistry().create("ltp", v);
}

// Every query row equals colsums / N, so key j receives exactly colsums[j] in total (relative score).
at::Tensor mapWithReceived(const std::vector<float>& colsums, int heads = 2) {
    const int64_t n = static_cast<int64_t>(colsums.size());
    at::Tensor row = at::tensor(colsums) / static_cast<float>(n);
    return row.view({1, 1, 1, n}).expand({1, heads, n, n}).contiguous();
}

TEST(Ltp, PrunesBelowTheRelativeThresholdAndNeverThePrefix) {
    vp::ViTModel model = smallModel(4);
    auto m = ltp("1.0");
    m->prepare(model);
    vp::TokenState s;
    s.x = at::arange(5, at::kFloat).view({1, 5, 1});
    s.patchToToken = at::arange(1, 5, at::kLong).view({1, 4});
    vp::AttnContext ctx;
    // Block 2 of 4: theta_l = 1.0 * 3/4 = 0.75 (relative to 1/N). CLS receives 0.2 and stays.
    ctx.map = mapWithReceived({0.2f, 2.0f, 0.5f, 1.5f, 0.8f});
    m->reduce(2, ctx, s);
    EXPECT_TRUE(at::equal(s.x.flatten(), at::tensor({0.f, 1.f, 3.f, 4.f})));
    EXPECT_TRUE(at::equal(s.patchToToken, at::tensor({1L, -1L, 2L, 3L}).view({1, 4})));
    EXPECT_FALSE(s.valid.defined());  // one image: no padding
    EXPECT_TRUE(at::allclose(s.score, at::tensor({2.0f, 0.5f, 1.5f, 0.8f}).view({1, 4})));
    // Block 0: theta_l = 0.25 — with the same scores nothing else goes; pruned patch 2 stays pruned.
    ctx.map = mapWithReceived({1.0f, 1.0f, 1.0f, 1.0f});
    m->reduce(0, ctx, s);
    EXPECT_EQ(s.tokens(), 4);
    EXPECT_EQ(s.patchToToken[0][1].item<int64_t>(), -1);
}

at::Tensor mask(std::vector<int> v) { return at::tensor(v, at::kInt).to(at::kBool).view({2, 4}); }

TEST(Ltp, PadsABatchToTheLargestCountAndMarksThePadding) {
    vp::ViTModel model = smallModel(4);
    auto m = ltp("1.0");
    m->prepare(model);
    vp::TokenState s;
    s.x = at::arange(10, at::kFloat).view({2, 5, 1});
    s.patchToToken = at::arange(1, 5, at::kLong).view({1, 4}).repeat({2, 1});
    vp::AttnContext ctx;
    ctx.map =
        at::cat({mapWithReceived({0.2f, 2.0f, 0.5f, 1.5f, 0.8f}), mapWithReceived({1.0f, 0.3f, 0.6f, 1.1f, 2.0f})});
    m->reduce(2, ctx, s);
    ASSERT_EQ(s.tokens(), 4);
    ASSERT_TRUE(s.valid.defined());
    EXPECT_TRUE(at::equal(s.valid, mask({1, 1, 1, 1, 1, 1, 1, 0})));
    EXPECT_TRUE(at::equal(s.x[1].flatten().narrow(0, 0, 3), at::tensor({5.f, 8.f, 9.f})));
    EXPECT_TRUE(at::equal(s.patchToToken[1], at::tensor({-1L, -1L, 1L, 2L})));
    // Block 3 (theta_l = 1): importance over the real queries only. Sample 0: uniform, all stay.
    // Sample 1: real queries give its patch-3 token 0.6 (pruned); the padding query looks only at
    // that token and would lift it to 1.6 if it were counted.
    at::Tensor next = at::full({2, 2, 4, 4}, 0.25f);
    at::Tensor real = at::tensor({0.4f, 0.2f, 0.4f, 0.f});
    for (int q = 0; q < 3; ++q) next[1].select(1, q).copy_(real.expand({2, 4}));
    next[1].select(1, 3).copy_(at::tensor({0.f, 1.f, 0.f, 0.f}).expand({2, 4}));
    ctx.map = next;
    m->reduce(3, ctx, s);
    ASSERT_EQ(s.tokens(), 4);
    EXPECT_TRUE(at::equal(s.valid, mask({1, 1, 1, 1, 1, 1, 0, 0})));
    EXPECT_TRUE(at::equal(s.x[1].flatten().narrow(0, 0, 2), at::tensor({5.f, 9.f})));
    EXPECT_TRUE(at::equal(s.patchToToken[1], at::tensor({-1L, -1L, -1L, 1L})));
}

// Real Fashion-MNIST-sized inputs with a fixed generator.
at::Tensor inputs(int n, uint64_t seed) {
    return at::randn({n, 1, 28, 28}, at::make_generator<at::CPUGeneratorImpl>(seed));
}

TEST(Ltp, PaddingIsInvisibleAndCountsArePerImage) {
    c10::InferenceMode guard;
    vp::ViTModel model = smallModel();
    auto m = ltp("0.8");
    m->prepare(model);
    const at::Tensor x = inputs(2, 5);
    auto batch = model.forward(x, *m, {vp::TraceLevel::Full});
    bool differ = false;
    double perImageMacs = 0;
    for (int b = 0; b < 2; ++b) {
        auto single = model.forward(x.narrow(0, b, 1), *m, {vp::TraceLevel::Full});
        EXPECT_TRUE(at::allclose(batch.logits[b], single.logits[0], 1e-5, 1e-5)) << "image " << b;
        perImageMacs += vp::traceMacs(model, single.trace) / 2;
        for (size_t l = 0; l < batch.trace.layers.size(); ++l) {
            const auto& lt = batch.trace.layers[l];
            EXPECT_EQ(lt.mlpTokens[b], single.trace.layers[l].mlpTokens[0]) << "layer " << l;
            EXPECT_EQ(lt.attnTokens[b], single.trace.layers[l].attnTokens[0]) << "layer " << l;
            // The trace agrees with the tensors: live patches = real tokens - CLS.
            int live = 0;
            for (int p = 0; p < 49; ++p) live += lt.fate[b * 49 + p] != vp::PatchFate::Dropped;
            EXPECT_EQ(live, lt.mlpTokens[b] - 1) << "layer " << l;
            if (b == 1) differ = differ || lt.mlpTokens[0] != lt.mlpTokens[1];
        }
    }
    EXPECT_TRUE(differ) << "the two images should keep different counts";
    EXPECT_LT(batch.trace.layers.back().mlpTokens[0], 50);
    EXPECT_NEAR(vp::traceMacs(model, batch.trace), perImageMacs, 1e-3);  // GMACs per sample
}

TEST(Ltp, ThetaZeroIsExactlyDense) {
    c10::InferenceMode guard;
    vp::ViTModel model = smallModel();
    const at::Tensor x = inputs(2, 9);
    auto m = ltp("0");
    m->prepare(model);
    EXPECT_TRUE(at::equal(model.forward(x, *m).logits, model.forward(x)));
}

TEST(Ltp, GMacsFallAsThetaRises) {
    c10::InferenceMode guard;
    vp::ViTModel model = smallModel();
    const at::Tensor x = inputs(4, 13);
    double previous = 1e30;
    for (const char* theta : {"0", "0.5", "0.9", "1.05", "1.2", "1.5", "2"}) {
        auto m = ltp(theta);
        m->prepare(model);
        const double g = vp::traceMacs(model, model.forward(x, *m).trace);
        EXPECT_LE(g, previous) << "theta " << theta;
        previous = g;
    }
    EXPECT_LT(previous, 0.7 * vp::denseMacs(model));
}

}  // namespace
