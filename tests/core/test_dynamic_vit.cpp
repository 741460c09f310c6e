// DynamicViT (raoyongming/DynamicViT): an official-layout checkpoint against the reference
// forward (tests/fixtures/make_dynamicvit_fixture.py), keep counts and GMACs on DeiT-S, rho = 1
// is dense, the trace, clear errors for bad parts files, and the parts trainer.
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <fstream>

#include "common/error.h"
#include "eval/fashion_mnist_idx.h"
#include "model/method_parts.h"
#include "model/model_loader.h"
#include "model/safetensors_io.h"
#include "prune/flops.h"
#include "prune/learned_parts.h"
#include "prune/method_setup.h"
#include "prune/registry.h"
#include "support/default_model.h"
#include "support/fashion_batches.h"
#include "train/augment.h"
#include "train/parts_trainer.h"

namespace fs = std::filesystem;

namespace {

vp::MethodPtr dynamicVit(const std::string& ratio, const std::string& locations = "3,6,9") {
    vp::KnobValues v;
    v.set("ratio", ratio);
    v.set("locations", locations);
    return vp::builtinRegistry().create("dynamicvit", v);
}

// The default model with freshly initialised (untrained) predictors among its extras.
vp::ViTModel withFreshPredictors(uint64_t seed = 3) {
    vp::ViTModel m = vp::test::defaultModel();
    auto method = dynamicVit("0.7");
    for (auto& [k, t] : method->learnedParts()->initParts(m, seed)) m.extras()[k] = t;
    return m;
}

at::Tensor fashionBatch(int64_t n, const vp::ViTConfig& c) {
    const vp::IdxImages& test = vp::test::fashionSet(false);
    return vp::normalizeGrey(test.images.narrow(0, 0, n), c.mean[0], c.std[0]);
}

std::vector<int64_t> sortedRow(const at::Tensor& t, int64_t row) {
    const at::Tensor r = t[row].to(at::kLong).contiguous();
    std::vector<int64_t> v(r.data_ptr<int64_t>(), r.data_ptr<int64_t>() + r.numel());
    std::sort(v.begin(), v.end());
    return v;
}

std::string tempDir(const std::string& name) {
    const fs::path d = fs::temp_directory_path() / ("vp_dynvit_" + name + "_" + std::to_string(::getpid()));
    fs::remove_all(d);
    fs::create_directories(d);
    return d.string();
}

TEST(DynamicVit, OfficialCheckpointMatchesTheReferenceForward) {
    c10::InferenceMode guard;
    const std::string dir = std::string(VP_TEST_DATA);
    const vp::ViTModel model = vp::loadModel(dir + "/pth/dynamicvit_tiny.pth");
    const vp::SafetensorsFile expected = vp::readSafetensors(dir + "/reference/dynamicvit_tiny_expected.safetensors");
    auto m = dynamicVit(expected.metadata.at("ratio"), expected.metadata.at("locations"));
    m->prepare(model);
    vp::ForwardOptions o;
    o.trace = vp::TraceLevel::Full;
    const vp::ForwardResult r = model.forward(expected.tensors.at("images"), *m, o);
    EXPECT_LE((r.logits - expected.tensors.at("logits")).abs().max().item<double>(), 1e-4);
    const std::vector<int> locations{1, 3, 5};
    for (size_t k = 0; k < locations.size(); ++k) {
        const at::Tensor want = expected.tensors.at("kept_stage" + std::to_string(k));
        const vp::LayerTrace& lt = r.trace.layers[locations[k]];
        for (int64_t b = 0; b < want.size(0); ++b) {
            std::vector<int64_t> got;
            for (int p = 0; p < r.trace.patches; ++p)
                if (lt.fate[b * r.trace.patches + p] == vp::PatchFate::Kept) got.push_back(p);
            EXPECT_EQ(got, sortedRow(want, b)) << "stage " << k << " sample " << b;
        }
    }
}

TEST(DynamicVit, KeepCountsAndGmacsOnDeitSmallMatchThePaper) {
    c10::InferenceMode guard;
    const vp::ViTModel model = vp::loadModel("random:deit_small_patch16_224");  // random predictors
    const at::Tensor x = at::randn({1, 3, 224, 224});
    const std::vector<std::pair<double, std::vector<int>>> cases{
        {0.9, {176, 158, 142}}, {0.8, {156, 125, 100}}, {0.7, {137, 96, 67}}};
    const std::vector<double> gmacs{4.04, 3.46, 2.98};
    for (size_t i = 0; i < cases.size(); ++i) {
        auto m = dynamicVit(std::to_string(cases[i].first));
        m->prepare(model);
        const vp::ForwardResult r = model.forward(x, *m);
        for (int s = 0; s < 3; ++s) EXPECT_EQ(r.trace.layers[3 * (s + 1)].attnTokens[0], 1 + cases[i].second[s]);
        EXPECT_GT(r.trace.extraMacs[0], 0.0);  // the predictors are counted
        EXPECT_NEAR(vp::toG(vp::traceMacs(model, r.trace)), gmacs[i], 0.02 * gmacs[i]) << "rho " << cases[i].first;
    }
}

TEST(DynamicVit, RatioOneIsDenseAndCostFallsWithTheRatio) {
    c10::InferenceMode guard;
    const vp::ViTModel model = withFreshPredictors();
    const at::Tensor x = fashionBatch(8, model.config());
    auto m = dynamicVit("1.0");
    m->prepare(model);
    const at::Tensor dense = model.forward(x);
    EXPECT_LE((model.forward(x, *m).logits - dense).abs().max().item<double>(), 1e-5);
    double previous = 1e30;
    for (const char* rho : {"1.0", "0.9", "0.7", "0.5", "0.3"}) {
        auto p = dynamicVit(rho);
        p->prepare(model);
        vp::ForwardOptions o;
        o.trace = vp::TraceLevel::Full;
        const vp::ForwardResult r = model.forward(x, *p, o);
        const double macs = vp::traceMacs(model, r.trace);
        EXPECT_LT(macs, previous) << rho;
        previous = macs;
        // Trace: the patches kept after a pruning block are the tokens the next block computes.
        for (int l : {3, 6, 9}) {
            const auto fates = vp::countFates(r.trace, l, 5);
            EXPECT_EQ(fates[0] + 1, r.trace.layers[l].mlpTokens[5]) << rho << " block " << l;
            EXPECT_EQ(fates[0] + fates[3], r.trace.patches);
        }
    }
}

TEST(DynamicVit, WithoutPredictorsItNeedsTrainingAndBadPartsFilesNameFileAndKey) {
    vp::ViTModel bare = vp::test::defaultModel();
    for (auto it = bare.extras().begin(); it != bare.extras().end();)
        it = it->first.rfind("score_predictor.", 0) == 0 ? bare.extras().erase(it) : std::next(it);
    auto m = dynamicVit("0.7");
    try {
        m->prepare(bare);
        ADD_FAILURE() << "prepared without predictors";
    } catch (const vp::Error& e) {
        EXPECT_NE(std::string(e.what()).find("train-method"), std::string::npos) << e.what();
    }

    const std::string dir = tempDir("bad");
    vp::TensorMap parts = m->learnedParts()->initParts(bare, 0);
    parts["score_predictor.1.out_conv.2.weight"] = at::zeros({7, 3});
    const std::string wrongShape = dir + "/wrong_shape.safetensors";
    vp::saveMethodParts(wrongShape, parts, "dynamicvit");
    vp::ViTModel a = bare;
    vp::loadMethodParts(a, wrongShape);
    try {
        m->prepare(a);
        ADD_FAILURE() << "wrong shape accepted";
    } catch (const vp::Error& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find(wrongShape), std::string::npos) << msg;
        EXPECT_NE(msg.find("score_predictor.1.out_conv.2.weight"), std::string::npos) << msg;
    }

    parts = m->learnedParts()->initParts(bare, 0);
    parts.erase("score_predictor.2.in_conv.1.bias");
    const std::string missing = dir + "/missing.safetensors";
    vp::saveMethodParts(missing, parts, "dynamicvit");
    vp::ViTModel b = bare;
    vp::loadMethodParts(b, missing);
    try {
        m->prepare(b);
        ADD_FAILURE() << "missing key accepted";
    } catch (const vp::Error& e) {
        const std::string msg = e.what();
        EXPECT_NE(msg.find(missing), std::string::npos) << msg;
        EXPECT_NE(msg.find("score_predictor.2.in_conv.1.bias"), std::string::npos) << msg;
    }

    // A model file passed as parts, and a truncated parts file.
    const std::string modelFile = vp::builtinModelFolder("fashion-vit-tiny") + "/model.safetensors";
    vp::ViTModel c = bare;
    EXPECT_THROW(vp::loadMethodParts(c, modelFile), vp::Error);
    const std::string truncated = dir + "/truncated.safetensors";
    {
        std::ifstream in(missing, std::ios::binary);
        std::string bytes((std::istreambuf_iterator<char>(in)), {});
        std::ofstream(truncated, std::ios::binary) << bytes.substr(0, bytes.size() / 2);
    }
    try {
        vp::loadMethodParts(c, truncated);
        ADD_FAILURE() << "truncated file accepted";
    } catch (const vp::Error& e) {
        EXPECT_NE(std::string(e.what()).find(truncated), std::string::npos) << e.what();
    }
    fs::remove_all(dir);
}

TEST(DynamicVit, PartsTrainerLowersTheLossWritesALoadablePartsFileAndResumes) {
    const vp::ViTModel model = vp::test::defaultModel();
    const vp::IdxImages& train = vp::test::fashionSet(true);
    const vp::IdxImages& test = vp::test::fashionSet(false);
    vp::TrainData data{train.images.narrow(0, 0, 384), train.labels.narrow(0, 0, 384), test.images.narrow(0, 0, 200),
                       test.labels.narrow(0, 0, 200)};
    const std::string dir = tempDir("train");
    vp::PartsTrainOptions o;
    o.knobs.set("ratio", "0.7");
    o.epochs = 2;
    o.trainImages = 384;
    o.batchSize = 32;
    o.evalImages = 200;
    o.outDir = dir;
    o.stopAfterEpochs = 1;

    // The loss on a fixed batch and fixed Gumbel draws, before and after training.
    const at::Tensor x = fashionBatch(64, model.config());
    const at::Tensor y = test.labels.narrow(0, 0, 64);
    auto fixedLoss = [&](vp::PartsTrainer& t) {
        vp::ViTModel student = model;
        for (auto& [k, v] : t.parts()) student.extras()[k] = v;
        vp::TeacherOutputs teacher;
        std::vector<at::Tensor> tokens;
        vp::ForwardOptions fo;
        fo.layerTokens = &tokens;
        at::NoGradGuard noGrad;
        auto dense = vp::builtinRegistry().create("dense");
        teacher.logits = student.forward(x, *dense, fo).logits;
        teacher.features = vp::finalNorm(student, tokens.back());
        auto method = dynamicVit("0.7");
        at::Generator gen = vp::epochGenerator(99, 0);
        return method->learnedParts()->trainingLoss(student, teacher, x, y, gen).item<double>();
    };

    vp::PartsTrainer first(model, dynamicVit("0.7"), o);
    const double before = fixedLoss(first);
    auto log = first.run(data);
    ASSERT_EQ(log.size(), 1u);
    EXPECT_LT(fixedLoss(first), before);
    ASSERT_TRUE(fs::exists(first.partsPath()));
    EXPECT_EQ(vp::partsFileMethod(first.partsPath()), "dynamicvit");

    // The written file gives the top-1 the trainer recorded.
    vp::ViTModel loaded = model;
    vp::loadMethodParts(loaded, first.partsPath());
    auto m = dynamicVit("0.7");
    m->prepare(loaded);
    int64_t correct = 0;
    {
        c10::InferenceMode guard;
        const at::Tensor tx = vp::normalizeGrey(data.testImages, model.config().mean[0], model.config().std[0]);
        correct = loaded.forward(tx, *m).logits.argmax(1).eq(data.testLabels).sum().item<int64_t>();
    }
    EXPECT_DOUBLE_EQ(log[0].testTop1, correct / 200.0);

    // A second run into the same folder refuses without --resume, and resumes with it.
    EXPECT_THROW(vp::PartsTrainer(model, dynamicVit("0.7"), o).run(data), vp::Error);
    o.resume = true;
    vp::PartsTrainer second(model, dynamicVit("0.7"), o);
    log = second.run(data);
    ASSERT_EQ(log.size(), 2u);
    EXPECT_EQ(log[1].epoch, 2);

    // Cancel before the first step: nothing new is written, the run says so.
    std::atomic<bool> cancel{true};
    o.cancel = &cancel;
    o.epochs = 3;
    vp::PartsTrainer third(model, dynamicVit("0.7"), o);
    EXPECT_EQ(third.run(data).size(), 2u);
    EXPECT_TRUE(third.cancelled());
    fs::remove_all(dir);
}

TEST(DynamicVit, TunedBackboneTravelsWithThePartsAndTheMethodRunsOnIt) {
    const vp::ViTModel model = vp::test::defaultModel();
    const vp::IdxImages& train = vp::test::fashionSet(true);
    const vp::TrainData data{train.images.narrow(0, 0, 64), train.labels.narrow(0, 0, 64), {}, {}};
    vp::PartsTrainOptions o;
    o.epochs = 1;
    o.trainImages = 64;
    o.batchSize = 32;
    o.backboneLrScale = 0.01;  // the paper's lr_scale
    vp::PartsTrainer t(model, dynamicVit("0.7"), o);
    ASSERT_TRUE(t.tunesBackbone());
    t.run(data);
    vp::ViTModel withParts = model;
    for (auto& [k, v] : t.parts()) withParts.extras()[k] = v;
    ASSERT_TRUE(withParts.extras().count("dynamicvit.backbone.blocks.0.attn.qkv.weight"));
    const std::optional<vp::ViTModel> tuned = vp::withTunedBackbone(withParts, "dynamicvit.backbone.");
    ASSERT_TRUE(tuned.has_value());
    const at::Tensor before = model.weights().blocks[0].qkvW, after = tuned->weights().blocks[0].qkvW;
    EXPECT_FALSE(at::equal(before, after));  // the backbone learned
    EXPECT_LT((before - after).abs().max().item<double>(), 0.05);  // at a hundredth of the rate

    // readyMethod runs the method on the tuned backbone: rho 1 gives the tuned model's dense logits.
    c10::InferenceMode guard;
    vp::KnobValues v;
    v.set("ratio", "1.0");
    vp::ReadyMethod ready = vp::readyMethod(withParts, "dynamicvit", v, {});
    const at::Tensor x = fashionBatch(4, model.config());
    EXPECT_LE((ready.model().forward(x, *ready.method).logits - tuned->forward(x)).abs().max().item<double>(), 1e-5);
    EXPECT_GT((tuned->forward(x) - model.forward(x)).abs().max().item<double>(), 1e-4);
}

TEST(DynamicVit, RandomModelsRunWithRandomPredictorsAndTrainingFreeMethodsCannotTrain) {
    const vp::ViTModel model = vp::loadModel("random:deit_tiny_patch16_224");
    auto m = dynamicVit("0.7");
    EXPECT_NO_THROW(m->prepare(model));
    vp::PartsTrainOptions o;
    EXPECT_THROW(vp::PartsTrainer(vp::test::defaultModel(), vp::builtinRegistry().create("evit"), o), vp::Error);
}

}  // namespace
