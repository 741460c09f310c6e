// safetensors reader/writer: round trips, the committed fixture, every malformed-header case,
// and the atomic write's failure paths.
#include "common/error.h"
#include "model/safetensors_io.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <csignal>
#include <filesystem>
#include <fstream>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

namespace fs = std::filesystem;
using vp::readSafetensors;
using vp::writeSafetensors;

namespace {

class SafetensorsTest : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        m_dir = fs::temp_directory_path() / ("vp_st_" + std::to_string(::getpid()) + "_" + info->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override {
        std::error_code ec;
        fs::permissions(m_dir, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(m_dir, ec);
    }
    std::string path(const std::string& name) const { return (m_dir / name).string(); }

    // Writes an 8-byte length, the header text and `data` to a file; returns its path.
    std::string rawFile(const std::string& name, const std::string& header, const std::string& data,
                        int64_t lengthOverride = -1) const {
        std::string p = path(name);
        std::ofstream f(p, std::ios::binary);
        uint64_t n = lengthOverride >= 0 ? uint64_t(lengthOverride) : header.size();
        for (int i = 0; i < 8; ++i) f.put(static_cast<char>(n >> (8 * i)));
        f << header << data;
        return p;
    }
    // Number of files in the temp dir whose name contains ".tmp-".
    int tempLeftovers() const {
        int n = 0;
        for (const auto& e : fs::recursive_directory_iterator(m_dir))
            n += e.path().filename().string().find(".tmp-") != std::string::npos;
        return n;
    }
    fs::path m_dir;
};

// Runs readSafetensors and returns the error message ("" when it did not throw).
std::string readError(const std::string& p) {
    try {
        readSafetensors(p);
    } catch (const vp::Error& e) {
        EXPECT_EQ(e.kind(), vp::Error::Kind::BadInput);
        return e.what();
    }
    return "";
}

#define EXPECT_READ_ERROR(file, problem)                          \
    do {                                                          \
        const std::string file_ = (file);                         \
        const std::string msg_ = readError(file_);                \
        EXPECT_NE(msg_.find(file_), std::string::npos) << msg_;   \
        EXPECT_NE(msg_.find(problem), std::string::npos) << msg_; \
    } while (0)

const std::string kF32x2 = R"("dtype":"F32","shape":[2])";

}  // namespace

TEST_F(SafetensorsTest, RoundTripEveryDtypeWithMetadata) {
    vp::TensorMap in;
    in["f32"] = at::randn({3, 4});
    in["f16"] = at::randn({2, 5}).to(at::kHalf);
    in["bf16"] = at::randn({7}).to(at::kBFloat16);
    in["f64"] = at::randn({2, 2}, at::kDouble);
    in["i64"] = at::tensor({int64_t(1) << 40, int64_t(-3), int64_t(0)}, at::kLong);
    in["i32"] = at::tensor({2147483647, -2147483647 - 1}, at::kInt);
    in["i16"] = at::tensor({-5, 300}, at::kShort);
    in["i8"] = at::tensor({-128, 127}, at::kChar);
    in["u8"] = at::tensor({0, 255, 17}, at::kByte);
    in["bool"] = at::tensor({1, 0, 1}, at::kByte).to(at::kBool);
    in["scalar"] = at::scalar_tensor(2.5);
    in["empty"] = at::empty({0, 3});
    in["transposed"] = at::arange(12, at::kFloat).reshape({3, 4}).t();  // non-contiguous
    std::map<std::string, std::string> meta{{"format", "pt"}, {"note", "ünïcode \"quoted\""}};
    const std::string p = path("model.safetensors");
    writeSafetensors(p, in, meta);
    EXPECT_EQ(tempLeftovers(), 0);

    vp::SafetensorsFile out = readSafetensors(p);
    EXPECT_EQ(out.metadata, meta);
    ASSERT_EQ(out.tensors.size(), in.size());
    for (const auto& [name, t] : in) {
        SCOPED_TRACE(name);
        ASSERT_TRUE(out.tensors.count(name));
        const at::Tensor& r = out.tensors.at(name);
        EXPECT_EQ(r.scalar_type(), t.scalar_type());
        EXPECT_EQ(r.sizes(), t.sizes());
        EXPECT_TRUE(r.is_contiguous());
        EXPECT_TRUE(at::equal(r, t));
    }
    // The header is 8-byte aligned, so the data starts aligned.
    std::ifstream f(p, std::ios::binary);
    uint8_t len[8];
    f.read(reinterpret_cast<char*>(len), 8);
    EXPECT_EQ(len[0] % 8, 0);
}

TEST_F(SafetensorsTest, OverwriteReplacesAndParsesFromMemory) {
    const std::string p = path("w.safetensors");
    writeSafetensors(p, {{"a", at::ones({4})}});
    writeSafetensors(p, {{"b", at::zeros({2}, at::kLong)}});
    auto out = readSafetensors(p);
    ASSERT_EQ(out.tensors.size(), 1u);
    EXPECT_TRUE(out.tensors.count("b"));
    EXPECT_TRUE(out.metadata.empty());

    std::ifstream f(p, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    auto mem = vp::parseSafetensors(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), "mem");
    EXPECT_TRUE(at::equal(mem.tensors.at("b"), at::zeros({2}, at::kLong)));
}

TEST_F(SafetensorsTest, ReadsFixtureWithExactValues) {
    const std::string dir = std::string(VP_TEST_DATA) + "/pth/";
    std::ifstream jf(dir + "expected.json");
    ASSERT_TRUE(jf.good());
    const auto expected = nlohmann::json::parse(jf)["small.safetensors"];
    auto file = readSafetensors(dir + "small.safetensors");
    EXPECT_EQ(file.metadata.at("format"), "pt");
    EXPECT_EQ(file.metadata.at("source"), "fixture");
    ASSERT_EQ(file.tensors.size(), expected.size());
    EXPECT_EQ(file.tensors.at("a.weight").scalar_type(), at::kFloat);
    EXPECT_EQ(file.tensors.at("b.half").scalar_type(), at::kHalf);
    EXPECT_EQ(file.tensors.at("c.bf16").scalar_type(), at::kBFloat16);
    EXPECT_EQ(file.tensors.at("d.ids").scalar_type(), at::kLong);
    for (auto it = expected.begin(); it != expected.end(); ++it) {
        SCOPED_TRACE(it.key());
        const at::Tensor& t = file.tensors.at(it.key());
        EXPECT_EQ(t.sizes().vec(), (*it)["shape"].get<std::vector<int64_t>>());
        const auto& values = (*it)["values"];
        if (t.is_floating_point()) {
            at::Tensor d = t.to(at::kDouble).flatten();
            for (int64_t i = 0; i < d.numel(); ++i) EXPECT_EQ(d[i].item<double>(), values[i].get<double>());
        } else {
            at::Tensor l = t.to(at::kLong).flatten();
            for (int64_t i = 0; i < l.numel(); ++i) EXPECT_EQ(l[i].item<int64_t>(), values[i].get<int64_t>());
        }
    }
}

TEST_F(SafetensorsTest, TruncatedFile) {
    const std::string good = path("good.safetensors");
    writeSafetensors(good, {{"w", at::ones({16})}});
    const auto size = fs::file_size(good);
    const std::string cut = path("cut.safetensors");
    fs::copy_file(good, cut);
    fs::resize_file(cut, size - 10);
    EXPECT_READ_ERROR(cut, "data_offsets [0, 64] out of range");
    fs::resize_file(cut, 20);
    EXPECT_READ_ERROR(cut, "exceeds file size 20");
    fs::resize_file(cut, 5);
    EXPECT_READ_ERROR(cut, "file too small for a safetensors header (5 bytes)");
    fs::resize_file(cut, 0);
    EXPECT_READ_ERROR(cut, "file too small");
}

TEST_F(SafetensorsTest, HeaderLengthPastEnd) {
    const std::string p = rawFile("len.safetensors", "{}", "", 4294967296);
    EXPECT_READ_ERROR(p, "not a safetensors file, or a truncated one: header length 4294967296 exceeds file size 10");
}

TEST_F(SafetensorsTest, HeaderLengthOverLimit) {
    const uint64_t n = vp::kSafetensorsMaxHeader + 1;
    const std::string p = rawFile("huge.safetensors", "", "", static_cast<int64_t>(n));
    fs::resize_file(p, 8 + n);  // sparse: costs no disk
    EXPECT_READ_ERROR(p, "header length 100000001 exceeds the format's limit of 100000000 bytes");
}

TEST_F(SafetensorsTest, ZeroSizeTensorInsideAnotherIsRejected) {
    // As upstream: a zero-size tensor must sit where the previous tensor ends, not inside it.
    const std::string h = R"({"a":{"dtype":"F32","shape":[0],"data_offsets":[4,4]},)"
                          R"("c":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})";
    EXPECT_READ_ERROR(rawFile("inside.safetensors", h, std::string(8, '\0')),
                      "tensor 'a' data_offsets [4, 4] overlap tensor 'c' [0, 8]");
}

TEST_F(SafetensorsTest, HeaderNotJson) {
    EXPECT_READ_ERROR(rawFile("a.safetensors", "{\"w\": [1, 2", ""), "header is not valid JSON");
    EXPECT_READ_ERROR(rawFile("b.safetensors", "\xff\xfe", ""), "header is not valid JSON");
    EXPECT_READ_ERROR(rawFile("c.safetensors", "[1, 2]", ""), "header JSON is not an object");
    EXPECT_READ_ERROR(rawFile("d.safetensors", std::string(100, '[') + std::string(100, ']'), ""), "nested too deeply");
    EXPECT_READ_ERROR(rawFile("e.safetensors", R"({"w": 3})", ""), "tensor 'w': header entry is not an object");
}

TEST_F(SafetensorsTest, UnknownDtype) {
    const std::string p = rawFile("dt.safetensors", R"({"x":{"dtype":"F8","shape":[1],"data_offsets":[0,1]}})", "a");
    EXPECT_READ_ERROR(p, "unknown dtype 'F8' for tensor 'x'");
    EXPECT_READ_ERROR(rawFile("m.safetensors", R"({"x":{"shape":[1],"data_offsets":[0,1]}})", "a"),
                      "tensor 'x': missing dtype");
}

TEST_F(SafetensorsTest, ShapeOffsetSizeMismatch) {
    const std::string p =
        rawFile("mm.safetensors", R"({"w":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}})", std::string(8, '\0'));
    EXPECT_READ_ERROR(p, "tensor 'w': data_offsets [0, 8] hold 8 bytes but F32 shape [3] needs 12");
}

TEST_F(SafetensorsTest, OffsetsOutOfRange) {
    const std::string p =
        rawFile("oor.safetensors", "{\"w\":{" + kF32x2 + ",\"data_offsets\":[8,16]}}", std::string(12, '\0'));
    EXPECT_READ_ERROR(p, "tensor 'w': data_offsets [8, 16] out of range (data size 12)");
    EXPECT_READ_ERROR(
        rawFile("rev.safetensors", "{\"w\":{" + kF32x2 + ",\"data_offsets\":[8,0]}}", std::string(8, '\0')),
        "data_offsets [8, 0] begin after end");
    EXPECT_READ_ERROR(rawFile("neg.safetensors", "{\"w\":{" + kF32x2 + ",\"data_offsets\":[-8,0]}}", ""),
                      "data_offsets must be two non-negative integers");
}

TEST_F(SafetensorsTest, OverlappingOffsets) {
    const std::string header = R"({"blocks.0.attn.qkv.weight":{"dtype":"U8","shape":[100],"data_offsets":[0,100]},)"
                               R"("cls_token":{"dtype":"F32","shape":[4],"data_offsets":[96,112]}})";
    const std::string p = rawFile("ov.safetensors", header, std::string(112, '\0'));
    EXPECT_READ_ERROR(p,
                      "tensor 'cls_token' data_offsets [96, 112] overlap tensor 'blocks.0.attn.qkv.weight' [0, 100]");
    // Empty tensors may share an offset where a tensor ends (or the data begins).
    const std::string ok = R"({"a":{"dtype":"F32","shape":[0],"data_offsets":[8,8]},)"
                           R"("b":{"dtype":"F32","shape":[2,0],"data_offsets":[8,8]},)"
                           R"("z":{"dtype":"F32","shape":[0],"data_offsets":[0,0]},)"
                           R"("c":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}})";
    auto file = readSafetensors(rawFile("empty.safetensors", ok, std::string(8, '\0')));
    EXPECT_EQ(file.tensors.at("b").sizes(), at::IntArrayRef({2, 0}));
}

TEST_F(SafetensorsTest, GapsOrTrailingBytesAreRejected) {
    // 4 bytes after the only tensor: the header does not account for the whole file.
    EXPECT_READ_ERROR(
        rawFile("trail.safetensors", "{\"w\":{" + kF32x2 + ",\"data_offsets\":[0,8]}}", std::string(12, '\0')),
        "tensors cover 8 of the 12 data bytes");
    EXPECT_READ_ERROR(
        rawFile("gap.safetensors", "{\"w\":{" + kF32x2 + ",\"data_offsets\":[4,12]}}", std::string(12, '\0')),
        "the data has a gap: bytes [0, 4) belong to no tensor (next: 'w' [4, 12])");
}

TEST_F(SafetensorsTest, BadShapes) {
    EXPECT_READ_ERROR(rawFile("n.safetensors", R"({"w":{"dtype":"F32","shape":[-1],"data_offsets":[0,0]}})", ""),
                      "tensor 'w': negative dimension in shape [-1]");
    EXPECT_READ_ERROR(rawFile("f.safetensors", R"({"w":{"dtype":"F32","shape":[1.5],"data_offsets":[0,0]}})", ""),
                      "is not a list of integers");
    EXPECT_READ_ERROR(
        rawFile("o.safetensors",
                R"({"w":{"dtype":"F32","shape":[4611686018427387904,4611686018427387904],"data_offsets":[0,0]}})", ""),
        "has too many elements");
    EXPECT_READ_ERROR(
        rawFile("o2.safetensors", R"({"w":{"dtype":"F64","shape":[4611686018427387904],"data_offsets":[0,0]}})", ""),
        "has too many elements");
}

TEST_F(SafetensorsTest, BadMetadata) {
    EXPECT_READ_ERROR(rawFile("m1.safetensors", R"({"__metadata__":{"epoch":3}})", ""),
                      "__metadata__ value for 'epoch' is not a string");
    EXPECT_READ_ERROR(rawFile("m2.safetensors", R"({"__metadata__":["x"]})", ""), "__metadata__ is not an object");
}

TEST_F(SafetensorsTest, BoolBytesAreNormalised) {
    auto file = readSafetensors(rawFile("b.safetensors", R"({"m":{"dtype":"BOOL","shape":[3],"data_offsets":[0,3]}})",
                                        std::string("\x07\x00\x01", 3)));
    EXPECT_TRUE(at::equal(file.tensors.at("m").to(at::kByte), at::tensor({1, 0, 1}, at::kByte)));
}

TEST_F(SafetensorsTest, WriteIntoUnwritableDirLeavesNothing) {
    const std::string notDir = path("plain_file");
    std::ofstream(notDir) << "x";
    const std::string target = notDir + "/model.safetensors";  // parent is a file: ENOTDIR even as root
    try {
        writeSafetensors(target, {{"w", at::ones({2})}});
        FAIL() << "expected an error";
    } catch (const vp::Error& e) {
        EXPECT_NE(std::string(e.what()).find(target), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("cannot create a temporary file"), std::string::npos) << e.what();
    }
    EXPECT_EQ(tempLeftovers(), 0);
    if (::geteuid() != 0) {  // permission bits do not stop root
        const fs::path ro = m_dir / "ro";
        fs::create_directories(ro);
        fs::permissions(ro, fs::perms::owner_read | fs::perms::owner_exec);
        EXPECT_THROW(writeSafetensors((ro / "m.safetensors").string(), {{"w", at::ones({2})}}), vp::Error);
        fs::permissions(ro, fs::perms::owner_all);
        EXPECT_TRUE(fs::is_empty(ro));
    }
}

TEST_F(SafetensorsTest, FailedWriteKeepsOldFileAndRemovesTemp) {
    const std::string p = path("keep.safetensors");
    writeSafetensors(p, {{"old", at::ones({3})}});
    const auto oldSize = fs::file_size(p);
    // Make write() fail with EFBIG half-way through: a 4 KiB file size limit, SIGXFSZ ignored.
    auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
    rlimit old{};
    ASSERT_EQ(::getrlimit(RLIMIT_FSIZE, &old), 0);
    rlimit small = old;
    small.rlim_cur = 4096;
    ASSERT_EQ(::setrlimit(RLIMIT_FSIZE, &small), 0);
    std::string msg;
    try {
        writeSafetensors(p, {{"big", at::ones({1 << 16})}});
    } catch (const vp::Error& e) {
        msg = e.what();
    }
    ::setrlimit(RLIMIT_FSIZE, &old);
    std::signal(SIGXFSZ, oldHandler);
    EXPECT_NE(msg.find(p + ": write failed"), std::string::npos) << msg;
    EXPECT_EQ(tempLeftovers(), 0);
    EXPECT_EQ(fs::file_size(p), oldSize);
    EXPECT_TRUE(readSafetensors(p).tensors.count("old"));
}

TEST_F(SafetensorsTest, RenameOntoDirectoryFails) {
    const std::string p = path("isdir.safetensors");
    fs::create_directories(fs::path(p) / "child");
    EXPECT_THROW(writeSafetensors(p, {{"w", at::ones({2})}}), vp::Error);
    EXPECT_EQ(tempLeftovers(), 0);
    EXPECT_TRUE(fs::is_directory(p));
}

TEST_F(SafetensorsTest, UnwritableTensorsAreRejectedBeforeTouchingDisk) {
    const std::string p = path("bad.safetensors");
    EXPECT_THROW(writeSafetensors(p, {{"c", at::ones({2}, at::kComplexFloat)}}), vp::Error);
    EXPECT_THROW(writeSafetensors(p, {{"u", at::Tensor()}}), vp::Error);
    EXPECT_THROW(writeSafetensors(p, {{"__metadata__", at::ones({1})}}), vp::Error);
    EXPECT_THROW(writeSafetensors(p, {{"w", at::ones({1})}}, {{"bad", "\xff\xfe"}}), vp::Error);
    EXPECT_THROW(writeSafetensors(p, {{"\xc3", at::ones({1})}}), vp::Error);
    EXPECT_FALSE(fs::exists(p));
    EXPECT_EQ(tempLeftovers(), 0);
}

TEST_F(SafetensorsTest, MissingFile) {
    EXPECT_READ_ERROR(path("nope.safetensors"), "cannot open");
    EXPECT_READ_ERROR(m_dir.string(), "not a regular file");
    const std::string fifo = path("fifo.safetensors");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    EXPECT_READ_ERROR(fifo, "not a regular file");  // and does not block
}
