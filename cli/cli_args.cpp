#include "cli_args.h"

#include <cmath>
#include <sstream>

#include "common/error.h"
#include "common/parse_number.h"

namespace vp::cli {

Args::Args(int argc, char** argv, int first, const std::set<std::string>& switches) {
    for (int i = first; i < argc; ++i) {
        std::string a = argv[i];
        if (a.rfind("--", 0) != 0 || a == "--") {
            m_positionals.push_back(a);
            continue;
        }
        std::string flag = a, value;
        bool inlineValue = false;
        if (auto eq = a.find('='); eq != std::string::npos) {
            flag = a.substr(0, eq);
            value = a.substr(eq + 1);
            inlineValue = true;
        }
        if (switches.count(flag)) {
            m_flags[flag] = "1";
            continue;
        }
        if (!inlineValue) {
            // Judged in allowOnly: an unknown flag at the end is "unknown option", not this.
            if (i + 1 >= argc) {
                m_missingValue = flag;
                continue;
            }
            value = argv[++i];
        }
        if (flag == "--set")
            m_sets.push_back(value);
        else
            m_flags[flag] = value;
    }
}

std::string Args::positional(size_t i, const std::string& name) const {
    if (i >= m_positionals.size()) throw Error("missing argument " + name);
    return m_positionals[i];
}

bool Args::has(const std::string& flag) const { return m_flags.count(flag) != 0; }

std::string Args::value(const std::string& flag, const std::string& fallback) const {
    auto it = m_flags.find(flag);
    return it == m_flags.end() ? fallback : it->second;
}

double Args::doubleValue(const std::string& flag, double fallback, double min, double max) const {
    if (!has(flag)) return fallback;
    const std::string text = value(flag);
    const std::optional<double> parsed = parseFiniteNumber(text);
    if (!parsed) throw Error(flag + ": '" + text + "' is not a number");
    const double v = *parsed;
    if (v < min || v > max) {
        // min is a tiny positive number where zero itself is excluded (--budget): say so.
        if (v <= 0 && min > 0 && min < 1e-6) throw Error(flag + ": " + text + " must be greater than 0");
        std::ostringstream s;
        s << flag << ": " << text << " is outside [" << min << ", " << max << "]";
        throw Error(s.str());
    }
    return v;
}

int Args::intValue(const std::string& flag, int fallback, int min, int max) const {
    const double v = doubleValue(flag, fallback, min, max);
    if (v != std::floor(v)) throw Error(flag + ": '" + value(flag) + "' is not an integer");
    return static_cast<int>(v);
}

void Args::allowOnly(const std::set<std::string>& allowed) const {
    for (const auto& [flag, v] : m_flags)
        if (!allowed.count(flag)) throw Error("unknown option " + flag);
    if (!m_sets.empty() && !allowed.count("--set")) throw Error("unknown option --set");
    if (!m_missingValue.empty()) {
        if (!allowed.count(m_missingValue)) throw Error("unknown option " + m_missingValue);
        throw Error(m_missingValue + ": missing value");
    }
}

}  // namespace vp::cli
