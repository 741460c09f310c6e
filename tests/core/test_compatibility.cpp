// The compatibility report: the family in words and each registered method's status on the fixture
// checkpoints of every family, the rules (CLS attention, depth, block knobs, learned parts), the
// text and the JSON round trip; and that the report's verdicts match what the methods really do.
#include <ATen/ATen.h>
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "common/error.h"
#include "model/compatibility.h"
#include "model/model_loader.h"
#include "prune/registry.h"

namespace vp {
namespace {

const std::string kRef = std::string(VP_TEST_DATA) + "/reference/";

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

const MethodCompatibility& entry(const CompatibilityReport& r, const std::string& id) {
    const MethodCompatibility* m = r.method(id);
    if (!m) throw std::runtime_error("no entry for " + id);
    return *m;
}

bool notesMention(const MethodCompatibility& m, const std::string& part) {
    for (const std::string& n : m.notes)
        if (contains(n, part)) return true;
    return false;
}

// One entry per registered method, in registry order.
void expectEveryMethodOnce(const CompatibilityReport& r) {
    const auto specs = builtinRegistry().specs();
    ASSERT_EQ(r.methods.size(), specs.size());
    for (size_t i = 0; i < specs.size(); ++i) EXPECT_EQ(r.methods[i].id, specs[i].id);
}

// Every training-free method applies; a method with learned parts needs training (these
// fixtures carry none) and its entry names its keys and the train-method command.
void expectAllApply(const CompatibilityReport& r) {
    for (const MethodCompatibility& m : r.methods) {
        if (builtinRegistry().spec(m.id).requirements.learnedKeys.empty()) {
            EXPECT_EQ(m.status, CompatStatus::Applies) << m.id << ": " << m.detail;
        } else if (r.familyId == "random") {  // random parts for a random backbone, labelled so
            EXPECT_TRUE(contains(m.detail, "random")) << m.detail;
            EXPECT_EQ(m.status, CompatStatus::Applies) << m.id << ": " << m.detail;
        } else {
            EXPECT_EQ(m.status, CompatStatus::NeedsTraining) << m.id << ": " << m.detail;
            EXPECT_TRUE(contains(m.trainCommand, "vitprune train-method " + m.id)) << m.trainCommand;
            EXPECT_TRUE(contains(m.detail, m.learnedKeys.at(0) + "*")) << m.detail;
        }
    }
}

TEST(Compatibility, TimmFixtureEveryMethodAppliesWithKnobNotesForFourBlocks) {
    const CompatibilityReport r = checkCompatibility(loadModel(kRef + "tv_vit_timm.safetensors"));
    EXPECT_EQ(r.family, "timm ViT / DeiT");
    EXPECT_EQ(r.familyId, "timm");
    EXPECT_EQ(r.patchSize, 4);
    EXPECT_EQ(r.gridH, 8);
    EXPECT_EQ(r.gridW, 8);
    EXPECT_EQ(r.numHeads, 3);
    EXPECT_EQ(r.headDim, 16);
    EXPECT_EQ(r.embedDim, 48);
    EXPECT_EQ(r.depth, 4);
    EXPECT_EQ(r.prefixTokens, 1);
    EXPECT_EQ(r.pooling, "CLS token");
    EXPECT_EQ(r.imageSize, 32);
    EXPECT_EQ(r.inChans, 3);
    expectEveryMethodOnce(r);
    expectAllApply(r);
    // Defaults made for 12 blocks: 6 and 9 are skipped, Evo-ViT's start 4 is past the end.
    EXPECT_TRUE(notesMention(entry(r, "evit"), "default blocks 6,9 are past the last block (3)"));
    EXPECT_TRUE(notesMention(entry(r, "evit"), "e.g. 1,2,3"));
    EXPECT_TRUE(notesMention(entry(r, "evo-vit"), "knob 'start'"));
    EXPECT_TRUE(notesMention(entry(r, "patch-slimming"), "calibrates on"));
    EXPECT_TRUE(entry(r, "dense").notes.empty());
    EXPECT_TRUE(entry(r, "tome").notes.empty());
    EXPECT_EQ(entry(r, "dense").detail, "training-free");
}

TEST(Compatibility, TorchvisionAndHuggingFaceFixtures) {
    const CompatibilityReport tv = checkCompatibility(loadModel(kRef + "tv_vit.pth"));
    EXPECT_EQ(tv.family, "torchvision ViT");
    EXPECT_EQ(tv.gridH, 8);
    expectEveryMethodOnce(tv);
    expectAllApply(tv);
    const CompatibilityReport hf = checkCompatibility(loadModel(kRef + "hf_vit.safetensors"));
    EXPECT_EQ(hf.family, "HuggingFace ViT");
    EXPECT_EQ(hf.numHeads, 3);
    expectEveryMethodOnce(hf);
    expectAllApply(hf);
}

TEST(Compatibility, DistilledDeitHasTwoPrefixTokensAndNoDefaultBlocks) {
    const CompatibilityReport r = checkCompatibility(loadModel(kRef + "deit_distilled_tiny.safetensors"));
    EXPECT_EQ(r.family, "distilled DeiT (2 prefix tokens, two heads; timm keys)");
    EXPECT_EQ(r.prefixTokens, 2);
    EXPECT_EQ(r.prefix, "CLS + distillation");
    EXPECT_TRUE(contains(r.pooling, "distillation"));
    EXPECT_EQ(r.gridH, 4);
    EXPECT_EQ(r.depth, 2);
    expectAllApply(r);
    EXPECT_TRUE(notesMention(entry(r, "evit"), "none of its default blocks (3,6,9) exists in this 2-block model"));
    EXPECT_TRUE(notesMention(entry(r, "random"), "knob 'locations'"));
}

TEST(Compatibility, RandomDeitSmallNeedsNoKnobChange) {
    const CompatibilityReport r = checkCompatibility(loadModel("random:deit_small_patch16_224"));
    EXPECT_EQ(r.family, "random weights");
    EXPECT_EQ(r.gridH, 14);
    EXPECT_EQ(r.headDim, 64);
    expectAllApply(r);
    for (const MethodCompatibility& m : r.methods) EXPECT_FALSE(notesMention(m, "knob")) << m.id;
}

TEST(Compatibility, AveragePoolingRulesOutClsAttentionMethods) {
    ViTConfig c;
    ASSERT_TRUE(ViTConfig::fromArchitecture("deit_tiny_patch16_224", c));
    c.pool = "avg";
    c.depth = 12;
    const CompatibilityReport r = checkCompatibility(randomModel(c));
    EXPECT_TRUE(contains(r.pooling, "average"));
    for (const char* id : {"evit", "attn-topk", "evo-vit"}) {
        const MethodCompatibility& m = entry(r, id);
        EXPECT_EQ(m.status, CompatStatus::CannotApply) << id;
        EXPECT_TRUE(contains(m.detail, "CLS token")) << m.detail;
    }
    for (const char* id : {"dense", "random", "tome", "ltp", "patch-slimming"})
        EXPECT_EQ(entry(r, id).status, CompatStatus::Applies) << id;
}

TEST(Compatibility, TooShallowForEvoVit) {
    ViTConfig c;
    ASSERT_TRUE(ViTConfig::fromArchitecture("deit_tiny_patch16_224", c));
    c.depth = 1;
    const CompatibilityReport r = checkCompatibility(randomModel(c));
    EXPECT_EQ(entry(r, "evo-vit").status, CompatStatus::CannotApply);
    EXPECT_TRUE(contains(entry(r, "evo-vit").detail, "at least 2 blocks"));
    EXPECT_EQ(entry(r, "tome").status, CompatStatus::Applies);
}

// A method with learned parts, to exercise NeedsTraining (no registered method needs any yet).
class LearnedStub : public PruneMethod {
public:
    MethodSpec spec() const override {
        MethodSpec s;
        s.id = "stub";
        s.name = "Stub with predictors";
        s.trainingFree = false;
        s.requirements.learnedKeys = {"score_predictor."};
        s.requirements.learnedWhat = "score predictors";
        s.requirements.trainCommand = "vitprune train-method stub {model} --out DIR";
        return s;
    }
    void configure(const KnobValues&) override {}
};

TEST(Compatibility, LearnedPartsMissingGiveTheTrainCommandAndKeys) {
    Registry reg;
    reg.add([] { return std::make_unique<LearnedStub>(); });
    ViTModel m = loadModel(kRef + "tv_vit_timm.safetensors");
    const CompatibilityReport r = checkCompatibility(m, reg);
    ASSERT_EQ(r.methods.size(), 1u);
    const MethodCompatibility& e = r.methods[0];
    EXPECT_EQ(e.status, CompatStatus::NeedsTraining);
    EXPECT_EQ(e.trainCommand, "vitprune train-method stub " + m.origin() + " --out DIR");
    EXPECT_TRUE(contains(e.detail, "score_predictor.*"));
    EXPECT_TRUE(contains(e.detail, e.trainCommand));
    EXPECT_EQ(e.learnedKeys, std::vector<std::string>{"score_predictor."});
    m.extras()["score_predictor.0.in_conv.0.weight"] = at::ones({48});
    const CompatibilityReport again = checkCompatibility(m, reg);  // (a reference into a temporary dangled: ASan)
    const MethodCompatibility& found = again.methods[0];
    EXPECT_EQ(found.status, CompatStatus::Applies);
    EXPECT_TRUE(contains(found.detail, "found in the checkpoint"));
}

TEST(Compatibility, DeclaredRequirementsNameRealKnobs) {
    for (const MethodSpec& s : builtinRegistry().specs()) {
        for (const std::string& id : s.requirements.blockKnobs) {
            const Knob* k = s.knob(id);
            ASSERT_NE(k, nullptr) << s.id << ": " << id;
            EXPECT_TRUE(k->type == KnobType::Integer || k->type == KnobType::IntList) << s.id << ": " << id;
        }
        if (!s.requirements.learnedKeys.empty()) EXPECT_FALSE(s.trainingFree) << s.id;
    }
}

// The verdicts match behaviour: with default knobs every applying method runs, except where a
// note says the default of a knob is past the model's last block and the method refuses it.
TEST(Compatibility, ApplyingMethodsRunWithDefaultsUnlessANoteSaysOtherwise) {
    c10::InferenceMode guard;
    for (const std::string file : {"tv_vit_timm.safetensors", "deit_distilled_tiny.safetensors"}) {
        const ViTModel model = loadModel(kRef + file);
        const at::Tensor x = at::randn({2, 3, 32, 32});
        for (const MethodCompatibility& e : checkCompatibility(model).methods) {
            if (e.status == CompatStatus::NeedsTraining) {  // without its parts it refuses clearly
                EXPECT_THROW(builtinRegistry().create(e.id, KnobValues{})->prepare(model), Error) << e.id;
                continue;
            }
            ASSERT_EQ(e.status, CompatStatus::Applies);
            MethodPtr method = builtinRegistry().create(e.id, KnobValues{});
            auto runIt = [&] {
                method->prepare(model);
                if (method->calibrationImages() > 0) method->calibrate(model, {x});
                model.forward(x, *method);
            };
            if (notesMention(e, "is past the last block"))
                EXPECT_THROW(runIt(), Error) << file << " " << e.id;
            else
                EXPECT_NO_THROW(runIt()) << file << " " << e.id;
        }
    }
}

TEST(Compatibility, TextIsAlignedWithOneRowPerMethod) {
    const CompatibilityReport r = checkCompatibility(loadModel(kRef + "tv_vit_timm.safetensors"));
    const std::string text = compatibilityText(r);
    EXPECT_TRUE(contains(text, "family     timm ViT / DeiT"));
    EXPECT_TRUE(contains(text, "grid 8x8"));
    // The status column starts at the same offset on the header and on every method row.
    const size_t col = text.find("status");
    const size_t lineStart = text.rfind('\n', col) + 1;
    const size_t offset = col - lineStart;
    for (const MethodCompatibility& m : r.methods) {
        const size_t at = text.find("\n  " + m.id + " ");
        ASSERT_NE(at, std::string::npos) << m.id;
        EXPECT_EQ(text.substr(at + 1 + offset, 7), m.status == CompatStatus::Applies ? "applies" : "needs t") << m.id;
    }
}

TEST(Compatibility, JsonRoundTripsStatusesAndFacts) {
    ViTConfig c;
    ASSERT_TRUE(ViTConfig::fromArchitecture("deit_tiny_patch16_224", c));
    c.pool = "avg";
    CompatibilityReport r = checkCompatibility(randomModel(c));
    r.methods.push_back({"stub", "Stub", CompatStatus::NeedsTraining, "needs parts", {"a note"}, "vitprune x", {"k."}});
    const CompatibilityReport back = compatibilityFromJson(nlohmann::json::parse(compatibilityToJson(r).dump()));
    EXPECT_EQ(back.family, r.family);
    EXPECT_EQ(back.pooling, r.pooling);
    EXPECT_EQ(back.headDim, r.headDim);
    EXPECT_EQ(back.gridW, r.gridW);
    ASSERT_EQ(back.methods.size(), r.methods.size());
    for (size_t i = 0; i < r.methods.size(); ++i) {
        EXPECT_EQ(back.methods[i].id, r.methods[i].id);
        EXPECT_EQ(back.methods[i].status, r.methods[i].status) << r.methods[i].id;
        EXPECT_EQ(back.methods[i].detail, r.methods[i].detail);
        EXPECT_EQ(back.methods[i].notes, r.methods[i].notes);
        EXPECT_EQ(back.methods[i].trainCommand, r.methods[i].trainCommand);
        EXPECT_EQ(back.methods[i].learnedKeys, r.methods[i].learnedKeys);
    }
    nlohmann::json bad = compatibilityToJson(r);
    bad["methods"][0]["status"] = "maybe";
    EXPECT_THROW(compatibilityFromJson(bad), Error);
    bad.erase("depth");
    EXPECT_THROW(compatibilityFromJson(bad), Error);
}

}  // namespace
}  // namespace vp
