// LTP with learned thresholds: the linear-schedule start equals LTP with fixed thresholds, scale
// 0 is dense, a schedule replaces the learned thresholds, bad parts name file and key, and the
// soft-mask training raises the thresholds when the keep-ratio weight asks for it.
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include <filesystem>

#include "common/error.h"
#include "model/method_parts.h"
#include "prune/flops.h"
#include "prune/learned_parts.h"
#include "prune/registry.h"
#include "support/default_model.h"
#include "support/fashion_batches.h"
#include "train/parts_trainer.h"

namespace fs = std::filesystem;

namespace {

vp::MethodPtr learned(const std::string& scale, const std::string& schedule = "") {
    vp::KnobValues v;
    v.set("scale", scale);
    if (!schedule.empty()) v.set("schedule", schedule);
    return vp::builtinRegistry().create("ltp-learned", v);
}

// The default model with the thresholds training starts from (the linear schedule, theta 1).
vp::ViTModel withInitialThresholds() {
    vp::ViTModel m = vp::test::defaultModel();
    for (auto& [k, t] : learned("1")->learnedParts()->initParts(m, 0)) m.extras()[k] = t;
    return m;
}

at::Tensor images(int n) { return vp::test::fashionBatches(false, n, n).front(); }

TEST(LtpLearned, LinearStartEqualsFixedLtpAndScaleZeroIsDense) {
    c10::InferenceMode guard;
    const vp::ViTModel model = withInitialThresholds();
    const at::Tensor x = images(16);
    auto mine = learned("1");
    mine->prepare(model);
    vp::KnobValues v;
    v.set("theta", "1.0");
    auto fixed = vp::builtinRegistry().create("ltp", v);
    fixed->prepare(model);
    const vp::ForwardResult a = model.forward(x, *mine), b = model.forward(x, *fixed);
    EXPECT_TRUE(at::equal(a.logits, b.logits));
    for (size_t l = 0; l < a.trace.layers.size(); ++l)
        EXPECT_EQ(a.trace.layers[l].mlpTokens, b.trace.layers[l].mlpTokens);
    EXPECT_LT(vp::traceMacs(model, a.trace), vp::denseMacs(model));

    auto off = learned("0");
    off->prepare(model);
    EXPECT_LE((model.forward(x, *off).logits - model.forward(x)).abs().max().item<double>(), 1e-5);
}

TEST(LtpLearned, ScheduleReplacesTheLearnedThresholds) {
    const vp::ViTModel model = withInitialThresholds();
    auto m = learned("2");
    m->prepare(model);
    const std::vector<double> scaled = m->blockSchedule();
    ASSERT_EQ(scaled.size(), 12u);
    EXPECT_DOUBLE_EQ(scaled[11], 2.0);  // 2 x 12/12
    EXPECT_DOUBLE_EQ(scaled[5], 1.0);   // 2 x 6/12
    auto hand = learned("2", "0,0,0,0,0,0,0,0,0,0,0,0.5");
    hand->prepare(model);
    EXPECT_DOUBLE_EQ(hand->blockSchedule()[0], 0.0);
    EXPECT_DOUBLE_EQ(hand->blockSchedule()[11], 0.5);
    EXPECT_THROW(learned("1", "0.5,0.5")->prepare(model), vp::Error);  // one value per block
}

TEST(LtpLearned, BadPartsNameTheFileAndTheKey) {
    vp::ViTModel model = vp::test::defaultModel();
    model.extras().clear();                                 // (the shipped parts)
    EXPECT_THROW(learned("1")->prepare(model), vp::Error);  // no thresholds: needs training
    const fs::path file = fs::temp_directory_path() / ("vp_ltp_bad_" + std::to_string(::getpid()) + ".safetensors");
    vp::saveMethodParts(file.string(), {{"ltp.threshold", at::zeros({5})}}, "ltp-learned");
    vp::loadMethodParts(model, file.string());
    try {
        learned("1")->prepare(model);
        ADD_FAILURE() << "5 thresholds accepted for 12 blocks";
    } catch (const vp::Error& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find(file.string()), std::string::npos) << msg;
        EXPECT_NE(msg.find("ltp.threshold"), std::string::npos) << msg;
    }
    fs::remove(file);
}

TEST(LtpLearned, KeepRatioWeightRaisesTheLearnedThresholds) {
    const vp::IdxImages& train = vp::test::fashionSet(true);
    const vp::TrainData data{train.images.narrow(0, 0, 256), train.labels.narrow(0, 0, 256), {}, {}};
    auto trainWith = [&](const std::string& lambda) {
        vp::PartsTrainOptions o;
        o.knobs.set("lambda", lambda);
        o.epochs = 1;
        o.trainImages = 256;
        o.batchSize = 32;
        vp::PartsTrainer t(vp::test::defaultModel(), vp::builtinRegistry().create("ltp-learned"), o);
        t.run(data);
        return t.parts().at("ltp.threshold");
    };
    const at::Tensor start = learned("1")->learnedParts()->initParts(vp::test::defaultModel(), 0).at("ltp.threshold");
    const at::Tensor none = trainWith("0"), strong = trainWith("5");
    EXPECT_FALSE(at::allclose(strong, start));                                // training moved them
    EXPECT_GT(strong.sum().item<double>(), none.sum().item<double>() + 0.1);  // pressure to keep fewer
}

}  // namespace
