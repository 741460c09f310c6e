// vp::openDataset: Debian Fashion-MNIST (fast path and resized path), idx folders, class folders.
#include <opencv2/imgcodecs.hpp>

#include <chrono>
#include <numeric>

#include "eval/fashion_mnist_idx.h"
#include "io/dataset.h"
#include "io/preprocess.h"
#include "io_test_util.h"

using namespace vp;
using namespace vp::test;

namespace {

ViTConfig fashionModel() {  // the app's default model: 28×28 grey, crop_pct 1
    ViTConfig c;
    c.imageSize = 28;
    c.inChans = 1;
    c.patchSize = 4;
    c.cropPct = 1.0;
    c.mean = {0.2860};
    c.std = {0.3530};
    return c;
}

std::vector<int64_t> range(int64_t n) {
    std::vector<int64_t> v(static_cast<size_t>(n));
    std::iota(v.begin(), v.end(), 0);
    return v;
}

}  // namespace

TEST(Dataset, FashionMnistTestSplit) {
    const auto ds = openDataset("fashion-mnist");
    EXPECT_EQ(ds->name(), "fashion-mnist");
    EXPECT_EQ(ds->size(), 10000);
    const auto names = ds->classNames();
    ASSERT_EQ(names.size(), 10u);
    EXPECT_EQ(names[0], "T-shirt/top");
    EXPECT_EQ(names[9], "Ankle boot");
    const Batch b = ds->batch({0, 1, 2}, fashionModel());
    EXPECT_EQ(b.labels[0].item<int64_t>(), 9);
}

TEST(Dataset, FashionMnistTrainSplit) {
    const auto ds = openDataset("fashion-mnist:train");
    EXPECT_EQ(ds->size(), 60000);
}

TEST(Dataset, FastPathWholeTestSetIsQuickAndExact) {
    const auto ds = openDataset("fashion-mnist");
    const ViTConfig cfg = fashionModel();
    const auto t0 = std::chrono::steady_clock::now();
    Batch all;
    for (int rep = 0; rep < 3; ++rep) all = ds->batch(range(10000), cfg);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count() / 3;
    std::printf("[ timing ] fast path, 10000 Fashion-MNIST images as one batch: %.1f ms\n", ms);
    // 64-image batches, as an evaluator would ask for them.
    const auto t1 = std::chrono::steady_clock::now();
    for (int64_t s = 0; s < 10000; s += 64) {
        std::vector<int64_t> idx;
        for (int64_t i = s; i < std::min<int64_t>(s + 64, 10000); ++i) idx.push_back(i);
        (void)ds->batch(idx, cfg);
    }
    const double msBatched = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t1).count();
    std::printf("[ timing ] fast path, 10000 images in batches of 64: %.1f ms\n", msBatched);
    EXPECT_LT(ms, 1000.0);
    EXPECT_LT(msBatched, 2000.0);

    ASSERT_EQ(all.images.sizes(), (std::vector<int64_t>{10000, 1, 28, 28}));
    EXPECT_EQ(all.images.scalar_type(), at::kFloat);
    EXPECT_TRUE(all.images.is_contiguous());
    const IdxImages raw = readFashionMnist(fashionMnistDir() + "/t10k-images-idx3-ubyte.gz",
                                           fashionMnistDir() + "/t10k-labels-idx1-ubyte.gz");
    EXPECT_TRUE(all.labels.equal(raw.labels));
    // Hand normalisation of one pixel, and bit-identity with the per-image OpenCV path.
    const int v = raw.images[0][14][14].item<uint8_t>();
    EXPECT_EQ(all.images[0][0][14][14].item<float>(), (float(v) / 255.0f - 0.2860f) / 0.3530f);
    for (int64_t i : {0, 1, 4321, 9999}) {
        const cv::Mat m(28, 28, CV_8UC1, raw.images[i].contiguous().data_ptr<uint8_t>());
        EXPECT_TRUE(all.images[i].equal(preprocess(m.clone(), cfg)[0])) << i;
    }
}

TEST(Dataset, FashionMnistForAnRgb224Model) {
    const auto ds = openDataset("fashion-mnist");
    ViTConfig cfg;  // deit-style 224 RGB, bicubic, crop 0.875
    const Batch b = ds->batch({0, 7}, cfg);
    ASSERT_EQ(b.images.sizes(), (std::vector<int64_t>{2, 3, 224, 224}));
    // Grey replicated: channel c is (x − mean_c) / std_c of the same x.
    const at::Tensor x0 = b.images[0][0] * float(cfg.std[0]) + float(cfg.mean[0]);
    const at::Tensor x2 = b.images[0][2] * float(cfg.std[2]) + float(cfg.mean[2]);
    EXPECT_LT((x0 - x2).abs().max().item<float>(), 1e-5);
    const IdxImages raw = readFashionMnist(fashionMnistDir() + "/t10k-images-idx3-ubyte.gz",
                                           fashionMnistDir() + "/t10k-labels-idx1-ubyte.gz");
    const cv::Mat m(28, 28, CV_8UC1, raw.images[7].contiguous().data_ptr<uint8_t>());
    EXPECT_TRUE(b.images[1].equal(preprocess(m.clone(), cfg)[0]));
}

TEST(Dataset, IdxFolder) {
    ScratchDir dir;
    const std::string src = fashionMnistDir();
    // Plain (decompressed) copies of the test split, named as upstream ships them.
    const IdxImages raw = readFashionMnist(src + "/t10k-images-idx3-ubyte.gz", src + "/t10k-labels-idx1-ubyte.gz");
    std::filesystem::copy_file(src + "/t10k-images-idx3-ubyte.gz", dir.file("t10k-images-idx3-ubyte.gz"));
    std::filesystem::copy_file(src + "/t10k-labels-idx1-ubyte.gz", dir.file("t10k-labels-idx1-ubyte.gz"));
    const auto ds = openDataset(dir.path().string());
    EXPECT_EQ(ds->size(), 10000);
    EXPECT_EQ(ds->classNames()[9], "Ankle boot");
    expectError([&] { openDataset(dir.path().string() + ":train"); }, {dir.path().string(), "train"});
    std::filesystem::remove(dir.file("t10k-labels-idx1-ubyte.gz"));
    expectError([&] { openDataset(dir.path().string()); }, {"t10k-images-idx3-ubyte.gz", "label"});
}

TEST(Dataset, ClassFolders) {
    ScratchDir dir;
    // Classes sorted by name: "a_dog" = 0, "b_cat" = 1, "c_empty" = 2 (kept, no images).
    std::filesystem::create_directories(dir.path() / "b_cat" / "nested");
    std::filesystem::create_directories(dir.path() / "a_dog");
    std::filesystem::create_directories(dir.path() / "c_empty");
    std::filesystem::create_directories(dir.path() / ".hidden");
    cv::imwrite(dir.file("b_cat/2.png"), cv::Mat(40, 60, CV_8UC3, cv::Scalar(0, 0, 200)));
    cv::imwrite(dir.file("b_cat/nested/1.jpg"), cv::Mat(40, 60, CV_8UC3, cv::Scalar(0, 200, 0)));
    cv::imwrite(dir.file("b_cat/z.png"), cv::Mat(20, 20, CV_8UC3, cv::Scalar(200, 0, 0)));
    cv::imwrite(dir.file("a_dog/x.PNG"), cv::Mat(30, 30, CV_8UC1, cv::Scalar(90)));
    writeBytes(dir.file("a_dog/skipped.gif"), {'G', 'I', 'F', '8', '9', 'a'});  // not in the extension list
    cv::imwrite(dir.file(".hidden/y.png"), cv::Mat(30, 30, CV_8UC1, cv::Scalar(90)));
    writeBytes(dir.file("a_dog/notes.txt"), {'h', 'i'});

    const auto ds = openDataset(dir.path().string());
    // Order as torchvision: a_dog/x.PNG, b_cat/2.png, b_cat/z.png (folder b_cat first), b_cat/nested/1.jpg.
    EXPECT_EQ(ds->size(), 4);
    EXPECT_EQ(ds->classNames(), (std::vector<std::string>{"a_dog", "b_cat", "c_empty"}));
    ViTConfig cfg;
    cfg.imageSize = 32;
    cfg.patchSize = 16;
    const Batch b = ds->batch({0, 1, 2, 3}, cfg);
    ASSERT_EQ(b.images.sizes(), (std::vector<int64_t>{4, 3, 32, 32}));
    EXPECT_TRUE(b.labels.equal(at::tensor(std::vector<int64_t>{0, 1, 1, 1})));
    auto dominant = [&](int i) { return b.images[i].select(1, 16).select(1, 16).argmax().item<int64_t>(); };
    EXPECT_EQ(dominant(1), 0);  // b_cat/2.png is red
    EXPECT_EQ(dominant(2), 2);  // b_cat/z.png is blue
    EXPECT_EQ(dominant(3), 1);  // b_cat/nested/1.jpg is green

    writeBytes(dir.file("b_cat/3.jpg"), {0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3});
    const auto broken = openDataset(dir.path().string());
    ASSERT_EQ(broken->size(), 5);  // a_dog/x.PNG, b_cat/2.png, b_cat/3.jpg, b_cat/z.png, b_cat/nested/1.jpg
    EXPECT_NO_THROW(broken->batch({0, 1, 3, 4}, cfg));
    expectError([&] { broken->batch({0, 1, 2, 3}, cfg); }, {dir.file("b_cat/3.jpg")});
}

TEST(Dataset, SymlinkLoopsInClassFoldersAreWalkedOnce) {
    // Two links to ancestors would branch 2^40 ways before the kernel's ELOOP; each real folder is
    // now walked once. A link to a folder outside the class still counts (followed once).
    ScratchDir dir;
    std::filesystem::create_directories(dir.path() / "cat" / "sub");
    std::filesystem::create_directories(dir.path() / "elsewhere");
    cv::imwrite(dir.file("cat/a.png"), cv::Mat(8, 8, CV_8UC1, cv::Scalar(1)));
    cv::imwrite(dir.file("cat/sub/b.png"), cv::Mat(8, 8, CV_8UC1, cv::Scalar(2)));
    cv::imwrite(dir.file("elsewhere/c.png"), cv::Mat(8, 8, CV_8UC1, cv::Scalar(3)));
    std::filesystem::create_directory_symlink("..", dir.path() / "cat" / "sub" / "up");
    std::filesystem::create_directory_symlink("../..", dir.path() / "cat" / "sub" / "up2");
    std::filesystem::create_directory_symlink("../elsewhere", dir.path() / "cat" / "linked");
    std::filesystem::create_symlink("self", dir.path() / "cat" / "self");  // a file link to itself
    const auto ds = openDataset(dir.path().string());
    EXPECT_EQ(ds->classNames(), (std::vector<std::string>{"cat", "elsewhere"}));
    EXPECT_EQ(ds->size(), 4);  // cat/a.png, cat/linked/c.png, cat/sub/b.png, elsewhere/c.png
}

TEST(Dataset, BadSpecs) {
    ScratchDir dir;
    expectError([&] { openDataset(dir.file("nothing")); }, {dir.file("nothing"), "fashion-mnist"});
    expectError([&] { openDataset(dir.path().string()); }, {dir.path().string(), "neither"});
    writeBytes(dir.file("f.txt"), {'x'});
    expectError([&] { openDataset(dir.file("f.txt")); }, {dir.file("f.txt"), "not a folder"});
    const auto ds = openDataset("fashion-mnist");
    EXPECT_THROW(ds->batch({10000}, fashionModel()), vp::Error);
}

TEST(Dataset, ResizedPathThroughput) {
    // Not a limit, a record: Fashion-MNIST through the full transform for a 224 RGB model.
    const auto ds = openDataset("fashion-mnist");
    const ViTConfig cfg;
    const auto t0 = std::chrono::steady_clock::now();
    const Batch b = ds->batch(range(256), cfg);
    const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    std::printf("[ timing ] 256 Fashion-MNIST images → 3×224×224 bicubic: %.1f ms\n", ms);
    EXPECT_EQ(b.images.size(0), 256);
}
