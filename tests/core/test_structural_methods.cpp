// The globally ranked structural methods (NViT, S²ViTE, VTP) and attention-layer removal on the
// shipped default model with real Fashion-MNIST calibration images: budgets met within 2% or one
// unit's cost, GMACs monotone in the budget, budget 1 = the model unchanged, Taylor scores zero for
// units whose weights are zero, the removed layers are the lowest-entropy ones, every patch kept
// in the trace, and the bad-input errors (unreachable budget, zero calibration images).
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include <algorithm>

#include "common/error.h"
#include "model/model_loader.h"
#include "prune/budget.h"
#include "prune/flops.h"
#include "prune/method_setup.h"
#include "prune/registry.h"
#include "prune/soft_mask_search.h"
#include "prune/unit_importance.h"
#include "support/fashion_batches.h"
#include "support/small_vit.h"

namespace {

const vp::ViTModel& defaultModel() {
    static const vp::ViTModel m = vp::loadModel("fashion-vit-tiny");
    return m;
}

vp::CalibrationProvider calibration() { return vp::calibrationFrom(vp::test::fashionBatches(true, 64, 32)); }

vp::ReadyMethod ready(const std::string& id, const std::map<std::string, std::string>& values) {
    return vp::readyMethod(defaultModel(), id, vp::knobValuesFrom(values), calibration());
}

// The MACs of the largest unit a ranking can remove: one head of the default model at full width.
double headCost(const vp::ViTModel& m) {
    const vp::ViTConfig& c = m.config();
    const double N = c.numPatches() + 1, C = c.embedDim, d = c.headDim();
    return N * C * 3 * d + 2 * N * N * d + N * d * C;
}

class RankedMethods : public ::testing::TestWithParam<std::string> {};

TEST_P(RankedMethods, MeetTheBudgetMonotonically) {
    c10::InferenceMode guard;
    const double dense = vp::denseMacs(defaultModel());
    double previous = 0;
    for (const char* budget : {"0.3", "0.5", "0.7", "0.85"}) {
        const vp::ReadyMethod r = ready(GetParam(), {{"budget", budget}});
        ASSERT_TRUE(r.patched);
        const double target = std::stod(budget) * dense, got = vp::denseMacs(r.model());
        EXPECT_LE(got, target) << GetParam() << " at " << budget;
        EXPECT_GE(got, target - std::max(0.02 * target, headCost(defaultModel()))) << GetParam() << " at " << budget;
        EXPECT_GE(got, previous);
        previous = got;
        // Structural methods change the model, not the tokens: every patch is kept in every block,
        // and the traced cost is the smaller model's.
        const vp::ForwardResult out =
            r.model().forward(vp::test::fashionBatches(false, 2, 2)[0], *r, {vp::TraceLevel::Full});
        for (const vp::LayerTrace& lt : out.trace.layers)
            EXPECT_EQ(std::count(lt.fate.begin(), lt.fate.end(), vp::PatchFate::Kept),
                      static_cast<long>(lt.fate.size()));
        EXPECT_DOUBLE_EQ(vp::traceMacs(r.model(), out.trace), got);
    }
}

TEST_P(RankedMethods, FullBudgetLeavesTheModelUnchanged) {
    c10::InferenceMode guard;
    const vp::ReadyMethod r = ready(GetParam(), {{"budget", "1"}});
    const at::Tensor x = vp::test::fashionBatches(false, 4, 4)[0];
    EXPECT_EQ((r.model().forward(x) - defaultModel().forward(x)).abs().max().item<double>(), 0.0);
}

INSTANTIATE_TEST_SUITE_P(Structural, RankedMethods, ::testing::Values("nvit", "s2vite", "vtp", "vit-slim"));

TEST(StructuralMethods, UnreachableBudgetIsOneClearError) {
    c10::InferenceMode guard;
    try {  // heads and neurons only: one full-width head and one neuron per block stay
        (void)ready("s2vite", {{"budget", "0.05"}});
        FAIL() << "an unreachable budget was accepted";
    } catch (const vp::Error& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("s2vite"), std::string::npos) << what;
        EXPECT_NE(what.find("below"), std::string::npos) << what;
        EXPECT_EQ(what.find('\n'), std::string::npos) << what;
    }
}

// The budget solver (equal-GMACs comparisons, sweeps, the studio's budget slider) starts a
// structural method's range at the cheapest budget it can reach, not at the knob's minimum.
TEST(StructuralMethods, SolverRangeStartsAtTheReachableBudget) {
    c10::InferenceMode guard;
    vp::BudgetSolver solver(defaultModel(), "s2vite", {});
    const auto [lo, hi] = solver.range();
    const double dense = vp::toG(vp::denseMacs(defaultModel()));
    EXPECT_GT(solver.firstReachable(), 0);
    EXPECT_GT(lo, 0.05 * dense);
    EXPECT_LT(lo, 0.3 * dense);
    EXPECT_NEAR(hi, dense, 1e-9);
    const vp::KnobValues v = solver.solve(0.4 * dense);
    EXPECT_LE(vp::methodGMacs(defaultModel(), "s2vite", v), 0.4 * dense);
    EXPECT_THROW(solver.solve(0.5 * lo), vp::Error);
}

TEST(StructuralMethods, ZeroCalibrationImagesIsOneClearError) {
    c10::InferenceMode guard;
    for (const char* id : {"nvit", "attn-removal"}) {
        try {
            (void)vp::readyMethod(defaultModel(), id, {}, vp::calibrationFrom({}));
            FAIL() << id << " ran on zero calibration images";
        } catch (const vp::Error& e) {
            EXPECT_NE(std::string(e.what()).find("zero images"), std::string::npos) << e.what();
        }
    }
}

TEST(StructuralMethods, TaylorScoresOfZeroWeightUnitsAreZero) {
    vp::ViTModel m = vp::randomModel(vp::test::smallConfig(2), 3);
    {
        c10::InferenceMode guard;
        m.weights().blocks[0].fc1W[7].zero_();
        m.weights().blocks[0].fc1B[7].zero_();
        m.weights().blocks[0].fc2W.select(1, 7).zero_();
    }
    const auto batches = vp::test::fashionBatches(true, 8, 4, 0.5, 0.5);
    for (auto source : {vp::ImportanceSource::Taylor, vp::ImportanceSource::TaylorSquared}) {
        const vp::UnitScores s = vp::unitScores(m, source, batches);
        EXPECT_EQ(s.neurons[0][7], 0.0);
        EXPECT_GT(*std::max_element(s.neurons[0].begin(), s.neurons[0].end()), 0.0);
        for (const auto& block : s.heads)
            for (double v : block) EXPECT_GE(v, 0.0);
    }
    const vp::UnitScores l1 = vp::unitScores(m, vp::ImportanceSource::Magnitude);
    EXPECT_EQ(l1.neurons[0][7], 0.0);
    EXPECT_GT(l1.neurons[0][6], 0.0);
}

TEST(AttentionRemoval, RemovesTheLowestEntropyLayers) {
    c10::InferenceMode guard;
    const std::vector<double> entropy =
        vp::attentionOutputEntropy(defaultModel(), vp::test::fashionBatches(true, 64, 32));
    std::vector<int> order(entropy.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<int>(i);
    std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return entropy[a] < entropy[b]; });
    double previous = vp::denseMacs(defaultModel());
    for (int count = 1; count <= 4; ++count) {
        const vp::ReadyMethod r = ready("attn-removal", {{"count", std::to_string(count)}});
        std::vector<int> removed;
        for (size_t l = 0; l < r.model().weights().blocks.size(); ++l)
            if (r.model().weights().blocks[l].attentionRemoved) removed.push_back(static_cast<int>(l));
        std::vector<int> expected(order.begin(), order.begin() + count);
        std::sort(expected.begin(), expected.end());
        EXPECT_EQ(removed, expected);
        EXPECT_LT(vp::denseMacs(r.model()), previous);
        previous = vp::denseMacs(r.model());
    }
}

TEST(AttentionRemoval, HandPickedLayersAndLimits) {
    c10::InferenceMode guard;
    const vp::ReadyMethod r =
        vp::readyMethod(defaultModel(), "attn-removal", vp::knobValuesFrom({{"layers", "0,2,4"}}));
    for (size_t l = 0; l < r.model().weights().blocks.size(); ++l)
        EXPECT_EQ(r.model().weights().blocks[l].attentionRemoved, l == 0 || l == 2 || l == 4) << l;
    EXPECT_EQ(r.model().config().prunedBy, "attn-removal layers=0,2,4");
    EXPECT_THROW((void)ready("attn-removal", {{"count", "13"}}), vp::Error);
    EXPECT_THROW((void)ready("attn-removal", {{"layers", "12"}}), vp::Error);
    const vp::ReadyMethod none = ready("attn-removal", {{"count", "0"}});
    EXPECT_DOUBLE_EQ(vp::denseMacs(none.model()), vp::denseMacs(defaultModel()));
}

}  // namespace

// ViT-Slim's soft-mask search (and VTP's learned gates): a neuron whose outgoing weights are zero
// changes nothing, so only the L1 term acts on its mask and drives it to zero exactly (masks are
// projected onto >= 0; unprojected, they would oscillate around zero by about the step size and
// out-rank neurons that matter a little), while a good share of the neurons the output depends on
// keep clearly positive masks.
TEST(SoftMaskSearch, MasksOfUnitsThatWriteNothingGoToZero) {
    vp::ViTModel m = defaultModel();
    m.weights().blocks[3].fc2W = m.weights().blocks[3].fc2W.clone();
    const std::vector<int> silent{7, 100, 300};
    for (int n : silent) m.weights().blocks[3].fc2W.select(1, n).zero_();
    vp::MaskSearchOptions o;
    o.steps = 60;
    const vp::UnitScores s = vp::softMaskScores(m, vp::test::fashionBatches(true, 64, 32), o);
    std::vector<double> others;
    for (size_t n = 0; n < s.neurons[3].size(); ++n)
        if (std::find(silent.begin(), silent.end(), static_cast<int>(n)) == silent.end())
            others.push_back(s.neurons[3][n]);
    const double lowest = *std::min_element(others.begin(), others.end());
    const auto clear = std::count_if(others.begin(), others.end(), [](double v) { return v > 0.1; });
    for (int n : silent) {
        EXPECT_EQ(s.neurons[3][n], 0.0) << n;
        EXPECT_LE(s.neurons[3][n], lowest) << n;
    }
    EXPECT_GE(clear, static_cast<long>(others.size() / 10)) << "the search zeroed nearly every neuron of block 3";
    EXPECT_THROW(vp::softMaskScores(m, {}, o), vp::Error);
}
