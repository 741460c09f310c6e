// The Eventful Transformer's gates (WISION-Lab/eventful-transformer) pinned on small random
// models and synthetic frame sequences: every token picked equals the dense model, a repeated
// frame under the threshold policy computes nothing, references move only at picked tokens, the
// per-frame MACs follow the reference's counting, and streams in a batch stay independent.
// Real video frames are in tests/io/test_eventful_video.cpp.
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include "common/error.h"
#include "methods/eventful_block.h"
#include "model/model_loader.h"
#include "prune/flops.h"
#include "prune/registry.h"

namespace {

vp::ViTConfig tinyConfig(int depth = 2) {
    vp::ViTConfig c;
    c.imageSize = 8;
    c.inChans = 1;
    c.patchSize = 2;  // 16 patches + CLS
    c.embedDim = 16;
    c.depth = depth;
    c.numHeads = 2;
    c.mlpHidden = 32;
    c.numClasses = 5;
    c.mean = {0.5};
    c.std = {0.5};
    return c;
}

vp::MethodPtr eventful(std::map<std::string, std::string> knobs) {
    vp::KnobValues v;
    for (const auto& [k, value] : knobs) v.set(k, value);
    return vp::builtinRegistry().create("eventful", v);
}

// A drifting sequence: each frame adds a little noise everywhere and a larger change in a corner.
std::vector<at::Tensor> frames(int count, int64_t batch = 1, uint64_t seed = 3) {
    at::manual_seed(seed);
    std::vector<at::Tensor> out{at::randn({batch, 1, 8, 8})};
    for (int i = 1; i < count; ++i) {
        at::Tensor next = out.back() + 0.01 * at::randn({batch, 1, 8, 8});
        next.narrow(2, 0, 4).narrow(3, 0, 4).add_(0.5 * at::randn({batch, 1, 4, 4}));
        out.push_back(next);
    }
    return out;
}

vp::ForwardResult step(const vp::ViTModel& m, vp::PruneMethod& method, const at::Tensor& frame,
                       vp::TraceLevel trace = vp::TraceLevel::Counts) {
    vp::ForwardOptions o;
    o.continueStream = true;
    o.trace = trace;
    return m.forward(frame, method, o);
}

}  // namespace

TEST(Eventful, EveryTokenPickedEqualsDenseOnEveryFrameForEachAttentionUpdate) {
    c10::InferenceMode guard;
    const vp::ViTModel model = vp::randomModel(tinyConfig(3), 11);
    for (const char* attention : {"delta", "delta-exact", "sparse-qk", "dense"}) {
        auto m = eventful({{"r", "17"}, {"attention", attention}});
        m->prepare(model);
        for (const at::Tensor& f : frames(12)) {
            const at::Tensor want = model.forward(f).softmax(1);
            const at::Tensor got = step(model, *m, f).logits.softmax(1);
            EXPECT_LE((got - want).abs().max().item<float>(), 1e-5f) << attention;
        }
    }
}

TEST(Eventful, ExactDeltaKeepsUnchangedTokensExact) {
    // Frames that change only in one corner: under threshold 0 the unchanged tokens are not picked
    // at block 0, and the exact delta still equals dense.
    c10::InferenceMode guard;
    const vp::ViTModel model = vp::randomModel(tinyConfig(3), 18);
    at::manual_seed(5);
    std::vector<at::Tensor> f{at::randn({1, 1, 8, 8})};
    for (int i = 1; i < 8; ++i) {
        at::Tensor next = f.back().clone();
        next.narrow(2, 0, 2).narrow(3, 0, 4).add_(0.3 * at::randn({1, 1, 2, 4}));
        f.push_back(next);
    }
    auto m = eventful({{"policy", "threshold"}, {"threshold", "0"}, {"attention", "delta-exact"}});
    m->prepare(model);
    for (size_t i = 0; i < f.size(); ++i) {
        const vp::ForwardResult r = step(model, *m, f[i]);
        if (i > 0) EXPECT_LT(r.trace.layers[0].attnTokens[0], 17);  // some tokens were not recomputed
        EXPECT_LE((r.logits.softmax(1) - model.forward(f[i]).softmax(1)).abs().max().item<float>(), 1e-5f);
    }
}

TEST(Eventful, ThresholdZeroEqualsDenseWhenEveryTokenChanges) {
    c10::InferenceMode guard;
    const vp::ViTModel model = vp::randomModel(tinyConfig(3), 12);
    auto m = eventful({{"policy", "threshold"}, {"threshold", "0"}});
    m->prepare(model);
    for (const at::Tensor& f : frames(10)) {
        const at::Tensor want = model.forward(f).softmax(1);
        EXPECT_LE((step(model, *m, f).logits.softmax(1) - want).abs().max().item<float>(), 1e-5f);
    }
}

TEST(Eventful, RepeatedFrameUnderThresholdComputesNothingAndReturnsTheFirstOutput) {
    c10::InferenceMode guard;
    const vp::ViTModel model = vp::randomModel(tinyConfig(2), 13);
    auto m = eventful({{"policy", "threshold"}, {"threshold", "0.001"}});
    m->prepare(model);
    const at::Tensor f = frames(1).front();
    const vp::ForwardResult first = step(model, *m, f);
    EXPECT_NEAR(vp::traceMacs(model, first.trace), vp::denseMacs(model), 1e-3);
    for (int i = 0; i < 4; ++i) {
        const vp::ForwardResult again = step(model, *m, f, vp::TraceLevel::Full);
        EXPECT_TRUE(at::equal(again.logits, first.logits));
        for (const vp::LayerTrace& lt : again.trace.layers) {
            EXPECT_EQ(lt.attnTokens[0], 0);
            EXPECT_EQ(lt.mlpTokens[0], 0);
            for (vp::PatchFate fate : lt.fate) EXPECT_EQ(fate, vp::PatchFate::Reused);
        }
        // Only the patch embedding and the head are computed: 16 patches x 4 pixels x 16 channels + 16 x 5.
        EXPECT_DOUBLE_EQ(vp::traceMacs(model, again.trace), 16.0 * 4 * 16 + 16 * 5);
    }
}

TEST(Eventful, ReferencesMoveOnlyAtPickedTokens) {
    c10::InferenceMode guard;
    const vp::ViTModel model = vp::randomModel(tinyConfig(1), 14);
    const auto& b = model.weights().blocks[0];
    const std::vector<at::Tensor> f = frames(2);
    const at::Tensor x0 = model.embed(f[0]), x1 = model.embed(f[1]);
    vp::EventfulBlockState state;
    vp::EventfulPolicy policy;
    policy.r = 5;
    at::Tensor out, recomputed;
    state.run(model, 0, x0, 1, policy, vp::EventfulAttention::Delta, out, recomputed);
    ASSERT_TRUE(recomputed.all().item<bool>());  // the first frame is dense
    state.run(model, 0, x1, 1, policy, vp::EventfulAttention::Delta, out, recomputed);
    ASSERT_EQ(recomputed.sum().item<int64_t>(), 5);
    const at::Tensor n0 = at::layer_norm(x0, {16}, b.norm1W, b.norm1B, model.config().lnEps);
    const at::Tensor n1 = at::layer_norm(x1, {16}, b.norm1W, b.norm1B, model.config().lnEps);
    // The picked tokens are the 5 with the largest change, and only their references moved.
    const at::Tensor change = (n1 - n0).norm(2, {-1})[0];
    const at::Tensor top = std::get<1>(change.topk(5));
    for (int64_t i = 0; i < 5; ++i) EXPECT_TRUE(recomputed[0][top[i].item<int64_t>()].item<bool>());
    const at::Tensor ref = state.qkvReference()[0];
    for (int64_t t = 0; t < 17; ++t) {
        const at::Tensor want = recomputed[0][t].item<bool>() ? n1[0][t] : n0[0][t];
        EXPECT_TRUE(at::equal(ref[t], want)) << "token " << t;
    }
}

TEST(Eventful, MacsPerFrameFollowTheReferenceCounting) {
    // C = 8, A = 8 (2 heads x 4), H = 16, N = 5, r = 2 at every gate, delta attention:
    // qkv 2*8*24 = 384, projection 2*8*8 = 128, MLP 2*2*8*16 = 512, sparse QK 2*5*2*8 = 160,
    // delta AV 2*5*2*8 = 160: 1344.
    EXPECT_DOUBLE_EQ(vp::eventfulBlockMacs(8, 8, 16, 5, 2, 2, 2, vp::EventfulAttention::Delta, false), 1344);
    // Sparse QK only: the AV product in full, 5*5*8 = 200.
    EXPECT_DOUBLE_EQ(vp::eventfulBlockMacs(8, 8, 16, 5, 2, 2, 2, vp::EventfulAttention::SparseQk, false),
                     1344 - 160 + 200);
    // A first frame is the dense block of prune/flops.h.
    const vp::BlockDims dims{8, 16, true};
    EXPECT_DOUBLE_EQ(vp::eventfulBlockMacs(8, 8, 16, 5, 2, 2, 2, vp::EventfulAttention::Delta, true),
                     vp::blockMacs(8, dims, 5, 5));

    // And a forward adds them up: the tiny model's second frame at r = 3.
    c10::InferenceMode guard;
    const vp::ViTModel model = vp::randomModel(tinyConfig(2), 15);
    auto m = eventful({{"r", "3"}});
    m->prepare(model);
    const std::vector<at::Tensor> f = frames(2);
    step(model, *m, f[0]);
    const vp::ForwardResult r = step(model, *m, f[1]);
    const double block = vp::eventfulBlockMacs(16, 16, 32, 17, 3, 3, 3, vp::EventfulAttention::Delta, false);
    EXPECT_DOUBLE_EQ(vp::traceMacs(model, r.trace), 16.0 * 4 * 16 + 16 * 5 + 2 * block);
}

TEST(Eventful, StreamsInABatchStayIndependent) {
    c10::InferenceMode guard;
    const vp::ViTModel model = vp::randomModel(tinyConfig(2), 16);
    const std::vector<at::Tensor> both = frames(6, 2);
    auto batched = eventful({{"r", "6"}});
    auto first = eventful({{"r", "6"}});
    auto second = eventful({{"r", "6"}});
    for (auto* m : {batched.get(), first.get(), second.get()}) m->prepare(model);
    for (const at::Tensor& f : both) {
        const at::Tensor together = step(model, *batched, f).logits;
        EXPECT_TRUE(at::allclose(together[0], step(model, *first, f.narrow(0, 0, 1)).logits[0], 1e-5, 1e-6));
        EXPECT_TRUE(at::allclose(together[1], step(model, *second, f.narrow(0, 1, 1)).logits[0], 1e-5, 1e-6));
    }
}

TEST(Eventful, SingleImagesAreDenseAndThresholdBatchesAreRefused) {
    c10::InferenceMode guard;
    const vp::ViTModel model = vp::randomModel(tinyConfig(2), 17);
    auto m = eventful({{"r", "2"}});
    m->prepare(model);
    for (const at::Tensor& f : frames(3))  // no continueStream: each forward stands alone
        EXPECT_TRUE(at::allclose(model.forward(f, *m).logits, model.forward(f), 1e-5, 1e-6));
    auto t = eventful({{"policy", "threshold"}});
    t->prepare(model);
    const std::vector<at::Tensor> two = frames(2, 2);
    step(model, *t, two[0]);
    try {
        step(model, *t, two[1]);
        FAIL() << "a threshold batch of 2 ran";
    } catch (const vp::Error& e) {
        EXPECT_NE(std::string(e.what()).find("batch 1"), std::string::npos) << e.what();
    }
}
