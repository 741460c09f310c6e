// vitprune export-overlay (figure + keep masks), predict --masks-out, and provenance in
// predict --json: sizes, counts that agree with predict, errors that leave nothing behind.
#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include <set>

#include "cli/hostile_cli_support.h"
#include "io/overlay_figure.h"

namespace {

using namespace hostile;

const std::string kImage = q(sampleImage());

class ExportOverlay : public HostileTest {
protected:
    // Files in the test's folder (temporaries of atomic writes would show here).
    size_t fileCount() const {
        size_t n = 0;
        for (const auto& e : fs::directory_iterator(dir())) n += e.is_regular_file() ? 1 : 0;
        return n;
    }
};

// Distinct tokens the patches live in (dropped and parked patches have none).
size_t distinctTokens(const nlohmann::json& block) {
    std::set<int> tokens;
    for (const auto& t : block["token"])
        if (t.get<int>() >= 0) tokens.insert(t.get<int>());
    return tokens.size();
}

TEST_F(ExportOverlay, FigureSizeAndMasksAgreeWithPredict) {
    const fs::path fig = dir() / "fig.png", masks = dir() / "masks.json";
    const std::string method = " --method evit --set keep=0.5";
    const CliRun r = runCli("export-overlay fashion-vit-tiny " + kImage + method +
                            " --layers 0,3,6,9 --scale 4 --out " + q(fig) + " --masks-out " + q(masks));
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_TRUE(Has(r.out, "wrote " + fig.string()));
    const cv::Mat png = cv::imread(fig.string(), cv::IMREAD_UNCHANGED);
    ASSERT_FALSE(png.empty());
    const int tile = 28 * 4;  // the model's 28-pixel crop at --scale 4
    EXPECT_EQ(png.cols, 4 * tile + 5 * vp::kFigureGap);
    EXPECT_GT(png.rows, tile + 2 * vp::kFigureGap);
    EXPECT_LT(png.rows, 2 * tile);  // one row of tiles and the captions

    const nlohmann::json m = readJson(masks);
    EXPECT_EQ(m["format"], "vitprune-keep-masks/1");
    EXPECT_EQ(m["method"], "evit");
    EXPECT_EQ(m["settings"]["keep"], "0.5");
    EXPECT_EQ(m["grid"]["height"], 7);
    EXPECT_EQ(m["patches"], 49);
    EXPECT_TRUE(m["provenance"].is_object());
    EXPECT_GT(m["dense_gmacs"].get<double>(), m["gmacs"].get<double>());

    const CliRun p = runCli("predict fashion-vit-tiny " + kImage + method + " --json");
    ASSERT_EQ(p.code, 0) << p.err;
    const nlohmann::json pj = nlohmann::json::parse(p.out);
    const auto& kept = pj["predictions"][0]["kept_per_layer"];
    ASSERT_EQ(m["blocks"].size(), kept.size());
    EXPECT_NEAR(m["gmacs"].get<double>(), pj["predictions"][0]["gmacs"].get<double>(), 1e-9);
    bool someFused = false;
    for (size_t l = 0; l < kept.size(); ++l) {
        const nlohmann::json& b = m["blocks"][l];
        EXPECT_EQ(b["block"], static_cast<int>(l));
        int sum = 0;
        for (const auto& [name, n] : b["counts"].items()) sum += n.get<int>();
        EXPECT_EQ(sum, 49) << "block " << l;
        EXPECT_EQ(b["fate"].size(), 49u);
        // predict's tokens per block are the masks' tokens: kept patches plus the fused token.
        EXPECT_EQ(b["tokens"].get<double>(), kept[l].get<double>()) << "block " << l;
        EXPECT_EQ(distinctTokens(b), b["tokens"].get<size_t>()) << "block " << l;
        const int fused = b["counts"]["fused"];
        someFused = someFused || fused > 0;
        // Kept patches have a token each; fused ones share the fused tokens (an earlier fused
        // token that stays in competes on and is fused again or kept as it is).
        std::set<int> fusedTokens;
        for (size_t i = 0; i < 49; ++i)
            if (b["fate"][i] == "fused") fusedTokens.insert(b["token"][i].get<int>());
        EXPECT_EQ(b["counts"]["kept"].get<size_t>() + fusedTokens.size(), b["tokens"].get<size_t>()) << "block " << l;
    }
    EXPECT_TRUE(someFused);

    // predict --masks-out writes the same masks.
    const fs::path masks2 = dir() / "predict_masks.json";
    const CliRun pm = runCli("predict fashion-vit-tiny " + kImage + method + " --masks-out " + q(masks2));
    ASSERT_EQ(pm.code, 0) << pm.err;
    EXPECT_EQ(readJson(masks2)["blocks"], m["blocks"]);
}

TEST_F(ExportOverlay, MergedPatchesAreCountedApart) {
    const fs::path masks = dir() / "tome.json";
    const CliRun r =
        runCli("export-overlay fashion-vit-tiny " + kImage + " --method tome --set r=4 --masks-out " + q(masks));
    ASSERT_EQ(r.code, 0) << r.err;
    const CliRun p = runCli("predict fashion-vit-tiny " + kImage + " --method tome --set r=4 --json");
    ASSERT_EQ(p.code, 0) << p.err;
    const nlohmann::json pj = nlohmann::json::parse(p.out);
    const nlohmann::json& kept = pj["predictions"][0]["kept_per_layer"];
    const nlohmann::json m = readJson(masks);
    const nlohmann::json& last = m["blocks"].back();
    EXPECT_GT(last["counts"]["merged"].get<int>(), 0);
    EXPECT_LT(last["counts"]["kept"].get<int>(), last["tokens"].get<int>());
    for (size_t l = 0; l < kept.size(); ++l) {
        EXPECT_EQ(m["blocks"][l]["tokens"].get<double>(), kept[l].get<double>()) << "block " << l;
        EXPECT_EQ(distinctTokens(m["blocks"][l]), m["blocks"][l]["tokens"].get<size_t>()) << "block " << l;
    }
}

TEST_F(ExportOverlay, DenseTilesStayPixelated) {
    const fs::path fig = dir() / "dense.png";
    const CliRun r = runCli("export-overlay fashion-vit-tiny " + kImage + " --layers 0 --scale 6 --out " + q(fig));
    ASSERT_EQ(r.code, 0) << r.err;
    const cv::Mat png = cv::imread(fig.string(), cv::IMREAD_COLOR);
    ASSERT_EQ(png.cols, 28 * 6 + 2 * vp::kFigureGap);
    const cv::Mat tile = png(cv::Rect(vp::kFigureGap, vp::kFigureGap, 28 * 6, 28 * 6));
    int distinctNeighbours = 0;
    for (int y = 0; y < tile.rows; ++y)
        for (int x = 0; x < tile.cols; ++x) {
            ASSERT_EQ(tile.at<cv::Vec3b>(y, x), tile.at<cv::Vec3b>(y / 6 * 6, x / 6 * 6)) << x << "," << y;
            if (x > 0 && tile.at<cv::Vec3b>(y, x) != tile.at<cv::Vec3b>(y, x - 1)) ++distinctNeighbours;
        }
    EXPECT_GT(distinctNeighbours, 100);  // the sneaker is there, not a flat tile
}

TEST_F(ExportOverlay, BadNamesAreRefusedAndLeaveNothing) {
    const fs::path bmp = dir() / "fig.bmp";
    const CliRun ext = runCli("export-overlay fashion-vit-tiny " + kImage + " --out " + q(bmp));
    EXPECT_EQ(ext.code, 2) << ext.err;
    EXPECT_TRUE(Has(ext.err, bmp.string() + ": unknown figure format '.bmp'; give a .png or .jpg name"));
    EXPECT_EQ(lines(ext.err), 1u) << ext.err;

    const fs::path missing = dir() / "no_such_folder" / "fig.png";
    const CliRun folder = runCli("export-overlay fashion-vit-tiny " + kImage + " --out " + q(missing));
    EXPECT_EQ(folder.code, 2) << folder.err;
    EXPECT_TRUE(Has(folder.err, missing.string()));

    // A masks file that cannot be written stops the figure too (both or neither).
    const fs::path fig = dir() / "fig.png";
    const CliRun masks = runCli("export-overlay fashion-vit-tiny " + kImage + " --out " + q(fig) + " --masks-out " +
                                q(dir() / "nope" / "m.json"));
    EXPECT_EQ(masks.code, 2) << masks.err;
    EXPECT_TRUE(Has(masks.err, (dir() / "nope" / "m.json").string()));

    const CliRun layer = runCli("export-overlay fashion-vit-tiny " + kImage + " --layers 3,12 --out " + q(fig));
    EXPECT_EQ(layer.code, 2) << layer.err;
    EXPECT_TRUE(Has(layer.err, "block 12 does not exist; the model has blocks 0..11"));
    const CliRun word = runCli("export-overlay fashion-vit-tiny " + kImage + " --layers first --out " + q(fig));
    EXPECT_EQ(word.code, 2) << word.err;
    EXPECT_TRUE(Has(word.err, "--layers"));
    const CliRun nothing = runCli("export-overlay fashion-vit-tiny " + kImage);
    EXPECT_EQ(nothing.code, 2);
    EXPECT_TRUE(Has(nothing.err, "--masks-out"));
    EXPECT_EQ(fileCount(), 0u);

    if (::geteuid() != 0) {  // root writes into read-only folders
        const fs::path ro = dir() / "read_only";
        fs::create_directories(ro);
        fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec);
        const CliRun r = runCli("export-overlay fashion-vit-tiny " + kImage + " --out " + q(ro / "fig.png"));
        EXPECT_EQ(r.code, 2) << r.err;
        EXPECT_TRUE(Has(r.err, (ro / "fig.png").string()));
        fs::permissions(ro, fs::perms::owner_all);
        EXPECT_TRUE(fs::is_empty(ro));
    }
}

TEST_F(ExportOverlay, PredictJsonHasProvenance) {
    const CliRun p = runCli("predict fashion-vit-tiny " + kImage + " --json");
    ASSERT_EQ(p.code, 0) << p.err;
    const nlohmann::json prov = nlohmann::json::parse(p.out)["provenance"];
    EXPECT_EQ(prov["app"].get<std::string>().rfind("vitprune ", 0), 0u) << prov;
    EXPECT_FALSE(prov["libtorch"].get<std::string>().empty());
    EXPECT_EQ(prov["device"], "cpu");
    EXPECT_GE(prov["threads"].get<int>(), 1);
    EXPECT_EQ(prov["created"].get<std::string>().back(), 'Z');
    // --masks-out takes one image.
    const CliRun two =
        runCli("predict fashion-vit-tiny " + kImage + " " + kImage + " --masks-out " + q(dir() / "m.json"));
    EXPECT_EQ(two.code, 2);
    EXPECT_TRUE(Has(two.err, "one IMAGE"));
}

}  // namespace
