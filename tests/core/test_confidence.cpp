// Wilson score intervals (eval/confidence.h) against hand-computed values, and the "top1_ci95"
// and "provenance" of sweep files: written, old files without them still read, merge right.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "common/provenance.h"
#include "eval/confidence.h"
#include "eval/sweep_result.h"

namespace {

// p = 0.9, n = 100, z = 1.96: centre (0.9 + 0.019208) / 1.038415 = 0.885210,
// half 1.96 · sqrt(0.0009 + 0.00009604) / 1.038415 = 0.059567.
TEST(Wilson, HandComputedValues) {
    const vp::ConfidenceInterval a = vp::wilsonInterval(90, 100);
    EXPECT_NEAR(a.lo, 0.8256, 5e-5);
    EXPECT_NEAR(a.hi, 0.9448, 5e-5);
    // 50 of 100: centre 0.5, half 1.96 · sqrt(0.0025 + 0.00009604) / 1.038415 = 0.096164.
    const vp::ConfidenceInterval b = vp::wilsonInterval(50, 100);
    EXPECT_NEAR(b.lo, 0.4038, 5e-5);
    EXPECT_NEAR(b.hi, 0.5962, 5e-5);
    // 0 of 10: [0, z²/(n + z²)] = [0, 3.8415 / 13.8415] = [0, 0.2775].
    const vp::ConfidenceInterval c = vp::wilsonInterval(0, 10);
    EXPECT_DOUBLE_EQ(c.lo, 0);
    EXPECT_NEAR(c.hi, 0.2775, 5e-5);
    const vp::ConfidenceInterval d = vp::wilsonInterval(10, 10);
    EXPECT_NEAR(d.lo, 1 - 0.2775, 5e-5);
    EXPECT_DOUBLE_EQ(d.hi, 1);
    // 9023 of 10000 (fashion-vit-tiny): 0.89632 .. 0.90797.
    const vp::ConfidenceInterval e = vp::wilsonInterval(9023, 10000);
    EXPECT_NEAR(e.lo, 0.89632, 5e-5);
    EXPECT_NEAR(e.hi, 0.90797, 5e-5);
    const vp::ConfidenceInterval none = vp::wilsonInterval(0, 0);
    EXPECT_EQ(none.lo, 0);
    EXPECT_EQ(none.hi, 1);
}

vp::SweepResult shard(int index, int64_t correct, int64_t images) {
    vp::SweepResult r;
    r.model = "m";
    r.dataset = "d";
    r.limit = 200;
    r.shard = {index, 2};
    r.pointsPerMethod = 1;
    r.plannedPoints = 1;
    r.denseGMacs = 1;
    r.methods.push_back({"dense", {vp::SweepPoint{{}, 1, 1, correct, images, double(correct) / images, 1}}});
    return r;
}

TEST(Wilson, SweepPointsCarryTheIntervalAndMergeRecomputesIt) {
    vp::SweepResult a = shard(0, 40, 100), b = shard(1, 50, 100);
    a.provenance = vp::provenanceText("cpu");
    const nlohmann::json j = nlohmann::json::parse(vp::sweepToJson(a));
    const nlohmann::json& ci = j["methods"][0]["points"][0]["top1_ci95"];
    ASSERT_TRUE(ci.is_array());
    ASSERT_EQ(ci.size(), 2u);
    EXPECT_DOUBLE_EQ(ci[0].get<double>(), vp::wilsonInterval(40, 100).lo);
    EXPECT_DOUBLE_EQ(ci[1].get<double>(), vp::wilsonInterval(40, 100).hi);
    EXPECT_EQ(j["provenance"]["device"], "cpu");

    // The merged point's interval is the one of the summed counts (90 of 200), narrower than a shard's.
    const vp::SweepResult m = vp::mergeSweeps({"a.json", "b.json"}, {a, b});
    const vp::SweepPoint& p = m.methods[0].points[0];
    EXPECT_EQ(p.correct, 90);
    EXPECT_EQ(p.images, 200);
    EXPECT_DOUBLE_EQ(p.top1Ci95().lo, vp::wilsonInterval(90, 200).lo);
    EXPECT_DOUBLE_EQ(p.top1Ci95().hi, vp::wilsonInterval(90, 200).hi);
    EXPECT_LT(p.top1Ci95().hi - p.top1Ci95().lo,
              a.methods[0].points[0].top1Ci95().hi - a.methods[0].points[0].top1Ci95().lo);
    const nlohmann::json mj = nlohmann::json::parse(vp::sweepToJson(m));
    EXPECT_DOUBLE_EQ(mj["methods"][0]["points"][0]["top1_ci95"][0].get<double>(), p.top1Ci95().lo);
}

TEST(Wilson, OldSweepFilesWithoutTheFieldsStillRead) {
    nlohmann::json j = nlohmann::json::parse(vp::sweepToJson(shard(0, 40, 100)));
    j["methods"][0]["points"][0].erase("top1_ci95");
    ASSERT_FALSE(j.contains("provenance"));
    const vp::SweepResult r = vp::sweepFromJson(j.dump(), "old.json");
    EXPECT_TRUE(r.provenance.empty());
    EXPECT_DOUBLE_EQ(r.methods[0].points[0].top1Ci95().lo, vp::wilsonInterval(40, 100).lo);
    // A stored interval is derived data: a wrong one is replaced by the counts' on writing.
    j["methods"][0]["points"][0]["top1_ci95"] = {0, 1};
    const nlohmann::json again = nlohmann::json::parse(vp::sweepToJson(vp::sweepFromJson(j.dump(), "x.json")));
    EXPECT_DOUBLE_EQ(again["methods"][0]["points"][0]["top1_ci95"][1].get<double>(), vp::wilsonInterval(40, 100).hi);
    // Provenance survives a round trip; one that is not an object is dropped, never an error.
    vp::SweepResult withProv = shard(0, 40, 100);
    withProv.provenance = vp::provenanceText("cuda:0");
    const std::string text = vp::sweepToJson(withProv);
    EXPECT_EQ(vp::sweepToJson(vp::sweepFromJson(text, "p.json")), text);
    j["provenance"] = "from elsewhere";
    EXPECT_TRUE(vp::sweepFromJson(j.dump(), "s.json").provenance.empty());
}

TEST(Provenance, HoldsVersionsDeviceThreadsAndUtcTime) {
    const nlohmann::json p = vp::provenanceJson("cuda:0");
    EXPECT_EQ(p["app"].get<std::string>().rfind("vitprune ", 0), 0u);
    EXPECT_FALSE(p["libtorch"].get<std::string>().empty());
    EXPECT_EQ(p["device"], "cuda:0");
    EXPECT_GE(p["threads"].get<int>(), 1);
    const std::string created = p["created"];
    ASSERT_EQ(created.size(), 20u) << created;  // 2024-05-01T12:34:56Z
    EXPECT_EQ(created[10], 'T');
    EXPECT_EQ(created.back(), 'Z');
    EXPECT_EQ(nlohmann::json::parse(vp::provenanceText())["device"], "cpu");
}

}  // namespace
