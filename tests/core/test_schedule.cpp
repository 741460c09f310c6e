// Per-block schedules (MethodSpec::scheduleKnob): EViT, attention top-k and random keep take one
// keep ratio per block (`schedule`), ToMe one r per block (`layer_r`). A schedule keeps exactly
// the counts its values give, equals the keep/locations (r/schedule) setting it mirrors, survives
// the sweep files and the --set text unchanged, and bad schedules fail naming the knob.
#include <ATen/CPUGeneratorImpl.h>
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <functional>

#include "common/error.h"
#include "eval/sweep_result.h"
#include "model/model_loader.h"
#include "prune/budget.h"
#include "prune/flops.h"
#include "prune/registry.h"
#include "support/small_vit.h"

namespace {

using vp::KnobValues;

// 7x7 patches, 12 blocks: cheap forwards.
const vp::ViTModel& model() {
    static const vp::ViTModel m = [] {
        vp::ViTConfig c = vp::test::smallConfig();
        return vp::randomModel(c, 11);
    }();
    return m;
}

at::Tensor images() { return at::randn({2, 1, 28, 28}, at::make_generator<at::CPUGeneratorImpl>(3)); }

KnobValues knobs(std::initializer_list<std::pair<std::string, std::string>> pairs) {
    KnobValues v;
    for (const auto& [k, t] : pairs) v.set(k, t);
    return v;
}

vp::MethodSpec specOf(const std::string& id) { return vp::builtinRegistry().create(id)->spec(); }

vp::ForwardResult run(const std::string& id, const KnobValues& v, const at::Tensor& x) {
    vp::MethodPtr m = vp::builtinRegistry().create(id, v);
    m->prepare(model());
    return model().forward(x, *m, {vp::TraceLevel::Full});
}

std::vector<int> mlpTokens(const vp::ForwardResult& r, int sample = 0) {
    std::vector<int> out;
    for (const vp::LayerTrace& l : r.trace.layers) out.push_back(l.mlpTokens.at(sample));
    return out;
}

std::string message(const std::function<void()>& f) {
    try {
        f();
    } catch (const vp::Error& e) {
        return e.what();
    }
    return "(no error)";
}

constexpr const char* kMirror = "1,1,1,0.7,1,1,0.7,1,1,0.7,1,1";  // keep=0.7 at blocks 3,6,9

TEST(Schedule, SpecsDeclareTheirScheduleKnob) {
    const std::map<std::string, std::pair<std::string, vp::KnobType>> expected{
        {"evit", {"schedule", vp::KnobType::NumberList}},
        {"attn-topk", {"schedule", vp::KnobType::NumberList}},
        {"random", {"schedule", vp::KnobType::NumberList}},
        {"ltp-learned", {"schedule", vp::KnobType::NumberList}},
        {"tome", {"layer_r", vp::KnobType::IntList}}};
    for (const vp::MethodSpec& s : vp::builtinRegistry().specs()) {
        const auto it = expected.find(s.id);
        if (it == expected.end()) {
            EXPECT_EQ(s.scheduleKnob, "") << s.id;
            continue;
        }
        EXPECT_EQ(s.scheduleKnob, it->second.first) << s.id;
        const vp::Knob* k = s.knob(s.scheduleKnob);
        ASSERT_NE(k, nullptr) << s.id;
        EXPECT_EQ(k->type, it->second.second) << s.id;
        EXPECT_EQ(k->defaultValue, "") << s.id << ": no schedule unless asked for";
        EXPECT_FALSE(KnobValues().hasSchedule(s)) << s.id;
    }
    EXPECT_EQ(vp::knobTypeName(vp::KnobType::NumberList), "number_list");
}

TEST(Schedule, NumberListParsesAndBlankIsNoSchedule) {
    const vp::MethodSpec s = specOf("evit");
    EXPECT_TRUE(knobs({{"schedule", ""}}).numberList(s, "schedule").empty());
    EXPECT_TRUE(knobs({{"schedule", "  "}}).numberList(s, "schedule").empty());
    EXPECT_FALSE(knobs({{"schedule", " "}}).hasSchedule(s));
    EXPECT_TRUE(knobs({{"schedule", "1"}}).hasSchedule(s));
    EXPECT_EQ(knobs({{"schedule", "1, 0.5 ,0.25"}}).numberList(s, "schedule"), (std::vector<double>{1, 0.5, 0.25}));
    knobs({{"schedule", kMirror}}).validate(s);
}

TEST(Schedule, BadValuesNameTheKnobAndThePosition) {
    const vp::MethodSpec s = specOf("evit");
    auto bad = [&](const std::string& text) { return message([&] { knobs({{"schedule", text}}).validate(s); }); };
    EXPECT_EQ(bad("1,x,1"), "knob 'schedule': value 2 ('x') is not a number");
    EXPECT_EQ(bad("1,0.5x"), "knob 'schedule': value 2 ('0.5x') is not a number");
    EXPECT_EQ(bad("1,nan"), "knob 'schedule': value 2 ('nan') is not a number");
    EXPECT_EQ(bad("1,,1"), "knob 'schedule': value 2 is empty (expected comma-separated numbers, e.g. 1,1,0.7)");
    EXPECT_EQ(bad("1,1,"), "knob 'schedule': value 3 is empty (trailing comma)");
    EXPECT_EQ(bad("1,1.5"), "knob 'schedule': value 2 (1.5) is outside [0.01, 1]");
    EXPECT_EQ(bad("0,1"), "knob 'schedule': value 1 (0) is outside [0.01, 1]");
    const vp::MethodSpec tome = specOf("tome");
    EXPECT_NE(message([&] { knobs({{"layer_r", "4,2.5"}}).validate(tome); }).find("knob 'layer_r'"), std::string::npos);
    EXPECT_NE(message([&] { knobs({{"layer_r", "4,-1"}}).validate(tome); }).find("knob 'layer_r'"), std::string::npos);
}

TEST(Schedule, WrongLengthFailsInPrepareNamingTheKnob) {
    for (const std::string id : {"evit", "attn-topk", "random"}) {
        vp::MethodPtr m = vp::builtinRegistry().create(id, knobs({{"schedule", "1,0.5,1"}}));
        EXPECT_EQ(message([&] { m->prepare(model()); }),
                  "knob 'schedule': 3 values for a model with 12 blocks; give one value per block (or leave it empty)")
            << id;
    }
    vp::MethodPtr t = vp::builtinRegistry().create("tome", knobs({{"layer_r", "4"}}));
    EXPECT_EQ(message([&] { t->prepare(model()); }),
              "knob 'layer_r': 1 value for a model with 12 blocks; give one value per block (or leave it empty)");
    EXPECT_THROW(vp::methodGMacs(model(), "evit", knobs({{"schedule", "0.5,0.5"}})), vp::Error);
}

TEST(Schedule, MirroringKeepAndLocationsIsTheSameForward) {
    c10::InferenceMode guard;
    const at::Tensor x = images();
    for (const std::string id : {"evit", "attn-topk", "random"}) {
        const vp::ForwardResult fixed = run(id, knobs({{"keep", "0.7"}, {"locations", "3,6,9"}}), x);
        // The schedule replaces keep and locations: their values no longer matter.
        const vp::ForwardResult sched = run(id, knobs({{"keep", "0.2"}, {"locations", "0"}, {"schedule", kMirror}}), x);
        EXPECT_TRUE(at::equal(fixed.logits, sched.logits)) << id;
        for (int b = 0; b < 2; ++b) EXPECT_EQ(mlpTokens(fixed, b), mlpTokens(sched, b)) << id;
        EXPECT_EQ(vp::traceMacs(model(), fixed.trace), vp::traceMacs(model(), sched.trace)) << id;
    }
    // EViT: 49 -> 35 kept + fused at block 3, 36 -> 26 + fused at 6, 27 -> 19 + fused at 9 (+ CLS).
    const vp::ForwardResult r = run("evit", knobs({{"schedule", kMirror}}), x);
    EXPECT_EQ(mlpTokens(r), (std::vector<int>{50, 50, 50, 37, 37, 37, 28, 28, 28, 21, 21, 21}));
}

TEST(Schedule, ForwardKeepsExactlyTheScheduledCounts) {
    c10::InferenceMode guard;
    const at::Tensor x = images();
    const std::vector<double> keep{0.9, 1, 0.5, 1, 0.8, 0.33, 1, 1, 0.5, 0.01, 1, 1};
    std::string text;
    for (double k : keep) text += (text.empty() ? "" : ",") + std::to_string(k);
    for (const std::string id : {"evit", "attn-topk", "random"}) {
        const bool fused = id == "evit";
        const vp::ForwardResult r = run(id, knobs({{"schedule", text}}), x);
        // Count rule of every keep ratio: ceil(keep * current non-CLS tokens), + the fused token.
        std::vector<int> expected;
        int rest = 49;
        for (double k : keep) {
            if (k < 1) {
                const int kept = static_cast<int>(std::ceil(k * rest));
                if (kept < rest) rest = kept + (fused ? 1 : 0);
            }
            expected.push_back(1 + rest);
        }
        for (int b = 0; b < 2; ++b) EXPECT_EQ(mlpTokens(r, b), expected) << id << " sample " << b;
    }
    // Spelled out for attention top-k: 45, 23, 19, 7, 4, 1 patches.
    EXPECT_EQ(mlpTokens(run("attn-topk", knobs({{"schedule", text}}), x)),
              (std::vector<int>{46, 46, 24, 24, 20, 8, 8, 8, 5, 2, 2, 2}));
}

TEST(Schedule, TomePerBlockR) {
    c10::InferenceMode guard;
    const at::Tensor x = images();
    // Constant r=6 and the decreasing schedule, written out per block, are the same forward.
    for (const std::string mode : {"constant", "decreasing"}) {
        const KnobValues base = knobs({{"r", "6"}, {"schedule", mode}});
        vp::MethodPtr m = vp::builtinRegistry().create("tome", base);
        m->prepare(model());
        const std::vector<double> perBlock = m->blockSchedule();
        ASSERT_EQ(perBlock.size(), 12u);
        std::string text;
        for (double r : perBlock) text += (text.empty() ? "" : ",") + std::to_string(static_cast<int>(r));
        const vp::ForwardResult a = run("tome", base, x);
        const vp::ForwardResult b = run("tome", knobs({{"r", "0"}, {"layer_r", text}}), x);
        EXPECT_TRUE(at::equal(a.logits, b.logits)) << mode << " " << text;
        EXPECT_EQ(mlpTokens(a), mlpTokens(b)) << mode;
    }
    // Exact counts: 49 patches lose r per block, at most half of them.
    const vp::ForwardResult r = run("tome", knobs({{"layer_r", "0,10,0,30,5,0,0,1,0,0,0,2"}}), x);
    EXPECT_EQ(mlpTokens(r), (std::vector<int>{50, 40, 40, 21, 16, 16, 16, 15, 15, 15, 15, 13}));
}

TEST(Schedule, BlockScheduleIsWhatEachBlockUses) {
    auto schedule = [](const std::string& id, const KnobValues& v) {
        vp::MethodPtr m = vp::builtinRegistry().create(id, v);
        m->prepare(model());
        return m->blockSchedule();
    };
    const std::vector<double> mirror{1, 1, 1, 0.7, 1, 1, 0.7, 1, 1, 0.7, 1, 1};
    EXPECT_EQ(schedule("evit", {}), mirror);  // defaults: keep 0.7 at 3,6,9
    EXPECT_EQ(schedule("random", {}), mirror);
    EXPECT_EQ(schedule("attn-topk", knobs({{"keep", "0.5"}, {"locations", "0,11"}})),
              (std::vector<double>{0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.5}));
    EXPECT_EQ(schedule("evit", knobs({{"schedule", "0.5,1,1,1,1,1,1,1,1,1,1,0.25"}})),
              (std::vector<double>{0.5, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.25}));
    EXPECT_EQ(schedule("tome", knobs({{"r", "3"}})), std::vector<double>(12, 3.0));
    EXPECT_TRUE(schedule("dense", {}).empty());
    EXPECT_TRUE(schedule("ltp", {}).empty());
}

TEST(Schedule, BudgetSolverRefusesWhileTheScheduleReplacesTheMainKnob) {
    const std::string msg = message([] { vp::BudgetSolver(model(), "evit", knobs({{"schedule", kMirror}})); });
    EXPECT_EQ(msg,
              "method 'evit': the per-block schedule (knob 'schedule') is set and replaces the main knob 'keep', so no "
              "setting of 'keep' can meet a budget; clear the schedule (--set schedule=) to solve for one");
    EXPECT_NE(message([] {
                  vp::solveForBudget(model(), "tome", knobs({{"layer_r", "1,1,1,1,1,1,1,1,1,1,1,1"}}), 0.01);
              }).find("knob 'layer_r'"),
              std::string::npos);
    // An empty schedule is no schedule: the solver works as before.
    const double dense = vp::toG(vp::denseMacs(model()));
    const KnobValues solved = vp::solveForBudget(model(), "evit", knobs({{"schedule", ""}}), 0.8 * dense, 0.02);
    EXPECT_LE(vp::methodGMacs(model(), "evit", solved), 0.8 * dense * 1.001);
    EXPECT_EQ(solved.raw().at("schedule"), "");
}

TEST(Schedule, GmacsFollowTheSchedule) {
    const double fixed = vp::methodGMacs(model(), "evit", knobs({{"keep", "0.7"}}));
    EXPECT_DOUBLE_EQ(vp::methodGMacs(model(), "evit", knobs({{"schedule", kMirror}})), fixed);
    const double early = vp::methodGMacs(model(), "evit", knobs({{"schedule", "0.7,1,1,0.7,1,1,0.7,1,1,0.7,1,1"}}));
    EXPECT_LT(early, fixed);  // pruning from block 0 as well costs less
}

TEST(Schedule, TextRoundTripsThroughSettingsAndSweepFiles) {
    const vp::MethodSpec spec = specOf("evit");
    const std::string text = "1,1,1,0.65,1,1,0.7,1,1,0.5,1,0.25";
    // --set K=V (CLI and studio command line).
    KnobValues set;
    set.setFromAssignment(std::string("schedule=") + text);
    set.setFromAssignment("keep=0.7");
    EXPECT_EQ(set.raw().at("schedule"), text);
    set.validate(spec);
    // The "settings" object of predict/eval/bench JSON: knob id -> text.
    nlohmann::json settings = nlohmann::json::object();
    for (const auto& [k, v] : set.raw()) settings[k] = v;
    KnobValues back;
    const nlohmann::json parsed = nlohmann::json::parse(settings.dump());
    for (const auto& [k, v] : parsed.items()) back.set(k, v.get<std::string>());
    EXPECT_EQ(back.raw(), set.raw());
    // Sweep files (JSON and the CSV beside it).
    vp::SweepResult r;
    r.model = "m";
    r.dataset = "d";
    r.limit = 10;
    r.pointsPerMethod = 1;
    r.plannedPoints = 1;
    vp::SweepPoint p;
    p.settings = set.raw();
    p.gmacs = 0.1;
    p.images = 10;
    r.methods.push_back({"evit", {p}});
    const vp::SweepResult loaded = vp::sweepFromJson(vp::sweepToJson(r), "test.json");
    ASSERT_EQ(loaded.methods.size(), 1u);
    ASSERT_EQ(loaded.methods[0].points.size(), 1u);
    EXPECT_EQ(loaded.methods[0].points[0].settings, set.raw());
    const std::string csv = vp::sweepToCsv(r);
    EXPECT_NE(csv.find("evit,\"keep=0.7;schedule=" + text + "\","), std::string::npos) << csv;
    // And the loaded text configures the same method.
    KnobValues again;
    for (const auto& [k, v] : loaded.methods[0].points[0].settings) again.set(k, v);
    EXPECT_EQ(again.numberList(spec, "schedule"), set.numberList(spec, "schedule"));
}

}  // namespace
