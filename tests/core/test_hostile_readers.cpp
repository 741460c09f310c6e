// Hostile inputs found by the probe of issue 19, each made here in code: crafted checkpoints,
// configs, sweep files and cache paths. Each asserts the message, and for the memory cases that
// the peak stays bounded (getrusage; ctest runs each case in its own process).
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>

#include "common/atomic_file.h"
#include "common/error.h"
#include "eval/latency.h"
#include "eval/sweep_result.h"
#include "model/pth_reader.h"
#include "model/vit_config.h"
#include "support/overlapping_zip.h"
#include "support/peak_memory.h"
#include "support/pickle_builder.h"

namespace fs = std::filesystem;

namespace {

class HostileReaders : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        m_dir = fs::temp_directory_path() / ("vp_hostile_" + std::to_string(::getpid()) + "_" + info->name());
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }
    std::string write(const std::string& name, const std::string& bytes) const {
        const std::string p = (m_dir / name).string();
        std::ofstream(p, std::ios::binary) << bytes;
        return p;
    }
    fs::path m_dir;
};

// The message of the vp::Error that `f` throws ("" if none); a BadInput kind is expected.
template <typename F>
std::string errorOf(F&& f) {
    try {
        f();
    } catch (const vp::Error& e) {
        EXPECT_EQ(e.kind(), vp::Error::Kind::BadInput) << e.what();
        return e.what();
    }
    return "";
}

// A dict {"w<i>": float tensor over storage "<i>" of `numel` elements}, i < k.
std::string storagesPickle(int k, int64_t numel) {
    Pickle p;
    p.op('}').op('(');
    for (int i = 0; i < k; ++i) p.str("w" + std::to_string(i)).tensor(std::to_string(i), numel, 0, {numel}, {1});
    return p.op('u').op('.').b;
}

const std::string kHfConfig =
    R"({"model_type": "vit", "hidden_size": 64, "num_hidden_layers": 2, "num_attention_heads": 2,
        "intermediate_size": 128, "image_size": 32, "patch_size": 16, "num_channels": 3, )";

}  // namespace

TEST_F(HostileReaders, OverlappingZipEntriesCannotMultiplyMemory) {
    // 8 storages of 128 MiB each, all inflating one shared ~130 KB deflate kernel: 1 GiB before
    // the fix (8.4 GB at 1 GiB per entry). Now the archive's entries together may expand to at
    // most 1100x its size, so the second storage is refused.
    const uint64_t zeros = uint64_t(128) << 20;
    const std::string path = write("bomb.pth", overlapping_zip::build(storagesPickle(8, zeros / 4), 8, zeros));
    ASSERT_LT(fs::file_size(path), 200u << 10);
    const long before = peakRssMiB();
    const std::string msg = errorOf([&] { vp::readPth(path); });
    EXPECT_NE(msg.find(path + ": its zip entries expand to more than 1100 times the file's size"), std::string::npos)
        << msg;
    EXPECT_NE(msg.find("share compressed data"), std::string::npos) << msg;
    if (!underSanitizer()) EXPECT_LT(peakRssMiB() - before, 300) << "one storage (128 MiB) at most";
}

TEST_F(HostileReaders, AReusedLongKeyCannotMultiplyMemory) {
    // One 8 MiB key memoised and used as the key of 16 dicts: each use is a copy (the dicts'
    // indexes), so the keys together may not outweigh the pickle.
    Pickle p;
    p.op(']').op('(').str(std::string(8 << 20, 'k')).op('q').op('\0').op('0');
    for (int i = 0; i < 16; ++i) p.op('}').op('h').op('\0').op('N').op('s');
    p.op('e').op('.');
    const std::string path = (m_dir / "keys.pth").string();
    {
        int err = 0;
        zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
        ASSERT_NE(z, nullptr);
        zip_source_t* src = zip_source_buffer(z, p.b.data(), p.b.size(), 0);
        ASSERT_GE(zip_file_add(z, "archive/data.pkl", src, 0), 0);
        ASSERT_EQ(zip_close(z), 0);
    }
    const long before = peakRssMiB();
    const std::string msg = errorOf([&] { vp::readPth(path); });
    EXPECT_NE(msg.find("dict keys add up to"), std::string::npos) << msg;
    if (!underSanitizer()) EXPECT_LT(peakRssMiB() - before, 100);
}

TEST_F(HostileReaders, APickleLargerThanAnyCheckpointNeedsIsRefusedUnread) {
    // data.pkl holds ~100 bytes a tensor; 65 MiB of it (deflated to ~65 KB) is not a checkpoint.
    const std::string big = std::string(65 << 20, '\0');
    const std::string path = (m_dir / "big.pth").string();
    {
        int err = 0;
        zip_t* z = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &err);
        ASSERT_NE(z, nullptr);
        zip_source_t* src = zip_source_buffer(z, big.data(), big.size(), 0);
        const zip_int64_t idx = zip_file_add(z, "archive/data.pkl", src, 0);
        ASSERT_GE(idx, 0);
        zip_set_file_compression(z, static_cast<zip_uint64_t>(idx), ZIP_CM_DEFLATE, 9);
        ASSERT_EQ(zip_close(z), 0);
    }
    EXPECT_NE(errorOf([&] { vp::readPth(path); }).find("data.pkl is 68157440 bytes (limit 67108864)"),
              std::string::npos);
}

TEST_F(HostileReaders, Id2labelKeysMustBeClassIndices) {
    const long before = peakRssMiB();
    for (const std::string& key : {"-1", "100000000", " 1", "1x", "4294967296"}) {
        const std::string msg = errorOf(
            [&] { vp::ViTConfig::fromJsonText(kHfConfig + R"("id2label": {")" + key + R"(": "x"}})", "c.json"); });
        EXPECT_NE(msg.find("c.json: invalid config: id2label key '" + key + "' is not a class index 0..0"),
                  std::string::npos)
            << msg;
    }
    // "01" and "1" name the same class.
    const std::string twice = errorOf(
        [&] { vp::ViTConfig::fromJsonText(kHfConfig + R"("id2label": {"0": "a", "01": "b", "1": "c"}})", "c.json"); });
    EXPECT_NE(twice.find("id2label names class 1 twice"), std::string::npos) << twice;
    // The good form still reads.
    const vp::ViTConfig ok = vp::ViTConfig::fromJsonText(kHfConfig + R"("id2label": {"1": "dog", "0": "cat"}})", "c");
    EXPECT_EQ(ok.numClasses, 2);
    EXPECT_EQ(ok.label(1), "dog");
    if (!underSanitizer()) EXPECT_LT(peakRssMiB() - before, 50) << "no label table sized by a key";
}

TEST_F(HostileReaders, ConfigNumbersOutsideIntAreRefusedNotWrapped) {
    // Found by fuzz_config: get<int> wrapped 4294967312 to 16 (accepted as patch 16) and was
    // undefined behaviour past uint64; mlp_ratio 1e300 overflowed the int conversion.
    const std::string base = R"({"architecture": "deit_tiny_patch16_224", )";
    for (const std::string& field :
         {R"("patch_size": 4294967312})", R"("patch_size": 184467440737095516159})", R"("depth": -2147483649})",
          R"("pretrained_cfg": {"input_size": [3, 4294967520, 224]}})"}) {
        const std::string msg = errorOf([&] { vp::ViTConfig::fromJsonText(base + field, "c.json"); });
        EXPECT_NE(msg.find("c.json: config field has the wrong type"), std::string::npos) << field << ": " << msg;
    }
    for (const std::string& ratio : {"1e300", "-4", "0"}) {
        const std::string msg =
            errorOf([&] { vp::ViTConfig::fromJsonText(base + R"("mlp_ratio": )" + ratio + "}", "c.json"); });
        EXPECT_NE(msg.find("mlp_ratio"), std::string::npos) << ratio << ": " << msg;
    }
    EXPECT_EQ(vp::ViTConfig::fromJsonText(base + R"("patch_size": 16})", "c.json").patchSize, 16);
    // What toJsonText writes reads back, even a ratio of 128 (found by fuzz_config's round trip).
    vp::ViTConfig wide =
        vp::ViTConfig::fromJsonText(base + R"("embed_dim": 24, "num_heads": 3, "mlp_hidden": 3072})", "c");
    EXPECT_EQ(vp::ViTConfig::fromJsonText(wide.toJsonText(), "again").mlpHidden, 3072);
}

TEST_F(HostileReaders, LayerNormEpsMustBePositive) {
    for (const std::string& eps : {"-1", "0", "2"}) {
        const std::string msg =
            errorOf([&] { vp::ViTConfig::fromJsonText(kHfConfig + R"("layer_norm_eps": )" + eps + "}", "c.json"); });
        EXPECT_NE(msg.find("layer_norm_eps"), std::string::npos) << eps << ": " << msg;
    }
}

TEST_F(HostileReaders, SweepFilesWithImpossibleCountsAreRefusedCheaply) {
    vp::SweepResult r;
    r.model = "m";
    r.dataset = "d";
    r.limit = 10;
    r.shard = {0, 2};
    r.pointsPerMethod = 1;
    r.plannedPoints = 1;
    r.denseGMacs = 1;
    r.methods.push_back({"dense", {vp::SweepPoint{{}, 1, 1, 4, 5, 0.8, 1}}});
    const nlohmann::json good = nlohmann::json::parse(vp::sweepToJson(r));
    auto refused = [&](const std::function<void(nlohmann::json&)>& edit, const std::string& problem) {
        nlohmann::json j = good;
        edit(j);
        const std::string msg = errorOf([&] { vp::sweepFromJson(j.dump(), "s.json"); });
        EXPECT_NE(msg.find("s.json: " + problem), std::string::npos) << msg;
        EXPECT_LT(msg.size(), 300u);
    };
    const long before = peakRssMiB();
    refused([](auto& j) { j["shard"]["count"] = 100000000; }, "shard: \"count\" is 100000000, outside [1, 1000000]");
    refused([](auto& j) { j["shard"]["count"] = 2147483647; }, "shard: \"count\" is 2147483647");
    refused([](auto& j) { j["shard"]["index"] = 4294967296; }, "shard: \"index\" is 4294967296, outside [0, 1]");
    refused([](auto& j) { j["methods"][0]["points"][0]["correct"] = 6; }, "dense point 1: \"correct\" is 6");
    refused([](auto& j) { j["methods"][0]["points"][0]["images"] = -5; }, "dense point 1: \"images\" is -5");
    refused([](auto& j) { j["methods"][0]["points"][0]["accuracy"] = 0.5; },
            "dense point 1: \"accuracy\" 0.500000 is not");
    refused([](auto& j) { j["limit"] = -1; }, "\"limit\" is -1");
    if (!underSanitizer()) EXPECT_LT(peakRssMiB() - before, 20);
    EXPECT_NO_THROW(vp::sweepFromJson(good.dump(), "s.json"));
    // Found by fuzz_sweep_json: a format that is not a string escaped as nlohmann's type_error.
    EXPECT_NE(errorOf([] { vp::sweepFromJson(R"({"format": 4})", "s.json"); }).find("not a vitprune sweep file"),
              std::string::npos);
    // A folder is no sweep file.
    EXPECT_NE(errorOf([&] { vp::loadSweep(m_dir.string()); }).find("is a folder, not a sweep file"), std::string::npos);
}

TEST_F(HostileReaders, LatencyCacheAtASymlinkLoopStartsEmptyAndLeavesItAlone) {
    const fs::path loop = m_dir / "latency_cache.json";
    fs::create_symlink(loop, loop);
    vp::LatencyCache cache(loop.string());  // threw std::filesystem::filesystem_error (std::terminate in the studio)
    EXPECT_EQ(cache.size(), 0u);
    cache.store({"m", "cpu", "model", "dense", "", 1, 1}, {1.0, 0.9, 1.1, 3, 1});
    EXPECT_NO_THROW(cache.save());
    EXPECT_TRUE(fs::is_symlink(fs::symlink_status(loop)));  // not replaced
    // A folder at the path is left alone too (it used to be renamed *.corrupt).
    const fs::path folder = m_dir / "folder_cache";
    fs::create_directories(folder);
    vp::LatencyCache second(folder.string());
    EXPECT_TRUE(fs::is_directory(folder));
    EXPECT_FALSE(fs::exists(folder.string() + ".corrupt"));
}

TEST_F(HostileReaders, TemporariesOfKilledWritersAreCleanedUp) {
    const pid_t dead = ::fork();
    if (dead == 0) ::_exit(0);
    ::waitpid(dead, nullptr, 0);
    const std::string out = (m_dir / "out.json").string();
    const fs::path stale = m_dir / (".out.json.tmp-" + std::to_string(dead) + "-123");
    const fs::path live = m_dir / (".out.json.tmp-" + std::to_string(::getppid()) + "-456");
    const fs::path other = m_dir / (".other.json.tmp-" + std::to_string(dead) + "-7");
    for (const fs::path& p : {stale, live, other}) std::ofstream(p) << "partial";
    vp::writeFileAtomic(out, "{}");
    EXPECT_FALSE(fs::exists(stale)) << "left by a process that no longer runs";
    EXPECT_TRUE(fs::exists(live)) << "a running writer's temporary";
    EXPECT_TRUE(fs::exists(other)) << "another file's temporary";
    size_t leftovers = 0;
    for (const auto& e : fs::directory_iterator(m_dir))
        leftovers += e.path().filename().string().rfind(".out.json.tmp-" + std::to_string(::getpid()), 0) == 0;
    EXPECT_EQ(leftovers, 0u);
}

TEST_F(HostileReaders, ASweepCsvBehindItsJsonIsMendedOnLoad) {
    vp::SweepResult r;
    r.model = "m";
    r.dataset = "d";
    r.limit = 5;
    r.pointsPerMethod = 1;
    r.plannedPoints = 2;
    r.denseGMacs = 1;
    r.methods.push_back({"dense", {vp::SweepPoint{{}, 1, 1, 4, 5, 0.8, 1}}});
    r.methods.push_back({"evit", {}});
    const std::string json = (m_dir / "s.json").string();
    vp::saveSweep(r, json);
    const std::string stale = vp::sweepToCsv(r);
    r.methods[1].points.push_back(vp::SweepPoint{{{"keep", "0.5"}}, 0.5, 0.5, 3, 5, 0.6, 0.5});
    vp::saveSweep(r, json);
    // As if killed between the two renames: the CSV is one save behind.
    std::ofstream(vp::sweepCsvPath(json)) << stale;
    const vp::SweepResult loaded = vp::loadSweep(json);
    EXPECT_EQ(loaded.finishedPoints(), 2);
    std::ifstream in(vp::sweepCsvPath(json));
    EXPECT_EQ(std::string((std::istreambuf_iterator<char>(in)), {}), vp::sweepToCsv(r));
}
