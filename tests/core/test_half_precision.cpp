// Half-precision models take their ranking decisions in float32: the class token's attention row
// (EViT, attention top-k, Evo-ViT) and ToMe's key metric come out of the attention step in fp32,
// computed from fp32 copies of the bf16 queries and keys, on both attention paths. A bf16 softmax
// row would put many of the shipped model's patches on the same value (ties the top-k then breaks
// by position); the fp32 row keeps them apart.
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include <cmath>

#include "prune/attn_context.h"
#include "prune/token_state.h"
#include "support/default_model.h"
#include "support/fashion_batches.h"

namespace {

int64_t distinctValues(const at::Tensor& row) {
    const at::Tensor sorted = std::get<0>(row.sort());
    return 1 + (sorted.narrow(0, 1, row.numel() - 1) != sorted.narrow(0, 0, row.numel() - 1)).sum().item<int64_t>();
}

class HalfPrecision : public ::testing::TestWithParam<vp::AttentionKernel> {};

TEST_P(HalfPrecision, ClassTokenRowAndKeyMetricAreFloat32FromTheHalfQueriesAndKeys) {
    c10::InferenceMode guard;
    vp::ViTModel half = vp::test::defaultModel().to(at::kCPU, at::kBFloat16);
    half.setAttentionKernel(GetParam());
    const vp::ViTConfig& c = half.config();
    vp::TokenState state = half.embedTokens(vp::test::fashionBatches(false, 4, 4).front(), false);
    const int layer = 3;
    const vp::BlockWeights& b = half.weights().blocks[layer];
    const at::Tensor xn = at::layer_norm(state.x, {c.embedDim}, b.norm1W, b.norm1B, c.lnEps);
    vp::AttnNeeds needs;
    needs.clsAttn = needs.keys = true;
    vp::AttnContext ctx;
    half.attention(layer, xn, state, needs, ctx);
    ASSERT_EQ(ctx.clsAttn.scalar_type(), at::kFloat);
    ASSERT_EQ(ctx.keysMean.scalar_type(), at::kFloat);

    // Independently: the same bf16 projection, then fp32 from there on.
    const int64_t B = 4, N = state.tokens(), h = b.heads, d = b.headDim;
    const at::Tensor qkv = at::linear(xn, b.qkvW, b.qkvB).view({B, N, 3, h, d}).permute({2, 0, 3, 1, 4});
    const at::Tensor q0 = qkv[0].select(2, 0).to(at::kFloat), k = qkv[1].to(at::kFloat);  // [B,h,d], [B,h,N,d]
    const at::Tensor logits = at::matmul(k, q0.unsqueeze(-1)).squeeze(-1) / std::sqrt(static_cast<double>(d));
    const at::Tensor expect = logits.softmax(-1);  // [B, h, N]
    EXPECT_LE((ctx.clsAttn - expect).abs().max().item<double>(), 1e-6);
    EXPECT_LE((ctx.keysMean - k.mean(1)).abs().max().item<double>(), 1e-6);

    // What the fp32 row buys: the bf16 softmax of the same logits ties patches the fp32 row separates.
    const at::Tensor rowF = ctx.clsAttn.select(1, 0).select(0, 0);
    const at::Tensor rowH = logits.to(at::kBFloat16).softmax(-1).select(1, 0).select(0, 0);
    EXPECT_EQ(distinctValues(rowF), N);
    EXPECT_LT(distinctValues(rowH.to(at::kFloat)), N - 5) << "bf16 row without ties: the fp32 check proves nothing";
}

INSTANTIATE_TEST_SUITE_P(BothPaths, HalfPrecision,
                         ::testing::Values(vp::AttentionKernel::Explicit, vp::AttentionKernel::Fused));

}  // namespace
