// readyMethod(): the one sequence every caller uses to get a method ready, always
// create → validate/configure → patchModel → prepare → calibrate; the calibration provider is
// asked only when the method wants images; cache tags follow the app and behaviour versions.
#include <c10/core/InferenceMode.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "common/error.h"
#include "eval/latency.h"
#include "prune/flops.h"
#include "prune/method_setup.h"
#include "prune/registry.h"
#include "support/small_vit.h"

namespace {

std::vector<std::string>& calls() {
    static std::vector<std::string> log;
    return log;
}

// Records the hooks readyMethod calls, in order; wants `calib` calibration images.
class OrderProbe : public vp::PruneMethod {
public:
    vp::MethodSpec spec() const override {
        vp::MethodSpec s;
        s.id = "test-order-probe";
        s.name = "Order probe";
        s.paper = "none (a test of readyMethod)";
        s.family = "test";  // outside every family list (efficiency defaults, the studio's groups)
        s.behaviourVersion = 3;
        s.knobs = {{"calib", "Calibration images", vp::KnobType::Integer, 0, 100, 1, "0", {}, ""}};
        return s;
    }
    void configure(const vp::KnobValues& v) override {
        m_calib = v.integer(spec(), "calib");
        calls().push_back("configure");
    }
    std::optional<vp::ViTModel> patchModel(const vp::ViTModel&) const override {
        calls().push_back("patchModel");
        return std::nullopt;
    }
    void prepare(const vp::ViTModel&) override { calls().push_back("prepare"); }
    int calibrationImages() const override { return m_calib; }
    void calibrate(const vp::ViTModel&, const std::vector<at::Tensor>& batches) override {
        calls().push_back("calibrate:" + std::to_string(batches.size()));
    }

private:
    int m_calib = 0;
};

// The same as a structural method: it decides from the unpruned model, so it calibrates first.
class StructuralOrderProbe : public OrderProbe {
public:
    vp::MethodSpec spec() const override {
        vp::MethodSpec s = OrderProbe::spec();
        s.id = "test-structural-probe";
        s.family = "structural";
        return s;
    }
};

const bool kRegistered = [] {
    vp::registerMethod([] { return std::make_unique<OrderProbe>(); });
    vp::registerMethod([] { return std::make_unique<StructuralOrderProbe>(); });
    return true;
}();

}  // namespace

TEST(MethodSetup, ReadyMethodRunsTheStepsInOneOrder) {
    ASSERT_TRUE(kRegistered);
    c10::InferenceMode guard;
    const vp::ViTModel model = vp::randomModel(vp::test::smallConfig(2), 1);
    calls().clear();
    (void)vp::readyMethod(model, "test-order-probe", {});
    EXPECT_EQ(calls(), (std::vector<std::string>{"configure", "patchModel", "prepare"}));

    calls().clear();
    int asked = 0;
    vp::KnobValues values;
    values.set("calib", "5");
    const vp::ReadyMethod ready = vp::readyMethod(model, "test-order-probe", values, [&](int count) {
        asked = count;
        return std::vector<at::Tensor>{vp::randomInput(model, 3), vp::randomInput(model, 2)};
    });
    EXPECT_EQ(asked, 5);
    EXPECT_EQ(calls(), (std::vector<std::string>{"configure", "patchModel", "prepare", "calibrate:2"}));
    EXPECT_EQ(&ready.model(), &model);  // no structural change: the model given

    // A method that wants images and gets no provider is refused, naming it and the count.
    try {
        (void)vp::readyMethod(model, "test-order-probe", values);
        FAIL() << "no calibration provider was accepted";
    } catch (const vp::Error& e) {
        EXPECT_NE(std::string(e.what()).find("test-order-probe"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("5 calibration images"), std::string::npos) << e.what();
    }
    // A structural method calibrates on the model it prunes, before patchModel.
    calls().clear();
    (void)vp::readyMethod(model, "test-structural-probe", values, vp::calibrationFrom({vp::randomInput(model, 5)}));
    EXPECT_EQ(calls(), (std::vector<std::string>{"configure", "calibrate:1", "patchModel", "prepare"}));
    // Bad values never reach configure().
    calls().clear();
    values.set("calib", "101");
    EXPECT_THROW((void)vp::readyMethod(model, "test-order-probe", values), vp::Error);
    EXPECT_TRUE(calls().empty());
}

TEST(MethodSetup, StructuralMethodsRunOnTheirSmallerModel) {
    // Every built-in method gets ready on the small model through the same function, and the
    // model it returns is the given one (token methods) or, for a structural method, a smaller copy.
    c10::InferenceMode guard;
    const vp::ViTModel model = vp::randomModel(vp::test::smallConfig(12), 2);
    const vp::CalibrationProvider calib = vp::calibrationFrom({vp::randomInput(model, 4)});
    for (const vp::MethodSpec& s : vp::builtinRegistry().specs()) {
        if (s.id.rfind("test-", 0) == 0) continue;
        const vp::ReadyMethod ready = vp::readyMethod(model, s.id, {}, calib);
        const vp::ForwardResult out = ready.model().forward(vp::randomInput(model, 2), *ready);
        EXPECT_EQ(out.logits.size(0), 2) << s.id;
        if (!ready.patched) EXPECT_EQ(&ready.model(), &model) << s.id;
        if (s.family == "structural") {
            ASSERT_TRUE(ready.patched) << s.id;
            EXPECT_LT(vp::denseMacs(ready.model()), vp::denseMacs(model)) << s.id;
            EXPECT_LT(ready.model().parameterCount(), model.parameterCount()) << s.id;
        }
    }
}

TEST(MethodSetup, CacheTagsFollowTheAppAndBehaviourVersions) {
    ASSERT_TRUE(kRegistered);
    const std::string tag = vp::methodCacheTag("test-order-probe");
    EXPECT_EQ(tag, std::string("vitprune ") + VITPRUNE_VERSION + "; test-order-probe behaviour 3");
    vp::MethodSpec bumped = vp::builtinRegistry().spec("test-order-probe");
    bumped.behaviourVersion = 4;
    EXPECT_NE(vp::methodCacheTag(bumped), tag);
    EXPECT_EQ(vp::methodCacheTag(""), vp::methodCacheTag("dense"));
    EXPECT_NE(vp::methodCacheTag("gone-method").find("not registered"), std::string::npos);

    // The latency cache key holds the tag: another behaviour is another key.
    vp::LatencyKey a;
    a.method = "test-order-probe";
    vp::LatencyKey b = a;
    b.method = "evit";
    EXPECT_NE(a.text().find(tag), std::string::npos) << a.text();
    EXPECT_NE(a.text(), b.text());
}

TEST(MethodSetup, OneWayToPrintASetting) {
    std::map<std::string, std::string> s{{"r", "8"}, {"layer_r", ""}, {"prop_attn", "true"}};
    EXPECT_EQ(vp::settingsText(s), "prop_attn=true r=8");
    EXPECT_EQ(vp::settingsText(s, ";"), "prop_attn=true;r=8");
    EXPECT_EQ(vp::settingsText(std::map<std::string, std::string>{}), "");
    EXPECT_EQ(vp::settingsText(vp::knobValuesFrom(s), ","), "prop_attn=true,r=8");
}
