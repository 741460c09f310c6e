// vitprune prune: the structural method's smaller model saved as a folder that eval and predict
// reopen to the same predictions and GMACs as the method run in place; token methods, a missing
// --out, an unreachable budget and a folder holding other files are one-line errors that write
// nothing.
#include <gtest/gtest.h>

#include <fstream>

#include "cli/hostile_cli_support.h"

namespace {

using namespace hostile;

class PruneCli : public HostileTest {};

nlohmann::json evalJson(const std::string& model, const std::string& method) {
    const CliRun r = runCli("eval " + model + " fashion-mnist --limit 64 --batch 32 --json " + method);
    EXPECT_EQ(r.code, 0) << r.err;
    return nlohmann::json::parse(r.out);
}

TEST_F(PruneCli, SavedModelReopensToTheSameResults) {
    const fs::path out = dir() / "nvit50";
    const CliRun p = runCli("prune fashion-vit-tiny --method nvit --set budget=0.5 --out " + q(out) + " --json");
    ASSERT_EQ(p.code, 0) << p.err;
    const nlohmann::json j = nlohmann::json::parse(p.out);
    EXPECT_LE(j["gmacs"].get<double>(), 0.5 * j["dense_gmacs"].get<double>());
    EXPECT_LT(j["params"].get<int64_t>(), j["dense_params"].get<int64_t>());
    EXPECT_TRUE(fs::exists(out / "model.safetensors"));
    EXPECT_TRUE(fs::exists(out / "config.json"));
    const nlohmann::json inPlace = evalJson("fashion-vit-tiny", "--method nvit --set budget=0.5");
    const nlohmann::json reopened = evalJson(q(out), "");
    EXPECT_EQ(reopened["correct"], inPlace["correct"]);
    EXPECT_DOUBLE_EQ(reopened["gmacs"].get<double>(), inPlace["gmacs"].get<double>());
    // Saving again over its own output replaces it.
    EXPECT_EQ(runCli("prune fashion-vit-tiny --method attn-removal --set layers=0,2 --out " + q(out)).code, 0);
    const CliRun info = runCli("info " + q(out) + " --json");
    ASSERT_EQ(info.code, 0) << info.err;
    EXPECT_TRUE(Has(info.out, "attn-removal layers=0,2")) << info.out;
}

TEST_F(PruneCli, BadRequestsAreOneLineErrorsThatWriteNothing) {
    const fs::path out = dir() / "m";
    struct Case {
        std::string args, expected;
    };
    for (const Case& c : std::vector<Case>{
             {"--method evit --out " + q(out), "token method"},
             {"--method nvit", "--out"},
             {"--method s2vite --set budget=0.05 --out " + q(out), "below"},
             {"--method nvit --set budget=0.5 --calib " + q(dir() / "empty") + " --out " + q(out), "empty"},
         }) {
        fs::create_directories(dir() / "empty");
        const CliRun r = runCli("prune fashion-vit-tiny " + c.args);
        EXPECT_EQ(r.code, 2) << c.args;
        EXPECT_TRUE(Has(r.err, c.expected)) << c.args << ": " << r.err;
        EXPECT_EQ(lines(r.err), 1u) << r.err;
        EXPECT_FALSE(fs::exists(out)) << c.args;
        fs::remove_all(dir() / "empty");
    }
    // A folder with someone else's files is never replaced.
    fs::create_directories(out);
    std::ofstream(out / "notes.txt") << "mine";
    const CliRun r = runCli("prune fashion-vit-tiny --method nvit --out " + q(out));
    EXPECT_EQ(r.code, 2);
    EXPECT_TRUE(Has(r.err, "notes.txt")) << r.err;
    EXPECT_TRUE(fs::exists(out / "notes.txt"));
    EXPECT_FALSE(fs::exists(out / "model.safetensors"));
    // No partial folder is left behind.
    for (const auto& e : fs::directory_iterator(dir()))
        EXPECT_EQ(e.path().filename().string().find(".partial"), std::string::npos) << e.path();
}

// vitprune finetune: a pruned folder fine-tuned with distillation from the built-in dense model
// keeps its widths; a teacher of other classes and a missing --out are one-line errors.
TEST_F(PruneCli, FinetuneKeepsThePrunedWidthsAndRefusesBadTeachers) {
    const fs::path pruned = dir() / "nvit50", tuned = dir() / "tuned";
    ASSERT_EQ(runCli("prune fashion-vit-tiny --method nvit --set budget=0.5 --out " + q(pruned)).code, 0);
    const CliRun f =
        runCli("finetune " + q(pruned) + " --out " + q(tuned) + " --limit 256 --test-limit 128 --batch 64 --threads 2");
    ASSERT_EQ(f.code, 0) << f.err;
    EXPECT_TRUE(Has(f.out, "distilling fashion-vit-tiny")) << f.out;
    EXPECT_TRUE(Has(f.out, "before: test top-1")) << f.out;
    EXPECT_TRUE(Has(f.out, "epoch 1/1")) << f.out;
    EXPECT_TRUE(fs::exists(tuned / "log.csv"));
    const CliRun a = runCli("info " + q(pruned) + " --json"), b = runCli("info " + q(tuned) + " --json");
    ASSERT_EQ(a.code, 0);
    ASSERT_EQ(b.code, 0);
    EXPECT_EQ(nlohmann::json::parse(a.out)["block_widths"], nlohmann::json::parse(b.out)["block_widths"]);
    EXPECT_EQ(nlohmann::json::parse(b.out)["pruned_by"], nlohmann::json::parse(a.out)["pruned_by"]);

    const fs::path other = dir() / "other";
    for (const auto& [args, expected] : std::vector<std::pair<std::string, std::string>>{
             {"--teacher random:deit_small_patch16_224 --out " + q(other), "classes"},
             {"--limit 64", "--out"},
         }) {
        const CliRun r = runCli("finetune " + q(pruned) + " " + args);
        EXPECT_EQ(r.code, 2) << args;
        EXPECT_TRUE(Has(r.err, expected)) << args << ": " << r.err;
        EXPECT_EQ(lines(r.err), 1u) << r.err;
        EXPECT_FALSE(fs::exists(other / "model.safetensors")) << args;
    }
}

}  // namespace
