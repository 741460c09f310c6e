// vitprune video: per-frame JSON and CSV on opencv-doc's vtest.avi, the overlaid video, video
// methods refused by the dataset commands, and clear errors for what cannot be played.
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/cli_runner.h"

namespace fs = std::filesystem;

namespace {

const std::string kVtest = "/usr/share/doc/opencv-doc/examples/data/vtest.avi";

fs::path scratch(const std::string& name) {
    return fs::temp_directory_path() / ("vp_video_cli_" + std::to_string(::getpid()) + "_" + name);
}

}  // namespace

TEST(CliVideo, JsonHasEveryFrameAndASummary) {
    const CliRun r =
        runCli("video fashion-vit-tiny " + kVtest + " --method eventful --set r=12 --limit-frames 8 --json");
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    EXPECT_EQ(j["method"], "eventful");
    EXPECT_EQ(j["settings"]["r"], "12");
    const auto& frames = j["frames"];
    ASSERT_EQ(frames.size(), 8u);
    const double dense = j["summary"]["dense_gmacs"].get<double>();
    EXPECT_DOUBLE_EQ(frames[0]["gmacs"].get<double>(), dense);  // the first frame is dense
    double sum = 0;
    int agree = 0;
    for (size_t i = 0; i < frames.size(); ++i) {
        EXPECT_EQ(frames[i]["index"], static_cast<int>(i));
        if (i > 0) EXPECT_LT(frames[i]["gmacs"].get<double>(), dense);
        EXPECT_GT(frames[i]["ms"].get<double>(), 0);
        EXPECT_EQ(frames[i]["agrees_with_dense"].get<bool>(), frames[i]["top1"] == frames[i]["dense_top1"]);
        sum += frames[i]["gmacs"].get<double>();
        agree += frames[i]["agrees_with_dense"].get<bool>() ? 1 : 0;
    }
    const auto& s = j["summary"];
    EXPECT_EQ(s["frames"], 8);
    EXPECT_NEAR(s["mean_gmacs"].get<double>(), sum / 8, 1e-12);
    EXPECT_NEAR(s["agreement"].get<double>(), agree / 8.0, 1e-12);
    EXPECT_GE(s["p95_gmacs"].get<double>(), s["mean_gmacs"].get<double>() - 1e-12);
    EXPECT_NEAR(s["gmacs_speedup"].get<double>(), dense / s["mean_gmacs"].get<double>(), 1e-9);
}

TEST(CliVideo, CsvAndOverlaidVideoAreWritten) {
    const fs::path csv = scratch("frames.csv"), avi = scratch("overlay.avi");
    const CliRun r =
        runCli("video fashion-vit-tiny " + kVtest + " --method eventful --limit-frames 6 --layer 3 --out " +
               csv.string() + " --overlay-out " + avi.string());
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_NE(r.out.find("GMACs per frame"), std::string::npos) << r.out;
    std::ifstream in(csv);
    std::string line;
    int lines = 0;
    std::getline(in, line);
    EXPECT_EQ(line, "index,gmacs,ms,dense_ms,top1,top1_prob,dense_top1,agrees_with_dense");
    while (std::getline(in, line)) ++lines;
    EXPECT_EQ(lines, 6);
    EXPECT_GT(fs::file_size(avi), 1000u);
    fs::remove(csv);
    fs::remove(avi);
}

TEST(CliVideo, DatasetCommandsRefuseVideoMethods) {
    const CliRun eval = runCli("eval fashion-vit-tiny fashion-mnist --method eventful --limit 10");
    EXPECT_EQ(eval.code, 2) << eval.err;
    EXPECT_NE(eval.err.find("vitprune video"), std::string::npos) << eval.err;
    const CliRun sweep =
        runCli("sweep fashion-vit-tiny fashion-mnist --methods evit,eventful --out " + scratch("s.json").string());
    EXPECT_EQ(sweep.code, 2) << sweep.err;
    EXPECT_NE(sweep.err.find("eventful"), std::string::npos) << sweep.err;
}

TEST(CliVideo, WhatCannotBePlayedGetsAClearError) {
    const fs::path text = scratch("notes.avi");
    std::ofstream(text) << "not a video\n";
    struct Case {
        std::string video, expect;
    };
    for (const Case& c : {Case{text.string(), "not a video"}, Case{scratch("missing.avi").string(), "no such file"},
                          Case{fs::temp_directory_path().string(), "folder"}, Case{"camera:97", "no such camera"}}) {
        const CliRun r = runCli("video fashion-vit-tiny " + c.video + " --method eventful");
        EXPECT_EQ(r.code, 2) << c.video << ": " << r.err;
        EXPECT_NE(r.err.find(c.expect), std::string::npos) << r.err;
    }
    fs::remove(text);
    const CliRun mp4 = runCli("video fashion-vit-tiny " + kVtest + " --method eventful --overlay-out " +
                              scratch("overlay.mp4").string());
    EXPECT_EQ(mp4.code, 2) << mp4.err;
    EXPECT_NE(mp4.err.find(".avi"), std::string::npos) << mp4.err;
    EXPECT_FALSE(fs::exists(scratch("overlay.mp4")));
    const CliRun noVideo = runCli("video fashion-vit-tiny");
    EXPECT_EQ(noVideo.code, 2);
    EXPECT_NE(noVideo.err.find("VIDEO"), std::string::npos) << noVideo.err;
}
