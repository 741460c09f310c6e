// WDPruning (methods/wdpruning.cpp, prune/exit_probes.h) on the shipped default model with real
// Fashion-MNIST calibration images: the probe after the last block reproduces the model's own
// predictions (its head is linear in the same features), deeper probes agree more than the first,
// the automatic exit is the shallowest block that reaches the agreement, a cut model saves and
// reopens to identical logits, the width budget is met on top of the cut, and zero calibration
// images or an exit past the depth are clear errors.
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "common/error.h"
#include "model/model_loader.h"
#include "prune/exit_probes.h"
#include "prune/flops.h"
#include "prune/method_setup.h"
#include "prune/registry.h"
#include "support/fashion_batches.h"

namespace fs = std::filesystem;

namespace {

const vp::ViTModel& defaultModel() {
    static const vp::ViTModel m = vp::loadModel("fashion-vit-tiny");
    return m;
}

const std::vector<at::Tensor>& calib() {
    static const std::vector<at::Tensor> b = vp::test::fashionBatches(true, 512, 128);
    return b;
}

const std::vector<vp::ExitProbe>& probes() {
    static const std::vector<vp::ExitProbe> p = vp::fitExitProbes(defaultModel(), calib());
    return p;
}

vp::ReadyMethod ready(const std::map<std::string, std::string>& values) {
    return vp::readyMethod(defaultModel(), "wdpruning", vp::knobValuesFrom(values), vp::calibrationFrom(calib()));
}

at::Tensor testImages() { return at::cat(vp::test::fashionBatches(false, 64, 64)); }

}  // namespace

TEST(Wdpruning, TheLastProbeReproducesTheModelAndDeeperProbesAgreeMore) {
    ASSERT_EQ(probes().size(), 12u);
    EXPECT_GE(probes().back().agreement, 0.995);
    EXPECT_LT(probes().front().agreement, probes().back().agreement);
    // On unseen images the last probe as a head predicts what the model predicts.
    c10::InferenceMode guard;
    vp::ViTModel probed = defaultModel();
    probed.weights().headW = probes().back().weight;
    probed.weights().headB = probes().back().bias;
    const at::Tensor x = testImages();
    const double same =
        probed.forward(x).argmax(1).eq(defaultModel().forward(x).argmax(1)).to(at::kDouble).mean().item<double>();
    EXPECT_GE(same, 0.98);
}

TEST(Wdpruning, AutomaticExitIsTheShallowestBlockThatAgreesEnough) {
    int expected = 12;
    for (int l = 0; l < 12; ++l)
        if (probes()[l].agreement >= 0.9) {
            expected = l + 1;
            break;
        }
    const vp::ReadyMethod r = ready({{"budget", "1"}, {"agreement", "0.9"}});
    EXPECT_EQ(r.model().config().depth, expected);
    EXPECT_LT(expected, 12) << "no probe of the default model reaches 90% agreement";
}

TEST(Wdpruning, CutModelCostsItsBlocksAndReopensToIdenticalLogits) {
    c10::InferenceMode guard;
    const vp::ReadyMethod r = ready({{"budget", "1"}, {"exit", "6"}});
    const vp::ViTModel& cut = r.model();
    ASSERT_EQ(cut.config().depth, 6);
    const vp::ViTConfig& c = defaultModel().config();
    const double N = c.numPatches() + 1, C = c.embedDim;
    const double block = 12 * N * C * C + 2 * N * N * C;
    EXPECT_DOUBLE_EQ(vp::denseMacs(cut), vp::denseMacs(defaultModel()) - 6 * block);
    EXPECT_TRUE(at::equal(cut.weights().headW, probes()[5].weight));

    const fs::path dir = fs::temp_directory_path() / ("vp_wdp_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    vp::saveModelFolder(cut, dir.string());
    const vp::ViTModel back = vp::loadModel(dir.string());
    fs::remove_all(dir);
    EXPECT_EQ(back.config().depth, 6);
    EXPECT_TRUE(at::equal(back.forward(testImages()), cut.forward(testImages())));
}

TEST(Wdpruning, WidthIsPrunedOnTopOfTheCutUntilTheBudget) {
    const double dense = vp::denseMacs(defaultModel());
    const vp::ReadyMethod r = ready({{"budget", "0.3"}, {"exit", "8"}});
    EXPECT_EQ(r.model().config().depth, 8);
    const double got = vp::denseMacs(r.model());
    EXPECT_LE(got, 0.3 * dense);
    EXPECT_GE(got, 0.3 * dense * 0.98 - 50.0 * 128 * 3 * 32);  // within 2% or about one head
    EXPECT_NE(r.model().config().prunedBy.find("exit=8"), std::string::npos) << r.model().config().prunedBy;
}

TEST(Wdpruning, BadInputsAreClearErrors) {
    try {
        vp::readyMethod(defaultModel(), "wdpruning", vp::knobValuesFrom({{"budget", "0.5"}}), vp::calibrationFrom({}));
        ADD_FAILURE() << "ran without calibration images";
    } catch (const vp::Error& e) {
        EXPECT_NE(std::string(e.what()).find("zero images"), std::string::npos) << e.what();
    }
    try {
        ready({{"exit", "13"}});
        ADD_FAILURE() << "cut after 13 of 12 blocks";
    } catch (const vp::Error& e) {
        EXPECT_NE(std::string(e.what()).find("13"), std::string::npos) << e.what();
    }
}
