#include "prune/knob.h"
#include "prune/method_text.h"

#include <cmath>
#include <sstream>

#include "common/error.h"
#include "common/parse_number.h"

namespace vp {
namespace {

std::string describe(const Knob& k) {
    std::ostringstream s;
    s << "knob '" << k.id << "'";
    return s.str();
}

double parseNumber(const Knob& k, const std::string& text) {
    const std::optional<double> v = parseFiniteNumber(text);
    if (!v) throw Error(describe(k) + ": '" + text + "' is not a number");
    return *v;
}

void checkRange(const Knob& k, double v) {
    if (v < k.min - 1e-9 || v > k.max + 1e-9) {
        std::ostringstream s;
        s << describe(k) << ": " << v << " is outside [" << k.min << ", " << k.max << "]";
        throw Error(s.str());
    }
}

const Knob& knobOf(const MethodSpec& spec, const std::string& id) {
    const Knob* k = spec.knob(id);
    if (!k) throw Error("method '" + spec.id + "' has no knob '" + id + "'", Error::Kind::Internal);
    return *k;
}

std::string trimmed(const std::string& s) {
    const size_t a = s.find_first_not_of(" \t");
    if (a == std::string::npos) return "";
    return s.substr(a, s.find_last_not_of(" \t") - a + 1);
}

}  // namespace

const Knob* MethodSpec::knob(const std::string& knobId) const {
    for (const Knob& k : knobs)
        if (k.id == knobId) return &k;
    return nullptr;
}

std::string knobTypeName(KnobType t) {
    switch (t) {
        case KnobType::Number:
            return "number";
        case KnobType::Integer:
            return "integer";
        case KnobType::Bool:
            return "bool";
        case KnobType::Choice:
            return "choice";
        case KnobType::IntList:
            return "int_list";
        case KnobType::NumberList:
            return "number_list";
    }
    return "number";
}

std::string settingsText(const std::map<std::string, std::string>& values, const std::string& separator) {
    std::string out;
    for (const auto& [id, v] : values)
        if (!v.empty()) out += (out.empty() ? "" : separator) + id + "=" + v;
    return out;
}

std::string settingsText(const KnobValues& values, const std::string& separator) {
    return settingsText(values.raw(), separator);
}

void KnobValues::setFromAssignment(const std::string& assignment) {
    const size_t eq = assignment.find('=');
    if (eq == std::string::npos || eq == 0) throw Error("--set '" + assignment + "': expected KNOB=VALUE");
    set(assignment.substr(0, eq), assignment.substr(eq + 1));
}

std::string KnobValues::text(const MethodSpec& spec, const std::string& id) const {
    const Knob& k = knobOf(spec, id);
    auto it = m_values.find(id);
    return it == m_values.end() ? k.defaultValue : it->second;
}

double KnobValues::number(const MethodSpec& spec, const std::string& id) const {
    const Knob& k = knobOf(spec, id);
    double v = parseNumber(k, text(spec, id));
    checkRange(k, v);
    return v;
}

int KnobValues::integer(const MethodSpec& spec, const std::string& id) const {
    const Knob& k = knobOf(spec, id);
    double v = parseNumber(k, text(spec, id));
    if (v != std::floor(v)) throw Error(describe(k) + ": '" + text(spec, id) + "' is not an integer");
    checkRange(k, v);
    return static_cast<int>(v);
}

bool KnobValues::flag(const MethodSpec& spec, const std::string& id) const {
    const std::string t = text(spec, id);
    if (t == "true" || t == "1" || t == "on" || t == "yes") return true;
    if (t == "false" || t == "0" || t == "off" || t == "no") return false;
    throw Error("knob '" + id + "': '" + t + "' is not on/off (true/false)");
}

std::string KnobValues::choice(const MethodSpec& spec, const std::string& id) const {
    const Knob& k = knobOf(spec, id);
    const std::string t = text(spec, id);
    for (const std::string& c : k.choices)
        if (c == t) return t;
    std::string all;
    for (const std::string& c : k.choices) all += (all.empty() ? "" : ", ") + c;
    throw Error(describe(k) + ": '" + t + "' is not one of " + all);
}

std::vector<int> KnobValues::intList(const MethodSpec& spec, const std::string& id) const {
    const Knob& k = knobOf(spec, id);
    std::vector<int> out;
    std::stringstream ss(text(spec, id));
    std::string item;
    while (std::getline(ss, item, ',')) {
        if (item.empty()) continue;
        double v = parseNumber(k, item);
        if (v != std::floor(v)) throw Error(describe(k) + ": '" + item + "' is not an integer");
        checkRange(k, v);
        out.push_back(static_cast<int>(v));
    }
    return out;
}

std::vector<double> KnobValues::numberList(const MethodSpec& spec, const std::string& id) const {
    const Knob& k = knobOf(spec, id);
    const std::string all = trimmed(text(spec, id));
    std::vector<double> out;
    if (all.empty()) return out;
    std::stringstream ss(all);
    std::string item;
    while (std::getline(ss, item, ',')) {
        const std::string t = trimmed(item);
        const std::string where = describe(k) + ": value " + std::to_string(out.size() + 1);
        if (t.empty()) throw Error(where + " is empty (expected comma-separated numbers, e.g. 1,1,0.7)");
        const std::optional<double> v = parseFiniteNumber(t);
        if (!v) throw Error(where + " ('" + t + "') is not a number");
        if (*v < k.min - 1e-9 || *v > k.max + 1e-9) {
            std::ostringstream s;
            s << where << " (" << *v << ") is outside [" << k.min << ", " << k.max << "]";
            throw Error(s.str());
        }
        out.push_back(*v);
    }
    if (all.back() == ',')
        throw Error(describe(k) + ": value " + std::to_string(out.size() + 1) + " is empty (trailing comma)");
    return out;
}

bool KnobValues::hasSchedule(const MethodSpec& spec) const {
    if (spec.scheduleKnob.empty() || !spec.knob(spec.scheduleKnob)) return false;
    return !trimmed(text(spec, spec.scheduleKnob)).empty();
}

void checkPerBlockCount(const std::string& knobId, size_t count, int depth) {
    if (count == 0 || static_cast<int>(count) == depth) return;
    throw Error("knob '" + knobId + "': " + std::to_string(count) + (count == 1 ? " value" : " values") +
                " for a model with " + std::to_string(depth) + " blocks; give one value per block (or leave it empty)");
}

void KnobValues::validate(const MethodSpec& spec) const {
    for (const auto& [id, value] : m_values) {
        if (!spec.knob(id)) {
            std::string known;
            for (const Knob& k : spec.knobs) known += (known.empty() ? "" : ", ") + k.id;
            throw Error("method '" + spec.id + "' has no knob '" + id + "'" +
                        (known.empty() ? " (it has no knobs)" : " (knobs: " + known + ")"));
        }
    }
    for (const Knob& k : spec.knobs) {
        switch (k.type) {
            case KnobType::Number:
                number(spec, k.id);
                break;
            case KnobType::Integer:
                integer(spec, k.id);
                break;
            case KnobType::Bool:
                flag(spec, k.id);
                break;
            case KnobType::Choice:
                choice(spec, k.id);
                break;
            case KnobType::IntList:
                intList(spec, k.id);
                break;
            case KnobType::NumberList:
                numberList(spec, k.id);
                break;
        }
    }
}

std::vector<std::string> translatableTexts(const MethodSpec& spec) {
    std::vector<std::string> out;
    auto add = [&out](const std::string& text) {
        if (!text.empty()) out.push_back(text);
    };
    add(spec.name);
    add(spec.help);
    for (const Knob& k : spec.knobs) {
        add(k.label);
        add(k.help);
    }
    add(spec.requirements.learnedWhat);
    return out;
}

}  // namespace vp
