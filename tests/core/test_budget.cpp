// Equal-cost solving (prune/budget.h): solved settings meet the target, cost is monotone in the
// main knob, out-of-range targets and knob-less methods fail clearly, integer knobs give the
// closest setting not above the target, the other knobs are kept.
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include "common/error.h"
#include "model/model_loader.h"
#include "prune/budget.h"
#include "prune/flops.h"
#include "prune/registry.h"
#include "support/default_model.h"
#include "support/fashion_batches.h"
#include "support/small_vit.h"

namespace {

// 49 patches: cheap forwards, and ToMe's r reaches its cap (half the tokens) well below 128.
const vp::ViTModel& model() {
    static const vp::ViTModel m = [] {
        vp::ViTConfig c = vp::test::smallConfig();
        return vp::randomModel(c, 7);
    }();
    return m;
}

// 256 patches, so one token is a small fraction of the cost and a 0.5% tolerance is reachable.
const vp::ViTModel& fineModel() {
    static const vp::ViTModel m = [] {
        vp::ViTConfig c;
        c.imageSize = 64;
        c.inChans = 1;
        c.patchSize = 4;
        c.embedDim = 16;
        c.depth = 12;
        c.numHeads = 2;
        c.mlpHidden = 32;
        c.numClasses = 10;
        c.mean = {0.5};
        c.std = {0.5};
        return vp::randomModel(c, 7);
    }();
    return m;
}

double dense() { return vp::toG(vp::denseMacs(model())); }

double gmacsWith(const std::string& id, const std::string& knob, const std::string& value) {
    vp::KnobValues v;
    v.set(knob, value);
    return vp::methodGMacs(model(), id, v);
}

TEST(Budget, RangeEndsAreTheKnobEndsAndDearestIsDense) {
    for (const std::string id : {"evit", "random", "tome"}) {
        const auto [lo, hi] = vp::gmacsRange(model(), id, {});
        EXPECT_NEAR(hi, dense(), 1e-12) << id;
        EXPECT_LT(lo, 0.8 * hi) << id;
    }
    EXPECT_DOUBLE_EQ(vp::gmacsRange(model(), "evit", {}).first, gmacsWith("evit", "keep", "0.05"));
    EXPECT_DOUBLE_EQ(vp::gmacsRange(model(), "tome", {}).first, gmacsWith("tome", "r", "128"));
}

TEST(Budget, GMacsAreMonotoneInTheMainKnob) {
    double prev = 0;
    for (int i = 5; i <= 100; i += 5) {
        const double g = gmacsWith("evit", "keep", std::to_string(i / 100.0));
        EXPECT_GE(g, prev) << "keep " << i / 100.0;
        prev = g;
    }
    prev = 1e9;
    for (int r = 0; r <= 40; r += 2) {  // ToMe: a larger r costs less
        const double g = gmacsWith("tome", "r", std::to_string(r));
        EXPECT_LE(g, prev) << "r " << r;
        prev = g;
    }
}

TEST(Budget, NumberKnobsMeetTheTargetWithinTolerance) {
    const vp::ViTModel& m = fineModel();
    for (const std::string id : {"evit", "random"}) {
        const auto [lo, hi] = vp::gmacsRange(m, id, {});
        for (double f : {0.0, 0.15, 0.5, 0.85, 1.0}) {
            const double target = lo + f * (hi - lo);
            const vp::KnobValues v = vp::solveForBudget(m, id, {}, target);
            ASSERT_TRUE(v.has("keep"));
            const double g = vp::methodGMacs(m, id, v);
            EXPECT_NEAR(g, target, 0.005 * target) << id << " target " << target << " keep=" << v.raw().at("keep");
            EXPECT_LE(g, target * (1 + 1e-12)) << id << ": a setting not above the target exists";
        }
    }
}

TEST(Budget, SolvedNumberValuesAreShortDecimals) {
    const auto [lo, hi] = vp::gmacsRange(model(), "evit", {});
    const std::string keep = vp::solveForBudget(model(), "evit", {}, 0.5 * (lo + hi)).raw().at("keep");
    // Grid of 1/100 of the knob step (0.0001): at most four decimals, no float noise.
    const size_t dot = keep.find('.');
    ASSERT_NE(dot, std::string::npos) << keep;
    EXPECT_LE(keep.size() - dot - 1, 4u) << keep;
}

TEST(Budget, IntegerKnobGivesTheClosestSettingNotAboveTheTarget) {
    std::vector<double> cost(129);
    for (int r = 0; r <= 128; ++r) cost[r] = gmacsWith("tome", "r", std::to_string(r));
    const auto [lo, hi] = vp::gmacsRange(model(), "tome", {});
    for (double f : {0.0, 0.2, 0.45, 0.7, 0.9, 1.0}) {
        const double target = lo + f * (hi - lo);
        const vp::KnobValues v = vp::solveForBudget(model(), "tome", {}, target);
        const int r = std::stoi(v.raw().at("r"));
        ASSERT_GE(r, 0);
        ASSERT_LE(r, 128);
        double bestBelow = 0;
        for (double c : cost)
            if (c <= target) bestBelow = std::max(bestBelow, c);
        if (cost[r] > target) {
            // Above only when it meets the tolerance and nothing below does.
            EXPECT_LE(cost[r], target * 1.005) << "target " << target << " r " << r;
            EXPECT_LT(bestBelow, target * 0.995) << "target " << target << " r " << r;
        } else {
            EXPECT_DOUBLE_EQ(cost[r], bestBelow) << "target " << target << " r " << r;
        }
        for (int q = 0; q <= 128; ++q) {
            // ... and among equal costs the least aggressive r is chosen.
            if (q < r) EXPECT_GT(std::abs(cost[q] - cost[r]), 1e-12) << "r " << q << " costs the same as " << r;
        }
    }
}

TEST(Budget, IntegerKnobAtTheFloorPicksTheSmallestRThatReachesIt) {
    const auto [lo, hi] = vp::gmacsRange(model(), "tome", {});
    const int r = std::stoi(vp::solveForBudget(model(), "tome", {}, lo).raw().at("r"));
    EXPECT_LT(r, 128);  // r is capped at half the tokens: beyond some r nothing changes
    EXPECT_DOUBLE_EQ(gmacsWith("tome", "r", std::to_string(r)), lo);
    EXPECT_GT(gmacsWith("tome", "r", std::to_string(r - 1)), lo);
}

TEST(Budget, OtherKnobsAreKept) {
    vp::KnobValues base;
    base.set("locations", "1,4,7");
    const auto [lo, hi] = vp::gmacsRange(model(), "evit", base);
    const vp::KnobValues v = vp::solveForBudget(model(), "evit", base, 0.6 * hi);
    EXPECT_EQ(v.raw().at("locations"), "1,4,7");
    EXPECT_NEAR(vp::methodGMacs(model(), "evit", v), 0.6 * hi, 0.005 * 0.6 * hi);
    // Pruning earlier reaches lower: the range depends on the other knobs.
    EXPECT_LT(lo, vp::gmacsRange(model(), "evit", {}).first);
}

std::string errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const vp::Error& e) {
        EXPECT_EQ(e.exitCode(), 2) << e.what();
        return e.what();
    }
    return "";
}

TEST(Budget, OutOfRangeTargetsNameTheReachableRange) {
    const auto [lo, hi] = vp::gmacsRange(model(), "evit", {});
    const std::string above = errorOf([&] { vp::solveForBudget(model(), "evit", {}, 1.2 * dense()); });
    EXPECT_NE(above.find("reachable range"), std::string::npos) << above;
    EXPECT_NE(above.find("evit"), std::string::npos) << above;
    const std::string below = errorOf([&] { vp::solveForBudget(model(), "evit", {}, 0.5 * lo); });
    EXPECT_NE(below.find("reachable range"), std::string::npos) << below;
    EXPECT_NE(below.find("keep"), std::string::npos) << below;
    EXPECT_NE(errorOf([&] { vp::solveForBudget(model(), "tome", {}, -1); }), "");
    // Just outside, within the tolerance: accepted and clamped to the end.
    EXPECT_EQ(vp::solveForBudget(model(), "evit", {}, hi * 1.004).raw().at("keep"), "1");
}

TEST(Budget, MethodsWithoutMainKnobOrUnknownFail) {
    const std::string dense = errorOf([&] { vp::solveForBudget(model(), "dense", {}, 0.01); });
    EXPECT_NE(dense.find("no main knob"), std::string::npos) << dense;
    const std::string unknown = errorOf([&] { vp::solveForBudget(model(), "no-such-method", {}, 0.01); });
    EXPECT_NE(unknown.find("unknown method"), std::string::npos) << unknown;
    vp::KnobValues bad;
    bad.set("locations", "1,99");
    EXPECT_NE(errorOf([&] { vp::gmacsRange(model(), "evit", bad); }).find("locations"), std::string::npos);
}

TEST(Budget, SolverCachesAndAgreesWithTheFreeFunctions) {
    vp::BudgetSolver solver(model(), "random", {});
    EXPECT_EQ(solver.mainKnob(), "keep");
    EXPECT_EQ(solver.valueAt(0), "0.05");
    EXPECT_EQ(solver.valueAt(solver.gridSize() - 1), "1");
    const auto range = solver.range();
    EXPECT_EQ(range, vp::gmacsRange(model(), "random", {}));
    const double target = 0.5 * (range.first + range.second);
    EXPECT_EQ(solver.solve(target).raw(), vp::solveForBudget(model(), "random", {}, target).raw());
}

}  // namespace

namespace {

// A method whose kept count depends on the image costs, with images given, their mean: one noise
// input says nothing about it.
TEST(Budget, PerImageCostIsTheMeanOverTheGivenImages) {
    c10::InferenceMode guard;
    const vp::ViTModel& m = vp::test::defaultModel();
    const at::Tensor images = vp::test::fashionBatches(true, 64, 64).front();
    vp::KnobValues v;
    v.set("theta", "0.8");
    const double withImages = vp::methodGMacs(m, "ltp", v, vp::calibrationFrom({images}));
    auto ltp = vp::builtinRegistry().create("ltp", v);
    ltp->prepare(m);
    EXPECT_NEAR(withImages, vp::toG(vp::traceMacs(m, m.forward(images, *ltp).trace)), 1e-9);
    // Other methods keep measuring the random input.
    vp::KnobValues keep;
    keep.set("keep", "0.5");
    EXPECT_DOUBLE_EQ(vp::methodGMacs(m, "evit", keep, vp::calibrationFrom({images})), vp::methodGMacs(m, "evit", keep));
}

}  // namespace
