// vp::readFashionMnist on Debian's real files and on malformed ones written here.
#include <zlib.h>

#include "eval/fashion_mnist_idx.h"
#include "io_test_util.h"

using namespace vp;
using namespace vp::test;

namespace {

std::string debian(const std::string& name) { return fashionMnistDir() + "/" + name; }

void put32(std::vector<uint8_t>& b, uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) b.push_back(uint8_t(v >> s));
}

std::vector<uint8_t> idxImages(uint32_t n, uint32_t rows, uint32_t cols, size_t pixels, uint32_t magic = 2051) {
    std::vector<uint8_t> b;
    put32(b, magic);
    put32(b, n);
    put32(b, rows);
    put32(b, cols);
    for (size_t i = 0; i < pixels; ++i) b.push_back(uint8_t(i % 251));
    return b;
}

std::vector<uint8_t> idxLabels(uint32_t n, size_t count, uint32_t magic = 2049) {
    std::vector<uint8_t> b;
    put32(b, magic);
    put32(b, n);
    for (size_t i = 0; i < count; ++i) b.push_back(uint8_t(i % 10));
    return b;
}

void writeGz(const std::string& path, const std::vector<uint8_t>& bytes) {
    gzFile f = gzopen(path.c_str(), "wb");
    ASSERT_NE(f, nullptr);
    ASSERT_EQ(gzwrite(f, bytes.data(), unsigned(bytes.size())), int(bytes.size()));
    gzclose(f);
}

}  // namespace

TEST(FashionMnistIdx, DebianTestSplit) {
    const IdxImages d = readFashionMnist(debian("t10k-images-idx3-ubyte.gz"), debian("t10k-labels-idx1-ubyte.gz"));
    ASSERT_EQ(d.images.sizes(), (std::vector<int64_t>{10000, 28, 28}));
    EXPECT_EQ(d.images.scalar_type(), at::kByte);
    ASSERT_EQ(d.labels.sizes(), (std::vector<int64_t>{10000}));
    EXPECT_EQ(d.labels.scalar_type(), at::kLong);
    EXPECT_EQ(d.labels[0].item<int64_t>(), 9);  // Ankle boot
    EXPECT_EQ(fashionMnistClassNames()[9], "Ankle boot");
    const at::Tensor hist = at::bincount(d.labels);
    ASSERT_EQ(hist.size(0), 10);
    for (int c = 0; c < 10; ++c) EXPECT_EQ(hist[c].item<int64_t>(), 1000) << c;
    EXPECT_EQ(d.images.max().item<uint8_t>(), 255);
    EXPECT_EQ(d.images[0][0][0].item<uint8_t>(), 0);  // black border around the boot
}

TEST(FashionMnistIdx, DebianTrainSplit) {
    const IdxImages d = readFashionMnist(debian("train-images-idx3-ubyte.gz"), debian("train-labels-idx1-ubyte.gz"));
    EXPECT_EQ(d.images.size(0), 60000);
    const at::Tensor hist = at::bincount(d.labels);
    for (int c = 0; c < 10; ++c) EXPECT_EQ(hist[c].item<int64_t>(), 6000) << c;
}

TEST(FashionMnistIdx, PlainAndGzipReadTheSame) {
    ScratchDir dir;
    writeBytes(dir.file("i"), idxImages(3, 4, 5, 60));
    writeBytes(dir.file("l"), idxLabels(3, 3));
    writeGz(dir.file("i.gz"), idxImages(3, 4, 5, 60));
    writeGz(dir.file("l.gz"), idxLabels(3, 3));
    const IdxImages a = readFashionMnist(dir.file("i"), dir.file("l"));
    const IdxImages b = readFashionMnist(dir.file("i.gz"), dir.file("l.gz"));
    ASSERT_EQ(a.images.sizes(), (std::vector<int64_t>{3, 4, 5}));
    EXPECT_TRUE(a.images.equal(b.images));
    EXPECT_TRUE(a.labels.equal(b.labels));
    EXPECT_EQ(a.images[2][3][4].item<uint8_t>(), 59);
    EXPECT_EQ(a.labels[2].item<int64_t>(), 2);
}

TEST(FashionMnistIdx, BadMagic) {
    ScratchDir dir;
    writeBytes(dir.file("i"), idxImages(2, 2, 2, 8, 2049));
    writeBytes(dir.file("l"), idxLabels(2, 2));
    expectError([&] { readFashionMnist(dir.file("i"), dir.file("l")); }, {dir.file("i"), "magic", "2051"});
    writeBytes(dir.file("i2"), idxImages(2, 2, 2, 8));
    writeBytes(dir.file("l2"), idxLabels(2, 2, 0x12345678));
    expectError([&] { readFashionMnist(dir.file("i2"), dir.file("l2")); }, {dir.file("l2"), "magic", "2049"});
    // Swapped arguments say so.
    expectError([&] { readFashionMnist(dir.file("l"), dir.file("i2")); }, {dir.file("l"), "label file"});
}

TEST(FashionMnistIdx, TruncatedAndTrailing) {
    ScratchDir dir;
    writeBytes(dir.file("l"), idxLabels(5, 5));
    writeBytes(dir.file("short"), idxImages(5, 28, 28, 5 * 784 - 1));
    expectError([&] { readFashionMnist(dir.file("short"), dir.file("l")); }, {dir.file("short"), "truncated"});
    writeGz(dir.file("short.gz"), idxImages(5, 28, 28, 4 * 784));
    expectError([&] { readFashionMnist(dir.file("short.gz"), dir.file("l")); }, {dir.file("short.gz"), "truncated"});
    writeBytes(dir.file("long"), idxImages(5, 28, 28, 5 * 784 + 3));
    expectError([&] { readFashionMnist(dir.file("long"), dir.file("l")); }, {dir.file("long"), "unexpected data"});
    writeBytes(dir.file("hdr"), {0, 0, 8, 3, 0, 0});
    expectError([&] { readFashionMnist(dir.file("hdr"), dir.file("l")); }, {dir.file("hdr"), "too short"});
    // A header promising 2^31 images is refused unread; a plausible count on a short file fails
    // as truncated without a huge allocation.
    writeBytes(dir.file("huge"), idxImages(0x7FFFFFFF, 1, 1, 10));
    writeBytes(dir.file("hugel"), idxLabels(0x7FFFFFFF, 10));
    expectError([&] { readFashionMnist(dir.file("huge"), dir.file("hugel")); },
                {dir.file("huge"), "implausible 2147483647 images"});
    writeBytes(dir.file("many"), idxImages(9000000, 1, 1, 10));
    writeBytes(dir.file("manyl"), idxLabels(9000000, 10));
    expectError([&] { readFashionMnist(dir.file("many"), dir.file("manyl")); }, {dir.file("many"), "truncated"});
}

TEST(FashionMnistIdx, CountMismatchAndBadDims) {
    ScratchDir dir;
    writeBytes(dir.file("i"), idxImages(4, 2, 2, 16));
    writeBytes(dir.file("l"), idxLabels(3, 3));
    expectError([&] { readFashionMnist(dir.file("i"), dir.file("l")); }, {dir.file("l"), "3 labels", "4 images"});
    writeBytes(dir.file("z"), idxImages(4, 0, 2, 0));
    expectError([&] { readFashionMnist(dir.file("z"), dir.file("l")); }, {dir.file("z"), "size"});
}

TEST(FashionMnistIdx, CorruptGzip) {
    ScratchDir dir;
    writeGz(dir.file("i.gz"), idxImages(50, 28, 28, 50 * 784));
    std::vector<uint8_t> gz = readBytes(dir.file("i.gz"));
    for (size_t i = 40; i < gz.size() - 8; i += 3) gz[i] ^= 0x5A;
    writeBytes(dir.file("bad.gz"), gz);
    writeBytes(dir.file("l"), idxLabels(50, 50));
    expectError([&] { readFashionMnist(dir.file("bad.gz"), dir.file("l")); }, {dir.file("bad.gz")});
}

TEST(FashionMnistIdx, MissingFileAndDirectory) {
    ScratchDir dir;
    writeBytes(dir.file("l"), idxLabels(1, 1));
    expectError([&] { readFashionMnist(dir.file("none.gz"), dir.file("l")); }, {dir.file("none.gz"), "no such file"});
    expectError([&] { readFashionMnist(dir.path().string(), dir.file("l")); }, {dir.path().string(), "directory"});
}
