// Per-image cost (eval/per_image_cost.h, eval/cost_distribution.h): per-sample MACs agree with the
// batch mean and with single-image forwards; summary statistics and histogram binning; a
// fixed-count method (EViT) costs every image the same, LTP on the shipped model and real
// Fashion-MNIST test images does not, each image between LTP's cheapest possible forward and dense.
#include <ATen/CPUGeneratorImpl.h>
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <set>

#include "eval/fashion_mnist_idx.h"
#include "eval/per_image_cost.h"
#include "model/model_loader.h"
#include "prune/method_setup.h"
#include "prune/flops.h"
#include "prune/registry.h"
#include "train/augment.h"
#include "support/small_vit.h"

namespace fs = std::filesystem;

namespace {

vp::MethodPtr method(const std::string& id, const std::string& knob = "", const std::string& value = "") {
    vp::KnobValues v;
    if (!knob.empty()) v.set(knob, value);
    return vp::builtinRegistry().create(id, v);
}

// A random ViT with peaked attention (as in test_ltp.cpp), so LTP prunes different counts per image.
vp::ViTModel smallModel() {
    vp::ViTConfig c = vp::test::smallConfig(6);
    vp::ViTModel m = vp::randomModel(c, 11);
    for (auto& b : m.weights().blocks) b.qkvW.narrow(0, 0, 2 * b.attnDim()).mul_(15.0);
    return m;
}

TEST(PerImageCost, SampleMacsAverageToTraceMacsAndMatchSingleImages) {
    c10::InferenceMode guard;
    vp::ViTModel model = smallModel();
    auto ltp = method("ltp", "theta", "0.8");
    ltp->prepare(model);
    const at::Tensor x = at::randn({4, 1, 28, 28}, at::make_generator<at::CPUGeneratorImpl>(3));
    const vp::TokenTrace trace = model.forward(x, *ltp).trace;
    const std::vector<double> macs = vp::sampleMacs(model, trace);
    ASSERT_EQ(macs.size(), 4u);
    double sum = 0;
    for (double m : macs) sum += m;
    EXPECT_NEAR(sum / 4, vp::traceMacs(model, trace), 1e-6);
    std::set<double> distinct(macs.begin(), macs.end());
    EXPECT_GT(distinct.size(), 1u) << "LTP should cost the four images differently";
    const std::vector<double> meanTok = vp::sampleMeanTokens(trace), finalTok = vp::sampleFinalTokens(trace);
    for (int b = 0; b < 4; ++b) {
        const vp::TokenTrace single = model.forward(x.narrow(0, b, 1), *ltp).trace;
        EXPECT_NEAR(macs[b], vp::traceMacs(model, single), 1e-6) << "image " << b;
        EXPECT_DOUBLE_EQ(finalTok[b], single.layers.back().mlpTokens[0] - 1.0);
        double mean = 0;
        for (const auto& lt : single.layers) mean += lt.mlpTokens[0] - 1.0;
        EXPECT_NEAR(meanTok[b], mean / single.layers.size(), 1e-12);
        EXPECT_LE(finalTok[b], meanTok[b]);  // pruned stays pruned
    }
    // Dense: every sample the analytic dense cost, 49 tokens everywhere.
    auto dense = method("dense");
    const vp::TokenTrace d = model.forward(x, *dense).trace;
    for (double m : vp::sampleMacs(model, d)) EXPECT_NEAR(m, vp::denseMacs(model), 1e-6);
    for (double t : vp::sampleMeanTokens(d)) EXPECT_EQ(t, 49.0);
}

TEST(PerImageCost, SummaryStatisticsAndPercentiles) {
    const vp::DistributionStats s = vp::summarize({10, 1, 9, 2, 8, 3, 7, 4, 6, 5});
    EXPECT_EQ(s.count, 10);
    EXPECT_DOUBLE_EQ(s.mean, 5.5);
    EXPECT_NEAR(s.std, std::sqrt(8.25), 1e-12);  // population std
    EXPECT_EQ(s.min, 1);
    EXPECT_EQ(s.max, 10);
    EXPECT_DOUBLE_EQ(s.median, 5.5);
    EXPECT_DOUBLE_EQ(s.p25, 3.25);  // numpy.percentile(range(1, 11), 25)
    EXPECT_DOUBLE_EQ(s.p95, 9.55);
    EXPECT_DOUBLE_EQ(s.p5, 1.45);
    const vp::DistributionStats one = vp::summarize({0.25});
    EXPECT_EQ(one.std, 0);
    EXPECT_EQ(one.p5, 0.25);
    EXPECT_EQ(one.p95, 0.25);
    EXPECT_EQ(vp::summarize({}).count, 0);
}

TEST(PerImageCost, HistogramBinsAreHalfOpenWithTheLastClosed) {
    const vp::Histogram h = vp::makeHistogram({0, 0.5, 1, 1, 2}, 2);
    ASSERT_EQ(h.bins(), 2);
    EXPECT_EQ(h.lo, 0);
    EXPECT_EQ(h.hi, 2);
    EXPECT_EQ(h.width, 1);
    EXPECT_EQ(h.counts, (std::vector<int64_t>{2, 3}));
    EXPECT_EQ(h.total(), 5);
    // Edges that are not exact in binary: 0.1 * k lands in bin k.
    std::vector<double> v;
    for (int k = 0; k <= 10; ++k) v.push_back(0.1 * k);
    const vp::Histogram t = vp::makeHistogram(v, 10, 0.0, 1.0);
    EXPECT_EQ(t.total(), 11);
    for (int k = 0; k < 9; ++k) EXPECT_EQ(t.counts[k], 1) << "bin " << k;
    EXPECT_EQ(t.counts[9], 2);  // 0.9 and 1.0
    // Outside a fixed range: not counted.
    EXPECT_EQ(vp::makeHistogram({-1, 0.5, 3}, 4, 0, 1).total(), 1);
    // One value for all: a single bin around it.
    const vp::Histogram u = vp::makeHistogram({0.09, 0.09, 0.09}, 20);
    ASSERT_EQ(u.bins(), 1);
    EXPECT_EQ(u.counts[0], 3);
    EXPECT_LT(u.lo, 0.09);
    EXPECT_GT(u.hi, 0.09);
    EXPECT_NEAR(u.binCentre(0), 0.09, 1e-15);
    EXPECT_EQ(vp::makeHistogram({}, 5).bins(), 0);
}

TEST(PerImageCost, CsvHasOneRowPerImage) {
    vp::PerImageCosts c;
    c.images = {{0, 0.1, 40.5, 30, 3, 3}, {1, 0.08, 35, 20, 7, 5}};
    EXPECT_EQ(c.correct(), 1);
    EXPECT_DOUBLE_EQ(c.accuracy(), 0.5);
    EXPECT_FALSE(c.uniform());
    EXPECT_EQ(vp::perImageCsv(c),
              "index,label,predicted,correct,gmacs,mean_tokens,final_tokens\n"
              "0,3,3,1,0.1,40.5,30\n"
              "1,7,5,0,0.08,35,20\n");
}

// The shipped model on the first `n` Fashion-MNIST test images.
class ShippedModel : public ::testing::Test {
protected:
    void SetUp() override {
        const fs::path folder = fs::path(VP_SOURCE_DIR) / "resources" / "models" / "fashion-vit-tiny";
        const fs::path data(vp::fashionMnistDir());
        if (!fs::exists(folder)) GTEST_SKIP() << folder.string() << " missing";
        if (!fs::exists(data / "t10k-images-idx3-ubyte.gz"))
            GTEST_SKIP() << data.string() << " missing: install dataset-fashion-mnist (scripts/setup.sh)";
        m_test = vp::readFashionMnist((data / "t10k-images-idx3-ubyte.gz").string(),
                                      (data / "t10k-labels-idx1-ubyte.gz").string());
        m_model = vp::loadModel("fashion-vit-tiny");
    }

    vp::BatchSource source() const {
        return [this](int64_t start, int64_t n) {
            const vp::ViTConfig& c = m_model.config();
            return vp::LabelledBatch{vp::normalizeGrey(m_test.images.narrow(0, start, n), c.mean[0], c.std[0]),
                                     m_test.labels.narrow(0, start, n)};
        };
    }

    vp::IdxImages m_test;
    vp::ViTModel m_model;
};

TEST_F(ShippedModel, FixedCountMethodCostsEveryImageTheSame) {
    auto evit = method("evit", "keep", "0.7");
    const int64_t n = 256;
    const vp::PerImageCosts c = vp::evaluatePerImage(m_model, *evit, source(), n, 64);
    ASSERT_EQ(c.images.size(), size_t(n));
    EXPECT_TRUE(c.uniform());
    const vp::DistributionStats s = vp::summarize(c.gmacs());
    EXPECT_EQ(s.min, s.max);
    EXPECT_EQ(s.std, 0);
    EXPECT_LT(s.mean, vp::toG(vp::denseMacs(m_model)));
    const vp::Histogram h = vp::makeHistogram(c.gmacs(), 20);
    ASSERT_EQ(h.bins(), 1);
    EXPECT_EQ(h.counts[0], n);
    for (int64_t i = 0; i < n; ++i) EXPECT_EQ(c.images[i].index, i);
    EXPECT_EQ(vp::summarize(c.finalTokens()).std, 0);
}

TEST_F(ShippedModel, LtpCostVariesPerImageBetweenItsFloorAndDense) {
    auto ltp = method("ltp");  // default theta
    const int64_t n = 500;
    int calls = 0;
    const vp::PerImageCosts c = vp::evaluatePerImage(m_model, *ltp, source(), n, 100, [&](int64_t done, int64_t total) {
        ++calls;
        EXPECT_EQ(total, n);
        EXPECT_EQ(done, calls * 100);
        return true;
    });
    ASSERT_EQ(c.images.size(), size_t(n));
    EXPECT_EQ(calls, 5);
    EXPECT_FALSE(c.cancelled);

    // Cheapest LTP forward: every patch pruned after block 0's attention (CLS never is).
    const vp::ViTConfig& cfg = m_model.config();
    const double N = cfg.numPatches() + 1;
    const vp::BlockDims dims{cfg.embedDim, cfg.mlpHidden, true};
    const double floorMacs = vp::denseMacs(m_model) - cfg.depth * vp::blockMacs(cfg.embedDim, dims, N, N) +
                             vp::blockMacs(cfg.embedDim, dims, N, 1) +
                             (cfg.depth - 1) * vp::blockMacs(cfg.embedDim, dims, 1, 1);
    const double dense = vp::toG(vp::denseMacs(m_model)), floor = vp::toG(floorMacs);
    std::set<double> distinct;
    for (const vp::ImageCost& i : c.images) {
        EXPECT_GE(i.gmacs, floor - 1e-12);
        EXPECT_LE(i.gmacs, dense + 1e-12);
        EXPECT_GE(i.finalTokens, 0);
        EXPECT_LE(i.finalTokens, i.meanTokens + 1e-12);
        EXPECT_LE(i.meanTokens, 49);
        distinct.insert(i.gmacs);
    }
    const vp::DistributionStats s = vp::summarize(c.gmacs());
    std::cout << "ltp (default) on " << n << " test images: GMACs mean " << s.mean << " std " << s.std << " min "
              << s.min << " max " << s.max << " (dense " << dense << "), " << distinct.size()
              << " distinct costs, top-1 " << 100 * c.accuracy() << "%\n";
    EXPECT_FALSE(c.uniform());
    EXPECT_GT(distinct.size(), 10u) << "LTP's cost should vary across images";
    EXPECT_GT(s.std, 0.01 * s.mean);
    EXPECT_LT(s.mean, dense);
    EXPECT_GT(c.accuracy(), 0.5);
    for (int bins : {1, 7, 20, 64}) EXPECT_EQ(vp::makeHistogram(c.gmacs(), bins).total(), n) << bins << " bins";

    // The same images through the evaluator: the same accuracy and mean cost.
    const vp::ReadyMethod again = vp::readyMethod(m_model, "ltp", {});
    const vp::EvalResult e = vp::evaluate(again.model(), *again, source(), n, 100);
    EXPECT_EQ(e.correct, c.correct());
    EXPECT_NEAR(e.gmacs, s.mean, 1e-9);
}

TEST_F(ShippedModel, CancelKeepsTheImagesDone) {
    auto ltp = method("ltp");
    const vp::PerImageCosts c =
        vp::evaluatePerImage(m_model, *ltp, source(), 300, 50, [](int64_t done, int64_t) { return done < 100; });
    EXPECT_TRUE(c.cancelled);
    EXPECT_EQ(c.images.size(), 100u);
}

}  // namespace
