// Pixel parity with Pillow: tests/fixtures/images/pil_*.png were written by Pillow 9.4 running
// timm's eval transform (make_pil_parity.py). Our crop must match them exactly.
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "eval/fashion_mnist_idx.h"
#include "io/image_loader.h"
#include "io/preprocess.h"
#include "io_test_util.h"

using namespace vp;
using namespace vp::test;

namespace {

struct ParityCase {
    const char* fixture;
    const char* source;  // opencv-doc image, or "" for the first Fashion-MNIST test image
    int chans, size;
    double cropPct;
    const char* interpolation;
};

const ParityCase kCases[] = {
    {"pil_baboon_bicubic_64.png", "baboon.jpg", 3, 64, 0.875, "bicubic"},
    {"pil_messi_bilinear_96.png", "messi5.jpg", 3, 96, 0.9, "bilinear"},
    {"pil_starry_lanczos_56.png", "starry_night.jpg", 3, 56, 0.95, "lanczos"},
    {"pil_starry_grey_bilinear_48.png", "starry_night.jpg", 1, 48, 0.875, "bilinear"},
    {"pil_fruits_nearest_40.png", "fruits.jpg", 3, 40, 0.875, "nearest"},
    {"pil_baboon_hamming_50.png", "baboon.jpg", 3, 50, 0.8, "hamming"},
    {"pil_messi_box_44.png", "messi5.jpg", 3, 44, 0.875, "box"},
    {"pil_fashion_bicubic_up_64.png", "", 1, 64, 0.875, "bicubic"},
};

cv::Mat source(const std::string& name) {
    if (!name.empty()) return loadImage(kOpenCvData + "/" + name);
    const IdxImages d = readFashionMnist(fashionMnistDir() + "/t10k-images-idx3-ubyte.gz",
                                         fashionMnistDir() + "/t10k-labels-idx1-ubyte.gz");
    return cv::Mat(28, 28, CV_8UC1, d.images[0].contiguous().data_ptr<uint8_t>()).clone();
}

}  // namespace

TEST(PilParity, EvalTransformMatchesPillowExactly) {
    for (const ParityCase& c : kCases) {
        SCOPED_TRACE(c.fixture);
        ViTConfig cfg;
        cfg.inChans = c.chans;
        cfg.imageSize = c.size;
        cfg.patchSize = 4;
        cfg.cropPct = c.cropPct;
        cfg.interpolation = c.interpolation;
        cfg.mean.assign(size_t(c.chans), 0.5);
        cfg.std.assign(size_t(c.chans), 0.5);

        cv::Mat expected = cv::imread(std::string(VP_TEST_DATA) + "/images/" + c.fixture, cv::IMREAD_UNCHANGED);
        ASSERT_FALSE(expected.empty());
        if (expected.channels() == 3) cv::cvtColor(expected, expected, cv::COLOR_BGR2RGB);  // compare in RGB

        const cv::Mat crop = modelCrop(source(c.source), cfg);
        ASSERT_EQ(crop.size(), expected.size());
        ASSERT_EQ(crop.type(), expected.type());
        cv::Mat diff;
        cv::absdiff(crop, expected, diff);
        EXPECT_EQ(cv::norm(diff, cv::NORM_INF), 0.0) << "pixels differing: " << cv::countNonZero(diff.reshape(1));

        // The normalised tensor is that crop, (x/255 − 0.5)/0.5.
        const at::Tensor t = preprocess(source(c.source), cfg);
        const int y = c.size / 2, x = c.size / 3;
        const int v = expected.channels() == 1 ? expected.at<uint8_t>(y, x) : expected.at<cv::Vec3b>(y, x)[0];
        EXPECT_EQ(t[0][0][y][x].item<float>(), (float(v) / 255.0f - 0.5f) / 0.5f);
    }
}
