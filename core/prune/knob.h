#pragma once
// Knobs a method exposes, and the values a user set. The GUI builds its panel from these alone.
#include <map>
#include <string>
#include <vector>

namespace vp {

enum class KnobType { Number, Integer, Bool, Choice, IntList };

struct Knob {
    std::string id, label;
    KnobType type = KnobType::Number;
    double min = 0, max = 1, step = 0.01;
    std::string defaultValue;            // text form: "0.7", "13", "true", "3,6,9", "constant"
    std::vector<std::string> choices;    // for Choice
    std::string help;
};

struct MethodSpec {
    std::string id, name, paper, family;  // family: token | structural | video | baseline
    std::string help;                      // one line for the GUI
    std::vector<Knob> knobs;
    std::string mainKnob;                  // the knob the keep-ratio / budget sliders drive
    bool mainKnobIncreasesCost = true;     // false when a larger value prunes more (ToMe's r)
    bool trainingFree = true;
    const Knob* knob(const std::string& id) const;
};

// Values as text, validated against a MethodSpec. Missing ids take the knob default.
class KnobValues {
public:
    KnobValues() = default;
    void set(const std::string& id, const std::string& value) { m_values[id] = value; }
    bool has(const std::string& id) const { return m_values.count(id) != 0; }
    const std::map<std::string, std::string>& raw() const { return m_values; }

    // Parse "K=V" (CLI --set). Throws vp::Error on a malformed pair.
    void setFromAssignment(const std::string& assignment);

    // Typed getters; throw vp::Error naming the knob when the text does not parse or is out
    // of the knob's range.
    double number(const MethodSpec& spec, const std::string& id) const;
    int integer(const MethodSpec& spec, const std::string& id) const;
    bool flag(const MethodSpec& spec, const std::string& id) const;
    std::string choice(const MethodSpec& spec, const std::string& id) const;
    std::vector<int> intList(const MethodSpec& spec, const std::string& id) const;

    // Every value parses and lies in range; unknown ids are an error.
    void validate(const MethodSpec& spec) const;

private:
    std::string text(const MethodSpec& spec, const std::string& id) const;
    std::map<std::string, std::string> m_values;
};

std::string knobTypeName(KnobType t);

}  // namespace vp
