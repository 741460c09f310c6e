// SPViT (methods/spvit.cpp, prune/conv_stand_in.h) on the shipped default model with real
// Fashion-MNIST calibration images: a conv stand-in costs exactly SPViT's count, a model with conv,
// skip and MSA blocks saves and reopens to identical logits, SPViT's optimised checkpoint layout
// with a BatchNorm loads folded, the budget is met and GMACs fall monotonically with it, budget 1
// changes nothing, the fitted projection beats the untrained one, and token methods, bad layer
// lists and zero calibration images are clear errors.
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "common/error.h"
#include "model/compatibility.h"
#include "model/key_map.h"
#include "model/model_loader.h"
#include "prune/conv_stand_in.h"
#include "prune/flops.h"
#include "prune/method_setup.h"
#include "prune/registry.h"
#include "support/default_model.h"
#include "support/fashion_batches.h"

namespace fs = std::filesystem;

namespace {

using vp::test::defaultModel;

const std::vector<at::Tensor>& calib() {
    static const std::vector<at::Tensor> b = vp::test::fashionBatches(true, 64, 64);
    return b;
}

vp::ReadyMethod ready(const std::map<std::string, std::string>& values) {
    return vp::readyMethod(defaultModel(), "spvit", vp::knobValuesFrom(values), vp::calibrationFrom(calib()));
}

at::Tensor testImages() { return at::cat(vp::test::fashionBatches(false, 64, 64)); }

double agreement(const vp::ViTModel& a, const vp::ViTModel& b, const at::Tensor& x) {
    return a.forward(x).argmax(1).eq(b.forward(x).argmax(1)).to(at::kDouble).mean().item<double>();
}

}  // namespace

TEST(Spvit, ConvStandInCostsWhatSpvitCounts) {
    c10::InferenceMode guard;
    const vp::ReadyMethod r = ready({{"conv3", "2"}, {"conv1", "5"}, {"skip", "7"}});
    const vp::ViTModel& m = r.model();
    const auto& blocks = m.weights().blocks;
    EXPECT_EQ(blocks[2].standIn, vp::StandIn::Conv);
    EXPECT_EQ(blocks[2].convKernel(), 3);
    EXPECT_EQ(blocks[5].convKernel(), 1);
    EXPECT_EQ(blocks[7].standIn, vp::StandIn::Identity);
    EXPECT_FALSE(blocks[3].attentionRemoved);
    const vp::ViTConfig& c = defaultModel().config();
    const double N = c.numPatches() + 1, P = c.numPatches(), C = c.embedDim, D = c.headDim();
    const double attention = 4 * N * C * C + 2 * N * N * C;
    // SPViT's flops(): a k x k conv C -> D plus the map back to C over the patches.
    const double expected = vp::denseMacs(defaultModel()) - 3 * attention + P * C * D * (9 + 1) + P * C * D * (1 + 1);
    EXPECT_NEAR(vp::denseMacs(m), expected, 1e-6 * expected);
    EXPECT_NE(m.config().prunedBy.find("conv3:2; conv1:5; skip:7"), std::string::npos) << m.config().prunedBy;
}

TEST(Spvit, MixedModelSavesAndReopensToIdenticalLogits) {
    c10::InferenceMode guard;
    const vp::ReadyMethod r = ready({{"conv3", "0,4"}, {"conv1", "6"}, {"skip", "9"}});
    const fs::path dir = fs::temp_directory_path() / ("vp_spvit_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    vp::saveModelFolder(r.model(), dir.string());
    const vp::ViTModel back = vp::loadModel(dir.string());
    fs::remove_all(dir);
    ASSERT_EQ(back.config().blockWidths.size(), 12u);
    EXPECT_EQ(back.config().blockWidths[4].standIn, vp::StandIn::Conv);
    EXPECT_EQ(back.config().blockWidths[4].convKernel, 3);
    EXPECT_EQ(back.config().blockWidths[9].standIn, vp::StandIn::Identity);
    EXPECT_TRUE(at::equal(back.forward(testImages()), r.model().forward(testImages())));
}

// SPViT's post_training_optimize_checkpoint layout keeps the BatchNorm (bconv.1) after the conv:
// loading folds it, so the unfolded conv + BatchNorm give the same weights as the folded conv.
TEST(Spvit, OptimisedCheckpointBatchNormIsFoldedOnLoad) {
    c10::InferenceMode guard;
    const vp::ReadyMethod r = ready({{"conv3", "3"}});
    const vp::BlockWeights& b = r.model().weights().blocks[3];
    vp::TensorMap keys = vp::weightsToTimmKeys(r.model().weights());
    const int64_t D = b.convDim();
    at::manual_seed(5);
    const at::Tensor gamma = at::rand({D}) + 0.5, beta = at::randn({D}), mean = at::randn({D}),
                     var = at::rand({D}) + 0.1;
    const at::Tensor scale = gamma / (var + 1e-5).sqrt();
    const std::string p = "blocks.3.attn.bconv.";
    keys[p + "0.weight"] = b.convW / scale.view({-1, 1, 1, 1});
    keys[p + "0.bias"] = (b.convB - beta) / scale + mean;
    keys[p + "1.weight"] = gamma;
    keys[p + "1.bias"] = beta;
    keys[p + "1.running_mean"] = mean;
    keys[p + "1.running_var"] = var;
    keys[p + "1.num_batches_tracked"] = at::tensor(int64_t{7});
    const vp::ViTWeights w = vp::takeWeights(keys, r.model().config(), "spvit.pth");
    EXPECT_TRUE(at::allclose(w.blocks[3].convW, b.convW, 1e-5, 1e-5));
    EXPECT_TRUE(at::allclose(w.blocks[3].convB, b.convB, 1e-4, 1e-4));
    EXPECT_EQ(keys.count(p + "1.num_batches_tracked"), 0u);
}

TEST(Spvit, BudgetIsMetAndGMacsFallWithIt) {
    c10::InferenceMode guard;
    const double dense = vp::denseMacs(defaultModel());
    const vp::ReadyMethod full = ready({{"budget", "1"}});
    EXPECT_DOUBLE_EQ(vp::denseMacs(full.model()), dense);
    EXPECT_TRUE(at::equal(full.model().forward(testImages()), defaultModel().forward(testImages())));
    double previous = dense;
    for (double budget : {0.95, 0.9, 0.85, 0.8}) {
        const vp::ReadyMethod r = ready({{"budget", std::to_string(budget)}});
        const double got = vp::denseMacs(r.model());
        EXPECT_LE(got, budget * dense) << budget;
        EXPECT_LE(got, previous) << budget;
        previous = got;
    }
    // Below what skipping every attention costs, every attention is skipped.
    const vp::ReadyMethod floor = ready({{"budget", "0.05"}});
    for (const vp::BlockWeights& b : floor.model().weights().blocks) EXPECT_EQ(b.standIn, vp::StandIn::Identity);
}

// The fitted map back to C is what makes a conv stand in for the attention: with the untrained
// map SPViT starts its search from (the summed head slices of the output projection, no fit), the
// predictions agree less with the unpruned model's.
TEST(Spvit, FittedConvAgreesMoreThanSkippingOrTheUnfittedProjection) {
    c10::InferenceMode guard;
    const at::Tensor x = testImages();
    const vp::ViTModel conv = ready({{"conv3", "1,3"}}).model();
    const vp::ViTModel skip = ready({{"skip", "1,3"}}).model();
    vp::ViTModel unfitted = conv;
    for (int l : {1, 3}) {
        const vp::BlockWeights& dense = defaultModel().weights().blocks[l];
        vp::BlockWeights& b = unfitted.weights().blocks[l];
        const int64_t d = b.convDim(), h = dense.heads;
        b.convOutW = dense.projW.view({-1, h, d}).sum(1);  // sum over heads of the output slices
        b.convOutB = dense.projB;
    }
    const double fitted = agreement(conv, defaultModel(), x);
    EXPECT_GT(fitted, agreement(unfitted, defaultModel(), x));
    EXPECT_GE(fitted, 0.75);  // 0.81 measured: two blocks whose CLS no longer gathers from the patches
    EXPECT_GT(fitted, agreement(skip, defaultModel(), x) - 0.02);
}

TEST(Spvit, BadInputsAreClearErrors) {
    c10::InferenceMode guard;
    EXPECT_THROW((void)ready({{"conv3", "2"}, {"skip", "2"}}), vp::Error);
    EXPECT_THROW((void)ready({{"conv1", "12"}}), vp::Error);
    EXPECT_THROW((void)vp::readyMethod(defaultModel(), "spvit", vp::knobValuesFrom({{"budget", "0.8"}}),
                                       vp::calibrationFrom({})),
                 vp::Error);
    // A token method needs attention scores and whole patches: the conv block refuses clearly.
    const vp::ReadyMethod r = ready({{"conv3", "10"}});  // after EViT's first reductions (blocks 3, 6, 9)
    const vp::ReadyMethod evit = vp::readyMethod(r.model(), "evit", vp::knobValuesFrom({{"keep", "0.5"}}));
    try {
        (void)r.model().forward(testImages(), *evit.method);
        ADD_FAILURE() << "a token method ran over a conv block";
    } catch (const vp::Error& e) {
        EXPECT_NE(std::string(e.what()).find("convolution"), std::string::npos) << e.what();
    }
    // Width slicing after SPViT would drop the conv: refused, naming spvit.
    EXPECT_THROW(
        (void)vp::readyMethod(r.model(), "nvit", vp::knobValuesFrom({{"budget", "0.5"}}), vp::calibrationFrom(calib())),
        vp::Error);
}

// The compatibility report says which methods cannot run on a model with conv stand-ins, and why.
TEST(Spvit, CompatibilityReportRefusesTokenAndSlicingMethodsOnConvBlocks) {
    const vp::CompatibilityReport report = vp::checkCompatibility(ready({{"conv1", "4"}}).model());
    for (const char* id : {"evit", "tome", "random", "eventful", "nvit", "vit-slim"}) {
        const vp::MethodCompatibility* m = report.method(id);
        ASSERT_NE(m, nullptr) << id;
        EXPECT_EQ(m->status, vp::CompatStatus::CannotApply) << id;
        EXPECT_NE(m->detail.find("block 4"), std::string::npos) << id << ": " << m->detail;
    }
    EXPECT_EQ(report.method("dense")->status, vp::CompatStatus::Applies);
    // A skipped attention keeps every token in place: token methods still apply.
    const vp::CompatibilityReport skipped = vp::checkCompatibility(ready({{"skip", "4"}}).model());
    EXPECT_EQ(skipped.method("evit")->status, vp::CompatStatus::Applies);
}
