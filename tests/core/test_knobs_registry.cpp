// Knob parsing/validation and the method registry.
#include <gtest/gtest.h>

#include "common/error.h"
#include "prune/registry.h"

namespace {

vp::MethodSpec fakeSpec() {
    vp::MethodSpec s;
    s.id = "fake";
    s.knobs = {
        {"ratio", "Ratio", vp::KnobType::Number, 0.1, 1.0, 0.01, "0.5", {}, ""},
        {"r", "Tokens", vp::KnobType::Integer, 0, 16, 1, "8", {}, ""},
        {"on", "On", vp::KnobType::Bool, 0, 1, 1, "true", {}, ""},
        {"mode", "Mode", vp::KnobType::Choice, 0, 0, 0, "a", {"a", "b"}, ""},
        {"where", "Where", vp::KnobType::IntList, 0, 11, 1, "3,6,9", {}, ""},
    };
    return s;
}

std::string errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const vp::Error& e) {
        return e.what();
    }
    return "";
}

TEST(Knobs, DefaultsAndSetValuesParse) {
    const vp::MethodSpec s = fakeSpec();
    vp::KnobValues v;
    EXPECT_DOUBLE_EQ(v.number(s, "ratio"), 0.5);
    EXPECT_EQ(v.intList(s, "where"), (std::vector<int>{3, 6, 9}));
    v.setFromAssignment("ratio=0.7");
    v.setFromAssignment("where=2,4");
    v.set("on", "off");
    EXPECT_DOUBLE_EQ(v.number(s, "ratio"), 0.7);
    EXPECT_EQ(v.intList(s, "where"), (std::vector<int>{2, 4}));
    EXPECT_FALSE(v.flag(s, "on"));
    EXPECT_NO_THROW(v.validate(s));
}

TEST(Knobs, AbsurdValuesGiveErrorsNamingTheKnob) {
    const vp::MethodSpec s = fakeSpec();
    auto bad = [&](const std::string& id, const std::string& value) {
        vp::KnobValues v;
        v.set(id, value);
        return errorOf([&] { v.validate(s); });
    };
    EXPECT_NE(bad("ratio", "1e308").find("'ratio'"), std::string::npos);
    EXPECT_NE(bad("ratio", "nan").find("not a number"), std::string::npos);
    EXPECT_NE(bad("ratio", "0.5x").find("not a number"), std::string::npos);
    EXPECT_NE(bad("r", "2.5").find("not an integer"), std::string::npos);
    EXPECT_NE(bad("r", "-1").find("outside"), std::string::npos);
    EXPECT_NE(bad("on", "maybe").find("'on'"), std::string::npos);
    EXPECT_NE(bad("mode", "c").find("not one of a, b"), std::string::npos);
    EXPECT_NE(bad("where", "3,99").find("outside"), std::string::npos);
    EXPECT_NE(bad("nope", "1").find("has no knob 'nope'"), std::string::npos);
    EXPECT_NE(errorOf([] { vp::KnobValues().setFromAssignment("novalue"); }).find("KNOB=VALUE"), std::string::npos);
}

TEST(Registry, ListsDenseAndRandomAndRejectsUnknownIds) {
    const vp::Registry& r = vp::builtinRegistry();
    EXPECT_TRUE(r.contains("dense"));
    EXPECT_TRUE(r.contains("random"));
    const std::string msg = errorOf([&] { r.create("no-such-method"); });
    EXPECT_NE(msg.find("unknown method 'no-such-method'"), std::string::npos);
    EXPECT_NE(msg.find("dense"), std::string::npos);
    for (const vp::MethodSpec& s : r.specs()) {
        EXPECT_FALSE(s.paper.empty()) << s.id;
        if (!s.mainKnob.empty()) EXPECT_NE(s.knob(s.mainKnob), nullptr) << s.id;
        vp::KnobValues defaults;
        EXPECT_NO_THROW(defaults.validate(s)) << s.id;
    }
}

}  // namespace
