// vp::loadImage / vp::decodeImage: formats, depth, alpha, EXIF orientation, and clear errors.
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <unistd.h>

#include <filesystem>

#include "io/image_loader.h"
#include "io_test_util.h"

using namespace vp;
using namespace vp::test;

namespace {

bool sameMat(const cv::Mat& a, const cv::Mat& b) {
    return a.size() == b.size() && a.type() == b.type() && cv::norm(a, b, cv::NORM_INF) == 0;
}

// 40×20 (w×h) image with four flat quadrants; flat blocks survive JPEG well.
cv::Mat quadrants() {
    cv::Mat m(20, 40, CV_8UC3);
    m(cv::Rect(0, 0, 20, 10)).setTo(cv::Scalar(0, 0, 255));   // top-left red
    m(cv::Rect(20, 0, 20, 10)).setTo(cv::Scalar(0, 255, 0));  // top-right green
    m(cv::Rect(0, 10, 20, 10)).setTo(cv::Scalar(255, 0, 0));  // bottom-left blue
    m(cv::Rect(20, 10, 20, 10)).setTo(cv::Scalar(255, 255, 255));
    return m;
}

std::vector<uint8_t> encode(const cv::Mat& m, const std::string& ext) {
    std::vector<uint8_t> buf;
    EXPECT_TRUE(cv::imencode(ext, m, buf));
    return buf;
}

}  // namespace

TEST(ImageLoader, RealPhotoMatchesOpenCvColourRead) {
    const std::string path = kOpenCvData + "/baboon.jpg";
    const cv::Mat m = loadImage(path);
    ASSERT_EQ(m.type(), CV_8UC3);
    EXPECT_EQ(m.cols, 512);
    EXPECT_EQ(m.rows, 512);
    EXPECT_TRUE(sameMat(m, cv::imread(path, cv::IMREAD_COLOR)));
}

TEST(ImageLoader, GreyStaysGrey) {
    ScratchDir dir;
    cv::Mat grey(16, 24, CV_8UC1);
    cv::randu(grey, 0, 256);
    ASSERT_TRUE(cv::imwrite(dir.file("g.png"), grey));
    const cv::Mat m = loadImage(dir.file("g.png"));
    EXPECT_TRUE(sameMat(m, grey));
}

TEST(ImageLoader, SixteenBitIsScaledNotClipped) {
    ScratchDir dir;
    cv::Mat c16(2, 3, CV_16UC3);
    const uint16_t vals[] = {0, 257 * 100, 65535, 128, 300, 40000};
    for (int i = 0; i < 6; ++i)
        c16.at<cv::Vec3w>(i / 3, i % 3) = cv::Vec3w(vals[i], vals[(i + 1) % 6], vals[(i + 2) % 6]);
    ASSERT_TRUE(cv::imwrite(dir.file("c16.png"), c16));
    const cv::Mat m = loadImage(dir.file("c16.png"));
    ASSERT_EQ(m.type(), CV_8UC3);
    for (int i = 0; i < 6; ++i)
        for (int c = 0; c < 3; ++c) {
            const double v = vals[(i + c) % 6];
            EXPECT_EQ(m.at<cv::Vec3b>(i / 3, i % 3)[c], int(std::lround(v / 257.0))) << "pixel " << i << " value " << v;
        }
    EXPECT_EQ(m.at<cv::Vec3b>(0, 2)[0], 255);  // 65535 → 255 (PIL would clip 300 to 255 too)
    EXPECT_EQ(m.at<cv::Vec3b>(1, 1)[0], 1);    // 300 → 1, not saturated

    cv::Mat g16(1, 3, CV_16UC1);
    g16.at<uint16_t>(0) = 0;
    g16.at<uint16_t>(1) = 32896;  // 128·257
    g16.at<uint16_t>(2) = 65535;
    ASSERT_TRUE(cv::imwrite(dir.file("g16.png"), g16));
    const cv::Mat g = loadImage(dir.file("g16.png"));
    ASSERT_EQ(g.type(), CV_8UC1);
    EXPECT_EQ(g.at<uint8_t>(0), 0);
    EXPECT_EQ(g.at<uint8_t>(1), 128);
    EXPECT_EQ(g.at<uint8_t>(2), 255);
}

TEST(ImageLoader, AlphaIsDroppedWithoutCompositing) {
    ScratchDir dir;
    cv::Mat rgba(2, 2, CV_8UC4);
    rgba.at<cv::Vec4b>(0, 0) = cv::Vec4b(10, 20, 30, 0);  // fully transparent: colour kept as is
    rgba.at<cv::Vec4b>(0, 1) = cv::Vec4b(40, 50, 60, 128);
    rgba.at<cv::Vec4b>(1, 0) = cv::Vec4b(70, 80, 90, 255);
    rgba.at<cv::Vec4b>(1, 1) = cv::Vec4b(255, 0, 7, 1);
    ASSERT_TRUE(cv::imwrite(dir.file("rgba.png"), rgba));
    const cv::Mat m = loadImage(dir.file("rgba.png"));
    ASSERT_EQ(m.type(), CV_8UC3);
    for (int y = 0; y < 2; ++y)
        for (int x = 0; x < 2; ++x)
            for (int c = 0; c < 3; ++c) EXPECT_EQ(m.at<cv::Vec3b>(y, x)[c], rgba.at<cv::Vec4b>(y, x)[c]);

    // A real RGBA file from opencv-doc.
    const cv::Mat g = loadImage(kOpenCvData + "/gradient.png");
    EXPECT_EQ(g.type(), CV_8UC3);
}

TEST(ImageLoader, ExifOrientationIsApplied) {
    ScratchDir dir;
    const std::vector<uint8_t> plain = encode(quadrants(), ".jpg");
    const cv::Mat upright = decodeImage(plain, "plain");
    ASSERT_EQ(upright.size(), cv::Size(40, 20));

    struct Case {
        uint16_t tag;
        int rotate;
        int flip;
    };  // rotate: cv::RotateFlags or -1; flip: cv::flip code or 9
    const Case cases[] = {{1, -1, 9},
                          {2, -1, 1},
                          {3, cv::ROTATE_180, 9},
                          {6, cv::ROTATE_90_CLOCKWISE, 9},
                          {8, cv::ROTATE_90_COUNTERCLOCKWISE, 9}};
    for (const Case& c : cases) {
        cv::Mat expected = upright.clone();
        if (c.rotate >= 0) cv::rotate(upright, expected, c.rotate);
        if (c.flip != 9) cv::flip(upright, expected, c.flip);
        const std::vector<uint8_t> bytes = withExifOrientation(plain, c.tag);
        const std::string path = dir.file("o" + std::to_string(c.tag) + ".jpg");
        writeBytes(path, bytes);
        const cv::Mat fromFile = loadImage(path);
        EXPECT_TRUE(sameMat(fromFile, expected)) << "orientation " << c.tag << " size " << fromFile.size();
        EXPECT_TRUE(sameMat(decodeImage(bytes, "mem"), expected)) << "orientation " << c.tag;
    }
    // Orientation 6: the 40×20 landscape becomes a 20×40 portrait with red (top-left) now top-right.
    const cv::Mat six = loadImage(dir.file("o6.jpg"));
    ASSERT_EQ(six.size(), cv::Size(20, 40));
    const cv::Vec3b topRight = six.at<cv::Vec3b>(2, 17);
    EXPECT_GT(topRight[2], 200);
    EXPECT_LT(topRight[0], 60);
}

TEST(ImageLoader, MissingFileNamesThePath) {
    ScratchDir dir;
    const std::string path = dir.file("nope.jpg");
    expectError([&] { loadImage(path); }, {path, "no such file"});
}

TEST(ImageLoader, DirectoryIsRejected) {
    ScratchDir dir;
    const std::string path = dir.file("folder.png");
    std::filesystem::create_directories(path);
    expectError([&] { loadImage(path); }, {path, "directory"});
}

TEST(ImageLoader, EmptyFile) {
    ScratchDir dir;
    writeBytes(dir.file("empty.png"), {});
    expectError([&] { loadImage(dir.file("empty.png")); }, {dir.file("empty.png"), "empty"});
}

TEST(ImageLoader, GarbageIsUnrecognised) {
    ScratchDir dir;
    std::vector<uint8_t> junk(1000);
    for (size_t i = 0; i < junk.size(); ++i) junk[i] = uint8_t(i * 7 + 3);
    writeBytes(dir.file("junk.jpg"), junk);
    expectError([&] { loadImage(dir.file("junk.jpg")); }, {dir.file("junk.jpg"), "unrecognised"});
}

TEST(ImageLoader, TruncatedJpegIsRejected) {
    ScratchDir dir;
    std::vector<uint8_t> bytes = readBytes(kOpenCvData + "/baboon.jpg");
    ASSERT_GT(bytes.size(), 1000u);
    bytes.resize(bytes.size() / 2);
    writeBytes(dir.file("half.jpg"), bytes);
    expectError([&] { loadImage(dir.file("half.jpg")); }, {dir.file("half.jpg"), "JPEG"});
    bytes.resize(200);  // headers only
    expectError([&] { decodeImage(bytes, "head.jpg"); }, {"head.jpg", "JPEG"});
}

TEST(ImageLoader, CorruptPngIsRejected) {
    ScratchDir dir;
    std::vector<uint8_t> bytes = readBytes(kOpenCvData + "/pic1.png");
    ASSERT_GT(bytes.size(), 1000u);
    std::vector<uint8_t> half(bytes.begin(), bytes.begin() + std::ptrdiff_t(bytes.size() / 2));
    writeBytes(dir.file("half.png"), half);
    expectError([&] { loadImage(dir.file("half.png")); }, {dir.file("half.png"), "PNG"});

    std::vector<uint8_t> smashed = bytes;  // valid signature, garbage everywhere after it
    for (size_t i = 8; i < smashed.size(); ++i) smashed[i] = uint8_t(i * 31);
    expectError([&] { decodeImage(smashed, "smashed.png"); }, {"smashed.png", "PNG"});
}

TEST(ImageLoader, GifIsUnsupported) {
    const std::vector<uint8_t> gif = {'G', 'I', 'F', '8', '9', 'a', 1, 0, 1, 0, 0, 0, 0, ';'};
    expectError([&] { decodeImage(gif, "anim.gif"); }, {"anim.gif", "GIF", "not supported"});
}

TEST(ImageLoader, UnreadableFile) {
    ScratchDir dir;
    // A directory named like an image cannot be opened as one, whoever runs the test.
    const std::string folder = dir.file("folder.png");
    std::filesystem::create_directory(folder);
    expectError([&] { loadImage(folder); }, {folder, "is a directory"});
    // A file without read permission: root reads it anyway (CI runs as root), so that case is
    // checked against what the process can actually do rather than skipped.
    const std::string path = dir.file("secret.png");
    ASSERT_TRUE(cv::imwrite(path, quadrants()));
    std::filesystem::permissions(path, std::filesystem::perms::none);
    if (::access(path.c_str(), R_OK) != 0)
        expectError([&] { loadImage(path); }, {path, "cannot open"});
    else
        EXPECT_EQ(loadImage(path).cols, quadrants().cols);
}
