// S-ViTE: the selector keeps exactly the top-k patch scores computed independently; keep 1 with
// no sparsity is dense; magnitude sparsity zeroes the asked share, GMACs count the non-zeros and
// fall with it; bad parts name the key; the selector trains.
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include <set>

#include "common/error.h"
#include "prune/flops.h"
#include "prune/learned_parts.h"
#include "prune/registry.h"
#include "support/default_model.h"
#include "support/fashion_batches.h"
#include "train/parts_trainer.h"

namespace {

vp::MethodPtr svite(const std::string& keep, const std::string& sparsity = "0") {
    vp::KnobValues v;
    v.set("keep", keep);
    v.set("sparsity", sparsity);
    return vp::builtinRegistry().create("svite", v);
}

vp::ViTModel withSelector() {
    vp::ViTModel m = vp::test::defaultModel();
    for (auto& [k, t] : svite("0.5")->learnedParts()->initParts(m, 9)) m.extras()[k] = t * 20.0;
    return m;
}

at::Tensor images(int n) { return vp::test::fashionBatches(false, n, n).front(); }

TEST(Svite, SelectorKeepsTheTopKScoresBeforeBlockZero) {
    c10::InferenceMode guard;
    const vp::ViTModel model = withSelector();
    const at::Tensor x = images(4);
    auto m = svite("0.5");
    m->prepare(model);
    vp::ForwardOptions o;
    o.trace = vp::TraceLevel::Full;
    const vp::ForwardResult r = model.forward(x, *m, o);
    const at::Tensor score = at::linear(model.embed(x).narrow(1, 1, 49), model.extras().at("svite.selector.weight"),
                                        model.extras().at("svite.selector.bias"))
                                 .squeeze(-1);
    const int64_t k = 25;  // round(0.5 * 49)
    for (int64_t s = 0; s < 4; ++s) {
        const at::Tensor top = std::get<1>(score[s].topk(k)).contiguous();
        std::set<int64_t> want(top.data_ptr<int64_t>(), top.data_ptr<int64_t>() + k);
        for (int64_t j = 0; j < 49; ++j)
            EXPECT_EQ(r.trace.layers[0].fate[s * 49 + j] == vp::PatchFate::Kept, want.count(j) == 1)
                << "sample " << s << " patch " << j;
        for (const vp::LayerTrace& lt : r.trace.layers) EXPECT_EQ(lt.attnTokens[s], 1 + k);
    }
    EXPECT_DOUBLE_EQ(r.trace.extraMacs[0], 49.0 * 128.0);
}

TEST(Svite, KeepOneWithoutSparsityIsDense) {
    c10::InferenceMode guard;
    const vp::ViTModel model = withSelector();
    const at::Tensor x = images(8);
    auto dense = vp::builtinRegistry().create("dense");
    auto m = svite("1");
    m->prepare(model);
    EXPECT_FALSE(m->patchModel(model).has_value());
    const vp::ForwardResult r = model.forward(x, *m);
    EXPECT_LE((r.logits - model.forward(x, *dense).logits).abs().max().item<double>(), 1e-5);
    EXPECT_DOUBLE_EQ(vp::traceMacs(model, r.trace), vp::denseMacs(model));
}

TEST(Svite, MagnitudeSparsityCountsNonZerosAndGmacsFallWithIt) {
    c10::InferenceMode guard;
    const vp::ViTModel model = withSelector();
    const at::Tensor x = images(4);
    double previous = vp::denseMacs(model) + 1;
    for (const char* s : {"0", "0.25", "0.5", "0.9"}) {
        auto m = svite("1", s);
        const std::optional<vp::ViTModel> sparse = m->patchModel(model);
        const double want = std::stod(s);
        if (want == 0) {
            EXPECT_FALSE(sparse.has_value());
            continue;
        }
        ASSERT_TRUE(sparse.has_value());
        for (const vp::BlockWeights& b : sparse->weights().blocks) {
            const double zeros = b.fc1W.eq(0).sum().item<double>() / static_cast<double>(b.fc1W.numel());
            EXPECT_NEAR(zeros, want, 1e-3);
            EXPECT_NEAR(b.linearDensity, 1 - want, 1e-3);
        }
        // The surviving fc1 weights are the largest of the original ones.
        const at::Tensor orig = model.weights().blocks[0].fc1W.abs().flatten();
        const at::Tensor kept = sparse->weights().blocks[0].fc1W.ne(0).flatten();
        EXPECT_GE(orig.masked_select(kept).min().item<double>(),
                  orig.masked_select(kept.logical_not()).max().item<double>());
        m->prepare(*sparse);
        const double macs = vp::traceMacs(*sparse, sparse->forward(x, *m).trace);
        EXPECT_LT(macs, previous) << "sparsity " << s;
        previous = macs;
    }
    // At 50% sparsity every linear layer costs half; the attention matmuls (2 N^2 C) do not shrink.
    auto half = svite("1", "0.5");
    const vp::ViTModel sparse = *half->patchModel(model);
    const double N = 50, C = 128, linear = 12 * N * C * C, matmul = 2 * N * N * C;
    const double blocksDense = 12 * (linear + matmul), blocksSparse = 12 * (0.5 * linear + matmul);
    EXPECT_NEAR(vp::denseMacs(model) - vp::denseMacs(sparse), blocksDense - blocksSparse, 1e-6 * blocksDense);
}

TEST(Svite, WrongSelectorShapeNamesTheKey) {
    vp::ViTModel model = withSelector();
    model.extras()["svite.selector.weight"] = at::zeros({2, 128});
    model.setExtraOrigin("svite.selector.weight", "sel.safetensors");
    auto m = svite("0.5");
    try {
        m->prepare(model);
        FAIL() << "no error";
    } catch (const vp::Error& e) {
        EXPECT_NE(std::string(e.what()).find("sel.safetensors"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("svite.selector.weight"), std::string::npos) << e.what();
    }
}

TEST(Svite, SelectorTrainsWithTheGumbelTopK) {
    const vp::IdxImages& train = vp::test::fashionSet(true);
    const vp::TrainData data{train.images.narrow(0, 0, 128), train.labels.narrow(0, 0, 128), {}, {}};
    vp::PartsTrainOptions o;
    o.knobs.set("keep", "0.5");
    o.epochs = 1;
    o.trainImages = 128;
    o.batchSize = 32;
    o.evalImages = 64;
    vp::PartsTrainer t(vp::test::defaultModel(), vp::builtinRegistry().create("svite"), o);
    const vp::TensorMap fresh = svite("0.5")->learnedParts()->initParts(vp::test::defaultModel(), 0);
    t.run(data);
    const vp::TensorMap parts = t.parts();
    EXPECT_GT((parts.at("svite.selector.weight") - fresh.at("svite.selector.weight")).abs().max().item<double>(), 0);
    EXPECT_TRUE(parts.at("svite.selector.weight").isfinite().all().item<bool>());
}

}  // namespace
