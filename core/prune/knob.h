#pragma once
// Knobs a method exposes, and the values a user set. The GUI builds its panel from these alone.
#include <map>
#include <string>
#include <vector>

namespace vp {

// NumberList: comma-separated numbers, each within [min, max] (per-block schedules); empty text
// is an empty list.
enum class KnobType { Number, Integer, Bool, Choice, IntList, NumberList };

struct Knob {
    std::string id, label;
    KnobType type = KnobType::Number;
    double min = 0, max = 1, step = 0.01;
    std::string defaultValue;          // text form: "0.7", "13", "true", "3,6,9", "constant", ""
    std::vector<std::string> choices;  // for Choice
    std::string help;
};

// What a method needs of a model, declared next to its knobs so that the compatibility report
// (model/compatibility.h) judges any checkpoint from the spec alone, never by method id.
struct MethodRequirements {
    // Ranks tokens by the CLS query's attention row. That row tells which patches matter only
    // when the head reads the CLS token (pool "token"); with average pooling it does not.
    bool clsAttention = false;
    int minDepth = 1;  // fewest blocks the method can work with
    // Knobs whose values are 0-based block indices (Integer or IntList). Defaults are chosen for
    // DeiT's 12 blocks; on a shallower model the report says which knob to change.
    std::vector<std::string> blockKnobs;
    // Trained parts read from the checkpoint: key prefixes looked up among the model's extra
    // tensors (ViTModel::extras), what they are, and the command that trains them ("{model}"
    // stands for the model). Empty for training-free methods.
    std::vector<std::string> learnedKeys;
    std::string learnedWhat;  // e.g. "score predictors"
    std::string trainCommand;
};

struct MethodSpec {
    std::string id, name, paper, family;  // family: token | structural | video | baseline
    std::string help;                     // one line for the GUI
    std::vector<Knob> knobs;
    std::string mainKnob;               // the knob the keep-ratio / budget sliders drive
    bool mainKnobIncreasesCost = true;  // false when a larger value prunes more (ToMe's r)
    // A list knob (NumberList or IntList) holding one value per block, in the units of the main
    // knob's effect at one block (keep ratio, tokens merged). Empty text: no schedule, the main
    // knob and its blocks apply; set: it replaces them, so the budget solver cannot move the
    // main knob (prune/budget.h). "" when the method takes no per-block schedule.
    std::string scheduleKnob;
    bool trainingFree = true;
    // The kept-token count, and so the cost, depends on the image (LTP's thresholds): analyses
    // that time one random input per setting (efficiency) leave such a method out.
    bool costVariesPerImage = false;
    // Bumped by the method whenever its output for the same knob values changes. On-disk caches
    // (sweeps, latency, calibration) are keyed by it and by the app version, so results of the
    // old behaviour are measured again, never shown.
    int behaviourVersion = 1;
    MethodRequirements requirements;
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
    // Every item must be a number in range ("1,,2" and "1,x" are errors naming the position).
    std::vector<double> numberList(const MethodSpec& spec, const std::string& id) const;
    // The method's per-block schedule knob is set (non-blank text).
    bool hasSchedule(const MethodSpec& spec) const;

    // Every value parses and lies in range; unknown ids are an error.
    void validate(const MethodSpec& spec) const;

private:
    std::string text(const MethodSpec& spec, const std::string& id) const;
    std::map<std::string, std::string> m_values;
};

std::string knobTypeName(KnobType t);

// The one way a setting is printed: "id=value" pairs in id order joined by `separator`, knobs
// with empty text (unset lists such as an unset schedule) left out. Used by titles, cache keys,
// tables and files alike ("" for no knobs).
std::string settingsText(const std::map<std::string, std::string>& values, const std::string& separator = " ");
std::string settingsText(const KnobValues& values, const std::string& separator = " ");

// A per-block list needs exactly one value per block: throws vp::Error naming the knob otherwise.
// Methods call it from prepare(), where the depth is known.
void checkPerBlockCount(const std::string& knobId, size_t count, int depth);

}  // namespace vp
