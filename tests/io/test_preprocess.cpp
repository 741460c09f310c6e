// vp::preprocess against values computed independently here: Pillow's resampling written out
// as plain 2-D sums in doubles, cv::resize where Pillow and OpenCV agree, and hand numbers.
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include <cmath>

#include "io/image_loader.h"
#include "io/preprocess.h"
#include "io_test_util.h"

using namespace vp;
using namespace vp::test;

namespace {

ViTConfig rgbModel(const std::string& interpolation = "bicubic", double cropPct = 0.875, int size = 224) {
    ViTConfig c;
    c.imageSize = size;
    c.inChans = 3;
    c.cropPct = cropPct;
    c.interpolation = interpolation;
    return c;  // ImageNet mean/std by default
}

ViTConfig greyModel() {
    ViTConfig c;
    c.imageSize = 28;
    c.inChans = 1;
    c.patchSize = 4;
    c.cropPct = 1.0;
    c.mean = {0.2860};
    c.std = {0.3530};
    return c;
}

float norm(int v, double mean, double stdev) { return (float(v) / 255.0f - float(mean)) / float(stdev); }

// Keys cubic with a = -0.5 (Pillow's bicubic) and the triangle (bilinear).
double cubic(double x) {
    x = std::fabs(x);
    if (x < 1) return 1.5 * x * x * x - 2.5 * x * x + 1;
    if (x < 2) return -0.5 * x * x * x + 2.5 * x * x - 4 * x + 2;
    return 0;
}
double triangle(double x) { return std::max(0.0, 1 - std::fabs(x)); }

// One output sample of a 2× down-scale, far from the borders: the kernel stretched by 2 over the
// source pixels around 2·o + 1, normalised. Separable, with Pillow's rounding after the row pass.
int downscale2x(const cv::Mat& grey, int oy, int ox, double (*k)(double), int support) {
    auto weights = [&](int o, std::vector<int>& idx, std::vector<double>& w) {
        const double centre = 2 * o + 1;  // (o + 0.5) · 2
        double sum = 0;
        for (int i = int(centre) - 2 * support; i <= int(centre) + 2 * support; ++i) {
            const double wi = k((i + 0.5 - centre) / 2);
            if (wi == 0) continue;
            idx.push_back(i);
            w.push_back(wi);
            sum += wi;
        }
        for (double& x : w) x /= sum;
    };
    std::vector<int> ys, xs;
    std::vector<double> wy, wx;
    weights(oy, ys, wy);
    weights(ox, xs, wx);
    double acc = 0;
    for (size_t r = 0; r < ys.size(); ++r) {
        double row = 0;
        for (size_t c = 0; c < xs.size(); ++c) row += wx[c] * grey.at<uint8_t>(ys[r], xs[c]);
        acc += wy[r] * std::clamp(std::round(row), 0.0, 255.0);
    }
    return int(std::clamp(std::round(acc), 0.0, 255.0));
}

}  // namespace

TEST(Preprocess, ShapeAndFlatColourExact) {
    cv::Mat flat(200, 300, CV_8UC3, cv::Scalar(10, 20, 30));  // BGR
    const ViTConfig cfg = rgbModel();
    const at::Tensor t = preprocess(flat, cfg);
    ASSERT_EQ(t.sizes(), (std::vector<int64_t>{1, 3, 224, 224}));
    EXPECT_EQ(t.scalar_type(), at::kFloat);
    const int rgb[3] = {30, 20, 10};
    for (int c = 0; c < 3; ++c) {
        const at::Tensor plane = t[0][c];
        EXPECT_EQ(plane.min().item<float>(), norm(rgb[c], cfg.mean[c], cfg.std[c])) << c;
        EXPECT_EQ(plane.max().item<float>(), norm(rgb[c], cfg.mean[c], cfg.std[c])) << c;
    }
}

TEST(Preprocess, BicubicDownscaleMatchesHandComputedPillow) {
    // baboon 512² → short side floor(224 / 0.875) = 256, a 2× down-scale; crop offset 16.
    const cv::Mat bgr = loadImage(kOpenCvData + "/baboon.jpg");
    ASSERT_EQ(bgr.size(), cv::Size(512, 512));
    std::vector<cv::Mat> planes;
    cv::split(bgr, planes);  // B, G, R
    const ViTConfig cfg = rgbModel("bicubic");
    const at::Tensor t = preprocess(bgr, cfg);
    const cv::Mat shown = displayImage(bgr, cfg);
    ASSERT_EQ(shown.type(), CV_8UC3);
    ASSERT_EQ(shown.size(), cv::Size(224, 224));

    int mismatches = 0;
    for (int y = 0; y < 224; y += 7)
        for (int x = 0; x < 224; x += 5)
            for (int c = 0; c < 3; ++c) {
                const int expect = downscale2x(planes[2 - c], y + 16, x + 16, cubic, 2);
                const int got = shown.at<cv::Vec3b>(y, x)[c];
                ASSERT_LE(std::abs(got - expect), 1) << y << "," << x << " ch " << c;
                mismatches += got != expect;
            }
    EXPECT_LT(mismatches, 20);  // fixed-point vs double: only the odd half-way case differs

    // The centre pixel through the whole chain, normalisation included.
    for (int c = 0; c < 3; ++c) {
        const int v = downscale2x(planes[2 - c], 112 + 16, 112 + 16, cubic, 2);
        EXPECT_NEAR(t[0][c][112][112].item<float>(), norm(v, cfg.mean[c], cfg.std[c]), 1.0 / 255 / cfg.std[c] + 1e-6);
    }
    // And the tensor is exactly the normalised display crop.
    for (int c = 0; c < 3; ++c)
        EXPECT_EQ(t[0][c][112][112].item<float>(), norm(shown.at<cv::Vec3b>(112, 112)[c], cfg.mean[c], cfg.std[c]));
}

TEST(Preprocess, BilinearDownscaleMatchesHandComputedPillow) {
    cv::Mat grey = loadImage(kOpenCvData + "/baboon.jpg");
    cv::cvtColor(grey, grey, cv::COLOR_BGR2GRAY);
    ViTConfig cfg = rgbModel("bilinear");
    cfg.inChans = 1;
    cfg.mean = {0.5};
    cfg.std = {0.5};
    const cv::Mat crop = modelCrop(grey, cfg);
    ASSERT_EQ(crop.type(), CV_8UC1);
    int mismatches = 0;
    for (int y = 0; y < 224; y += 3)
        for (int x = 0; x < 224; x += 3) {
            // 2× bilinear in Pillow = weights 1,3,3,1 / 8 per axis: not cv::resize's INTER_LINEAR.
            const int expect = downscale2x(grey, y + 16, x + 16, triangle, 1);
            ASSERT_LE(std::abs(crop.at<uint8_t>(y, x) - expect), 1) << y << "," << x;
            mismatches += crop.at<uint8_t>(y, x) != expect;
        }
    EXPECT_LT(mismatches, 30);
}

TEST(Preprocess, BilinearUpscaleAgreesWithOpenCv) {
    // Up-scaling is where Pillow's bilinear and cv::resize INTER_LINEAR coincide (half-pixel
    // centres, edge clamp); they may differ by one level from fixed-point rounding.
    cv::Mat img(28, 28, CV_8UC1);
    cv::randu(img, 0, 256);
    cv::GaussianBlur(img, img, cv::Size(3, 3), 0);
    ViTConfig cfg = rgbModel("bilinear");  // 28 → 256, crop 224 at 16, grey replicated to RGB
    const cv::Mat shown = displayImage(img, cfg);
    cv::Mat ref;
    cv::resize(img, ref, cv::Size(256, 256), 0, 0, cv::INTER_LINEAR);
    ref = ref(cv::Rect(16, 16, 224, 224));
    std::vector<cv::Mat> ch;
    cv::split(shown, ch);
    for (int c = 0; c < 3; ++c) EXPECT_LE(cv::norm(ch[c], ref, cv::NORM_INF), 1.0) << c;

    const at::Tensor t = preprocess(img, cfg);
    for (int c = 0; c < 3; ++c)
        EXPECT_NEAR(t[0][c][112][112].item<float>(), norm(ref.at<uint8_t>(112, 112), cfg.mean[c], cfg.std[c]),
                    1.0 / 255 / cfg.std[c] + 1e-6);
}

TEST(Preprocess, WideImageGeometry) {
    // messi5 548×342: short side 342 → 256, long int(256·548/342) = 410; crop left 93, top 16.
    const cv::Mat bgr = loadImage(kOpenCvData + "/messi5.jpg");
    ASSERT_EQ(bgr.size(), cv::Size(548, 342));
    const ViTConfig cfg = rgbModel("bicubic");
    EXPECT_EQ(resizeShortSide(cfg), 256);
    cv::Mat rgb;
    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    const cv::Mat resized = pilResize(rgb, 410, 256, "bicubic");
    const cv::Mat expected = resized(cv::Rect(93, 16, 224, 224));
    EXPECT_EQ(cv::norm(displayImage(bgr, cfg), expected, cv::NORM_INF), 0.0);
}

TEST(Preprocess, CentreCropRoundsHalfToEven) {
    // No resize (short side already 224 with crop_pct 1): the crop offset is Python's
    // round((w − 224) / 2): 0.5 → 0, 1.5 → 2, 2.5 → 2, 3 → 3.
    const int widths[] = {225, 227, 229, 230};
    const int lefts[] = {0, 2, 2, 3};
    for (int i = 0; i < 4; ++i) {
        cv::Mat img(224, widths[i], CV_8UC1);
        for (int x = 0; x < widths[i]; ++x) img.col(x).setTo(x);
        const cv::Mat crop = modelCrop(img, [] {
            ViTConfig c = rgbModel("bicubic", 1.0);
            c.inChans = 1;
            c.mean = {0};
            c.std = {1};
            return c;
        }());
        EXPECT_EQ(crop.at<uint8_t>(100, 0), lefts[i]) << widths[i];
    }
}

TEST(Preprocess, SmallImageIsResizedUpNotPadded) {
    cv::Mat tiny(10, 20, CV_8UC3, cv::Scalar(1, 2, 3));
    const cv::Mat shown = displayImage(tiny, rgbModel());
    EXPECT_EQ(shown.size(), cv::Size(224, 224));
    EXPECT_EQ(shown.at<cv::Vec3b>(0, 0), cv::Vec3b(3, 2, 1));
}

TEST(Preprocess, NearestFollowsPillow) {
    cv::Mat img(4, 4, CV_8UC1);
    for (int i = 0; i < 16; ++i) img.at<uint8_t>(i / 4, i % 4) = uint8_t(i);
    const cv::Mat half = pilResize(img, 2, 2, "nearest");  // source index floor((x + 0.5)·2) = 1, 3
    EXPECT_EQ(half.at<uint8_t>(0, 0), 5);
    EXPECT_EQ(half.at<uint8_t>(0, 1), 7);
    EXPECT_EQ(half.at<uint8_t>(1, 0), 13);
    EXPECT_EQ(half.at<uint8_t>(1, 1), 15);
}

TEST(Preprocess, GreyToRgbReplicates) {
    cv::Mat grey(28, 28, CV_8UC1);
    cv::randu(grey, 0, 256);
    const ViTConfig cfg = rgbModel("bicubic", 1.0, 28);  // no resize, no crop
    const at::Tensor t = preprocess(grey, cfg);
    ASSERT_EQ(t.sizes(), (std::vector<int64_t>{1, 3, 28, 28}));
    for (int c = 0; c < 3; ++c)
        for (int y = 0; y < 28; y += 9)
            for (int x = 0; x < 28; x += 4)
                EXPECT_EQ(t[0][c][y][x].item<float>(), norm(grey.at<uint8_t>(y, x), cfg.mean[c], cfg.std[c]));
}

TEST(Preprocess, RgbToGreyUsesPillowLuma) {
    cv::Mat bgr(28, 28, CV_8UC3, cv::Scalar(10, 200, 50));  // R 50, G 200, B 10
    const ViTConfig cfg = greyModel();
    const at::Tensor t = preprocess(bgr, cfg);
    ASSERT_EQ(t.sizes(), (std::vector<int64_t>{1, 1, 28, 28}));
    // (50·19595 + 200·38470 + 10·7471 + 32768) >> 16 = 8781228 >> 16 = 133 (ITU-R 601: 133.49).
    EXPECT_EQ(t[0][0][5][5].item<float>(), norm(133, 0.2860, 0.3530));
    EXPECT_NEAR(133, 0.299 * 50 + 0.587 * 200 + 0.114 * 10, 1.0);
    const cv::Mat shown = displayImage(bgr, cfg);
    EXPECT_EQ(shown.type(), CV_8UC3);
    EXPECT_EQ(shown.at<cv::Vec3b>(0, 0), cv::Vec3b(133, 133, 133));
}

TEST(Preprocess, BatchEqualsSingles) {
    const cv::Mat a = loadImage(kOpenCvData + "/baboon.jpg");
    const cv::Mat b = loadImage(kOpenCvData + "/messi5.jpg");
    cv::Mat c(50, 60, CV_8UC1, cv::Scalar(77));
    const ViTConfig cfg = rgbModel();
    const at::Tensor batch = preprocessBatch({a, b, c}, cfg);
    ASSERT_EQ(batch.sizes(), (std::vector<int64_t>{3, 3, 224, 224}));
    EXPECT_TRUE(batch[0].equal(preprocess(a, cfg)[0]));
    EXPECT_TRUE(batch[1].equal(preprocess(b, cfg)[0]));
    EXPECT_TRUE(batch[2].equal(preprocess(c, cfg)[0]));
    EXPECT_TRUE(batch.is_contiguous());
    EXPECT_EQ(preprocessBatch({}, cfg).size(0), 0);
}

TEST(Preprocess, BgraInputDropsAlpha) {
    cv::Mat bgra(30, 30, CV_8UC4, cv::Scalar(1, 2, 3, 0));
    EXPECT_EQ(displayImage(bgra, rgbModel()).at<cv::Vec3b>(100, 100), cv::Vec3b(3, 2, 1));
}

TEST(Preprocess, BadConfigOrImage) {
    cv::Mat img(30, 30, CV_8UC3, cv::Scalar::all(9));
    ViTConfig cfg = rgbModel();
    cfg.interpolation = "spline36";
    expectError([&] { preprocess(img, cfg); }, {"spline36"});
    cfg = rgbModel();
    cfg.inChans = 2;
    expectError([&] { preprocess(img, cfg); }, {"channels"});
    cfg = rgbModel();
    cfg.mean = {0.5, 0.5};
    expectError([&] { preprocess(img, cfg); }, {"mean"});
    cfg = rgbModel();
    cfg.cropPct = 0;
    expectError([&] { preprocess(img, cfg); }, {"crop_pct"});
    expectError([&] { preprocess(cv::Mat(), rgbModel()); }, {"empty"});
    expectError([&] { preprocess(cv::Mat(4, 4, CV_32FC3), rgbModel()); }, {"8-bit"});
}
