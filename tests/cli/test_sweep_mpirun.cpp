// vitprune sweep --shard auto under a real launcher: `mpirun -np 2` runs two ranks of the same
// command, each reads its rank from Open MPI's environment and writes its own part, and
// vitprune merge of the two parts equals the unsharded sweep (counts exactly, GMACs to 1e-9).
// Model: the embedded fashion-vit-tiny; data: the first 64 Fashion-MNIST test images.
//
// mpirun is Open MPI's (openmpi-bin, installed by scripts/setup.sh); a missing mpirun fails the
// test instead of skipping it. The flags, for a 1-node run on a CI container:
//   --allow-run-as-root  Open MPI refuses to start as root without it (CI runs as root);
//   --oversubscribe      2 ranks on a machine with fewer cores (slots default to the cores);
//   --mca plm isolated   launch the ranks locally by fork: the default (rsh) launcher aborts
//                        when no ssh/rsh is on PATH, even for local ranks.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>

#include "cli/cli_runner.h"

namespace fs = std::filesystem;

namespace {

// The first `name` found on PATH, as a path; empty when there is none.
std::string findOnPath(const std::string& name) {
    const char* path = std::getenv("PATH");
    std::stringstream dirs(path ? path : "");
    std::string dir;
    while (std::getline(dirs, dir, ':')) {
        if (dir.empty()) continue;
        const fs::path p = fs::path(dir) / name;
        std::error_code ec;
        if (fs::is_regular_file(p, ec) && ::access(p.c_str(), X_OK) == 0) return p.string();
    }
    return {};
}

// Runs `cmd` with /bin/sh; stdout and stderr together in `out`.
CliRun runShell(const std::string& cmd) {
    CliRun r{};
    FILE* p = ::popen((cmd + " </dev/null 2>&1").c_str(), "r");
    if (!p) return {-1, "", "popen failed"};
    std::array<char, 4096> buf{};
    size_t n;
    while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
    const int status = ::pclose(p);
    r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return r;
}

nlohmann::json readJson(const fs::path& p) {
    std::ifstream in(p);
    return nlohmann::json::parse(std::string(std::istreambuf_iterator<char>(in), {}));
}

class MpirunSweep : public ::testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("vp_sweep_mpirun_" + std::to_string(::getpid()));
        fs::remove_all(m_dir);
        fs::create_directories(m_dir);
    }
    void TearDown() override {
        if (!HasFailure()) fs::remove_all(m_dir);  // kept for a look when the test fails
    }
    fs::path m_dir;
};

// The sweep's arguments, without --shard and --out (the same for the ranks and the whole run).
const std::string kSweep =
    "sweep fashion-vit-tiny fashion-mnist --methods evit,tome --points 2 --limit 64 --batch 16 --threads 1 --json";

TEST_F(MpirunSweep, TwoRanksMergedEqualTheUnshardedSweep) {
    const std::string mpirun = findOnPath("mpirun");
    ASSERT_FALSE(mpirun.empty()) << "mpirun is not on PATH: run scripts/setup.sh (it installs openmpi-bin)";
    const CliRun version = runShell("'" + mpirun + "' --version");
    ASSERT_NE(version.out.find("Open MPI"), std::string::npos)
        << mpirun << " is not Open MPI's (the test passes Open MPI's flags): run scripts/setup.sh, and if another "
        << "MPI is installed too, select Open MPI with update-alternatives --config mpirun\n"
        << version.out;

    // Each rank names its own part from OMPI_COMM_WORLD_RANK, expanded by the rank's shell.
    const auto start = std::chrono::steady_clock::now();
    const std::string launch = "timeout -k 10 300 '" + mpirun + "'" + (::getuid() == 0 ? " --allow-run-as-root" : "") +
                               " --oversubscribe --mca plm isolated -np 2 sh -c 'exec \"" + std::string(VP_CLI) +
                               "\" " + kSweep + " --shard auto --out \"" + m_dir.string() +
                               "\"/part-$OMPI_COMM_WORLD_RANK.json'";
    const CliRun ranks = runShell(launch);
    const double launchS = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_EQ(ranks.code, 0) << launch << "\n" << ranks.out;
    std::cerr << "[          ] mpirun -np 2 sweep: " << launchS << " s\n";

    const fs::path part0 = m_dir / "part-0.json", part1 = m_dir / "part-1.json";
    ASSERT_TRUE(fs::exists(part0)) << ranks.out;
    ASSERT_TRUE(fs::exists(part1)) << ranks.out;
    for (int k = 0; k < 2; ++k) {
        const auto part = readJson(m_dir / ("part-" + std::to_string(k) + ".json"));
        EXPECT_EQ(part["shard"]["index"], k) << "rank " << k << " did not take its shard from mpirun";
        EXPECT_EQ(part["shard"]["count"], 2);
        EXPECT_TRUE(part["complete"].get<bool>());
        EXPECT_EQ(part["methods"][0]["points"][0]["images"], 32);
    }

    const fs::path merged = m_dir / "merged.json", whole = m_dir / "whole.json";
    const CliRun m = runCli("merge " + part0.string() + " " + part1.string() + " --json --out " + merged.string());
    ASSERT_EQ(m.code, 0) << m.err;
    const CliRun w = runCli(kSweep + " --out " + whole.string());
    ASSERT_EQ(w.code, 0) << w.err;

    const auto a = readJson(whole);
    const auto b = readJson(merged);
    EXPECT_EQ(b["merged_shards"], 2);
    EXPECT_EQ(b["shard"]["count"], 1);
    EXPECT_EQ(b["limit"], a["limit"]);
    EXPECT_TRUE(b["complete"].get<bool>());
    ASSERT_EQ(a["methods"].size(), 3u);  // dense, evit, tome
    ASSERT_EQ(a["methods"].size(), b["methods"].size());
    for (size_t i = 0; i < a["methods"].size(); ++i) {
        const auto& ma = a["methods"][i];
        const auto& mb = b["methods"][i];
        ASSERT_EQ(ma["id"], mb["id"]);
        const auto& pa = ma["points"];
        const auto& pb = mb["points"];
        ASSERT_EQ(pa.size(), pb.size()) << ma["id"];
        ASSERT_EQ(pa.size(), i == 0 ? 1u : 2u) << ma["id"];
        for (size_t k = 0; k < pa.size(); ++k) {
            const std::string where = ma["id"].get<std::string>() + " point " + std::to_string(k);
            EXPECT_EQ(pa[k]["settings"], pb[k]["settings"]) << where;
            EXPECT_EQ(pa[k]["images"], 64) << where;
            EXPECT_EQ(pa[k]["images"], pb[k]["images"]) << where;
            EXPECT_EQ(pa[k]["correct"], pb[k]["correct"]) << where;
            EXPECT_DOUBLE_EQ(pa[k]["accuracy"].get<double>(), pb[k]["accuracy"].get<double>()) << where;
            const double ga = pa[k]["gmacs"], gb = pb[k]["gmacs"];
            EXPECT_NEAR(ga, gb, 1e-9 * std::abs(ga)) << where;
        }
    }
    EXPECT_TRUE(fs::exists(m_dir / "merged.csv"));
}

}  // namespace
