// Attention views (core/analysis/attention_maps): the forward's attention capture, the CLS maps
// painted back on the patches through the method's drops, merges and fusions, and the attention
// rollout (Abnar & Zuidema 2020) carried across the blocks.
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include <cmath>
#include <map>

#include "analysis/attention_maps.h"
#include "common/error.h"
#include "model/model_loader.h"
#include "prune/registry.h"
#include "support/small_vit.h"

namespace {

vp::MethodPtr method(const std::string& id, std::map<std::string, std::string> knobs = {}) {
    vp::KnobValues v;
    for (const auto& [k, value] : knobs) v.set(k, value);
    return vp::builtinRegistry().create(id, v);
}

at::Tensor seededImage() {
    at::manual_seed(11);
    return at::randn({1, 1, 28, 28}) * 0.8;
}

struct Captured {
    vp::ForwardResult out;
    std::vector<vp::BlockAttention> blocks;
    vp::AttentionMaps maps;
};

Captured run(const vp::ViTModel& model, vp::PruneMethod& m, const at::Tensor& image) {
    Captured c;
    vp::ForwardOptions options;
    options.trace = vp::TraceLevel::Full;
    options.attention = &c.blocks;
    c.out = model.forward(image, m, options);
    c.maps = vp::attentionMaps(c.blocks, c.out.trace);
    return c;
}

// Rows of every rollout sum to 1, and so does the plain CLS row (patches + prefix).
void expectRolloutRowsSumToOne(const vp::ViTModel& model, const Captured& c, const std::string& what) {
    const int P = c.out.trace.patches, prefix = c.out.trace.prefix;
    for (int f = 0; f < vp::kHeadFusions; ++f) {
        const auto rows = vp::attentionRollout(c.blocks, prefix, P, static_cast<vp::HeadFusion>(f));
        ASSERT_EQ(rows.size(), static_cast<size_t>(model.config().depth));
        for (size_t l = 0; l < rows.size(); ++l) {
            EXPECT_TRUE(at::allclose(rows[l].sum(-1), at::ones({rows[l].size(0)}, rows[l].options()), 1e-9, 1e-9))
                << what << " block " << l << " fusion " << f;
            const vp::AttentionBlock& b = c.maps.blocks[l];
            double sum = b.rolloutPrefix[f];
            for (float v : b.rollout[f]) sum += v;
            EXPECT_NEAR(sum, 1.0, 1e-5) << what << " block " << l << " fusion " << f;
        }
    }
}

bool sameFloats(const std::vector<float>& a, const std::vector<float>& b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i)
        if (!(a[i] == b[i] || (std::isnan(a[i]) && std::isnan(b[i])))) return false;
    return true;
}

struct AttentionMapsTest : ::testing::Test {
    c10::InferenceMode guard;
    vp::ViTModel model = vp::randomModel(vp::test::smallConfig(6), 5);
    at::Tensor image = seededImage();
};

TEST_F(AttentionMapsTest, ForwardHandsOutEachBlocksAttentionOnlyWhenAskedAndChangesNothing) {
    for (const auto& [id, knobs] : std::vector<std::pair<std::string, std::map<std::string, std::string>>>{
             {"dense", {}}, {"evit", {{"keep", "0.5"}}}, {"ltp", {}}, {"tome", {{"r", "4"}}}}) {
        auto m = method(id, knobs);
        m->prepare(model);
        const Captured c = run(model, *m, image);
        ASSERT_EQ(c.blocks.size(), 6u) << id;
        for (size_t l = 0; l < c.blocks.size(); ++l) {
            const at::Tensor& p = c.blocks[l].probs;
            EXPECT_EQ(c.blocks[l].layer, static_cast<int>(l));
            ASSERT_EQ(p.dim(), 4);
            EXPECT_EQ(p.size(1), 2);
            EXPECT_TRUE(at::allclose(p.sum(-1), at::ones_like(p.sum(-1)), 1e-5, 1e-5)) << id << " block " << l;
            EXPECT_EQ(c.blocks[l].patchToToken.sizes().vec(), (std::vector<int64_t>{1, 49}));
        }
        vp::ForwardOptions plain;
        plain.trace = vp::TraceLevel::Full;
        const vp::ForwardResult without = model.forward(image, *m, plain);
        EXPECT_TRUE(at::equal(c.out.logits, without.logits)) << id;
    }
}

TEST_F(AttentionMapsTest, KeepingEverythingGivesTheDenseMapsExactly) {
    auto dense = method("dense");
    const Captured d = run(model, *dense, image);
    for (const auto& [id, knobs] : std::vector<std::pair<std::string, std::map<std::string, std::string>>>{
             {"evit", {{"keep", "1"}}}, {"tome", {{"r", "0"}}}}) {
        auto m = method(id, knobs);
        m->prepare(model);
        const Captured c = run(model, *m, image);
        ASSERT_EQ(c.maps.blocks.size(), d.maps.blocks.size());
        for (size_t l = 0; l < d.maps.blocks.size(); ++l) {
            const vp::AttentionBlock &a = d.maps.blocks[l], &b = c.maps.blocks[l];
            EXPECT_EQ(a.token, b.token) << id;
            EXPECT_TRUE(sameFloats(a.cls, b.cls)) << id << " block " << l;
            EXPECT_TRUE(sameFloats(a.clsMean, b.clsMean)) << id << " block " << l;
            for (int f = 0; f < vp::kHeadFusions; ++f)
                EXPECT_TRUE(sameFloats(a.rollout[f], b.rollout[f])) << id << " block " << l << " fusion " << f;
        }
    }
}

TEST_F(AttentionMapsTest, DroppedPatchesHaveNoValueAndKeptOnesTheCapturedEntry) {
    auto m = method("attn-topk", {{"keep", "0.5"}, {"locations", "1,3"}});
    m->prepare(model);
    const Captured c = run(model, *m, image);
    int dropped = 0;
    for (size_t l = 0; l < c.maps.blocks.size(); ++l) {
        const vp::AttentionBlock& b = c.maps.blocks[l];
        const at::Tensor probs = c.blocks[l].probs[0];  // [H, N, N]
        EXPECT_EQ(b.tokens, probs.size(-1));
        for (int p = 0; p < 49; ++p) {
            const int t = b.token[p];
            if (t < 0) {
                ++dropped;
                EXPECT_EQ(b.fate[p], vp::PatchFate::Dropped);
                EXPECT_TRUE(std::isnan(b.clsMean[p]));
                for (int h = 0; h < b.heads; ++h) EXPECT_TRUE(std::isnan(b.clsValue(h, p)));
                continue;
            }
            for (int h = 0; h < b.heads; ++h) EXPECT_EQ(b.clsValue(h, p), probs[h][0][t].item<float>());
            EXPECT_NEAR(b.clsMean[p], probs.select(1, 0).mean(0)[t].item<float>(), 1e-6);
        }
        if (l <= 1) {  // blocks 0 and 1 run on every patch (block 1 prunes after its attention)
            EXPECT_EQ(b.tokens, 50) << l;
        }
    }
    // 49 → 25 after block 1 (24 dropped in blocks 2, 3) → 13 after block 3 (36 dropped in blocks 4, 5).
    EXPECT_EQ(dropped, 24 * 2 + 36 * 2);
    expectRolloutRowsSumToOne(model, c, "attn-topk");
}

TEST_F(AttentionMapsTest, FusedPatchesShareTheFusedTokensValue) {
    auto m = method("evit", {{"keep", "0.5"}, {"locations", "2"}});
    m->prepare(model);
    const Captured c = run(model, *m, image);
    const vp::AttentionBlock& b = c.maps.blocks[3];
    const int fusedToken = b.tokens - 1;  // EViT appends the fused token
    int fused = 0;
    for (int p = 0; p < 49; ++p) {
        ASSERT_GE(b.token[p], 1);
        if (b.token[p] != fusedToken) continue;
        ++fused;
        EXPECT_EQ(b.fate[p], vp::PatchFate::Fused);
        EXPECT_EQ(b.clsValue(0, p), c.blocks[3].probs[0][0][0][fusedToken].item<float>());
    }
    EXPECT_EQ(fused, 24);
    expectRolloutRowsSumToOne(model, c, "evit");
}

TEST_F(AttentionMapsTest, RolloutRowsSumToOneUnderEveryTokenMethod) {
    for (const auto& [id, knobs] : std::vector<std::pair<std::string, std::map<std::string, std::string>>>{
             {"tome", {{"r", "5"}}},
             {"evo-vit", {{"keep", "0.5"}, {"start", "2"}}},
             {"evo-vit", {{"keep", "0.5"}, {"start", "2"}, {"mode", "paper"}}},
             {"ltp", {{"theta", "0.5"}}},
             {"random", {{"keep", "0.6"}}}}) {
        auto m = method(id, knobs);
        m->prepare(model);
        const Captured c = run(model, *m, image);
        expectRolloutRowsSumToOne(model, c, id);
    }
}

TEST_F(AttentionMapsTest, MethodsThatReplaceBlocksHaveNoAttentionView) {
    auto eventful = method("eventful");
    EXPECT_FALSE(vp::attentionUnavailable(*eventful).empty());
    EXPECT_TRUE(vp::attentionUnavailable(*method("evit")).empty());
    EXPECT_THROW(vp::attentionMaps(model, *eventful, image), vp::Error);
}

TEST(AttentionMapsDefaultModel, ClsRowsAndRolloutRowsSumToOne) {
    c10::InferenceMode guard;
    const vp::ViTModel model = vp::loadModel("fashion-vit-tiny");
    auto dense = method("dense");
    const Captured c = run(model, *dense, seededImage());
    ASSERT_EQ(c.maps.blocks.size(), static_cast<size_t>(model.config().depth));
    EXPECT_EQ(c.maps.gridH, 7);
    EXPECT_EQ(c.maps.gridW, 7);
    for (const vp::AttentionBlock& b : c.maps.blocks) {
        ASSERT_EQ(b.heads, model.config().numHeads);
        for (int h = 0; h < b.heads; ++h) {  // the CLS query's row over every token: prefix + patches
            double sum = b.clsPrefix[h];
            for (int p = 0; p < 49; ++p) sum += b.clsValue(h, p);
            EXPECT_NEAR(sum, 1.0, 1e-5) << "block " << b.layer << " head " << h;
        }
    }
    expectRolloutRowsSumToOne(model, c, "dense");
}

// One block, CLS + 2 patches, 2 heads: the rollout is normalise(0.5 A + 0.5 I) fused by hand.
TEST(AttentionMapsToy, OneBlockRolloutIsTheHandFormula) {
    const at::Tensor head0 = at::tensor({0.5, 0.3, 0.2, 0.1, 0.6, 0.3, 0.2, 0.2, 0.6}, at::kFloat).view({3, 3});
    const at::Tensor head1 = at::tensor({0.1, 0.1, 0.8, 0.4, 0.4, 0.2, 0.3, 0.3, 0.4}, at::kFloat).view({3, 3});
    vp::BlockAttention block;
    block.probs = at::stack({head0, head1}).unsqueeze(0);
    block.patchToToken = at::tensor({int64_t(1), int64_t(2)}).view({1, 2});
    vp::TokenTrace trace;
    trace.batch = 1;
    trace.patches = 2;
    trace.gridH = 1;
    trace.gridW = 2;
    trace.layers.resize(1);
    const vp::AttentionMaps maps = vp::attentionMaps({block}, trace);
    ASSERT_EQ(maps.blocks.size(), 1u);
    const vp::AttentionBlock& b = maps.blocks[0];
    // CLS row: mean 0.3,0.2,0.5; max 0.5,0.3,0.8; min 0.1,0.1,0.2. Row 0 of (0.5 A + 0.5 I)
    // normalised: (0.5 a0 + 0.5, 0.5 a1, 0.5 a2) / (0.5 sum(a) + 0.5).
    const auto expected = [](double a0, double a1, double a2) {
        const double s = 0.5 * (a0 + a1 + a2) + 0.5;
        return std::vector<double>{(0.5 * a0 + 0.5) / s, 0.5 * a1 / s, 0.5 * a2 / s};
    };
    const std::vector<std::vector<double>> want{expected(0.3, 0.2, 0.5), expected(0.5, 0.3, 0.8),
                                                expected(0.1, 0.1, 0.2)};
    for (int f = 0; f < vp::kHeadFusions; ++f) {
        EXPECT_NEAR(b.rolloutPrefix[f], want[f][0], 1e-6) << f;
        EXPECT_NEAR(b.rollout[f][0], want[f][1], 1e-6) << f;
        EXPECT_NEAR(b.rollout[f][1], want[f][2], 1e-6) << f;
    }
    EXPECT_FLOAT_EQ(b.clsValue(0, 0), 0.3f);
    EXPECT_FLOAT_EQ(b.clsValue(1, 1), 0.8f);
    EXPECT_NEAR(b.clsMean[1], 0.5f, 1e-6);
    EXPECT_NEAR(b.clsPrefix[0], 0.5f, 1e-6);
}

// Two blocks; both patches merge into one token between them: its row is the mean of theirs.
TEST(AttentionMapsToy, MergedTokensTakeTheMeanRowOfTheirPatches) {
    vp::BlockAttention first;
    first.probs = at::tensor({0.5, 0.3, 0.2, 0.1, 0.6, 0.3, 0.2, 0.2, 0.6}, at::kFloat).view({1, 1, 3, 3});
    first.patchToToken = at::tensor({int64_t(1), int64_t(2)}).view({1, 2});
    vp::BlockAttention second;
    second.layer = 1;
    second.probs = at::tensor({0.7, 0.3, 0.4, 0.6}, at::kFloat).view({1, 1, 2, 2});
    second.patchToToken = at::tensor({int64_t(1), int64_t(1)}).view({1, 2});
    const auto rows = vp::attentionRollout({first, second}, 1, 2, vp::HeadFusion::Mean);
    ASSERT_EQ(rows.size(), 2u);
    const auto normalised = [](const at::Tensor& a) {
        const at::Tensor m = a.to(at::kDouble) * 0.5 + at::eye(a.size(0), at::kDouble) * 0.5;
        return m / m.sum(-1, true);
    };
    const at::Tensor r1 = normalised(first.probs[0][0]);
    EXPECT_TRUE(at::allclose(rows[0], r1, 1e-12, 1e-12));
    const at::Tensor entering = at::stack({r1[0], (r1[1] + r1[2]) / 2});
    EXPECT_TRUE(at::allclose(rows[1], normalised(second.probs[0][0]).matmul(entering), 1e-12, 1e-12));
}

}  // namespace
