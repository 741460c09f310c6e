// A-ViT (NVlabs/A-ViT): a backbone in the official layout against the reference's masked forward
// (tests/fixtures/make_avit_fixture.py), the gate-centre shift (large = dense, monotone cost),
// per-image counts, clear errors for bad parts, and the trainer tuning the backbone.
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include "common/error.h"
#include "eval/fashion_mnist_idx.h"
#include "model/model_loader.h"
#include "model/safetensors_io.h"
#include "prune/flops.h"
#include "prune/learned_parts.h"
#include "prune/registry.h"
#include "support/default_model.h"
#include "support/fashion_batches.h"
#include "train/augment.h"
#include "train/parts_trainer.h"

namespace {

vp::MethodPtr avit(const std::string& shift = "0") {
    vp::KnobValues v;
    v.set("center_shift", shift);
    return vp::builtinRegistry().create("avit", v);
}

void setGates(vp::ViTModel& m, double scale, double center) {
    m.extras()["avit.gate_scale"] = at::full({1}, scale, at::kFloat);
    m.extras()["avit.gate_center"] = at::full({1}, center, at::kFloat);
    m.setExtraOrigin("avit.gate_scale", "gates.safetensors");
    m.setExtraOrigin("avit.gate_center", "gates.safetensors");
}

struct Fixture {
    vp::ViTModel model;
    vp::SafetensorsFile expected;
};

Fixture officialFixture() {
    const std::string dir = std::string(VP_TEST_DATA);
    Fixture f{vp::loadModel(dir + "/pth/avit_tiny.pth"),
              vp::readSafetensors(dir + "/reference/avit_tiny_expected.safetensors")};
    setGates(f.model, std::stod(f.expected.metadata.at("gate_scale")),
             std::stod(f.expected.metadata.at("gate_center")));
    return f;
}

// Blocks each patch went through, from the trace: 1 + the blocks after which it was still alive
// (the last block drops nothing).
std::vector<int64_t> patchDepths(const vp::TokenTrace& t, int sample) {
    std::vector<int64_t> depth(static_cast<size_t>(t.patches), 1);
    for (size_t l = 0; l + 1 < t.layers.size(); ++l)
        for (int p = 0; p < t.patches; ++p)
            if (t.layers[l].patchToken[static_cast<size_t>(sample * t.patches + p)] >= 0) ++depth[p];
    return depth;
}

TEST(Avit, OfficialLayoutMatchesTheReferenceMaskedForward) {
    c10::InferenceMode guard;
    const Fixture f = officialFixture();
    auto m = avit();
    m->prepare(f.model);
    vp::ForwardOptions o;
    o.trace = vp::TraceLevel::Full;
    const at::Tensor images = f.expected.tensors.at("images");
    const vp::ForwardResult r = f.model.forward(images, *m, o);
    EXPECT_LE((r.logits - f.expected.tensors.at("logits")).abs().max().item<double>(), 1e-4);
    // Token depths as the reference's counter_token, except that an image stops when its class
    // token halts (nothing after that reaches the prediction).
    const at::Tensor ref = f.expected.tensors.at("depth");
    int later = 0;
    for (int64_t b = 0; b < images.size(0); ++b) {
        const int64_t cls = ref[b][0].item<int64_t>();
        const std::vector<int64_t> got = patchDepths(r.trace, static_cast<int>(b));
        for (int p = 0; p < r.trace.patches; ++p) {
            const int64_t want = ref[b][p + 1].item<int64_t>();
            later += want > cls;
            ASSERT_EQ(got[p], std::min(want, cls)) << "image " << b << " patch " << p;
        }
    }
    EXPECT_GT(later, 0) << "the fixture should have patches the reference computes after the class token halted";
}

TEST(Avit, LargeCentreShiftIsDenseAndCostGrowsWithTheShift) {
    c10::InferenceMode guard;
    const Fixture f = officialFixture();
    const at::Tensor images = f.expected.tensors.at("images");
    auto dense = vp::builtinRegistry().create("dense");
    const at::Tensor want = f.model.forward(images, *dense).logits;
    auto late = avit("30");
    late->prepare(f.model);
    const vp::ForwardResult r = f.model.forward(images, *late);
    EXPECT_LE((r.logits - want).abs().max().item<double>(), 1e-5);
    EXPECT_DOUBLE_EQ(vp::traceMacs(f.model, r.trace), vp::denseMacs(f.model));
    double previous = 0;
    for (const char* shift : {"-4", "-1", "0", "1", "4"}) {
        auto m = avit(shift);
        m->prepare(f.model);
        const double macs = vp::traceMacs(f.model, f.model.forward(images, *m).trace);
        EXPECT_GE(macs, previous) << "shift " << shift;
        previous = macs;
    }
    auto early = avit("-4");
    early->prepare(f.model);
    EXPECT_LT(vp::traceMacs(f.model, f.model.forward(images, *early).trace), vp::denseMacs(f.model));
}

TEST(Avit, CountsDifferPerImageAndPaddingIsInvisible) {
    c10::InferenceMode guard;
    const Fixture f = officialFixture();
    const at::Tensor images = f.expected.tensors.at("images");
    auto m = avit();
    m->prepare(f.model);
    const vp::ForwardResult batch = f.model.forward(images, *m);
    std::set<int> counts;
    for (int64_t b = 0; b < images.size(0); ++b) {
        const vp::ForwardResult one = f.model.forward(images.narrow(0, b, 1), *m);
        EXPECT_LE((one.logits[0] - batch.logits[b]).abs().max().item<double>(), 1e-5) << "image " << b;
        counts.insert(batch.trace.layers[2].mlpTokens[static_cast<size_t>(b)]);
        for (size_t l = 0; l < one.trace.layers.size(); ++l)
            EXPECT_EQ(one.trace.layers[l].mlpTokens[0], batch.trace.layers[l].mlpTokens[static_cast<size_t>(b)]);
    }
    EXPECT_GT(counts.size(), 1u) << "images should keep different counts";
}

TEST(Avit, MissingOrMisshapedGatesNameTheFileAndKey) {
    Fixture f = officialFixture();
    f.model.extras().erase("avit.gate_center");
    auto m = avit();
    try {
        m->prepare(f.model);
        FAIL() << "no error";
    } catch (const vp::Error& e) {
        EXPECT_NE(std::string(e.what()).find("gates.safetensors"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("avit.gate_center"), std::string::npos) << e.what();
    }
    f.model.extras()["avit.gate_center"] = at::zeros({2});
    f.model.setExtraOrigin("avit.gate_center", "gates.safetensors");
    EXPECT_THROW(m->prepare(f.model), vp::Error);
    // Without any parts the method is unavailable on a trained model.
    vp::ViTModel bare = vp::test::defaultModel();
    bare.extras().clear();  // (the shipped parts)
    EXPECT_THROW(m->prepare(bare), vp::Error);
}

TEST(Avit, TrainingTunesTheBackboneAndKeepsTheGates) {
    const vp::IdxImages& train = vp::test::fashionSet(true);
    const vp::TrainData data{train.images.narrow(0, 0, 64), train.labels.narrow(0, 0, 64), {}, {}};
    vp::PartsTrainOptions o;
    o.knobs.set("gate_center", "5");
    o.epochs = 1;
    o.trainImages = 64;
    o.batchSize = 32;
    o.evalImages = 64;
    vp::PartsTrainer t(vp::test::defaultModel(), vp::builtinRegistry().create("avit"), o);
    EXPECT_TRUE(t.tunesBackbone());
    t.run(data);
    const vp::TensorMap parts = t.parts();
    EXPECT_EQ(parts.at("avit.gate_center").item<double>(), 5.0);
    EXPECT_EQ(parts.at("avit.gate_scale").item<double>(), 10.0);
    ASSERT_TRUE(parts.count("avit.backbone.blocks.0.attn.qkv.weight"));
    vp::ViTModel m = vp::test::defaultModel();
    for (auto& [k, v] : parts) m.extras()[k] = v;
    auto method = avit();
    const std::optional<vp::ViTModel> tuned = method->patchModel(m);
    ASSERT_TRUE(tuned.has_value());
    const at::Tensor before = m.weights().blocks[0].qkvW, after = tuned->weights().blocks[0].qkvW;
    EXPECT_GT((after - before).abs().max().item<double>(), 0.0) << "the backbone should have moved";
    method->prepare(*tuned);
    c10::InferenceMode guard;
    const at::Tensor x = vp::normalizeGrey(vp::test::fashionSet(false).images.narrow(0, 0, 8), 0.286, 0.353);
    EXPECT_TRUE(tuned->forward(x, *method).logits.isfinite().all().item<bool>());
}

}  // namespace
