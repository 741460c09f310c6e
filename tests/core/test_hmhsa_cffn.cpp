// hMHSA + cFFN (methods/hmhsa_cffn.cpp, prune/map_hallucination.h): full-rank SVD with no
// hallucinated head equals dense; a head whose map copies another's is hallucinated exactly;
// GMACs of hallucinated heads and factorised fc2 match a hand count; the model saves and reopens
// to identical logits; token methods run on top of it; zero calibration images, a contradicting
// config and ranking a hallucinated model are clear errors.
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "common/error.h"
#include "model/model_loader.h"
#include "prune/flops.h"
#include "prune/map_hallucination.h"
#include "prune/method_setup.h"
#include "prune/registry.h"
#include "support/fashion_batches.h"
#include "support/small_vit.h"

namespace fs = std::filesystem;

namespace {

vp::ViTModel smallModel() { return vp::randomModel(vp::test::smallConfig(3), 5); }

std::vector<at::Tensor> calibBatches() { return vp::test::fashionBatches(true, 16, 8, 0.5, 0.5); }

at::Tensor images() { return at::cat(vp::test::fashionBatches(false, 4, 4, 0.5, 0.5)); }

vp::ReadyMethod ready(const vp::ViTModel& m, const std::map<std::string, std::string>& values) {
    return vp::readyMethod(m, "hmhsa-cffn", vp::knobValuesFrom(values), vp::calibrationFrom(calibBatches()));
}

double maxDiff(const at::Tensor& a, const at::Tensor& b) { return (a - b).abs().max().item<double>(); }

// In every block head 1's queries and keys are head 0's: the two maps are identical.
vp::ViTModel twinHeads() {
    vp::ViTModel m = smallModel();
    for (vp::BlockWeights& b : m.weights().blocks) {
        const int64_t d = b.headDim, H = b.heads;
        for (int64_t part = 0; part < 2; ++part) {
            b.qkvW.narrow(0, part * H * d + d, d).copy_(b.qkvW.narrow(0, part * H * d, d));
            b.qkvB.narrow(0, part * H * d + d, d).copy_(b.qkvB.narrow(0, part * H * d, d));
        }
    }
    return m;
}

}  // namespace

TEST(HmhsaCffn, FullRankWithoutHallucinationEqualsDense) {
    c10::InferenceMode guard;
    const vp::ViTModel m = smallModel();  // C = 32, hidden 64: rank 1·D = 32 is full rank
    const vp::ReadyMethod r = ready(m, {{"rank", "1"}, {"hallucinated", "0"}});
    ASSERT_TRUE(r.patched);
    EXPECT_EQ(r.model().weights().blocks[0].fc2Rank(), 32);
    EXPECT_LE(maxDiff(m.forward(images()), r.model().forward(images())), 1e-4);
}

TEST(HmhsaCffn, AHeadThatCopiesAnotherIsHallucinatedExactly) {
    c10::InferenceMode guard;
    const vp::ViTModel m = twinHeads();
    const std::vector<at::Tensor> gram = vp::attentionMapGram(m, calibBatches());
    const vp::HallucinationFit fit = vp::fitHallucination(gram[1], 1);
    EXPECT_LT(fit.relativeError, 1e-6);
    ASSERT_EQ(fit.hallucinated.size(), 1u);
    EXPECT_NEAR(fit.mix.item<float>(), 1.0f, 1e-4);

    const vp::ReadyMethod r = ready(m, {{"rank", "1"}, {"hallucinated", "0.5"}});
    for (const vp::BlockWeights& b : r.model().weights().blocks) {
        EXPECT_EQ(b.mapCount(), 1);
        EXPECT_EQ(b.qkvW.size(0), 2 * 16 + 2 * 16);  // q, k of one head; v of both
    }
    EXPECT_LE(maxDiff(m.forward(images()), r.model().forward(images())), 1e-4);
}

TEST(HmhsaCffn, GmacsMatchAHandCount) {
    const vp::ViTModel m = smallModel();
    const vp::ReadyMethod r = ready(m, {{"rank", "0.5"}, {"hallucinated", "0.5"}});
    const double N = 50, C = 32, d = 16, H = 64, R = 16;
    // q, k of one head; v of two; maps: one computed (QK^T), two applied, one mixed (1x1); proj;
    // fc1; fc2 through rank 16.
    const double block =
        N * C * (2 * d + 2 * d) + N * N * (d + 2 * d) + N * N * 1 * 1 + N * (2 * d) * C + N * C * H + N * R * (H + C);
    const double stemHead = 49 * 16 * C + C * 10;
    EXPECT_DOUBLE_EQ(vp::denseMacs(r.model()), stemHead + 3 * block);
    EXPECT_DOUBLE_EQ(vp::denseMacs(r.model().config()), vp::denseMacs(r.model()));
    EXPECT_LT(vp::denseMacs(r.model()), vp::denseMacs(m));
    // Cost falls with the rank.
    double previous = 0;
    for (const char* rank : {"0.25", "0.5", "0.75", "1"}) {
        const double macs = vp::denseMacs(ready(m, {{"rank", rank}, {"hallucinated", "0.5"}}).model());
        EXPECT_GT(macs, previous) << rank;
        previous = macs;
    }
}

TEST(HmhsaCffn, SavedModelReopensToIdenticalLogitsAndTokenMethodsRunOnTop) {
    c10::InferenceMode guard;
    const vp::ReadyMethod r = ready(smallModel(), {{"rank", "0.5"}, {"hallucinated", "0.5"}});
    const fs::path dir = fs::temp_directory_path() / ("vp_hmhsa_" + std::to_string(::getpid()));
    fs::remove_all(dir);
    vp::saveModelFolder(r.model(), dir.string());
    const vp::ViTModel back = vp::loadModel(dir.string());
    EXPECT_EQ(back.config().blockWidth(0).mapHeads, 1);
    EXPECT_EQ(back.config().blockWidth(0).fc2Rank, 16);
    EXPECT_EQ(maxDiff(back.forward(images()), r.model().forward(images())), 0.0);

    // A config.json that contradicts the tensors is refused, naming the tensor.
    std::ifstream in(dir / "config.json");
    std::string text((std::istreambuf_iterator<char>(in)), {});
    in.close();
    const size_t at = text.find("\"fc2_rank\": 16");
    ASSERT_NE(at, std::string::npos) << text;
    text.replace(at, 14, "\"fc2_rank\": 15");
    std::ofstream(dir / "config.json") << text;
    try {
        vp::loadModel(dir.string());
        ADD_FAILURE() << "a contradicting fc2_rank loaded";
    } catch (const vp::Error& e) {
        EXPECT_NE(std::string(e.what()).find("fc2_in.weight"), std::string::npos) << e.what();
    }
    fs::remove_all(dir);

    // ToMe on the hallucinated model: fewer tokens, cheaper than the model alone.
    const vp::ReadyMethod tome = vp::readyMethod(back, "tome", vp::knobValuesFrom({{"r", "8"}}));
    const vp::ForwardResult out = back.forward(images(), *tome, {vp::TraceLevel::Counts});
    EXPECT_LT(vp::traceMacs(back, out.trace), vp::denseMacs(back));
}

TEST(HmhsaCffn, BadInputsAreClearErrors) {
    const vp::ViTModel m = smallModel();
    try {
        vp::readyMethod(m, "hmhsa-cffn", vp::knobValuesFrom({{"hallucinated", "0.5"}}), vp::calibrationFrom({}));
        ADD_FAILURE() << "ran without calibration images";
    } catch (const vp::Error& e) {
        EXPECT_NE(std::string(e.what()).find("zero images"), std::string::npos) << e.what();
    }
    const vp::ReadyMethod r = ready(m, {{"rank", "0.5"}, {"hallucinated", "0.5"}});
    try {
        vp::readyMethod(r.model(), "nvit", vp::knobValuesFrom({{"budget", "0.7"}}),
                        vp::calibrationFrom(calibBatches()));
        ADD_FAILURE() << "ranked a hallucinated model";
    } catch (const vp::Error& e) {
        EXPECT_NE(std::string(e.what()).find("before hmhsa-cffn"), std::string::npos) << e.what();
    }
    EXPECT_THROW(ready(r.model(), {{"rank", "0.5"}}), vp::Error);  // twice: already factorised
}
