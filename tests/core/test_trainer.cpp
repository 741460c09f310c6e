// Trainer pieces: the learning-rate schedule, augmentation (shapes, determinism), that a step
// lowers the loss, and that --resume after one epoch reproduces an uninterrupted run bit for bit.
#include <ATen/ATen.h>
#include <ATen/CPUGeneratorImpl.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "common/error.h"
#include "model/model_loader.h"
#include "train/augment.h"
#include "train/lr_schedule.h"
#include "train/trainer.h"

namespace fs = std::filesystem;
using namespace vp;

namespace {

ViTConfig tinyConfig() { return fashionVitConfig(32, 2, 2, 64); }

// Images with a class-dependent bright band, so the task is learnable.
TrainData tinyData(int64_t n) {
    at::Generator gen = at::make_generator<at::CPUGeneratorImpl>(7);
    at::Tensor labels = at::randint(0, 10, {n}, gen, at::TensorOptions().dtype(at::kLong));
    at::Tensor images = at::randint(0, 60, {n, 28, 28}, gen, at::TensorOptions().dtype(at::kLong));
    for (int64_t i = 0; i < n; ++i) {
        const int64_t c = labels[i].item<int64_t>();
        images[i].narrow(0, 2 * c + 4, 2).fill_(250);
    }
    images = images.to(at::kByte);
    return {images, labels, images.narrow(0, 0, n / 2), labels.narrow(0, 0, n / 2)};
}

fs::path tempDir(const std::string& name) {
    fs::path d = fs::temp_directory_path() / ("vp_train_" + std::to_string(::getpid()) + "_" + name);
    fs::remove_all(d);
    return d;
}

}  // namespace

TEST(LrSchedule, WarmupThenCosine) {
    LrSchedule s{1e-3, 1e-5, 10, 110};
    EXPECT_DOUBLE_EQ(s.at(0), 1e-4);  // first update already moves
    EXPECT_DOUBLE_EQ(s.at(4), 5e-4);
    EXPECT_DOUBLE_EQ(s.at(9), 1e-3);                           // end of warm-up
    EXPECT_DOUBLE_EQ(s.at(10), 1e-3);                          // cosine starts at the peak
    EXPECT_NEAR(s.at(60), 1e-5 + 0.5 * (1e-3 - 1e-5), 1e-15);  // half way: mean of peak and floor
    EXPECT_NEAR(s.at(35), 1e-5 + 0.5 * (1e-3 - 1e-5) * (1 + std::cos(M_PI * 0.25)), 1e-15);
    EXPECT_DOUBLE_EQ(s.at(110), 1e-5);
    EXPECT_DOUBLE_EQ(s.at(500), 1e-5);  // clamped past the end
    for (int64_t t = 10; t < 110; ++t) EXPECT_GE(s.at(t), s.at(t + 1));
    LrSchedule noWarmup{2e-3, 0, 0, 100};
    EXPECT_DOUBLE_EQ(noWarmup.at(0), 2e-3);
}

TEST(Augment, ShapesRangeAndDeterminism) {
    at::Generator src = at::make_generator<at::CPUGeneratorImpl>(1);
    at::Tensor pixels = at::randint(0, 256, {16, 28, 28}, src, at::TensorOptions().dtype(at::kLong)).to(at::kByte);
    AugmentOptions o;
    o.eraseProb = 0.5;
    auto run = [&](uint64_t seed) {
        at::Generator g = at::make_generator<at::CPUGeneratorImpl>(seed);
        return augmentGrey(pixels, o, 0.286, 0.353, g);
    };
    at::Tensor a = run(3), b = run(3), c = run(4);
    EXPECT_EQ(a.sizes(), (at::IntArrayRef{16, 1, 28, 28}));
    EXPECT_EQ(a.scalar_type(), at::kFloat);
    EXPECT_TRUE(at::equal(a, b));
    EXPECT_FALSE(at::equal(a, c));
    const double lo = (0 - 0.286) / 0.353, hi = (1 - 0.286) / 0.353;
    EXPECT_GE(a.min().item<double>(), lo - 1e-5);
    EXPECT_LE(a.max().item<double>(), hi + 1e-5);
}

TEST(Augment, AllOffIsPlainNormalisation) {
    at::Tensor pixels = at::arange(2 * 28 * 28, at::kLong).remainder(256).to(at::kByte).view({2, 28, 28});
    AugmentOptions off;
    off.padding = 0;
    off.flip = false;
    off.eraseProb = 0;
    at::Generator g = at::make_generator<at::CPUGeneratorImpl>(0);
    EXPECT_TRUE(at::allclose(augmentGrey(pixels, off, 0.5, 0.25, g), normalizeGrey(pixels, 0.5, 0.25)));
}

TEST(Augment, CropShiftsContentByAtMostThePadding) {
    // A white image: after a padded crop only a border of at most `padding` rows/columns is black.
    at::Tensor pixels = at::full({32, 28, 28}, 255, at::kByte);
    AugmentOptions o;
    o.padding = 3;
    o.flip = false;
    o.eraseProb = 0;
    at::Generator g = at::make_generator<at::CPUGeneratorImpl>(5);
    at::Tensor x = augmentGrey(pixels, o, 0.0, 1.0, g);
    at::Tensor white = x.gt(0.5).sum({1, 2, 3});
    EXPECT_GE(white.min().item<int64_t>(), 25 * 25);
    EXPECT_LT(white.min().item<int64_t>(), 28 * 28);  // some image was shifted
    at::Tensor values = x.eq(0) | x.eq(1);
    EXPECT_TRUE(values.all().item<bool>());
}

TEST(Trainer, OneStepLowersTheLossOnAFixedBatch) {
    TrainOptions o;
    o.seed = 1;
    Trainer t(tinyConfig(), o);
    TrainData d = tinyData(32);
    at::Tensor x = normalizeGrey(d.trainImages, 0.286, 0.353);
    const double before = t.loss(x, d.trainLabels);
    const double during = t.step(x, d.trainLabels, 1e-3);
    const double after = t.loss(x, d.trainLabels);
    EXPECT_NEAR(before, during, 1e-4);
    EXPECT_LT(after, before);
}

TEST(Trainer, ResumeAfterOneEpochIsBitwiseIdenticalToAnUninterruptedRun) {
    const TrainData d = tinyData(96);
    TrainOptions o;
    o.epochs = 2;
    o.batchSize = 32;
    o.warmupEpochs = 1;
    o.seed = 11;
    o.evalBatch = 16;

    const fs::path straightDir = tempDir("straight"), resumedDir = tempDir("resumed");
    o.outDir = straightDir.string();
    Trainer straight(tinyConfig(), o);
    const std::vector<EpochRecord> logA = straight.run(d);
    ASSERT_EQ(logA.size(), 2u);

    o.outDir = resumedDir.string();
    o.stopAfterEpochs = 1;
    {
        Trainer first(tinyConfig(), o);
        EXPECT_EQ(first.run(d).size(), 1u);
    }
    EXPECT_TRUE(fs::exists(resumedDir / "train_state.pt"));
    // A second fresh start into the same folder must refuse instead of overwriting.
    EXPECT_THROW(Trainer(tinyConfig(), o).run(d), Error);
    o.stopAfterEpochs = 0;
    o.resume = true;
    Trainer second(tinyConfig(), o);
    const std::vector<EpochRecord> logB = second.run(d);
    ASSERT_EQ(logB.size(), 2u);
    EXPECT_EQ(logA[1].trainLoss, logB[1].trainLoss);
    EXPECT_EQ(logA[1].testTop1, logB[1].testTop1);

    const std::vector<at::Tensor> a = straight.parameters(), b = second.parameters();
    ASSERT_EQ(a.size(), b.size());
    for (size_t i = 0; i < a.size(); ++i) EXPECT_TRUE(at::equal(a[i], b[i])) << "parameter " << i;

    // The saved model is the latest epoch's and loads back with its accuracy in the config.
    ViTModel saved = loadModel(resumedDir.string());
    EXPECT_DOUBLE_EQ(saved.config().reportedAccuracy, logB[1].testTop1);
    EXPECT_TRUE(at::equal(saved.weights().headW, second.model().weights().headW.detach()));
    EXPECT_TRUE(fs::exists(resumedDir / "log.csv"));

    // --init starts a new run from saved weights.
    TrainOptions fine;
    fine.initFrom = resumedDir.string();
    Trainer tuned(tinyConfig(), fine);
    EXPECT_TRUE(at::equal(tuned.model().weights().headW, saved.weights().headW));
    EXPECT_THROW(Trainer(fashionVitConfig(16, 2, 2, 64), fine), Error);

    // --epochs may change on resume: a longer schedule runs the extra epoch, a shorter one than the
    // epochs already done is refused.
    o.epochs = 1;
    EXPECT_THROW(Trainer(tinyConfig(), o).run(d), Error);
    o.epochs = 3;
    {
        Trainer extended(tinyConfig(), o);
        const std::vector<EpochRecord> logC = extended.run(d);
        ASSERT_EQ(logC.size(), 3u);
        EXPECT_EQ(logC[1].trainLoss, logB[1].trainLoss);
        EXPECT_EQ(logC[2].epoch, 3);
    }

    // Resuming with other settings is refused.
    o.lr = 5e-4;
    Trainer other(tinyConfig(), o);
    EXPECT_THROW(other.run(d), Error);
    fs::remove_all(straightDir);
    fs::remove_all(resumedDir);
}

TEST(Trainer, FashionConfigRoundTripsThroughJson) {
    const ViTConfig c = fashionVitConfig(128, 4, 12, 512);
    const ViTConfig r = ViTConfig::fromJsonText(c.toJsonText(), "config.json");
    EXPECT_EQ(r.architecture, "fashion_vit_tiny");
    EXPECT_EQ(r.inChans, 1);
    EXPECT_EQ(r.imageSize, 28);
    EXPECT_EQ(r.patchSize, 4);
    EXPECT_EQ(r.numPatches(), 49);
    EXPECT_EQ(r.embedDim, 128);
    EXPECT_EQ(r.numHeads, 4);
    EXPECT_EQ(r.depth, 12);
    EXPECT_EQ(r.mlpHidden, 512);
    EXPECT_EQ(r.labelNames.size(), 10u);
    EXPECT_EQ(r.labelNames[9], "Ankle boot");
    EXPECT_DOUBLE_EQ(r.cropPct, 1.0);
    ASSERT_EQ(r.mean.size(), 1u);
    EXPECT_DOUBLE_EQ(r.mean[0], 0.2860);
    EXPECT_DOUBLE_EQ(r.std[0], 0.3530);
}
