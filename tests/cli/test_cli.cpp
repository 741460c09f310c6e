// The vitprune command line: JSON keys scripts rely on, exit codes, one-line errors.
#include <gtest/gtest.h>

#include "cli/cli_runner.h"
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

namespace {

CliRun run(const std::string& args, const std::string& env = "") { return runCli(args, env); }

const std::string kRef = std::string(VP_TEST_DATA) + "/reference/";

TEST(Cli, MethodsJsonListsDenseAndRandomWithKnobs) {
    CliRun r = run("methods --json");
    ASSERT_EQ(r.code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    std::set<std::string> ids;
    for (auto& m : j["methods"]) ids.insert(m["id"]);
    EXPECT_TRUE(ids.count("dense"));
    EXPECT_TRUE(ids.count("random"));
    for (auto& m : j["methods"])
        if (m["id"] == "random") EXPECT_EQ(m["knobs"][0]["id"], "keep");
}

TEST(Cli, InfoAndFlopsJson) {
    CliRun r = run("info random:deit_small_patch16_224 --json");
    ASSERT_EQ(r.code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    EXPECT_NEAR(j["gmacs"].get<double>(), 4.60, 0.01);
    EXPECT_EQ(j["params"].get<int64_t>(), 22050664);
    CliRun f = run("flops random:deit_tiny_patch16_224 --method random --set keep=0.5 --json");
    ASSERT_EQ(f.code, 0) << f.err;
    auto jf = nlohmann::json::parse(f.out);
    EXPECT_LT(jf["gmacs"].get<double>(), jf["gmacs_dense"].get<double>());
}

TEST(Cli, PredictJsonOnTheTorchvisionFixture) {
    CliRun r =
        run("predict " + kRef + "tv_vit_timm.safetensors /usr/share/doc/opencv-doc/examples/data/baboon.jpg --json");
    ASSERT_EQ(r.code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    ASSERT_EQ(j["predictions"].size(), 1u);
    auto& p = j["predictions"][0];
    EXPECT_EQ(p["top"].size(), 5u);
    EXPECT_EQ(p["kept_per_layer"].size(), 4u);
    double sum = 0;
    for (auto& t : p["top"]) sum += t["prob"].get<double>();
    EXPECT_LE(sum, 1.0 + 1e-5);
    EXPECT_GT(p["gmacs"].get<double>(), 0);
}

// bfloat16 runs on the CPU: the shipped model predicts the same class for a sample as in float32,
// with probabilities within bf16's precision, and the token counts (fixed by the setting) agree.
TEST(Cli, BFloat16PredictsOnTheCpuLikeFloat32) {
    const std::string args = "predict fashion-vit-tiny " + std::string(VP_SOURCE_DIR) +
                             "/resources/samples/sneaker_9.png --method tome --set r=4 --json";
    CliRun f = run(args), h = run(args + " --dtype bfloat16");
    ASSERT_EQ(f.code, 0) << f.err;
    ASSERT_EQ(h.code, 0) << h.err;
    const auto pf = nlohmann::json::parse(f.out)["predictions"][0], ph = nlohmann::json::parse(h.out)["predictions"][0];
    EXPECT_EQ(pf["top"][0]["label"], ph["top"][0]["label"]);
    EXPECT_NEAR(pf["top"][0]["prob"].get<double>(), ph["top"][0]["prob"].get<double>(), 0.05);
    EXPECT_EQ(pf["kept_per_layer"], ph["kept_per_layer"]);
}

TEST(Cli, BenchJsonHasTheDocumentedKeys) {
    CliRun r =
        run("bench " + kRef + "tv_vit_timm.safetensors --method random --set keep=0.5 --iters 3 --warmup 1 --json");
    ASSERT_EQ(r.code, 0) << r.err;
    auto j = nlohmann::json::parse(r.out);
    for (const char* k : {"dense_ms", "ms", "speedup", "gmacs_dense", "gmacs", "gmacs_speedup", "efficiency"})
        EXPECT_TRUE(j.contains(k)) << k;
    EXPECT_GT(j["gmacs_speedup"].get<double>(), 1.0);
}

TEST(Cli, CalibratedMethodUsesCalibImagesFromTheCommandLine) {
    const std::string model = kRef + "tv_vit_timm.safetensors";
    CliRun ok = run("flops " + model + " --method patch-slimming --set keep=0.5 --set calib=16 --json");
    ASSERT_EQ(ok.code, 0) << ok.err;
    auto j = nlohmann::json::parse(ok.out);
    EXPECT_LT(j["gmacs"].get<double>(), j["gmacs_dense"].get<double>());
    CliRun bad = run("flops " + model + " --method patch-slimming --calib /nonexistent/data --json");
    EXPECT_EQ(bad.code, 2);
    EXPECT_NE(bad.err.find("/nonexistent/data"), std::string::npos) << bad.err;
}

TEST(Cli, BadInputExitsTwoWithOneLineNamingTheProblem) {
    struct Case {
        std::string args, expect;
    };
    const std::vector<Case> cases{
        {"info /nonexistent.safetensors", "/nonexistent.safetensors"},
        {"flops random:deit_tiny_patch16_224 --method nope", "unknown method 'nope'"},
        {"flops random:deit_tiny_patch16_224 --method random --set keep=abc", "not a number"},
        {"flops random:deit_tiny_patch16_224 --method random --set keep=7", "outside"},
        {"flops random:deit_tiny_patch16_224 --method random --set keep", "KNOB=VALUE"},
        {"bench random:deit_tiny_patch16_224 --device cuda", "CUDA is not available"},
        {"bench random:deit_tiny_patch16_224 --dtype float16", "float16 is supported on CUDA only"},
        {"predict " + kRef + "tv_vit_timm.safetensors " + kRef + "tv_vit.config.json", "tv_vit.config.json"},
        {"info random:deit_tiny_patch16_224 --bogus 1", "unknown option --bogus"},
    };
    for (const Case& c : cases) {
        CliRun r = run(c.args);
        EXPECT_EQ(r.code, 2) << c.args << "\n" << r.err;
        EXPECT_NE(r.err.find(c.expect), std::string::npos) << c.args << "\n" << r.err;
        EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
        EXPECT_TRUE(r.out.empty()) << r.out;
    }
}

}  // namespace
