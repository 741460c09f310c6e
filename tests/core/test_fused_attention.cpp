// The attention path that needs no map (common/torch_compat.h: the fused scaled-dot-product
// kernel on LibTorch 2.x, the same maths on 1.13) against the explicit path that materialises the
// map: the kernel alone with a bias and wider values, then whole forwards of every method that can
// take it on the shipped model's real images — same logits, same tokens kept, merged and dropped.
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "common/torch_compat.h"
#include "prune/method_setup.h"
#include "support/default_model.h"
#include "support/fashion_batches.h"

namespace {

TEST(FusedAttention, EqualsSoftmaxOfScaledLogitsPlusBiasTimesValues) {
    c10::InferenceMode guard;
    at::manual_seed(3);
    const int64_t B = 2, H = 3, N = 7, d = 8, dv = 5;
    const at::Tensor q = at::randn({B, H, N, d}), k = at::randn({B, H, N, d}), v = at::randn({B, H, N, dv});
    at::Tensor bias = at::randn({B, 1, 1, N});
    bias.index_put_({1, 0, 0, 6}, -std::numeric_limits<float>::infinity());  // a padding key
    const at::Tensor expect = at::matmul((at::matmul(q, k.transpose(-2, -1)) / std::sqrt(8.0) + bias).softmax(-1), v);
    const at::Tensor got = vp::fusedAttention(q, k, v, bias);
    ASSERT_EQ(got.sizes(), expect.sizes());
    EXPECT_LE((got - expect).abs().max().item<double>(), 1e-5);
    // The padding key gets no weight: changing its value changes nothing.
    at::Tensor v2 = v.clone();
    v2.index_put_({1, at::indexing::Slice(), 6}, 1e6);
    EXPECT_LE((vp::fusedAttention(q, k, v2, bias) - got).narrow(0, 1, 1).abs().max().item<double>(), 1e-5);
    const at::Tensor plain = at::matmul((at::matmul(q, k.transpose(-2, -1)) / std::sqrt(8.0)).softmax(-1), v);
    EXPECT_LE((vp::fusedAttention(q, k, v, at::Tensor()) - plain).abs().max().item<double>(), 1e-5);
}

struct Case {
    const char* method;
    std::map<std::string, std::string> knobs;
    bool removesTokens = true;
};

class BothAttentionPaths : public ::testing::TestWithParam<Case> {};

// Same forward through the explicit and the fused path: logits within float rounding, and the
// trace (tokens per block, every patch's token and fate) identical.
TEST_P(BothAttentionPaths, GiveTheSameLogitsAndTheSameTokens) {
    c10::InferenceMode guard;
    vp::ViTModel explicitModel = vp::test::defaultModel();
    vp::ViTModel fusedModel = vp::test::defaultModel();
    explicitModel.setAttentionKernel(vp::AttentionKernel::Explicit);
    fusedModel.setAttentionKernel(vp::AttentionKernel::Fused);
    ASSERT_FALSE(explicitModel.usesFusedAttention());
    ASSERT_TRUE(fusedModel.usesFusedAttention());
    const at::Tensor x = vp::test::fashionBatches(false, 16, 16).front();
    const Case& c = GetParam();
    const auto calib = vp::calibrationFrom(vp::test::fashionBatches(true, 16, 16));
    vp::ReadyMethod a = vp::readyMethod(explicitModel, c.method, vp::knobValuesFrom(c.knobs), calib);
    vp::ReadyMethod b = vp::readyMethod(fusedModel, c.method, vp::knobValuesFrom(c.knobs), calib);
    vp::ForwardOptions o;
    o.trace = vp::TraceLevel::Full;
    const vp::ForwardResult ra = a.model().forward(x, *a, o);
    const vp::ForwardResult rb = b.model().forward(x, *b, o);
    EXPECT_LE((ra.logits - rb.logits).abs().max().item<double>(), 2e-5) << c.method;
    ASSERT_EQ(ra.trace.layers.size(), rb.trace.layers.size());
    bool pruned = false;
    for (size_t l = 0; l < ra.trace.layers.size(); ++l) {
        const vp::LayerTrace &la = ra.trace.layers[l], &lb = rb.trace.layers[l];
        EXPECT_EQ(la.attnTokens, lb.attnTokens) << c.method << " block " << l;
        EXPECT_EQ(la.mlpTokens, lb.mlpTokens) << c.method << " block " << l;
        EXPECT_EQ(la.patchToken, lb.patchToken) << c.method << " block " << l;
        for (int n : la.mlpTokens) pruned = pruned || n < 50;
    }
    if (c.removesTokens) EXPECT_TRUE(pruned) << c.method << " removed no token: a vacuous case";
}

// Every method whose attention needs no full map (dense, merging with proportional attention,
// class-token rankings, per-image counts with padding, structural widths) on the shipped model.
INSTANTIATE_TEST_SUITE_P(
    ShippedModel, BothAttentionPaths,
    ::testing::Values(Case{"dense", {}, false}, Case{"tome", {{"r", "6"}}}, Case{"tome", {{"r", "4"}, {"prop_attn", "false"}}},
                      Case{"evit", {{"keep", "0.5"}}}, Case{"attn-topk", {{"keep", "0.6"}}},
                      Case{"evo-vit", {{"keep", "0.5"}}}, Case{"random", {{"keep", "0.5"}}},
                      Case{"ia-red2", {{"threshold", "0.5"}}}, Case{"avit", {}}, Case{"nvit", {{"budget", "0.6"}}, false}),
    [](const ::testing::TestParamInfo<Case>& info) {
        std::string name = info.param.method + std::to_string(info.index);
        for (char& ch : name)
            if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
        return name;
    });

}  // namespace
