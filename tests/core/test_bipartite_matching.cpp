// ToMe's matching as new positions (methods/bipartite_matching.h) against the reference's own
// formulation (tome/merge.py: argsort of the edges, gather the unmerged and moved tokens,
// scatter-add into B, concatenate), on real keys and tokens of the shipped model and on random
// ones: the host and the tensor matching give the same positions, and both merges by position
// give the reference's tokens and sizes, with and without a distillation token, odd and even
// counts, with merged sizes and without (a forward's first merge).
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include <limits>

#include "methods/bipartite_matching.h"
#include "prune/attn_context.h"
#include "prune/token_state.h"
#include "support/default_model.h"
#include "support/fashion_batches.h"

namespace {

struct Merged {
    at::Tensor x, size;
};

// tome/merge.py bipartite_soft_matching (class_token=True, distill_token=distill) + merge_wavg.
Merged referenceMerge(const at::Tensor& keys, const at::Tensor& x, const at::Tensor& size, int64_t r, bool distill) {
    const int64_t B = x.size(0), N = x.size(1);
    const at::Tensor metric = keys / keys.norm(2, -1, true);
    at::Tensor scores = at::matmul(metric.slice(1, 0, N, 2), metric.slice(1, 1, N, 2).transpose(-1, -2));
    scores.select(1, 0).fill_(-std::numeric_limits<float>::infinity());
    if (distill) scores.select(2, 0).fill_(-std::numeric_limits<float>::infinity());
    const auto [nodeMax, nodeIdx] = scores.max(-1);
    const at::Tensor edges = nodeMax.argsort(-1, /*descending=*/true);
    const int64_t Ta = scores.size(1), Tu = Ta - r;
    const at::Tensor unm = std::get<0>(edges.narrow(1, r, Tu).sort(1)), src = edges.narrow(1, 0, r);
    const at::Tensor dst = nodeIdx.gather(1, src);
    auto merge = [&](const at::Tensor& t) {
        const int64_t c = t.size(2);
        const at::Tensor a = t.slice(1, 0, N, 2), b = t.slice(1, 1, N, 2);
        const at::Tensor kept = a.gather(1, unm.unsqueeze(-1).expand({B, Tu, c}));
        const at::Tensor moved = a.gather(1, src.unsqueeze(-1).expand({B, r, c}));
        const at::Tensor into = b.scatter_add(1, dst.unsqueeze(-1).expand({B, r, c}), moved);
        if (!distill) return at::cat({kept, into}, 1);
        return at::cat({kept.narrow(1, 0, 1), into.narrow(1, 0, 1), kept.narrow(1, 1, Tu - 1),
                        into.narrow(1, 1, into.size(1) - 1)},
                       1);
    };
    const at::Tensor s = size.unsqueeze(-1);
    const at::Tensor newSize = merge(s);
    return {merge(x * s) / newSize, newSize.squeeze(-1)};
}

void expectBothPathsMatchTheReference(const at::Tensor& keys, const at::Tensor& x, const at::Tensor& size, int64_t r,
                                      bool distill) {
    const int64_t N = x.size(1);
    const at::Tensor scores = vp::matchingScores(keys, distill);
    const vp::Matching host = vp::matchOnHost(scores, N, r, distill);
    const vp::Matching tensors = vp::matchWithTensors(scores, N, r, distill);
    EXPECT_TRUE(at::equal(host.newIndex, tensors.newIndex)) << "N=" << N << " r=" << r << " distill=" << distill;
    EXPECT_TRUE(at::allclose(host.nodeMax, tensors.nodeMax));
    const Merged ref = referenceMerge(keys, x, size, r, distill);
    // Both merges, with the sizes given and (first merge of a forward) without them.
    for (bool sized : {true, false}) {
        const at::Tensor s = sized ? size : at::Tensor();
        const Merged expect = sized ? ref : referenceMerge(keys, x, at::ones_like(size), r, distill);
        const vp::MergedTokens a = vp::mergeWithTensors(x, s, host.newIndex, N - r);
        const vp::MergedTokens b = vp::mergeOnHost(x, s, host.newIndex, N - r);
        ASSERT_EQ(a.x.sizes(), expect.x.sizes());
        EXPECT_LE((a.x - expect.x).abs().max().item<double>(), 1e-5) << "N=" << N << " r=" << r;
        EXPECT_LE((b.x - a.x).abs().max().item<double>(), 1e-6) << "host vs tensor merge, N=" << N << " r=" << r;
        EXPECT_TRUE(at::allclose(a.size, expect.size));
        EXPECT_TRUE(at::equal(a.size, b.size));
        EXPECT_NEAR(a.size.sum().item<double>(), expect.size.sum().item<double>(), 1e-3);  // no token lost
    }
}

TEST(BipartiteMatching, RandomTokensOddAndEvenCountsWithAndWithoutDistillationToken) {
    c10::InferenceMode guard;
    at::manual_seed(7);
    for (int64_t N : {11, 12, 197, 198})
        for (bool distill : {false, true})
            for (int64_t r : {int64_t{1}, int64_t{3}, (N - (distill ? 2 : 1)) / 2}) {
                const at::Tensor keys = at::randn({3, N, 16}), x = at::randn({3, N, 8});
                const at::Tensor size = at::randint(1, 5, {3, N}).to(at::kFloat);
                expectBothPathsMatchTheReference(keys, x, size, r, distill);
            }
}

TEST(BipartiteMatching, RealKeysOfTheShippedModel) {
    c10::InferenceMode guard;
    const vp::ViTModel& model = vp::test::defaultModel();
    vp::TokenState state = model.embedTokens(vp::test::fashionBatches(false, 8, 8).front(), false);
    const vp::BlockWeights& b = model.weights().blocks[0];
    vp::AttnNeeds needs;
    needs.keys = true;
    vp::AttnContext ctx;
    const int64_t C = model.config().embedDim;
    state.x = state.x + model.attention(0, at::layer_norm(state.x, {C}, b.norm1W, b.norm1B), state, needs, ctx);
    for (int64_t r : {2, 12, 24})
        expectBothPathsMatchTheReference(ctx.keysMean, state.x, at::ones({8, state.tokens()}), r, false);
}

}  // namespace
