// The fate grid figure (io/overlay_figure.h): geometry, pixelated tiles, formats, atomic writing.
#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include <filesystem>

#include "common/error.h"
#include "io/overlay_figure.h"
#include "io_test_util.h"

using namespace vp;

namespace {

// A 2×2 grid of 4-pixel patches, three blocks; the crop is a gradient so each pixel differs.
TokenTrace trace() {
    TokenTrace t;
    t.batch = 1;
    t.patches = 4;
    t.gridH = t.gridW = 2;
    for (int l = 0; l < 3; ++l) {
        LayerTrace lt;
        lt.layer = l;
        lt.mlpTokens = {5 - l};
        lt.fate.assign(4, PatchFate::Kept);
        for (int d = 0; d < l; ++d) lt.fate[3 - d] = PatchFate::Dropped;
        lt.patchToken = {1, 2, 3, 4};
        t.layers.push_back(lt);
    }
    return t;
}

cv::Mat crop() {
    cv::Mat m(8, 8, CV_8UC3);
    for (int y = 0; y < 8; ++y)
        for (int x = 0; x < 8; ++x) m.at<cv::Vec3b>(y, x) = cv::Vec3b(uchar(30 * y), uchar(30 * x), 100);
    return m;
}

TEST(OverlayFigure, GridGeometryAndNearestNeighbourTiles) {
    const int scale = 8, tile = 8 * scale;
    const cv::Mat fig = fateGridFigure(crop(), trace(), {0, 1, 2}, scale, "model m  image i  method random");
    EXPECT_EQ(fig.type(), CV_8UC3);
    EXPECT_EQ(fig.cols, 3 * tile + 4 * kFigureGap);
    EXPECT_GT(fig.rows, tile + 2 * kFigureGap);
    // Tile 0 (block 0, all kept): every source pixel is a uniform scale×scale block.
    const cv::Mat t0 = fig(cv::Rect(kFigureGap, kFigureGap, tile, tile));
    for (int y = 0; y < tile; ++y)
        for (int x = 0; x < tile; ++x)
            ASSERT_EQ(t0.at<cv::Vec3b>(y, x), t0.at<cv::Vec3b>(y / scale * scale, x / scale * scale)) << x << "," << y;
    // Crop RGB (30y, 30x, 100) comes out BGR.
    EXPECT_EQ(t0.at<cv::Vec3b>(scale * 2, scale * 3), cv::Vec3b(100, 90, 60));
    // Five tiles wrap after kFigureColumns.
    const cv::Mat five = fateGridFigure(crop(), trace(), {0, 1, 2, 0, 1}, 2, "x");
    EXPECT_EQ(five.cols, kFigureColumns * 16 + (kFigureColumns + 1) * kFigureGap);
}

TEST(OverlayFigure, FormatsAndAtomicWrites) {
    EXPECT_EQ(figureFormat("a/b.PNG"), ".png");
    EXPECT_EQ(figureFormat("b.jpeg"), ".jpg");
    for (const std::string bad : {"fig.bmp", "fig"}) {
        try {
            figureFormat(bad);
            FAIL() << bad;
        } catch (const Error& e) {
            EXPECT_EQ(std::string(e.what()).rfind(bad + ": ", 0), 0u) << e.what();
            EXPECT_NE(std::string(e.what()).find(".png or .jpg"), std::string::npos) << e.what();
        }
    }
    const test::ScratchDir dir;
    const cv::Mat fig = fateGridFigure(crop(), trace(), {2}, 4, "caption");
    writeFigureFile(dir.file("f.png"), fig);
    const cv::Mat back = cv::imread(dir.file("f.png"), cv::IMREAD_COLOR);
    ASSERT_FALSE(back.empty());
    EXPECT_EQ(cv::norm(back, fig, cv::NORM_INF), 0);
    EXPECT_THROW(writeFigureFile(dir.file("missing/f.png"), fig), Error);
    EXPECT_THROW(writeFigureFile(dir.file("f.gif"), fig), Error);
    int files = 0;
    for (const auto& e : std::filesystem::directory_iterator(dir.path())) files += e.is_regular_file();
    EXPECT_EQ(files, 1);  // only f.png: no temporaries, nothing for the refused names
}

}  // namespace
