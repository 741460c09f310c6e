// eval and sweep refuse a dataset whose classes are not the model's (a 1000-class DeiT on
// 10-class Fashion-MNIST) before any work; the default model still runs, with confidence
// intervals and provenance in its results.
#include <gtest/gtest.h>

#include "cli/hostile_cli_support.h"

namespace {

using namespace hostile;

class DatasetGuard : public HostileTest {};

const std::string kDeit = "random:deit_small_patch16_224";
const std::string kFashionFolder = "/usr/share/datasets/fashion-mnist";

TEST_F(DatasetGuard, DeitOnFashionMnistIsRefused) {
    for (const std::string& data : {std::string("fashion-mnist"), kFashionFolder}) {
        const std::string expected = "dataset '" + data + "' has 10 classes but model '" + kDeit + "' has 1000";
        const CliRun e = runCli("eval " + kDeit + " " + data + " --limit 8");
        EXPECT_EQ(e.code, 2) << e.err;
        EXPECT_TRUE(Has(e.err, expected));
        EXPECT_TRUE(Has(e.err, "folder of class folders"));
        EXPECT_EQ(lines(e.err), 1u) << e.err;
        EXPECT_TRUE(e.out.empty()) << e.out;

        const fs::path out = dir() / "s.json";
        const CliRun s = runCli("sweep " + kDeit + " " + data + " --methods evit --points 1 --limit 8 --out " + q(out));
        EXPECT_EQ(s.code, 2) << s.err;
        EXPECT_TRUE(Has(s.err, expected));
        EXPECT_FALSE(fs::exists(out));
        EXPECT_TRUE(fs::is_empty(dir()));
    }
}

TEST_F(DatasetGuard, FashionModelStillRunsWithIntervalsAndProvenance) {
    const CliRun e = runCli("eval fashion-vit-tiny " + kFashionFolder + " --limit 32 --batch 16 --json");
    ASSERT_EQ(e.code, 0) << e.err;
    const nlohmann::json j = nlohmann::json::parse(e.out);
    const double acc = j["accuracy"];
    ASSERT_EQ(j["top1_ci95"].size(), 2u);
    EXPECT_LE(j["top1_ci95"][0].get<double>(), acc);
    EXPECT_GE(j["top1_ci95"][1].get<double>(), acc);
    EXPECT_LT(j["top1_ci95"][0].get<double>(), j["top1_ci95"][1].get<double>());
    EXPECT_TRUE(j["provenance"].is_object());

    const fs::path out = dir() / "s.json";
    const CliRun s = runCli(
        "sweep fashion-vit-tiny fashion-mnist --methods evit --points 1 --limit 16 --batch 8 "
        "--threads 1 --json --out " +
        q(out));
    ASSERT_EQ(s.code, 0) << s.err;
    const nlohmann::json f = readJson(out);
    EXPECT_EQ(f["provenance"]["device"], "cpu");
    for (const auto& m : f["methods"])
        for (const auto& p : m["points"]) {
            ASSERT_EQ(p["top1_ci95"].size(), 2u) << p;
            EXPECT_LE(p["top1_ci95"][0].get<double>(), p["accuracy"].get<double>());
            EXPECT_GE(p["top1_ci95"][1].get<double>(), p["accuracy"].get<double>());
        }
}

}  // namespace
