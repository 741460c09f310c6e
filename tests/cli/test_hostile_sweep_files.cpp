// Hostile input to vitprune sweep / merge (issue 19): paths that are not UTF-8, hand-edited shard
// files that claim the impossible, merge writing over its input, temporaries left by kill -9 and
// a CSV behind its JSON. Each test makes its files in its own temp folder; the sweeps are tiny
// (16 Fashion-MNIST test images, one EViT point and the dense one).
#include <gtest/gtest.h>

#include <functional>

#include <nlohmann/json.hpp>

#include "cli/hostile_cli_support.h"

namespace {

using namespace hostile;

class HostileSweepFiles : public HostileTest {
protected:
    static std::string sweep(const std::string& model, const fs::path& out, const std::string& extra = "",
                             const std::string& data = "fashion-mnist", int limit = 16) {
        return "sweep " + q(model) + " " + q(data) + " --methods evit --points 1 --limit " + std::to_string(limit) +
               " --batch 8 --threads 1 --json --out " + q(out) + " " + extra;
    }
};

TEST_F(HostileSweepFiles, NonUtf8PathsInSweeps) {
    // --out not UTF-8: both files written, the summary is JSON with U+FFFD for the byte.
    const fs::path out = dir() / "out\xe9.json";
    const CliRun r = runCli(sweep("fashion-vit-tiny", out));
    ASSERT_EQ(r.code, 0) << r.err;
    nlohmann::json summary;
    ASSERT_NO_THROW(summary = nlohmann::json::parse(r.out)) << r.out;
    EXPECT_EQ(summary["out"], (dir() / "out\xEF\xBF\xBD.json").string());
    EXPECT_TRUE(summary["complete"].get<bool>());
    EXPECT_TRUE(fs::exists(out));
    EXPECT_TRUE(fs::exists(dir() / "out\xe9.csv"));
    EXPECT_EQ(readJson(out)["finished_points"], 2);

    // MODEL a folder named m\xe9: the file stores the name as JSON can, and the same command resumes.
    const fs::path model = dir() / "m\xe9";
    fs::create_directories(model);
    for (const char* f : {"config.json", "model.safetensors"}) fs::create_symlink(fashionDir() / f, model / f);
    const fs::path mOut = dir() / "model.json";
    const CliRun first = runCli(sweep(model.string(), mOut));
    ASSERT_EQ(first.code, 0) << first.err;
    const std::string written = readBytes(mOut);
    EXPECT_EQ(nlohmann::json::parse(written)["model"], (dir() / "m\xEF\xBF\xBD").string());
    const CliRun again = runCli(sweep(model.string(), mOut));
    ASSERT_EQ(again.code, 0) << again.err;
    const nlohmann::json s2 = nlohmann::json::parse(again.out);
    EXPECT_EQ(s2["resumed"], 2);
    EXPECT_EQ(s2["evaluated"], 0);
    EXPECT_EQ(readBytes(mOut), written);

    // DATA a class-folder dataset named d\xe9: the same.
    const fs::path data = dir() / "d\xe9";
    for (const char* f : {"bag_18.png", "coat_6.png", "sandal_8.png", "shirt_4.png"}) {
        const fs::path cls = data / ("c\xe9" + std::string(f, 3));
        fs::create_directories(cls);
        fs::copy_file(fs::path(VP_SOURCE_DIR) / "resources/samples" / f, cls / f);
    }
    padClasses(data);
    const fs::path dOut = dir() / "data.json";
    const CliRun d1 = runCli(sweep("fashion-vit-tiny", dOut, "", data.string(), 4));
    ASSERT_EQ(d1.code, 0) << d1.err;
    EXPECT_EQ(readJson(dOut)["dataset"], (dir() / "d\xEF\xBF\xBD").string());
    const CliRun d2 = runCli(sweep("fashion-vit-tiny", dOut, "", data.string(), 4));
    ASSERT_EQ(d2.code, 0) << d2.err;
    EXPECT_EQ(nlohmann::json::parse(d2.out)["resumed"], 2);
}

TEST_F(HostileSweepFiles, MergeRefusesImpossibleShards) {
    const fs::path p0 = dir() / "p0.json", p1 = dir() / "p1.json";
    for (int k = 0; k < 2; ++k) {
        const CliRun r = runCli(sweep("fashion-vit-tiny", k ? p1 : p0, "--shard " + std::to_string(k) + "/2"));
        ASSERT_EQ(r.code, 0) << r.err;
    }
    const CliRun good = runCli("merge " + q(p1) + " " + q(p0) + " --json --out " + q(dir() / "merged.json"));
    ASSERT_EQ(good.code, 0) << good.err;
    EXPECT_EQ(readJson(dir() / "merged.json")["merged_shards"], 2);
    EXPECT_EQ(readJson(dir() / "merged.json")["methods"][1]["points"][0]["images"], 16);

    const nlohmann::json part = readJson(p1);
    const int images = part["methods"][1]["points"][0]["images"];
    ASSERT_EQ(images, 8);
    struct Case {
        std::string name;
        std::function<void(nlohmann::json&)> edit;
        std::vector<std::string> words;
    };
    auto point = [](nlohmann::json& j) -> nlohmann::json& { return j["methods"][1]["points"][0]; };
    const std::vector<Case> cases{
        {"correct_gt_images",
         [&](nlohmann::json& j) { point(j)["correct"] = images + 1; },
         {"\"correct\" is 9", "outside [0, 8]"}},
        {"images_negative", [&](nlohmann::json& j) { point(j)["images"] = -5; }, {"\"images\" is -5", "outside"}},
        {"index_2_to_32",
         [](nlohmann::json& j) { j["shard"]["index"] = 4294967296LL; },
         {"\"index\" is 4294967296", "outside"}},
        {"count_int_max",
         [](nlohmann::json& j) { j["shard"]["count"] = 2147483647; },
         {"\"count\" is 2147483647", "outside [1, 1000000]"}},
        {"count_past_uint64",
         [](nlohmann::json& j) { j["shard"]["count"] = 18446744073709551615ULL; },
         {"\"count\" is 18446744073709551615", "outside"}},
        {"accuracy_not_ratio",
         [&](nlohmann::json& j) { point(j)["accuracy"] = 0.123; },
         {"\"accuracy\"", "is not correct/images"}},
        {"ms_per_image_negative", [&](nlohmann::json& j) { point(j)["ms_per_image"] = -1.0; }, {"\"ms_per_image\""}},
    };
    for (const Case& c : cases) {
        nlohmann::json j = part;
        c.edit(j);
        const fs::path bad = dir() / (c.name + ".json");
        writeJson(bad, j);
        const CliRun r = runCli("merge " + q(p0) + " " + q(bad) + " --out " + q(dir() / "m.json"));
        EXPECT_EQ(r.code, 2) << c.name << "\n" << r.err;
        EXPECT_TRUE(Has(r.err, bad.string())) << c.name;
        for (const std::string& w : c.words) EXPECT_TRUE(Has(r.err, w)) << c.name;
        EXPECT_FALSE(Has(r.err, "internal error")) << c.name;
        EXPECT_FALSE(fs::exists(dir() / "m.json")) << c.name;
    }

    // 1e8 shards: refused at once, not one slot per shard and not a list of 1e8 missing ones.
    nlohmann::json many = part;
    many["shard"]["count"] = 100000000;
    writeJson(dir() / "many.json", many);
    const MeasuredCliRun m = runCliMeasured("merge " + q(dir() / "many.json") + " --out " + q(dir() / "m.json"));
    EXPECT_EQ(m.code, 2) << m.err;
    EXPECT_TRUE(Has(m.err, "\"count\" is 100000000"));
    EXPECT_LT(m.err.size(), 2000u) << m.err.substr(0, 300);
    if (!underSanitizer()) EXPECT_LT(m.peakKiB, 300L * 1024);
    // The largest count allowed, alone: "missing" lists 10 shards, not a million.
    nlohmann::json million = part;
    million["shard"]["count"] = 1000000;
    writeJson(dir() / "million.json", million);
    const MeasuredCliRun mm = runCliMeasured("merge " + q(dir() / "million.json") + " --out " + q(dir() / "m.json"));
    EXPECT_EQ(mm.code, 2) << mm.err;
    EXPECT_TRUE(Has(mm.err, "more"));
    EXPECT_LT(mm.err.size(), 2000u) << mm.err.substr(0, 300);
    if (!underSanitizer()) EXPECT_LT(mm.peakKiB, 300L * 1024);

    // --out one of the inputs: refused, the input and its CSV untouched.
    const std::string json0 = readBytes(p0), csv0 = readBytes(dir() / "p0.csv");
    const CliRun over = runCli("merge " + q(p0) + " " + q(p1) + " --out " + q(p0));
    EXPECT_EQ(over.code, 2) << over.err;
    EXPECT_TRUE(Has(over.err, "would overwrite"));
    EXPECT_EQ(readBytes(p0), json0);
    EXPECT_EQ(readBytes(dir() / "p0.csv"), csv0);
    // Another name for the same file (a symlink) is the same file.
    fs::create_symlink(p1, dir() / "alias.json");
    const CliRun alias = runCli("merge " + q(p0) + " " + q(p1) + " --out " + q(dir() / "alias.json"));
    EXPECT_EQ(alias.code, 2) << alias.err;
    EXPECT_TRUE(Has(alias.err, "would overwrite"));

    // A folder given as a part.
    fs::create_directories(dir() / "folder.json");
    const CliRun folder = runCli("merge " + q(p0) + " " + q(dir() / "folder.json") + " --out " + q(dir() / "m.json"));
    EXPECT_EQ(folder.code, 2) << folder.err;
    EXPECT_TRUE(Has(folder.err, (dir() / "folder.json").string() + ": is a folder"));
    EXPECT_FALSE(fs::exists(dir() / "m.json"));
}

TEST_F(HostileSweepFiles, KillLeftoversAndAStaleCsv) {
    const fs::path out = dir() / "out.json";
    const pid_t dead = deadPid();
    const fs::path deadJson = dir() / (".out.json.tmp-" + std::to_string(dead) + "-123");
    const fs::path deadCsv = dir() / (".out.csv.tmp-" + std::to_string(dead) + "-7");
    const fs::path live = dir() / (".out.json.tmp-" + std::to_string(::getpid()) + "-5");
    const fs::path other = dir() / (".other.json.tmp-" + std::to_string(dead) + "-9");  // another file's
    for (const fs::path& p : {deadJson, deadCsv, live, other}) writeBytes(p, "{\"half\": ");

    const CliRun r = runCli(sweep("fashion-vit-tiny", out));
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_FALSE(fs::exists(deadJson));
    EXPECT_FALSE(fs::exists(deadCsv));
    EXPECT_TRUE(fs::exists(live)) << "a running writer's temporary was removed";
    EXPECT_TRUE(fs::exists(other));
    // The sweep leaves no temporary of its own.
    for (const auto& e : fs::directory_iterator(dir())) {
        const std::string name = e.path().filename().string();
        if (e.path() != live && e.path() != other) EXPECT_EQ(name.find(".tmp-"), std::string::npos) << name;
    }

    // A CSV behind its JSON (a kill between the two renames): the next run rewrites it.
    const fs::path csv = dir() / "out.csv";
    const std::string fresh = readBytes(csv);
    ASSERT_EQ(lines(fresh), 3u) << fresh;  // header, dense, evit
    const std::string json = readBytes(out);
    writeBytes(csv, "method,settings\nstale,\"\"\n");
    const CliRun again = runCli(sweep("fashion-vit-tiny", out));
    ASSERT_EQ(again.code, 0) << again.err;
    EXPECT_EQ(nlohmann::json::parse(again.out)["evaluated"], 0);
    EXPECT_EQ(readBytes(csv), fresh);
    EXPECT_EQ(readBytes(out), json);

    // A missing CSV: the same.
    fs::remove(csv);
    ASSERT_EQ(runCli(sweep("fashion-vit-tiny", out)).code, 0);
    EXPECT_EQ(readBytes(csv), fresh);

    // merge reads its parts the same way: a complete one-shard sweep's stale CSV is mended too.
    writeBytes(csv, "stale\n");
    const CliRun m = runCli("merge " + q(out) + " --out " + q(dir() / "merged.json"));
    ASSERT_EQ(m.code, 0) << m.err;
    EXPECT_EQ(readBytes(csv), fresh);
    EXPECT_EQ(lines(readBytes(dir() / "merged.csv")), 3u);
}

}  // namespace
