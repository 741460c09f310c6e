// vitprune info: the compatibility report after the model facts, and under "compatibility" in --json.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <set>

#include "cli/cli_runner.h"

namespace {

const std::string kRef = std::string(VP_TEST_DATA) + "/reference/";

std::vector<std::string> registeredIds() {
    CliRun r = runCli("methods --json");
    EXPECT_EQ(r.code, 0) << r.err;
    std::vector<std::string> ids;
    const auto j = nlohmann::json::parse(r.out);
    for (const auto& m : j.at("methods")) ids.push_back(m.at("id").get<std::string>());
    return ids;
}

TEST(CliCompatibility, InfoJsonHasOneEntryPerRegisteredMethod) {
    const std::vector<std::string> ids = registeredIds();
    ASSERT_FALSE(ids.empty());
    CliRun r = runCli("info " + kRef + "deit_distilled_tiny.safetensors --json");
    ASSERT_EQ(r.code, 0) << r.err;
    const auto j = nlohmann::json::parse(r.out);
    ASSERT_TRUE(j["compatibility"].is_array());
    ASSERT_EQ(j["compatibility"].size(), ids.size());
    const std::set<std::string> statuses{"applies", "needs_training", "cannot_apply"};
    for (size_t i = 0; i < ids.size(); ++i) {
        const auto& e = j["compatibility"][i];
        EXPECT_EQ(e["id"], ids[i]);
        EXPECT_TRUE(statuses.count(e["status"].get<std::string>())) << e.dump();
        EXPECT_TRUE(e["detail"].is_string());
        EXPECT_TRUE(e["notes"].is_array());
    }
    EXPECT_EQ(j["family_description"], "distilled DeiT (2 prefix tokens, two heads; timm keys)");
    EXPECT_EQ(j["prefix_tokens"], 2);
    EXPECT_EQ(j["head_dim"], 24);
    // Keys that existed before the report are still there.
    for (const char* k : {"gmacs", "params", "family", "pool", "grid"}) EXPECT_TRUE(j.contains(k)) << k;
}

TEST(CliCompatibility, InfoTextEndsWithTheReport) {
    CliRun r = runCli("info " + kRef + "hf_vit.safetensors");
    ASSERT_EQ(r.code, 0) << r.err;
    const size_t facts = r.out.find("GMACs");
    const size_t report = r.out.find("\ncompatibility\n");
    ASSERT_NE(facts, std::string::npos);
    ASSERT_NE(report, std::string::npos);
    EXPECT_LT(facts, report);
    EXPECT_NE(r.out.find("HuggingFace ViT"), std::string::npos);
    for (const std::string& id : registeredIds()) EXPECT_NE(r.out.find("\n  " + id + " "), std::string::npos) << id;
}

}  // namespace
