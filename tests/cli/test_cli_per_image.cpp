// vitprune eval --per-image: the per-image list, distribution and histogram in --json, the text
// summary with its ASCII histogram, the atomic --per-image-csv file, and argument errors.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/cli_runner.h"
#include "eval/fashion_mnist_idx.h"

namespace fs = std::filesystem;

namespace {

#define SKIP_WITHOUT_DATA()                                                         \
    if (!fs::exists(fs::path(vp::fashionMnistDir()) / "t10k-images-idx3-ubyte.gz")) \
    GTEST_SKIP() << vp::fashionMnistDir() << " missing: install dataset-fashion-mnist"

TEST(CliPerImage, LtpJsonListsEveryImageWithItsDistribution) {
    SKIP_WITHOUT_DATA();
    const fs::path csv = fs::temp_directory_path() / ("vp_per_image_" + std::to_string(::getpid()) + ".csv");
    const CliRun r = runCli(
        "eval fashion-vit-tiny fashion-mnist --method ltp --limit 200 --batch 50 --per-image "
        "--histogram-bins 10 --json --per-image-csv " +
        csv.string());
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["images"], 200);
    const auto& p = j["per_image"];
    ASSERT_EQ(p["images"].size(), 200u);
    ASSERT_EQ(p["histogram"]["counts"].size(), 10u);
    EXPECT_EQ(p["histogram"]["edges"].size(), 11u);
    int64_t total = 0;
    for (const auto& c : p["histogram"]["counts"]) total += c.get<int64_t>();
    EXPECT_EQ(total, 200);
    double sum = 0;
    int64_t correct = 0;
    for (size_t i = 0; i < 200; ++i) {
        const auto& im = p["images"][i];
        EXPECT_EQ(im["index"], i);
        sum += im["gmacs"].get<double>();
        correct += im["correct"].get<bool>();
        EXPECT_EQ(im["correct"].get<bool>(), im["label"] == im["predicted"]);
        EXPECT_LE(im["gmacs"].get<double>(), p["dense_gmacs"].get<double>() + 1e-12);
    }
    EXPECT_NEAR(p["gmacs"]["mean"].get<double>(), sum / 200, 1e-12);
    EXPECT_NEAR(j["gmacs"].get<double>(), sum / 200, 1e-12);
    EXPECT_EQ(j["correct"], correct);
    EXPECT_LT(p["gmacs"]["min"].get<double>(), p["gmacs"]["max"].get<double>());
    EXPECT_GT(p["gmacs"]["std"].get<double>(), 0);
    EXPECT_FALSE(p["uniform"].get<bool>());
    for (const char* k : {"count", "mean", "std", "min", "max", "p5", "p10", "p25", "median", "p75", "p90", "p95"})
        EXPECT_TRUE(p["final_tokens"].contains(k)) << k;

    std::ifstream in(csv);
    ASSERT_TRUE(in) << csv;
    std::string line;
    int lines = 0;
    std::getline(in, line);
    EXPECT_EQ(line, "index,label,predicted,correct,gmacs,mean_tokens,final_tokens");
    while (std::getline(in, line)) ++lines;
    EXPECT_EQ(lines, 200);
    fs::remove(csv);
}

TEST(CliPerImage, TextShowsTheSummaryAndAnAsciiHistogram) {
    SKIP_WITHOUT_DATA();
    const CliRun r = runCli("eval fashion-vit-tiny fashion-mnist --method ltp --set theta=1.2 --limit 100 --per-image");
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("per image, ltp"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("GMACs per image (20 bins"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("tokens after last block"), std::string::npos) << r.out;
    EXPECT_NE(r.out.find("|#"), std::string::npos) << r.out;
}

TEST(CliPerImage, FixedCountMethodIsOneBinAndSaysSo) {
    SKIP_WITHOUT_DATA();
    const CliRun r =
        runCli("eval fashion-vit-tiny fashion-mnist --method evit --set keep=0.7 --limit 64 --per-image --json");
    ASSERT_EQ(r.code, 0) << r.err;
    const auto p = nlohmann::json::parse(r.out)["per_image"];
    EXPECT_TRUE(p["uniform"].get<bool>());
    ASSERT_EQ(p["histogram"]["counts"].size(), 1u);
    EXPECT_EQ(p["histogram"]["counts"][0], 64);
    EXPECT_EQ(p["gmacs"]["std"].get<double>(), 0);
    const CliRun t = runCli("eval fashion-vit-tiny fashion-mnist --method evit --set keep=0.7 --limit 64 --per-image");
    ASSERT_EQ(t.code, 0) << t.err;
    EXPECT_NE(t.out.find("every image costs the same"), std::string::npos) << t.out;
}

TEST(CliPerImage, BadArgumentsExitTwo) {
    const CliRun bins = runCli("eval fashion-vit-tiny fashion-mnist --limit 10 --histogram-bins 5");
    EXPECT_EQ(bins.code, 2);
    EXPECT_NE(bins.err.find("--histogram-bins needs --per-image"), std::string::npos) << bins.err;
    const CliRun zero = runCli("eval fashion-vit-tiny fashion-mnist --limit 10 --per-image --histogram-bins 0");
    EXPECT_EQ(zero.code, 2);
    EXPECT_NE(zero.err.find("--histogram-bins"), std::string::npos) << zero.err;
    const CliRun dir = runCli("eval fashion-vit-tiny fashion-mnist --limit 10 --per-image-csv /nonexistent/dir/x.csv");
    EXPECT_NE(dir.code, 0);
    EXPECT_NE(dir.err.find("/nonexistent/dir/x.csv"), std::string::npos) << dir.err;
}

}  // namespace
