// Evo-ViT pinned to the authors' DeiT code (YifanXu74/Evo-ViT, deit/evo_deit.py, eval mode): the
// score g and its update, the stage-wise sort/select, frozen placeholders re-joining, the mean head;
// the paper mode's representative token; counts, trace, keep = 1, GMACs.
#include <ATen/CPUGeneratorImpl.h>
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include <cmath>

#include "common/error.h"
#include "model/model_loader.h"
#include "prune/flops.h"
#include "prune/registry.h"
#include "support/small_vit.h"

namespace {

vp::ViTConfig smallConfig(int depth) {
    vp::ViTConfig c = vp::test::smallConfig(depth);
    return c;
}

vp::MethodPtr evo(const std::string& keep, const std::string& mode = "code", const std::string& head = "auto",
                  const std::string& start = "4") {
    vp::KnobValues v;
    v.set("keep", keep);
    v.set("mode", mode);
    v.set("head", head);
    v.set("start", start);
    return vp::builtinRegistry().create("evo-vit", v);
}

// Tokens: CLS + 4 patches with 2 channels; token t holds (10t, 10t+1) so every move is visible.
vp::TokenState toyState() {
    vp::TokenState s;
    s.prefix = 1;
    s.x = at::stack({at::arange(5, at::kFloat) * 10, at::arange(5, at::kFloat) * 10 + 1}, -1).unsqueeze(0);
    s.patchToToken = at::arange(1, 5, at::kLong).view({1, 4});
    return s;
}

at::Tensor token(int t) { return at::tensor({10.f * t, 10.f * t + 1}); }

vp::AttnContext clsRows(std::vector<float> h0, std::vector<float> h1) {
    vp::AttnContext ctx;
    const int64_t n = static_cast<int64_t>(h0.size());
    ctx.clsAttn = at::stack({at::tensor(h0), at::tensor(h1)}).view({1, 2, n});
    return ctx;
}

TEST(EvoVit, ScoreUpdateAndStagewiseSelectionOnAToy) {
    // depth 3, start 1: g from block 0, stages at blocks 1 and 2, int(4 * 0.5) = 2 informative.
    vp::ViTModel model = vp::randomModel(smallConfig(3), 1);
    auto m = evo("0.5", "code", "auto", "1");
    m->prepare(model);
    vp::TokenState s = toyState();
    m->begin(s);
    EXPECT_EQ(s.pool, "");  // not an Evo-ViT checkpoint: the model's own (CLS) head
    // Block 0: g = CLS row summed over heads, patches only: [.4, .5, .25, .45].
    m->reduce(0, clsRows({.2f, .1f, .4f, .2f, .1f}, {.2f, .3f, .1f, .05f, .35f}), s);
    EXPECT_TRUE(at::allclose(s.score, at::tensor({.4f, .5f, .25f, .45f}).view({1, 4})));
    // Block 1: sorted by g: patch 2 (.5), 4 (.45) informative; 1 (.4), 3 (.25) parked in slots 0, 1.
    m->beforeBlock(1, s);
    ASSERT_EQ(s.tokens(), 3);
    EXPECT_TRUE(at::equal(s.x[0][1], token(2)));
    EXPECT_TRUE(at::equal(s.x[0][2], token(4)));
    EXPECT_TRUE(at::equal(s.patchToToken, at::tensor({-2L, 1L, -3L, 2L}).view({1, 4})));
    // Update only the informative tokens: .5*[.5,.45] + .5*[.4,.5] = [.45, .475]; placeholders keep g.
    m->reduce(1, clsRows({.5f, .1f, .4f}, {.6f, .3f, .1f}), s);
    EXPECT_TRUE(at::allclose(s.score, at::tensor({.4f, .45f, .25f, .475f}).view({1, 4})));
    m->afterBlock(1, s);
    // Block 2: all four re-join and are sorted again: 4 (.475), 2 (.45) | 1 (.4), 3 (.25).
    m->beforeBlock(2, s);
    ASSERT_EQ(s.tokens(), 3);
    EXPECT_TRUE(at::equal(s.x[0][1], token(4)));
    EXPECT_TRUE(at::equal(s.x[0][2], token(2)));
    EXPECT_TRUE(at::equal(s.patchToToken, at::tensor({-2L, 2L, -3L, 1L}).view({1, 4})));
    m->reduce(2, clsRows({.5f, .2f, .3f}, {.5f, .2f, .3f}), s);
    m->afterBlock(2, s);
    // The end: placeholders come back after the informative tokens, in the sorted order.
    m->finish(s);
    ASSERT_EQ(s.tokens(), 5);
    EXPECT_TRUE(at::equal(s.x[0][3], token(1)));
    EXPECT_TRUE(at::equal(s.x[0][4], token(3)));
    EXPECT_TRUE(at::equal(s.patchToToken, at::tensor({3L, 2L, 4L, 1L}).view({1, 4})));
}

TEST(EvoVit, PaperModeCarriesTheRepresentativeUpdateToPlaceholders) {
    vp::ViTModel model = vp::randomModel(smallConfig(3), 1);
    auto m = evo("0.5", "paper", "auto", "1");
    m->prepare(model);
    vp::TokenState s = toyState();
    m->begin(s);
    m->reduce(0, clsRows({.2f, .1f, .4f, .2f, .1f}, {.2f, .3f, .1f, .05f, .35f}), s);
    m->beforeBlock(1, s);
    // [CLS, patch 2, patch 4, representative]; representative = g-weighted mean of patches 1, 3.
    ASSERT_EQ(s.tokens(), 4);
    const at::Tensor rep = (0.4f * token(1) + 0.25f * token(3)) / 0.65f;
    EXPECT_TRUE(at::allclose(s.x[0][3], rep));
    s.x = s.x + at::tensor({1.f, -2.f});  // what the block adds to every token
    m->reduce(1, clsRows({.5f, .1f, .4f, 0.f}, {.6f, .3f, .1f, 0.f}), s);
    EXPECT_TRUE(at::allclose(s.score, at::tensor({.4f, .45f, .25f, .475f}).view({1, 4})));
    m->afterBlock(1, s);
    ASSERT_EQ(s.tokens(), 3);
    m->finish(s);
    ASSERT_EQ(s.tokens(), 5);
    EXPECT_TRUE(at::allclose(s.x[0][3], token(1) + at::tensor({1.f, -2.f})));
    EXPECT_TRUE(at::allclose(s.x[0][4], token(3) + at::tensor({1.f, -2.f})));
}

// The reference's eval loop (evo_deit.py, stage_wise_prune, prunecls False) re-written from its
// rules on plain tensors: tradeoff 1 before block 4, in-place sort of all patches at blocks 4 and
// 8, x = x_[:, :N_+1], write-back after blocks 7 and 11, head(norm(mean of patch tokens)).
at::Tensor referenceEvoVit(const vp::ViTModel& model, const at::Tensor& images, double keep, double alpha) {
    const auto& w = model.weights();
    const int64_t C = model.config().embedDim;
    const double eps = model.config().lnEps;
    at::Tensor x = model.embed(images), xFull, g;
    int64_t kept = 0;
    for (int i = 0; i < 12; ++i) {
        const auto& b = w.blocks[i];
        if (i == 4 || i == 8) {
            const int64_t P = x.size(1) - 1;
            kept = static_cast<int64_t>(P * keep);
            auto [sorted, idx] = g.sort(1, true);
            g = sorted;
            at::Tensor patches = x.narrow(1, 1, P).gather(1, idx.unsqueeze(-1).expand({-1, -1, C}));
            x.narrow(1, 1, P).copy_(patches);
            xFull = x;
            x = xFull.narrow(1, 0, kept + 1);
        }
        const int64_t B = x.size(0), N = x.size(1), h = b.heads, d = b.headDim;
        at::Tensor xn = at::layer_norm(x, {C}, b.norm1W, b.norm1B, eps);
        at::Tensor qkv = at::linear(xn, b.qkvW, b.qkvB).view({B, N, 3, h, d}).permute({2, 0, 3, 1, 4});
        at::Tensor attn = (at::matmul(qkv[0], qkv[1].transpose(-2, -1)) * std::pow(d, -0.5)).softmax(-1);
        at::Tensor s = attn.select(2, 0).narrow(2, 1, N - 1).sum(1);
        if (i == 0)
            g = s;
        else if (i < 4)
            g = 0.0 * g + 1.0 * s;
        else
            g.narrow(1, 0, kept).copy_((1 - alpha) * g.narrow(1, 0, kept) + alpha * s);
        x = x + at::linear(at::matmul(attn, qkv[2]).transpose(1, 2).reshape({B, N, C}), b.projW, b.projB);
        x = x + at::linear(at::gelu(at::linear(at::layer_norm(x, {C}, b.norm2W, b.norm2B, eps), b.fc1W, b.fc1B)),
                           b.fc2W, b.fc2B);
        if (i == 7 || i == 11) {
            xFull.narrow(1, 0, kept + 1).copy_(x);
            x = xFull;
        }
    }
    at::Tensor pooled = at::layer_norm(x.narrow(1, 1, x.size(1) - 1).mean(1), {C}, w.normW, w.normB, eps);
    return at::linear(pooled, w.headW, w.headB);
}

TEST(EvoVit, SameLogitsAsTheReferenceLoop) {
    c10::InferenceMode guard;
    vp::ViTModel model = vp::randomModel(smallConfig(12), 7);
    const at::Tensor x = at::randn({3, 1, 28, 28}, at::make_generator<at::CPUGeneratorImpl>(3));
    for (const char* keep : {"0.5", "0.3", "0.8"}) {
        auto m = evo(keep, "code", "mean");
        m->prepare(model);
        const at::Tensor ours = model.forward(x, *m).logits;
        const at::Tensor ref = referenceEvoVit(model, x, std::stod(keep), 0.5);
        EXPECT_TRUE(at::allclose(ours, ref, 1e-5, 1e-5)) << "keep " << keep << ": " << (ours - ref).abs().max();
    }
    // auto picks the mean head for Evo-ViT checkpoints only.
    vp::ViTModel evoModel = model;
    evoModel.setFamily("evo-vit");
    auto autoHead = evo("0.5");
    autoHead->prepare(evoModel);
    EXPECT_TRUE(at::allclose(evoModel.forward(x, *autoHead).logits, referenceEvoVit(model, x, 0.5, 0.5), 1e-5, 1e-5));
}

TEST(EvoVit, CountsAndTraceFollowTheStages) {
    c10::InferenceMode guard;
    vp::ViTModel model = vp::randomModel(smallConfig(12), 2);
    for (const char* mode : {"code", "paper"}) {
        auto m = evo("0.5", mode);
        m->prepare(model);
        auto r = model.forward(at::randn({2, 1, 28, 28}), *m, {vp::TraceLevel::Full});
        const int rep = std::string(mode) == "paper" ? 1 : 0;
        for (int l = 0; l < 12; ++l) {
            const auto& lt = r.trace.layers[l];
            const int tokens = l < 4 ? 50 : 1 + 24 + rep;  // int(49 * 0.5) = 24 informative
            EXPECT_EQ(lt.attnTokens, std::vector<int>(2, tokens)) << mode << " layer " << l;
            EXPECT_EQ(lt.mlpTokens, std::vector<int>(2, tokens)) << mode << " layer " << l;
            int kept = 0, parked = 0;
            for (auto f : lt.fate) {
                kept += f == vp::PatchFate::Kept;
                parked += f == vp::PatchFate::Parked;
            }
            EXPECT_EQ(kept, 2 * (l < 4 ? 49 : 24)) << mode << " layer " << l;
            EXPECT_EQ(parked, l < 4 ? 0 : 2 * 25) << mode << " layer " << l;
            for (float sc : lt.score) EXPECT_EQ(std::isnan(sc), l < 3);
        }
    }
}

TEST(EvoVit, KeepOneIsExactlyDense) {
    c10::InferenceMode guard;
    vp::ViTModel model = vp::randomModel(smallConfig(12), 4);
    const at::Tensor x = at::randn({2, 1, 28, 28});
    auto m = evo("1");
    m->prepare(model);
    EXPECT_TRUE(at::equal(model.forward(x, *m).logits, model.forward(x)));
}

TEST(EvoVit, StartMustLieInsideTheModel) {
    vp::ViTModel model = vp::randomModel(smallConfig(4), 1);
    auto m = evo("0.5");
    EXPECT_THROW(m->prepare(model), vp::Error);
}

TEST(EvoVit, GMacsOnDeitSmall) {
    c10::InferenceMode guard;
    vp::ViTModel model = vp::loadModel("random:deit_small_patch16_224");
    auto m = evo("0.5");
    m->prepare(model);
    // Blocks 0-3 on 197 tokens, 4-11 on 99: 3.03 G (paper: 3.0 G).
    const double g = vp::toG(vp::traceMacs(model, model.forward(at::randn({1, 3, 224, 224}), *m).trace));
    EXPECT_NEAR(g, 3.0, 0.02 * 3.0);
}

TEST(EvoVit, GMacsRiseWithKeep) {
    c10::InferenceMode guard;
    vp::ViTModel model = vp::randomModel(smallConfig(12), 4);
    const at::Tensor x = at::randn({1, 1, 28, 28});
    double previous = 0;
    for (const char* keep : {"0.2", "0.35", "0.5", "0.7", "0.9", "1"}) {
        auto m = evo(keep);
        m->prepare(model);
        const double g = vp::traceMacs(model, model.forward(x, *m).trace);
        EXPECT_GT(g, previous) << "keep " << keep;
        previous = g;
    }
    EXPECT_DOUBLE_EQ(previous, vp::denseMacs(model));
}

}  // namespace
