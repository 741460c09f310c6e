// vitprune sweep / merge / --budget through the binary: JSON + CSV per point, resume after an
// interruption (test hook and a real SIGINT), shards merged equal the unsharded sweep, merge
// errors name the file. Model: a random Fashion-MNIST-shaped ViT saved to a temp folder.
#include <gtest/gtest.h>

#include "cli/cli_runner.h"
#include <nlohmann/json.hpp>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <thread>

#include "common/error.h"
#include "eval/shard.h"
#include "model/model_loader.h"
#include "support/small_vit.h"

namespace fs = std::filesystem;

namespace {

CliRun run(const std::string& args, const std::string& env = "") { return runCli(args, env); }

std::string readText(const fs::path& p) {
    std::ifstream in(p);
    return {std::istreambuf_iterator<char>(in), {}};
}

nlohmann::json readJson(const fs::path& p) { return nlohmann::json::parse(readText(p)); }

class Sweep : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        s_dir = fs::temp_directory_path() / ("vp_sweep_" + std::to_string(::getpid()));
        fs::create_directories(s_dir);
        vp::ViTConfig c = vp::test::smallConfig();
        vp::saveModel(vp::randomModel(c, 11), (s_dir / "model").string());
    }
    static void TearDownTestSuite() { fs::remove_all(s_dir); }

    // A sweep of the saved model on the first `limit` Fashion-MNIST test images.
    static std::string sweepArgs(const fs::path& out, const std::string& extra = "", int limit = 64) {
        return "sweep " + (s_dir / "model").string() + " fashion-mnist --methods evit,tome --points 3 --limit " +
               std::to_string(limit) + " --batch 16 --threads 1 --json --out " + out.string() + " " + extra;
    }
    static fs::path path(const std::string& name) { return s_dir / name; }
    static fs::path s_dir;
};
fs::path Sweep::s_dir;

TEST_F(Sweep, WritesJsonAndCsvWithTheRequestedPoints) {
    CliRun r = run(sweepArgs(path("full.json")));
    ASSERT_EQ(r.code, 0) << r.err;
    auto summary = nlohmann::json::parse(r.out);
    EXPECT_EQ(summary["planned_points"], 7);
    EXPECT_EQ(summary["evaluated"], 7);
    EXPECT_TRUE(summary["complete"].get<bool>());
    auto j = readJson(path("full.json"));
    EXPECT_EQ(j["format"], "vitprune-sweep/1");
    EXPECT_EQ(j["limit"], 64);
    EXPECT_EQ(j["shard"]["count"], 1);
    ASSERT_EQ(j["methods"].size(), 3u);
    EXPECT_EQ(j["methods"][0]["id"], "dense");
    ASSERT_EQ(j["methods"][0]["points"].size(), 1u);
    EXPECT_TRUE(j["methods"][0]["points"][0]["settings"].empty());
    const double dense = j["dense_gmacs"];
    EXPECT_NEAR(j["methods"][0]["points"][0]["gmacs"].get<double>(), dense, 1e-9);
    for (size_t m = 1; m < 3; ++m) {
        const auto& pts = j["methods"][m]["points"];
        ASSERT_EQ(pts.size(), 3u) << j["methods"][m]["id"];
        double prevTarget = 0;
        for (const auto& p : pts) {
            EXPECT_EQ(p["settings"].size(), 1u);
            EXPECT_EQ(p["images"], 64);
            EXPECT_NEAR(p["accuracy"].get<double>(), p["correct"].get<double>() / 64.0, 1e-12);
            EXPECT_GT(p["ms_per_image"].get<double>(), 0);
            EXPECT_LT(p["gmacs"].get<double>(), dense);
            EXPECT_GT(p["target_gmacs"].get<double>(), prevTarget);
            prevTarget = p["target_gmacs"];
        }
    }
    EXPECT_TRUE(j["methods"][1]["points"][0]["settings"].contains("keep"));
    EXPECT_TRUE(j["methods"][2]["points"][0]["settings"].contains("r"));
    const std::string csv = readText(path("full.csv"));
    EXPECT_EQ(csv.rfind("method,settings,target_gmacs,gmacs,correct,images,accuracy,ms_per_image\n", 0), 0u) << csv;
    EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 8) << csv;
    EXPECT_NE(csv.find("evit,\"keep="), std::string::npos) << csv;
}

TEST_F(Sweep, InterruptedSweepResumesWithoutRedoingFinishedPoints) {
    const fs::path out = path("resume.json");
    CliRun first = run(sweepArgs(out), "VITPRUNE_SWEEP_STOP_AFTER=2");
    EXPECT_EQ(first.code, 130) << first.err;
    EXPECT_NE(first.err.find("resume"), std::string::npos) << first.err;
    auto partial = readJson(out);
    EXPECT_EQ(partial["finished_points"], 2);
    EXPECT_FALSE(partial["complete"].get<bool>());
    EXPECT_TRUE(fs::exists(path("resume.csv")));

    CliRun second = run(sweepArgs(out));
    ASSERT_EQ(second.code, 0) << second.err;
    auto summary = nlohmann::json::parse(second.out);
    EXPECT_EQ(summary["resumed"], 2);
    EXPECT_EQ(summary["evaluated"], 5);
    auto full = readJson(out);
    EXPECT_TRUE(full["complete"].get<bool>());
    // The finished points are the same records, measured times included (not measured again).
    EXPECT_EQ(full["methods"][0]["points"][0], partial["methods"][0]["points"][0]);
    EXPECT_EQ(full["methods"][1]["points"][0], partial["methods"][1]["points"][0]);

    CliRun third = run(sweepArgs(out));
    ASSERT_EQ(third.code, 0) << third.err;
    EXPECT_EQ(nlohmann::json::parse(third.out)["evaluated"], 0);
    EXPECT_EQ(readJson(out), full);
}

TEST_F(Sweep, SigintStopsAfterWritingTheFinishedPoints) {
    const fs::path out = path("sigint.json");
    const std::string model = (s_dir / "model").string();
    std::vector<std::string> argv{VP_CLI,      "sweep", model,     "fashion-mnist", "--methods", "evit,tome,random",
                                  "--points",  "8",     "--limit", "3000",          "--batch",   "64",
                                  "--threads", "1",     "--json",  "--out",         out.string()};
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
        std::vector<char*> cargv;
        for (auto& a : argv) cargv.push_back(a.data());
        cargv.push_back(nullptr);
        if (!::freopen("/dev/null", "w", stdout) || !::freopen("/dev/null", "w", stderr)) ::_exit(99);
        ::execv(VP_CLI, cargv.data());
        ::_exit(98);
    }
    // Wait for the first point on disk, then interrupt.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(120);
    while (!fs::exists(out) && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
    ASSERT_TRUE(fs::exists(out)) << "no point finished in time";
    ::kill(pid, SIGINT);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFEXITED(status)) << "killed by the signal instead of stopping cleanly";
    EXPECT_EQ(WEXITSTATUS(status), 130);
    auto j = readJson(out);  // valid JSON: written atomically
    EXPECT_GE(j["finished_points"].get<int>(), 1);
    EXPECT_LT(j["finished_points"].get<int>(), j["planned_points"].get<int>());
}

TEST_F(Sweep, TwoShardsMergedEqualTheUnshardedSweep) {
    CliRun whole = run(sweepArgs(path("whole.json")));
    ASSERT_EQ(whole.code, 0) << whole.err;
    CliRun s0 = run(sweepArgs(path("part0.json"), "--shard 0/2"));
    ASSERT_EQ(s0.code, 0) << s0.err;
    // The second shard takes rank and size from an MPI launcher's environment.
    CliRun s1 = run(sweepArgs(path("part1.json"), "--shard auto"), "OMPI_COMM_WORLD_RANK=1 OMPI_COMM_WORLD_SIZE=2");
    ASSERT_EQ(s1.code, 0) << s1.err;
    EXPECT_EQ(nlohmann::json::parse(s0.out)["images"], 32);
    EXPECT_EQ(readJson(path("part1.json"))["shard"]["index"], 1);

    CliRun m = run("merge " + path("part1.json").string() + " " + path("part0.json").string() + " --json --out " +
                   path("merged.json").string());
    ASSERT_EQ(m.code, 0) << m.err;
    auto a = readJson(path("whole.json"));
    auto b = readJson(path("merged.json"));
    EXPECT_EQ(b["merged_shards"], 2);
    EXPECT_EQ(b["shard"]["count"], 1);
    ASSERT_EQ(a["methods"].size(), b["methods"].size());
    for (size_t i = 0; i < a["methods"].size(); ++i) {
        const auto& pa = a["methods"][i]["points"];
        const auto& pb = b["methods"][i]["points"];
        ASSERT_EQ(pa.size(), pb.size());
        for (size_t k = 0; k < pa.size(); ++k) {
            EXPECT_EQ(pa[k]["settings"], pb[k]["settings"]);
            EXPECT_EQ(pa[k]["correct"], pb[k]["correct"]) << a["methods"][i]["id"] << " point " << k;
            EXPECT_EQ(pa[k]["images"], pb[k]["images"]);
            EXPECT_DOUBLE_EQ(pa[k]["accuracy"].get<double>(), pb[k]["accuracy"].get<double>());
            EXPECT_NEAR(pa[k]["gmacs"].get<double>(), pb[k]["gmacs"].get<double>(), 1e-9);
        }
    }
    EXPECT_TRUE(fs::exists(path("merged.csv")));
}

TEST_F(Sweep, MergeRejectsMismatchedMissingAndRepeatedShards) {
    ASSERT_EQ(run(sweepArgs(path("m0.json"), "--shard 0/2")).code, 0);
    ASSERT_EQ(run(sweepArgs(path("m1_other.json"), "--shard 1/2", 48)).code, 0);
    CliRun bad = run("merge " + path("m0.json").string() + " " + path("m1_other.json").string() + " --out " +
                     path("mbad.json").string());
    EXPECT_EQ(bad.code, 2);
    EXPECT_NE(bad.err.find("m1_other.json"), std::string::npos) << bad.err;
    EXPECT_NE(bad.err.find("limit"), std::string::npos) << bad.err;
    EXPECT_EQ(std::count(bad.err.begin(), bad.err.end(), '\n'), 1) << bad.err;
    EXPECT_FALSE(fs::exists(path("mbad.json")));

    CliRun missing = run("merge " + path("m0.json").string() + " --out " + path("mbad.json").string());
    EXPECT_EQ(missing.code, 2);
    EXPECT_NE(missing.err.find("missing"), std::string::npos) << missing.err;
    CliRun twice = run("merge " + path("m0.json").string() + " " + path("m0.json").string() + " --out " +
                       path("mbad.json").string());
    EXPECT_EQ(twice.code, 2);
    EXPECT_NE(twice.err.find("as does"), std::string::npos) << twice.err;

    ASSERT_EQ(run(sweepArgs(path("m1_cut.json"), "--shard 1/2"), "VITPRUNE_SWEEP_STOP_AFTER=1").code, 130);
    CliRun cut = run("merge " + path("m0.json").string() + " " + path("m1_cut.json").string() + " --out " +
                     path("mbad.json").string());
    EXPECT_EQ(cut.code, 2);
    EXPECT_NE(cut.err.find("m1_cut.json"), std::string::npos) << cut.err;
    EXPECT_NE(cut.err.find("unfinished"), std::string::npos) << cut.err;
}

TEST_F(Sweep, ResumingIntoAnotherSweepsFileIsAnError) {
    const fs::path out = path("other.json");
    ASSERT_EQ(run(sweepArgs(out)).code, 0);
    CliRun r = run(sweepArgs(out, "--shard 1/3"));
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find(out.string()), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("shard"), std::string::npos) << r.err;
}

// A file the run could not resume is refused before the settings are solved (minutes for
// structural methods), not after.
TEST_F(Sweep, AFileOfAnotherSweepIsRefusedBeforeSolving) {
    const fs::path out = path("points.json");
    ASSERT_EQ(run(sweepArgs(out)).code, 0);
    std::string args = sweepArgs(out);
    args.replace(args.find(" --json"), 7, "");
    args.replace(args.find("--points 3"), 10, "--points 4");
    const CliRun r = run(args);
    EXPECT_EQ(r.code, 2);
    EXPECT_NE(r.err.find("points '3' there, '4' now"), std::string::npos) << r.err;
    EXPECT_EQ(r.err.find("solving"), std::string::npos) << r.err;
}

TEST_F(Sweep, BadArgumentsExitTwo) {
    EXPECT_EQ(run(sweepArgs(path("x.json"), "--shard 2/2")).code, 2);
    EXPECT_EQ(run(sweepArgs(path("x.json"), "--shard 1")).code, 2);
    CliRun noOut = run("sweep " + (s_dir / "model").string() + " fashion-mnist --methods evit");
    EXPECT_EQ(noOut.code, 2);
    EXPECT_NE(noOut.err.find("--out"), std::string::npos) << noOut.err;
    CliRun dense =
        run("sweep " + (s_dir / "model").string() + " fashion-mnist --methods bogus --out " + path("x.json").string());
    EXPECT_EQ(dense.code, 2);
    EXPECT_NE(dense.err.find("unknown method"), std::string::npos) << dense.err;
}

TEST_F(Sweep, BudgetPicksTheMainKnobOnEvalBenchAndPredict) {
    const std::string model = (s_dir / "model").string();
    CliRun info = run("info " + model + " --json");
    ASSERT_EQ(info.code, 0) << info.err;
    const double target = 0.7 * nlohmann::json::parse(info.out)["gmacs"].get<double>();
    const std::string budget = " --budget " + std::to_string(target);
    CliRun e = run("eval " + model + " fashion-mnist --limit 16 --method evit --json" + budget);
    ASSERT_EQ(e.code, 0) << e.err;
    auto je = nlohmann::json::parse(e.out);
    EXPECT_TRUE(je["settings"].contains("keep"));
    CliRun b = run("bench " + model + " --method tome --iters 1 --warmup 0 --json" + budget);
    ASSERT_EQ(b.code, 0) << b.err;
    auto jb = nlohmann::json::parse(b.out);
    EXPECT_TRUE(jb["settings"].contains("r"));
    EXPECT_LE(jb["gmacs"].get<double>(), target * 1.005);
    CliRun p = run("predict " + model + " " + VP_SOURCE_DIR + "/resources/samples/sneaker_9.png --method evit --json" +
                   budget);
    ASSERT_EQ(p.code, 0) << p.err;
    auto jp = nlohmann::json::parse(p.out);
    EXPECT_EQ(jp["settings"], je["settings"]);
    EXPECT_NEAR(jp["predictions"][0]["gmacs"].get<double>(), target, 0.02 * target);

    CliRun dense = run("eval " + model + " fashion-mnist --limit 16 --json --budget 0.001");
    EXPECT_EQ(dense.code, 2);
    EXPECT_NE(dense.err.find("no main knob"), std::string::npos) << dense.err;
    CliRun far = run("eval " + model + " fashion-mnist --limit 16 --method evit --json --budget 100");
    EXPECT_EQ(far.code, 2);
    EXPECT_NE(far.err.find("reachable range"), std::string::npos) << far.err;
    CliRun both = run("eval " + model + " fashion-mnist --limit 16 --method evit --set keep=0.5 --json" + budget);
    EXPECT_EQ(both.code, 2);
    EXPECT_NE(both.err.find("keep"), std::string::npos) << both.err;
}

TEST(Shard, ParsesKOverNAndTheLaunchersEnvironment) {
    EXPECT_EQ(vp::parseShard("").count, 1);
    const vp::Shard s = vp::parseShard("2/5");
    EXPECT_EQ(s.index, 2);
    EXPECT_EQ(s.count, 5);
    EXPECT_EQ(vp::shardIndices(12, s), (std::vector<int64_t>{2, 7}));
    for (const char* bad : {"5/5", "-1/2", "1/0", "1", "a/b", "1/2x"})
        EXPECT_THROW(vp::parseShard(bad), vp::Error) << bad;
    for (const char* v : {"OMPI_COMM_WORLD_RANK", "OMPI_COMM_WORLD_SIZE", "PMI_RANK", "PMI_SIZE", "SLURM_ARRAY_TASK_ID",
                          "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN"})
        ::unsetenv(v);
    EXPECT_EQ(vp::parseShard("auto").count, 1);  // not under a launcher: the whole dataset
    ::setenv("SLURM_ARRAY_TASK_ID", "4", 1);     // --array=3-6
    ::setenv("SLURM_ARRAY_TASK_MIN", "3", 1);
    ::setenv("SLURM_ARRAY_TASK_COUNT", "4", 1);
    EXPECT_EQ(vp::parseShard("auto").text(), "1/4");
    ::setenv("PMI_RANK", "2", 1);
    ::setenv("PMI_SIZE", "3", 1);
    EXPECT_EQ(vp::parseShard("auto").text(), "2/3");
    ::setenv("OMPI_COMM_WORLD_RANK", "0", 1);
    ::setenv("OMPI_COMM_WORLD_SIZE", "8", 1);
    EXPECT_EQ(vp::parseShard("auto").text(), "0/8");
    ::setenv("OMPI_COMM_WORLD_RANK", "9", 1);
    EXPECT_THROW(vp::parseShard("auto"), vp::Error);
    for (const char* v : {"OMPI_COMM_WORLD_RANK", "OMPI_COMM_WORLD_SIZE", "PMI_RANK", "PMI_SIZE", "SLURM_ARRAY_TASK_ID",
                          "SLURM_ARRAY_TASK_COUNT", "SLURM_ARRAY_TASK_MIN"})
        ::unsetenv(v);
}

}  // namespace
