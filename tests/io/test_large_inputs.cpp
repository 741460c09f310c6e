// Small files that claim huge contents (issue 19): a PNG header of 30000x30000 pixels and a
// gzip'd idx file of 256 MiB. Each is refused, or read, within a bounded peak memory.
#include <zlib.h>

#include <cstdlib>

#include "eval/fashion_mnist_idx.h"
#include "io/image_loader.h"
#include "io_test_util.h"
#include "support/peak_memory.h"

using namespace vp;
using namespace vp::test;

namespace {

void put32be(std::vector<uint8_t>& b, uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) b.push_back(uint8_t(v >> s));
}

void pngChunk(std::vector<uint8_t>& png, const char* type, const std::vector<uint8_t>& data) {
    put32be(png, uint32_t(data.size()));
    std::vector<uint8_t> body(type, type + 4);
    body.insert(body.end(), data.begin(), data.end());
    png.insert(png.end(), body.begin(), body.end());
    put32be(png, uint32_t(crc32(0, body.data(), uInt(body.size()))));
}

// A well-formed PNG header of an RGB image w x h, whose pixel data is one short (truncated) zlib
// stream: only the header matters to a decoder that refuses the size up front.
std::vector<uint8_t> pngHeaderOnly(uint32_t w, uint32_t h) {
    std::vector<uint8_t> png{0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    std::vector<uint8_t> ihdr;
    put32be(ihdr, w);
    put32be(ihdr, h);
    ihdr.insert(ihdr.end(), {8, 2, 0, 0, 0});
    pngChunk(png, "IHDR", ihdr);
    pngChunk(png, "IDAT", {0x78, 0x9C, 0x63, 0x00, 0x00});
    pngChunk(png, "IEND", {});
    return png;
}

// A 24-bit BMP header of w x h and no pixel data.
std::vector<uint8_t> bmpHeaderOnly(int32_t w, int32_t h) {
    std::vector<uint8_t> b{'B', 'M'};
    auto le = [&](uint32_t v, int n) {
        for (int i = 0; i < n; ++i) b.push_back(uint8_t(v >> (8 * i)));
    };
    le(54, 4);  // file size (a lie: no pixels follow)
    le(0, 4);
    le(54, 4);  // pixel data offset
    le(40, 4);  // BITMAPINFOHEADER
    le(uint32_t(w), 4);
    le(uint32_t(h), 4);
    le(1, 2);
    le(24, 2);
    for (int i = 0; i < 6; ++i) le(0, 4);
    return b;
}

// A baseline JPEG skeleton: SOI, SOF0 of w x h (3 components), an empty SOS and EOI.
std::vector<uint8_t> jpegHeaderOnly(uint16_t w, uint16_t h) {
    std::vector<uint8_t> j{0xFF,       0xD8, 0xFF, 0xC0, 0, 17, 8, uint8_t(h >> 8), uint8_t(h), uint8_t(w >> 8),
                           uint8_t(w), 3};
    for (uint8_t c = 1; c <= 3; ++c) j.insert(j.end(), {c, 0x11, 0});
    j.insert(j.end(), {0xFF, 0xDA, 0, 12, 3, 1, 0, 2, 0x11, 3, 0x11, 0, 63, 0});
    j.insert(j.end(), {0xFF, 0xD9});
    return j;
}

}  // namespace

TEST(LargeInputs, OpenCvsPixelCapIsInForce) {
    // Set by ctest here, by ensureStartupEnvironment in the programs (tests/cli checks those).
    const char* cap = std::getenv("OPENCV_IO_MAX_IMAGE_PIXELS");
    ASSERT_NE(cap, nullptr);
    EXPECT_EQ(std::string(cap), std::to_string(kMaxImagePixels));
    // A BMP's size is checked by OpenCV's decoder itself, before it allocates.
    ScratchDir dir;
    writeBytes(dir.file("huge.bmp"), bmpHeaderOnly(30000, 30000));
    const long before = peakRssMiB();
    expectError([&] { loadImage(dir.file("huge.bmp")); }, {dir.file("huge.bmp"), "image too large"});
    if (!underSanitizer()) EXPECT_LT(peakRssMiB() - before, 50);
}

TEST(LargeInputs, AHugeJpegIsRefusedBeforeDecoding) {
    ScratchDir dir;
    writeBytes(dir.file("huge.jpg"), jpegHeaderOnly(30000, 20000));
    const long before = peakRssMiB();
    expectError([&] { loadImage(dir.file("huge.jpg")); }, {"image too large", "the file says 30000x20000"});
    if (!underSanitizer()) EXPECT_LT(peakRssMiB() - before, 50);
}

TEST(LargeInputs, AHugePngIsRefusedBeforeDecoding) {
    ScratchDir dir;
    writeBytes(dir.file("huge.png"), pngHeaderOnly(30000, 30000));  // 2.7 GB as RGB; 2.6 MB as a real file
    const long before = peakRssMiB();
    expectError([&] { loadImage(dir.file("huge.png")); },
                {dir.file("huge.png"), "image too large", "the file says 30000x30000", "scale it down"});
    if (!underSanitizer()) EXPECT_LT(peakRssMiB() - before, 50);
    // 10000x10000 is 100 Mpx, over the 64 Mpx cap too.
    writeBytes(dir.file("big.png"), pngHeaderOnly(10000, 10000));
    expectError([&] { loadImage(dir.file("big.png")); }, {"image too large", "10000x10000"});
}

TEST(LargeInputs, AGzipIdxFileCostsItsPixelsOnceNotTwice) {
    // 342392 images of 28x28 (256 MiB of zero pixels) in a ~260 KB gzip file. Growing a vector to
    // hold them peaked at 1.5x-2x the pixels (8.4 GB for a 4 GB claim); the reader now reserves
    // address space and fills it, so the peak is the pixels themselves.
    ScratchDir dir;
    const uint32_t n = (uint32_t(256) << 20) / 784;
    {
        std::vector<uint8_t> header;
        put32be(header, 2051);
        put32be(header, n);
        put32be(header, 28);
        put32be(header, 28);
        gzFile f = gzopen(dir.file("i.gz").c_str(), "wb1");
        ASSERT_NE(f, nullptr);
        gzwrite(f, header.data(), unsigned(header.size()));
        const std::vector<uint8_t> zeros(784 * 1024, 0);
        for (uint32_t done = 0; done < n; done += 1024)
            gzwrite(f, zeros.data(), unsigned(784 * std::min<uint32_t>(1024, n - done)));
        gzclose(f);
        std::vector<uint8_t> labels;
        put32be(labels, 2049);
        put32be(labels, n);
        labels.resize(labels.size() + n, 3);
        writeBytes(dir.file("l"), labels);
    }
    EXPECT_LT(std::filesystem::file_size(dir.file("i.gz")), 2u << 20);
    const long before = peakRssMiB();
    const IdxImages d = readFashionMnist(dir.file("i.gz"), dir.file("l"));
    EXPECT_EQ(d.images.size(0), int64_t(n));
    EXPECT_EQ(d.labels[n - 1].item<int64_t>(), 3);
    if (!underSanitizer()) EXPECT_LT(peakRssMiB() - before, 256 + 40) << "pixels + labels, no second copy";
}

TEST(LargeInputs, AnIdxHeaderClaimingTooMuchIsRefusedUnread) {
    ScratchDir dir;
    std::vector<uint8_t> header;
    put32be(header, 2051);
    put32be(header, 5000000);  // 5M images of 28x28: 3.9 GB, over the 1 GiB bound
    put32be(header, 28);
    put32be(header, 28);
    writeBytes(dir.file("i"), header);
    writeBytes(dir.file("l"), {0, 0, 8, 1, 0, 0x4C, 0x4B, 0x40});
    expectError([&] { readFashionMnist(dir.file("i"), dir.file("l")); },
                {dir.file("i"), "implausible 5000000 images of 28x28", "1024 MiB of pixels"});
}
