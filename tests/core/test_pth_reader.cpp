// .pth reader: every committed torch.save fixture with exact values (expected.json written by
// tests/fixtures/make_pth_fixtures.py), and hostile archives / pickles built here.
#include "common/error.h"
#include "model/pth_reader.h"
#include "support/pickle_builder.h"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <zip.h>

#include <climits>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <unistd.h>

namespace fs = std::filesystem;
using vp::readPth;

namespace {

const std::string kDir = std::string(VP_TEST_DATA) + "/pth/";

nlohmann::json expected(const std::string& file) {
    std::ifstream f(kDir + "expected.json");
    return nlohmann::json::parse(f).at(file);
}

std::string readBytes(const std::string& p) {
    std::ifstream f(p, std::ios::binary);
    return std::string((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
}

at::ScalarType dtypeOf(const std::string& name) {
    static const std::map<std::string, at::ScalarType> m{
        {"float32", at::kFloat}, {"float16", at::kHalf}, {"bfloat16", at::kBFloat16}, {"float64", at::kDouble},
        {"int64", at::kLong},    {"int32", at::kInt},    {"uint8", at::kByte},        {"bool", at::kBool}};
    return m.at(name);
}

// Compares a state dict with expected.json's entry for `file`: same keys, dtypes, shapes, values.
void expectMatches(const vp::TensorMap& got, const std::string& file) {
    const auto want = expected(file);
    ASSERT_EQ(got.size(), want.size()) << file;
    for (auto it = want.begin(); it != want.end(); ++it) {
        SCOPED_TRACE(file + ": " + it.key());
        ASSERT_TRUE(got.count(it.key()));
        const at::Tensor& t = got.at(it.key());
        EXPECT_EQ(t.scalar_type(), dtypeOf((*it)["dtype"]));
        EXPECT_EQ(t.sizes().vec(), (*it)["shape"].get<std::vector<int64_t>>());
        EXPECT_TRUE(t.is_contiguous());
        EXPECT_EQ(t.device().type(), at::kCPU);
        const auto& values = (*it)["values"];
        ASSERT_EQ(static_cast<size_t>(t.numel()), values.size());
        if (t.is_floating_point()) {
            at::Tensor d = t.to(at::kDouble).flatten();
            for (int64_t i = 0; i < d.numel(); ++i) EXPECT_EQ(d[i].item<double>(), values[i].get<double>()) << i;
        } else {
            at::Tensor l = t.to(at::kLong).flatten();
            for (int64_t i = 0; i < l.numel(); ++i) EXPECT_EQ(l[i].item<int64_t>(), values[i].get<int64_t>()) << i;
        }
    }
}

class PthTest : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        m_dir = fs::temp_directory_path() / ("vp_pth_" + std::to_string(::getpid()) + "_" + info->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    // Writes a zip with the given entries; `store` selects no compression (as torch.save does).
    std::string zipFile(const std::string& name, const std::vector<std::pair<std::string, std::string>>& entries,
                        bool store = true) const {
        const std::string p = (m_dir / name).string();
        int err = 0;
        zip_t* z = zip_open(p.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
        EXPECT_NE(z, nullptr);
        for (const auto& [entry, data] : entries) {
            zip_source_t* src = zip_source_buffer(z, data.data(), data.size(), 0);
            zip_int64_t idx = zip_file_add(z, entry.c_str(), src, ZIP_FL_ENC_UTF_8);
            EXPECT_GE(idx, 0);
            zip_set_file_compression(z, static_cast<zip_uint64_t>(idx), store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
        }
        EXPECT_EQ(zip_close(z), 0);
        return p;
    }
    std::string file(const std::string& name, const std::string& bytes) const {
        const std::string p = (m_dir / name).string();
        std::ofstream(p, std::ios::binary) << bytes;
        return p;
    }
    fs::path m_dir;
};

std::string pthError(const std::string& p) {
    try {
        readPth(p);
    } catch (const vp::Error& e) {
        EXPECT_EQ(e.kind(), vp::Error::Kind::BadInput);
        return e.what();
    }
    return "";
}

#define EXPECT_PTH_ERROR(file, problem)                                \
    do {                                                               \
        const std::string file_ = (file);                              \
        const std::string msg_ = pthError(file_);                      \
        EXPECT_NE(msg_.find(file_ + ": "), std::string::npos) << msg_; \
        EXPECT_NE(msg_.find(problem), std::string::npos) << msg_;      \
    } while (0)

std::string floats(std::vector<float> v) { return std::string(reinterpret_cast<const char*>(v.data()), v.size() * 4); }

}  // namespace

TEST(PthReader, OrderedDictStateDict) { expectMatches(readPth(kDir + "state_dict.pth"), "state_dict.pth"); }

TEST(PthReader, PlainDictDtypesViewsAndSharedStorage) {
    auto sd = readPth(kDir + "plain_dict.pth");
    expectMatches(sd, "plain_dict.pth");
    // Views of one storage come back as separate, owning tensors.
    EXPECT_NE(sd.at("shared_a").data_ptr(), sd.at("shared_b").data_ptr());
    EXPECT_EQ(sd.at("transposed").sizes(), at::IntArrayRef({4, 3}));
    EXPECT_EQ(sd.at("scalar").dim(), 0);
}

TEST(PthReader, TrainingCheckpointUsesModelAndSkipsArgs) {
    expectMatches(readPth(kDir + "checkpoint.pth"), "checkpoint.pth");
}

TEST(PthReader, ModulePrefixIsStripped) { expectMatches(readPth(kDir + "module_prefix.pth"), "module_prefix.pth"); }

TEST(PthReader, ModelEmaWhenModelHoldsNoTensors) { expectMatches(readPth(kDir + "model_ema.pth"), "model_ema.pth"); }

TEST(PthReader, PickleProtocol4) { expectMatches(readPth(kDir + "protocol4.pth"), "protocol4.pth"); }

TEST(PthReader, InMemoryParseMatchesFile) {
    const std::string bytes = readBytes(kDir + "state_dict.pth");
    auto sd = vp::parsePth(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(), "mem.pth");
    expectMatches(sd, "state_dict.pth");
}

TEST(PthReader, LegacyFormatIsRejected) {
    const std::string p = kDir + "legacy.pth";
    EXPECT_PTH_ERROR(p, "legacy (pre-1.6) torch.save format is not supported; re-save with torch>=1.6");
}

TEST(PthReader, NotAStateDict) {
    EXPECT_PTH_ERROR(kDir + "list.pth", "no state dict of tensors found (the pickled object is a list)");
    EXPECT_PTH_ERROR(kDir + "no_tensors.pth", "no state dict of tensors found (top-level keys: epoch, args)");
}

TEST_F(PthTest, TruncatedZip) {
    const std::string bytes = readBytes(kDir + "state_dict.pth");
    EXPECT_PTH_ERROR(file("half.pth", bytes.substr(0, bytes.size() / 2)), "not a zip archive");
    EXPECT_PTH_ERROR(file("tiny.pth", bytes.substr(0, 3)), "not a zip archive");
    EXPECT_PTH_ERROR(file("empty.pth", ""), "not a zip archive");
    EXPECT_PTH_ERROR(file("text.pth", "hello world"), "not a zip archive");
}

TEST_F(PthTest, ZipWithoutDataPkl) {
    EXPECT_PTH_ERROR(zipFile("nopkl.pth", {{"archive/version", "3\n"}, {"archive/data/0", "abcd"}}),
                     "data.pkl missing from the zip archive (entries: archive/version, archive/data/0)");
    EXPECT_PTH_ERROR(zipFile("deep.pth", {{"a/b/data.pkl", "\x80\x02}."}}), "data.pkl missing");
}

TEST_F(PthTest, UnknownOpcode) {
    EXPECT_PTH_ERROR(zipFile("op.pth", {{"archive/data.pkl", "\x80\x02I1\n."}}),
                     "data.pkl: pickle opcode 0x49 not supported at byte 2");
}

TEST_F(PthTest, MalformedPickles) {
    auto pk = [&](const std::string& name, const std::string& body) {
        return zipFile(name, {{"archive/data.pkl", body}});
    };
    EXPECT_PTH_ERROR(pk("nostop.pth", "\x80\x02}"), "pickle ends without STOP at byte 3");
    EXPECT_PTH_ERROR(pk("under.pth", "\x80\x02s."), "pickle stack underflow at byte 2");
    EXPECT_PTH_ERROR(pk("memo.pth", "\x80\x02h\x05."), "memo key 5 missing");
    EXPECT_PTH_ERROR(pk("str.pth", std::string("\x80\x02X\xff\xff\xff\x7f", 7) + "ab."), "truncated pickle");
    EXPECT_PTH_ERROR(pk("proto.pth", "\x80\x09}."), "pickle protocol 9 not supported");
    EXPECT_PTH_ERROR(pk("nomark.pth", "\x80\x02t."), "no MARK on the stack");
    EXPECT_PTH_ERROR(pk("setint.pth", "\x80\x02K\x01K\x02K\x03s."), "SETITEM on a int");
    EXPECT_PTH_ERROR(pk("callint.pth", "\x80\x02K\x01)R."), "cannot call a int");
    EXPECT_PTH_ERROR(pk("global.pth",
                        "\x80\x02"
                        "cos\nsys"),
                     "GLOBAL name not terminated");
}

TEST_F(PthTest, NothingIsExecuted) {
    // {'model': {'w': tensor}, 'evil': os.system('touch FILE'), 'obj': builtins.eval(...) built and filled}
    const fs::path marker = m_dir / "pwned";
    Pickle p;
    p.op('}').op('(').str("model").op('}').op('(').str("w").tensor("0", 2, 0, {2}, {1}).op('u');
    p.str("evil").global("os", "system").op('(').str("touch " + marker.string()).op('t').op('R');
    p.str("obj").global("builtins", "eval").op('(').str("1+1").op('t').op('R').op('}').op('b');
    p.op('}').op('(').str("k").int1(1).op('u').op('b').str("x").int1(2).op('s');
    p.op('u').op('.');
    auto sd = readPth(zipFile("evil.pth", {{"archive/data.pkl", p.b}, {"archive/data/0", floats({1.5f, -2.f})}}));
    ASSERT_EQ(sd.size(), 1u);
    EXPECT_TRUE(at::equal(sd.at("w"), at::tensor({1.5f, -2.f})));
    EXPECT_FALSE(fs::exists(marker));
}

TEST_F(PthTest, OnlySelectedTensorsAreRead) {
    // The optimizer's storage '9' is absent from the archive: it is never read, so no error.
    Pickle p;
    p.op('}').op('(').str("model").op('}').str("w").tensor("0", 2, 0, {2}, {1}).op('s');
    p.str("optimizer").op('}').str("exp_avg").tensor("9", 1000, 0, {1000}, {1}).op('s').op('u').op('.');
    auto sd = readPth(zipFile("lazy.pth", {{"archive/data.pkl", p.b}, {"archive/data/0", floats({3, 4})}}));
    EXPECT_TRUE(at::equal(sd.at("w"), at::tensor({3.f, 4.f})));
}

TEST_F(PthTest, StorageKeyMissing) {
    Pickle p;
    p.op('}').str("w").tensor("7", 2, 0, {2}, {1}).op('s').op('.');
    EXPECT_PTH_ERROR(zipFile("nokey.pth", {{"archive/data.pkl", p.b}, {"archive/data/0", floats({1, 2})}}),
                     "storage '7' missing (no zip entry 'archive/data/7')");
}

TEST_F(PthTest, StorageSmallerThanDeclared) {
    Pickle p;
    p.op('}').str("w").tensor("0", 100, 0, {2}, {1}).op('s').op('.');
    EXPECT_PTH_ERROR(zipFile("small.pth", {{"archive/data.pkl", p.b}, {"archive/data/0", floats({1, 2})}}),
                     "storage '0' of 100 Float elements needs more bytes than its entry holds (8)");
}

TEST_F(PthTest, TensorExtentBeyondStorage) {
    Pickle bad;
    bad.op('}').str("w").tensor("0", 4, 2, {3}, {1}).op('s').op('.');
    EXPECT_PTH_ERROR(zipFile("extent.pth", {{"archive/data.pkl", bad.b}, {"archive/data/0", floats({1, 2, 3, 4})}}),
                     "tensor extent (offset 2, size [3], stride [1]) exceeds storage '0' of 4 elements");
    Pickle strided;
    strided.op('}').str("w").tensor("0", 4, 0, {2, 2}, {3, 1}).op('s').op('.');
    EXPECT_PTH_ERROR(zipFile("stride.pth", {{"archive/data.pkl", strided.b}, {"archive/data/0", floats({1, 2, 3, 4})}}),
                     "exceeds storage '0' of 4 elements");
    // The same storage, in bounds: offset 1, size 3, and a [2,2] view with stride [2,1] → copied out.
    Pickle ok;
    ok.op('}').op('(').str("a").tensor("0", 4, 1, {3}, {1}).str("b").tensor("0", 4, 0, {2, 2}, {1, 2}).op('u').op('.');
    auto sd = readPth(zipFile("ok.pth", {{"archive/data.pkl", ok.b}, {"archive/data/0", floats({1, 2, 3, 4})}}, false));
    EXPECT_TRUE(at::equal(sd.at("a"), at::tensor({2.f, 3.f, 4.f})));
    EXPECT_TRUE(at::equal(sd.at("b"), at::tensor({1.f, 3.f, 2.f, 4.f}).reshape({2, 2})));
}

TEST_F(PthTest, ViewsCannotAmplifyMemory) {
    // A stride-0 view of one element claiming 2^40 elements.
    Pickle bomb;
    bomb.op('}').str("w").tensor("0", 1, 0, {int64_t(1) << 40}, {0}).op('s').op('.');
    EXPECT_PTH_ERROR(zipFile("bomb.pth", {{"archive/data.pkl", bomb.b}, {"archive/data/0", floats({1})}}),
                     "tensor views copy more data");
    // Many overlapping views of one 4 MB storage: copies are bounded by what the file holds.
    Pickle many;
    many.op('}').op('(');
    for (int i = 0; i < 40; ++i) many.str("w" + std::to_string(i)).tensor("0", 1 << 20, 1, {(1 << 20) - 1}, {1});
    many.op('u').op('.');
    const std::string storage(size_t(4) << 20, '\0');
    EXPECT_PTH_ERROR(zipFile("many.pth", {{"archive/data.pkl", many.b}, {"archive/data/0", storage}}),
                     "tensor views copy more data");
}

TEST_F(PthTest, RepeatedLongKeysAreBounded) {
    // One 1 MB key memoised, then used in 64 SETITEMs: hashing work must stay proportional to the input.
    Pickle p;
    p.op('}').str(std::string(1 << 20, 'k')).op('q').op('\0').op('N').op('q').op('\1').op('s');
    for (int i = 0; i < 64; ++i) p.op('h').op('\0').op('h').op('\1').op('s');
    p.op('.');
    EXPECT_PTH_ERROR(zipFile("keys.pth", {{"archive/data.pkl", p.b}}), "dict keys add up to");
}

TEST_F(PthTest, UnsupportedStorageAndPersistentId) {
    Pickle p;
    p.op('}').str("w").tensor("0", 2, 0, {2}, {1}, "ComplexFloatStorage").op('s').op('.');
    EXPECT_PTH_ERROR(zipFile("cplx.pth", {{"archive/data.pkl", p.b}, {"archive/data/0", floats({1, 2, 3, 4})}}),
                     "unsupported storage type 'torch.ComplexFloatStorage'");
    Pickle q;
    q.op('}').str("w").str("storage").op('Q').op('s').op('.');
    EXPECT_PTH_ERROR(zipFile("pid.pth", {{"archive/data.pkl", q.b}}), "unsupported persistent id");
}

TEST_F(PthTest, CorruptStorageBytesFailCrc) {
    Pickle p;
    p.op('}').str("w").tensor("0", 4, 0, {4}, {1}).op('s').op('.');
    const std::string path = zipFile("crc.pth", {{"archive/data.pkl", p.b}, {"archive/data/0", floats({1, 2, 3, 4})}});
    std::string bytes = readBytes(path);
    const std::string marker = floats({1, 2, 3, 4});
    const size_t at = bytes.find(marker);
    ASSERT_NE(at, std::string::npos);
    bytes[at + 1] ^= 0x55;
    EXPECT_PTH_ERROR(file("crc2.pth", bytes), "CRC error");
}

TEST_F(PthTest, BigEndianIsRejected) {
    Pickle p;
    p.op('}').str("w").tensor("0", 2, 0, {2}, {1}).op('s').op('.');
    EXPECT_PTH_ERROR(
        zipFile("be.pth",
                {{"archive/data.pkl", p.b}, {"archive/byteorder", "big"}, {"archive/data/0", floats({1, 2})}}),
        "big-endian checkpoints are not supported");
}

TEST(PthReader, MissingFile) {
    const std::string p = (fs::temp_directory_path() / "vp_no_such_checkpoint.pth").string();
    EXPECT_PTH_ERROR(p, "cannot open");
}
